"""``--format text``: the report for a person reading a terminal.

Per recommendation and action: the score, the six criteria as pass / warn /
FAIL, and every finding as ``path:line:col CODE message (severity)``, the
message quoting the words that triggered it
(the form editors and terminals turn into links). Then, per plan, its score,
the findings per criterion and the weakest actions; last, one line for the run
and the gate's verdict. ``--quiet`` keeps only the finding lines; with
``--statistics`` a table of counts per rule stands in for the per-action part.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

import click

from checker.formatters import (
    FormatContext,
    findings_of,
    instead_by_code,
    message,
    shorten,
    shown,
)
from checker.models import (
    CRITERIA,
    CRITERION_NAMES,
    ActionReport,
    FileReport,
    Finding,
    RecommendationReport,
    Report,
)

WEAKEST = 3
SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}
VERDICT_MARK = {"pass": ("pass", "green"), "warn": ("warn", "yellow"), "fail": ("FAIL", "red")}


class Painter:
    """click.style when colour is on, the plain text when it is off."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, fg: str | None = None, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if self.on else text


LEGEND = (
    " · ".join(f"{c} {CRITERION_NAMES[c][0].lower()}" for c in CRITERIA)
    + "  (pass / warn / FAIL per action; P: the plan as a whole)"
)


def format_report(report: Report, context: FormatContext) -> str:
    paint = Painter(context.color)
    if context.quiet:  # the finding lines that need attention: none already baselined
        found = [f for f in findings_of(report) if not context.in_baseline(f)]
        lines = [finding_line(f, paint, context) for f in found]
        return "".join(line + "\n" for line in lines)
    out: list[str] = []
    if context.statistics:
        out.extend(statistics(findings_of(report), paint))
    else:
        hints = instead_by_code(report) if context.hints else {}
        for fr in report.files:
            out.extend(file_block(fr, paint, context, hints))
        if report.files:
            out.append(paint(LEGEND, "white"))
    out.extend(footer(report, paint))
    return "\n".join(out) + "\n"


def finding_line(f: Finding, paint: Painter, context: FormatContext) -> str:
    """``path:line:col CODE message [severity: "words"]``."""
    span = f.spans[0] if f.spans else None
    source = shown(f.source)
    if span is not None and span.where:  # a .docx, .md, .csv ...: its own place, not ours
        where = f"{source} ({shown(span.where)})"
    else:
        where = f"{source}:{span.line}:{span.column}" if span else f"{source}:1:1"
    tail = " (in baseline)" if context.in_baseline(f) else ""
    code = paint(f.code, SEVERITY_COLOUR[f.severity], bold=True)
    severity = paint(f"({f.severity})", SEVERITY_COLOUR[f.severity])
    return f"{paint(where, bold=True)} {code} {shown(message(f))} {severity}{tail}"


def marks(criteria: Mapping[str, str], paint: Painter) -> str:
    out = []
    for c in CRITERIA:
        label, colour = VERDICT_MARK.get(criteria.get(c, "pass"), ("?", "white"))
        out.append(f"{c}:{paint(label, colour)}")
    return " ".join(out)


def _short(text: str, limit: int) -> str:
    return shorten(shown(" ".join(text.split())), limit)


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def file_block(
    fr: FileReport, paint: Painter, context: FormatContext, hints: Mapping[str, str]
) -> list[str]:
    facts = [x for x in (fr.establishment, fr.submitted and f"submitted {fr.submitted}") if x]
    cached = " (cached)" if fr.cached else ""
    head = shown(fr.source) + (f"  {shown(', '.join(facts))}" if facts else "")
    out = [paint(head, bold=True) + cached]
    for rec in fr.recommendations:
        out.extend(recommendation_block(rec, paint, context, hints))
    if fr.findings:
        out.append("")
        out.append("  Plan as a whole")
        for f in fr.findings:
            out.append(f"    {finding_line(f, paint, context)}")
            out.extend(_hint(f, paint, hints))
    if fr.suppressed:
        out.append("")
        out.append(f"  Suppressed ({len(fr.suppressed)})")
        for s in fr.suppressed:
            where = s.action or s.recommendation or "the plan"
            out.append(f"    {s.code} on {where}: {_short(s.reason, 100)} (by {s.by})")
    out.append("")
    out.extend(plan_summary(fr, paint))
    out.append("")
    return out


