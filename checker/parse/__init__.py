"""Text grid -> Plan: header facts, column headings, sections, rows, cells, steps, owners.

``parse_document`` never raises on what a user wrote: text it cannot place in a
field becomes an ``Unplaced`` item of the Plan, which the rules report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker.models import (
    Column,
    Plan,
    PlanComment,
    Recommendation,
    SectionHeading,
    Span,
    StatusNote,
    Unplaced,
)
from checker.parse import actions, fixed_width
from checker.parse.cells import regroup
from checker.parse.grid import DEFAULT_ROLES, Line, heading_key, leading_ref, split_lines
from checker.parse.header import read_header
from checker.parse.pieces import Piece, Run, plain
from checker.parse.table import RecDraft, TableReader, find_table
from checker.readers import Document


def parse_document(doc: Document, columns: Mapping[str, str] | None = None) -> Plan:
    """The Plan a Document holds (structured inputs carry theirs already).

    ``columns`` maps column headings to the roles the user gave them in the config."""
    if doc.plan is not None:
        return doc.plan
    plan = parse_text(
        doc.text,
        doc.source,
        reader=doc.reader,
        where=dict(doc.where),
        pages=doc.pages,
        columns=columns,
    )
    if doc.comments:
        comments = tuple(PlanComment(where=w, text=t, author=a) for w, t, a in doc.comments)
        plan = plan.model_copy(update={"comments": comments})
    return plan


def parse_text(
    text: str,
    source: str = "-",
    *,
    reader: str = "text",
    where: dict[int, str] | None = None,
    pages: tuple[int, ...] = (),
    columns: Mapping[str, str] | None = None,
) -> Plan:
    """Parse the text of an exported plan."""
    names = {heading_key(k): v for k, v in (columns or {}).items()}
    lines = split_lines(text, where)
    # columns drawn with spaces (pdftotext -layout), or one cell per line (LibreOffice text)
    lines = fixed_width.cut(lines, pages, names) or regroup(lines, names) or lines
    head, roles = find_table(lines, names)
    header, preamble = read_header(lines[:head])
    first = head + 1 if roles is not None else head
    found: tuple[Column, ...] = ()
    titles: dict[int, str] = {}
    if roles is not None:
        below = []  # heading lines carried on under the heading line
        while first < len(lines) and lines[first].heading:
            below.append(lines[first])
            first += 1
        named = {
            k: _column(role, [c, *(ln.cells[k] for ln in below if k < len(ln.cells))])
            for k, (role, c) in enumerate(zip(roles, lines[head].cells, strict=False))
            if c is not None
        }
        found = tuple(named.values())
        titles = {k: col.title for k, col in named.items()}
    reader_ = TableReader(roles or DEFAULT_ROLES, names)
    for line in lines[first:]:
        reader_.feed(line)
    draft = reader_.out
    unplaced = list(draft.unplaced)
    # Word, spreadsheets, HTML, CSV and Markdown say where each row ends: a row is a row.
    # Only text and PDF extractions can split one row in two, so only they are joined.
    rows_known = reader not in ("text", "pdf")
    recs = tuple(
        _recommendation(rec, n, unplaced, rows_known, titles)
        for n, rec in enumerate(draft.recs, start=1)
    )
    sections = tuple(
        SectionHeading(kind=kind, title=run.folded(), spans=run.spans())
        for kind, run in draft.sections
    )
    notes = ("columns-lost",) if not recs and columns_lost(lines) else ()
    return Plan(
        source=source,
        reader=reader,
        header=header,
        preamble=preamble,
        columns=found,
        sections=sections,
        recommendations=recs,
        unplaced=tuple(unplaced),
        notes=notes,
    )


_NUMBERED_HEADING = re.compile(r"(?:^|\s)([1-9])\.\s+[A-Z]")
_HEADING_WORD = re.compile(
    r"^\s*(?:[1-9]\.\s*)?(rec(?:ommendation)?s?\b|concerns?\b|response\b|responsible\b|"
    r"owner\b|target\b|timescale\b)",
    re.IGNORECASE,
)


def columns_lost(lines: list[Line]) -> bool:
    """Does a text with no table name a table's columns, its cells printed as running text?

    pdfplumber's extract_text joins a row's cells with single spaces ('1. Rec 2. Concerns
    3. Response ...' on one line); pdftotext's default mode prints each column as a block
    of its own (a heading per line). Either way the rows cannot be rebuilt."""
    for line in lines:
        text = " ".join(line.texts())
        numbers = [int(m.group(1)) for m in _NUMBERED_HEADING.finditer(text)]
        if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return True
    heads = [ln for ln in lines if len(ln.cells) == 1 and _HEADING_WORD.match(ln.texts()[0])]
    return len(heads) >= 3 and all(len(ln.texts()[0].split()) <= 6 for ln in heads[:3])


def _column(role: str, cells: list[Piece | None]) -> Column:
    run = Run(c for c in cells if c is not None)
    shown = "concern" if role == "concern+" else role  # a concern's second column
    return Column(role=shown, title=plain(run.folded()), spans=run.spans())


def _recommendation(
    rec: RecDraft,
    n: int,
    unplaced: list[Unplaced],
    rows_known: bool = False,
    titles: dict[int, str] | None = None,
) -> Recommendation:
    rec_id = f"R{n}"
    status = tuple(
        StatusNote(
            column=(titles or {}).get(k, ""), text=plain(Run([cell]).folded()), spans=(cell.span(),)
        )
        for k, cell in rec.status
    )
    category = Run(rec.category)
    leadins, acts, left, rationale = actions.build(
        rec.lines, rec_id, rows_known, rec.gaps, category.folded()
    )
    unplaced.extend(left)
    ref, cells = rec.ref, list(rec.concern)
    split = leading_ref(cells[0]) if ref is None and cells else None
    if split is not None:
        ref, cells[0] = split
    concern = Run(cells)
    return Recommendation(
        id=rec_id,
        ref=ref.text.rstrip(".:)") if ref else None,
        ref_spans=(ref.span(),) if ref else (),
        section=rec.section,
        concern=plain(concern.text),
        concern_spans=concern.spans(),
        category=category.folded() or None,
        category_spans=category.spans(),
        rationale=plain(rationale.text),
        rationale_spans=rationale.spans(),
        leadins=tuple(leadins),
        actions=tuple(acts),
        status=status,
    )


def all_spans(plan: Plan) -> list[tuple[str, Span]]:
    """Every span a field or unplaced item of the plan claims, named by where it sits.

    Spans that several actions share (an inherited owner, a target given to all
    steps of a cell) are listed once.
    """
    out: list[tuple[str, Span]] = []
    seen: set[Span] = set()

    def add(name: str, spans: tuple[Span, ...]) -> None:
        for s in spans:
            if s not in seen:
                seen.add(s)
                out.append((name, s))

    for key in ("establishment", "submitted", "inspection", "published"):
        fact = getattr(plan.header, key)
        if fact is not None:
            add(f"header.{key}", fact.spans)
    for i, fact in enumerate(plan.preamble):
        add(f"preamble[{i}]", fact.spans)
    for col in plan.columns:
        add(f"columns.{col.role}", col.spans)
    for sec in plan.sections:
        add("sections", sec.spans)
    for rec in plan.recommendations:
        add(f"{rec.id}.ref", rec.ref_spans)
        add(f"{rec.id}.concern", rec.concern_spans)
        add(f"{rec.id}.category", rec.category_spans)
        add(f"{rec.id}.rationale", rec.rationale_spans)
        for k, note in enumerate(rec.status):
            add(f"{rec.id}.status[{k}]", note.spans)
        for k, lead in enumerate(rec.leadins):
            add(f"{rec.id}.leadin[{k}]", lead.spans)
            add(f"{rec.id}.leadin[{k}].owner", lead.owner_spans)
            add(f"{rec.id}.leadin[{k}].target", lead.target_spans)
        for act in rec.actions:
            add(f"{act.id}.text", act.spans)
            add(f"{act.id}.step", act.step_spans)
            add(f"{act.id}.owner", act.owner_spans)
            add(f"{act.id}.target", act.target_spans)
    for k, item in enumerate(plan.unplaced):
        add(f"unplaced[{k}]", item.spans)
    return out


__all__ = ["all_spans", "parse_document", "parse_text"]
