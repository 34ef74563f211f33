"""``--format csv``: one row per action, for a spreadsheet or a study across many plans.

Columns: file, establishment, submitted, recommendation (its number as printed, else
its id), section, action, step, owner, target, due, the six verdicts O T S M R A,
score, and the codes of the action's findings (``;``-separated). A recommendation
with no action gets one row with the action columns empty, so no recommendation
is missing from a count. Cells are written as the csv module quotes them; a cell
that would start with ``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, so a
spreadsheet never runs a plan's text as a formula.
"""

from __future__ import annotations

import csv
import io

from checker.formatters import FormatContext
from checker.models import CRITERIA, Report

HEAD = [
    "file", "establishment", "submitted", "recommendation", "section", "action", "step",
    "owner", "target", "due", *CRITERIA, "score", "findings",
]  # fmt: skip


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def format_report(report: Report, context: FormatContext) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEAD)
    for fr in report.files:
        plan = [fr.source, fr.establishment, fr.submitted]
        for rec in fr.recommendations:
            where = [rec.ref or rec.id, rec.section]
            if not rec.actions:
                writer.writerow([_cell(v) for v in [*plan, *where]] + [""] * (len(HEAD) - 5))
            for act in rec.actions:
                codes = ";".join(sorted({f.code for f in act.findings}))
                verdicts = [act.criteria.get(c, "") for c in CRITERIA]
                row = [*plan, *where, act.id, act.step, act.owner, act.target, act.due]
                writer.writerow([_cell(v) for v in [*row, *verdicts, act.score, codes]])
    return out.getvalue()
