"""``--format html``: one self-contained page for the people who write and assure plans.

Built from the Report with a Jinja2 template (``templates/report.html.j2``, HTML
escaped automatically): inline CSS and SVG, no script and nothing fetched. Per
plan: its facts, score and a chart of findings per criterion; per recommendation
its concern; per action a row of the SMART grid, each criterion shown by colour
*and* a symbol and word (it prints in black and white), the action text with the
words that triggered a finding marked, owner and target as read, and under each
finding what to write instead. A legend names the criteria; several plans get an
index first. It prints on A4 landscape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from markupsafe import Markup, escape

from checker.formatters import FormatContext, instead_by_code, shown
from checker.models import CRITERIA, CRITERION_NAMES, ActionReport, Finding, Report

NAMES = CRITERION_NAMES
MARK = {"pass": ("\u2713", "pass"), "warn": ("!", "warn"), "fail": ("\u2717", "FAIL")}


@cache
def _template(name: str = "report.html.j2") -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("checker.formatters", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name)


def marked(text: str, words: Iterable[str]) -> Markup:
    """The text, escaped, with each triggering word or phrase in <mark>."""
    wanted = sorted({w for w in words if w and w.strip()}, key=len, reverse=True)
    text = shown(text)
    if not wanted:
        return escape(text)
    pattern = re.compile("|".join(re.escape(shown(w)) for w in wanted), re.IGNORECASE)
    out: list[Markup | str] = []
    last = 0
    for m in pattern.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append(Markup("<mark>") + escape(m.group()) + Markup("</mark>"))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _chart(counts: dict[str, int]) -> dict[str, Any]:
    """Bars of findings per criterion, for the inline SVG."""
    top = max([counts.get(c, 0) for c in (*CRITERIA, "P")] + [1])
    bars = []
    for i, c in enumerate((*CRITERIA, "P")):
        n = counts.get(c, 0)
        bars.append(
            {
                "c": c,
                "n": n,
                "x": 8 + i * 34,
                "h": round(60 * n / top),
                "y": 70 - round(60 * n / top),
            }
        )
    return {"bars": bars, "width": 8 + 7 * 34}


def _place(f: Finding) -> str:
    span = f.spans[0] if f.spans else None
    if span is None:
        return ""
    return span.where or f"line {span.line}"


def _action(act: ActionReport) -> dict[str, Any]:
    words = [w for f in act.findings for w in f.words]
    return {
        "id": act.id,
        "step": act.step,
        "text": marked(act.text, words),
        "owner": shown(act.owner) if act.owner else None,
        "owner_source": act.owner_source,
        "target": shown(act.target) if act.target else None,
        "due": act.due,
        "score": act.score,
        "cells": [
            {
                "c": c,
                "v": act.criteria.get(c, "pass"),
                "sym": MARK[act.criteria.get(c, "pass")][0],
                "word": MARK[act.criteria.get(c, "pass")][1],
            }
            for c in CRITERIA
        ],
        "findings": act.findings,
    }


def format_report(report: Report, context: FormatContext) -> str:
    plans = []
    for n, fr in enumerate(report.files, start=1):
        recs = [
            {
                "id": rec.id,
                "ref": rec.ref,
                "section": rec.section,
                "category": rec.category,
                "concern": shown(rec.concern),
                "score": rec.score,
                "actions": [_action(a) for a in rec.actions],
                "findings": rec.findings,
            }
            for rec in fr.recommendations
        ]
        actions = [a for r in fr.recommendations for a in r.actions]
        failing = {c: sum(1 for a in actions if a.criteria.get(c) == "fail") for c in CRITERIA}
        plans.append(
            {
                "anchor": f"plan-{n}",
                "source": shown(fr.source),
                "establishment": fr.establishment,
                "submitted": fr.submitted,
                "score": fr.score,
                "actions": len(actions),
                "failing": failing,
                "chart": _chart(fr.counts),
                "recs": recs,
                "findings": fr.findings,
                "notices": fr.notices,
            }
        )
    return str(
        _template().render(
            report=report,
            plans=plans,
            errors=[(shown(e.source), shown(e.message)) for e in report.errors],
            names=NAMES,
            criteria=CRITERIA,
            hints=instead_by_code(report),
            place=_place,
            shown=shown,
        )
    )


def format_diff(diff: Any) -> str:
    """``plancheck diff --format html``: the changes between two drafts as one page."""
    return str(
        _template("diff.html.j2").render(
            diff=diff, score=lambda v: "-" if v is None else f"{v:.1f}"
        )
    )


def _shade(value: float | None) -> str:
    """A heat-map background: white for no failures to dark red for all."""
    if value is None:
        return "#ffffff"
    v = max(0.0, min(1.0, value))
    red, green, blue = 255 - round(127 * v), 255 - round(226 * v), 255 - round(226 * v)
    return f"#{red:02x}{green:02x}{blue:02x}"


def format_summary(rows: list[dict[str, Any]], criteria: tuple[str, ...]) -> str:
    """``plancheck summary --format html``: one row per plan, shaded, sortable."""
    return str(
        _template("summary.html.j2").render(
            rows=[{**r, "file": shown(r["file"])} for r in rows],
            criteria=criteria,
            shade=_shade,
            ink=lambda v: "#ffffff" if v is not None and v > 0.55 else "#1a1a1a",
            share=lambda v: "-" if v is None else f"{round(100 * v):d}%",
        )
    )
