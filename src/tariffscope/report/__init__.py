"""The brief: a story in, a sourced and priced analysis of the negotiation out.

:func:`~tariffscope.report.brief.build_brief` assembles a :class:`~tariffscope.report.brief.Brief`
from the stories' records, the tariff law and the economic engines; ``terminal``, ``html`` and
``json_out`` render it.
"""
