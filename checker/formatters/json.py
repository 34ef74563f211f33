"""``--format json``: the Report model as JSON, exactly (``schemas/report.schema.json``).

``schema_version`` says which shape of the report this is; tools reading it
should check it before anything else.
"""

from __future__ import annotations

from checker.formatters import FormatContext
from checker.models import Report


def format_report(report: Report, context: FormatContext) -> str:
    """The report, indented, with a final newline."""
    return report.model_dump_json(indent=2) + "\n"
