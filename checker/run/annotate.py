"""``plancheck annotate draft.docx -o draft-reviewed.docx``: the findings as Word comments.

The draft is linted as ``plancheck lint`` would lint it, then a copy of the
document is written with one comment, authored "plancheck", anchored on the
paragraph of each action that has findings (in the action's own cell), saying in
plain words what fails and what to write instead, and one comment on the first
paragraph with the plan's score. The original file is never written to.

Places come from the reader: an action's span says "table T, row R" and the
column in the row's tab-joined line, which is walked back to the cell (gridBefore,
gridSpan and merged cells expand as the reader expands them).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.errors import InputError, PlancheckError
from checker.models import CRITERIA, CRITERION_NAMES, ActionReport, FileReport, RuleInfo
from checker.readers.docx import W as _W

AUTHOR = "plancheck"
INITIALS = "PC"
_WHERE = re.compile(r"^table (\d+), row (\d+)$")


def comment_text(act: ActionReport, hints: dict[str, str]) -> str:
    """What fails about one action and what to write instead, in plain words."""
    failing = [CRITERION_NAMES[c][0].lower() for c in CRITERIA if act.criteria.get(c) == "fail"]
    head = f"plancheck {act.id}: score {act.score:.0f}/100"
    if failing:
        head += "; not yet " + ", ".join(failing)
    lines = [head + "."]
    for f in act.findings:
        line = f"- {f.message} ({f.code}, {f.severity})"
        if hints.get(f.code):
            line += f" Instead: {hints[f.code]}"
        lines.append(line)
    return "\n".join(lines)


def annotate(data: bytes, source: str, report: FileReport, rules: Sequence[RuleInfo]) -> bytes:
    """The document with the report's findings as comments (the input bytes are untouched)."""
    import docx
    from docx.text.paragraph import Paragraph

    from checker.readers.docx import body_tables, row_slots, row_texts

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # the reader opened it already; this is a second look
        raise InputError(
            source, f"is not a readable Word document ({type(exc).__name__})"
        ) from None
    hints = {r.code: r.instead for r in rules if r.instead}
    tables = body_tables(document)
    layout = [(list(row_slots(t)), row_texts(document, t)) for t in tables]
    placed = 0
    for rec in report.recommendations:
        for act in rec.actions:
            if not act.findings:
                continue
            paragraph = _paragraph_of(act, layout)
            if paragraph is None:
                continue
            para = Paragraph(paragraph, document._body)
            runs = para.runs or [para.add_run("")]
            lines = comment_text(act, hints).split("\n")
            comment = document.add_comment(runs, text=lines[0], author=AUTHOR, initials=INITIALS)
            for line in lines[1:]:
                comment.add_paragraph(line)
            placed += 1
    first = next((p for p in document.paragraphs if p.runs), None)
    if first is not None:
        score = "-" if report.score is None else f"{report.score:.1f}"
        actions = sum(len(r.actions) for r in report.recommendations)
        text = (
            f"plancheck: plan score {score} over {actions} action(s); "
            f"{placed} action(s) have comments."
        )
        summary = document.add_comment(first.runs, text=text, author=AUTHOR, initials=INITIALS)
        for f in report.findings:
            summary.add_paragraph(f"- {f.message} ({f.code}, {f.severity})")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


Layout = list[tuple[list[tuple[Any, list[Any]]], list[list[str]]]]


def _paragraph_of(act: ActionReport, layout: Layout) -> Any | None:
    """The w:p of the action's own cell that holds its text (the cell's first, else)."""
    span = next((s for s in act.spans if s.where), None)
    m = _WHERE.match(span.where or "") if span else None
    if span is None or m is None:
        return None
    t, r = int(m.group(1)), int(m.group(2))
    if not 1 <= t <= len(layout):
        return None
    rows, texts = layout[t - 1]
    if not 1 <= r <= len(rows):
        return None
    _tr, slots = rows[r - 1]
    line = "\t".join(texts[r - 1])
    index = line[: max(span.column - 1, 0)].count("\t")
    while index >= 0 and (index >= len(slots) or slots[index] is None):
        index -= 1  # a gridSpan's later columns belong to the cell that starts the span
    if index < 0:
        return None
    paragraphs = list(slots[index].iter(_W + "p"))
    start = " ".join(act.text.split()[:4]).lower()[:20]
    for p in paragraphs:
        text = " ".join("".join(t.text or "" for t in p.iter(_W + "t")).split()).lower()
        if start and start in text:
            return p
    return paragraphs[0] if paragraphs else None


def write_annotated(output: Path, data: bytes) -> None:
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise PlancheckError(f"{output}: cannot write: {exc.strerror or exc}") from None