def recommendation_block(
    rec: RecommendationReport, paint: Painter, context: FormatContext, hints: Mapping[str, str]
) -> list[str]:
    ref = f"ref {shown(rec.ref)}" if rec.ref else "no number"
    section = f", {rec.section}" if rec.section else ""
    category = f", {_short(rec.category, 40)}" if rec.category else ""
    head = f"{rec.id} ({ref}{section}{category})  score {_score(rec.score)}"
    out = ["", paint(head, bold=True)]
    if rec.concern:
        out.append(f"  {_short(rec.concern, 96)}")
    if not rec.actions:
        out.append("  (no actions)")
    for act in rec.actions:
        out.extend(action_block(act, paint, context, hints))
    return out


def action_block(
    act: ActionReport, paint: Painter, context: FormatContext, hints: Mapping[str, str]
) -> list[str]:
    step = f" step {shown(act.step)}" if act.step else ""
    out = [f"  {act.id}{step}  score {_score(act.score)}  {marks(act.criteria, paint)}"]
    out.append(f"    {_short(act.text, 92)}")
    owner = _short(act.owner, 80) if act.owner else "(none)"
    if act.owner_source not in ("own", "none"):
        owner += f" (from {act.owner_source})"
    target = _short(act.target, 60) if act.target else "(none)"
    out.append(f"    owner: {owner} | target: {target}")
    for f in act.findings:
        out.append(f"    {finding_line(f, paint, context)}")
        out.extend(_hint(f, paint, hints))
    return out


def _hint(f: Finding, paint: Painter, hints: Mapping[str, str]) -> list[str]:
    """What to write instead, under a finding (the rule's own words)."""
    instead = hints.get(f.code, "")
    if not instead:
        return []
    return [paint(f"        instead: {_short(instead, 160)}", "white")]


def plan_summary(fr: FileReport, paint: Painter) -> list[str]:
    actions = [a for r in fr.recommendations for a in r.actions]
    head = f"Plan score {_score(fr.score)} over {len(actions)} action(s)"
    per = "  ".join(f"{c} {fr.counts.get(c, 0)}" for c in (*CRITERIA, "P"))
    out = [paint(head, bold=True), f"Findings per criterion: {per}"]
    weak = sorted((a for a in actions if a.score < 100), key=lambda a: a.score)[:WEAKEST]
    if weak:
        out.append("Weakest actions: " + ", ".join(f"{a.id} {_score(a.score)}" for a in weak))
    return out


def statistics(findings: Iterable[Finding], paint: Painter) -> list[str]:
    """Counts per rule: code, name and severity, most frequent first."""
    found = list(findings)
    counts = Counter(f.code for f in found)
    first = {f.code: f for f in reversed(found)}
    order = sorted(counts, key=lambda code: (-counts[code], code))
    out = [f"{'count':>5}  {'code':<8}  {'name':<32}  severity"]
    for code in order:
        f = first[code]
        sev = paint(f.severity, SEVERITY_COLOUR[f.severity])
        out.append(f"{counts[code]:>5}  {code:<8}  {f.name:<32}  {sev}")
    out.append(f"{len(found):>5}  total")
    out.append("")
    return out


def footer(report: Report, paint: Painter) -> list[str]:
    s = report.summary
    sev = ", ".join(f"{s.by_severity.get(k, 0)} {k}" for k in ("error", "warning", "info"))
    files = f"{s.files} file(s)"
    if report.errors:
        files += f" ({len(report.errors)} more could not be read)"
    out = [
        f"{files}, {s.actions} action(s), {s.findings} finding(s) ({sev}); score {_score(s.score)}"
    ]
    if s.baselined is not None and s.fixed is not None:
        out.append(f"Baseline: {s.baselined} finding(s) already in it, {s.fixed} fixed since")
    if not report.files and report.errors:
        out.append("No plan could be read.")
    elif s.gate == "pass":
        out.append("Gate: " + paint("pass", "green", bold=True))
    else:
        out.append("Gate: " + paint("FAIL", "red", bold=True) + " - " + "; ".join(s.gate_reasons))
    return out
