"""``tariffscope serve``: the service (ASGI, FastAPI) and its dashboard over one store.

:func:`create_app` builds the application from a :class:`ServiceConfig`; the service owns
the store file (one writer thread fed by a job queue, readers on cursors), answers strict
JSON with one error envelope, and serves a dashboard that works offline.
"""

from tariffscope.serve.app import ServiceConfig, create_app

__all__ = ["ServiceConfig", "create_app"]
