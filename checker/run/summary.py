"""``plancheck summary PATH...``: one row per plan, for the regional team or a study.

Per plan: file, establishment, submitted, actions, score, and for each criterion the
share of its actions that fail it (0-1). As text (a table), CSV, or HTML (a table
shaded like a heat map; a small inline script sorts it by any column, and without
the script the page still reads).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from checker.models import CRITERIA, FileReport, Report


def rows(report: Report) -> list[dict[str, Any]]:
    out = []
    for fr in report.files:
        acts = [a for r in fr.recommendations for a in r.actions]
        shares = {
            c: (sum(1 for a in acts if a.criteria.get(c) == "fail") / len(acts)) if acts else None
            for c in CRITERIA
        }
        out.append(_row(fr, len(acts), shares))
    return out


def _row(fr: FileReport, actions: int, shares: dict[str, float | None]) -> dict[str, Any]:
    return {
        "file": fr.source,
        "establishment": fr.establishment or "",
        "submitted": fr.submitted or "",
        "actions": actions,
        "score": fr.score,
        **{c: shares[c] for c in CRITERIA},
    }


def _share(value: float | None) -> str:
    return "-" if value is None else f"{round(100 * value):d}%"


def render_text(report: Report) -> str:
    from checker.formatters import shown

    table = rows(report)
    width = max([len("plan"), *(len(shown(r["file"])) for r in table)])
    head = f"{'plan':<{width}}  {'actions':>7}  {'score':>5}  " + "  ".join(
        f"{c + ' fail':>6}" for c in CRITERIA
    )
    out = [head]
    for r in table:
        score = "-" if r["score"] is None else f"{r['score']:.1f}"
        cells = "  ".join(f"{_share(r[c]):>6}" for c in CRITERIA)
        out.append(f"{shown(r['file']):<{width}}  {r['actions']:>7}  {score:>5}  {cells}")
    return "\n".join(out) + "\n"


def render_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "establishment", "submitted", "actions", "score", *CRITERIA])
    for r in rows(report):
        shares = ["" if r[c] is None else f"{r[c]:.3f}" for c in CRITERIA]
        score = "" if r["score"] is None else f"{r['score']:.1f}"
        writer.writerow(
            [r["file"], r["establishment"], r["submitted"], r["actions"], score, *shares]
        )
    return out.getvalue()


def render_html(report: Report) -> str:
    from checker.formatters.html import format_summary

    return format_summary(rows(report), CRITERIA)
