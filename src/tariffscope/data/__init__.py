"""Public data: official sources (URLs, checksums, download), loaders for public formats,
the build of the embedded tables, and ``embedded/`` (small derived tables, see PROVENANCE.md).
"""
