"""Rows of the response table -> recommendation drafts.

Decides, row by row, whether a row opens a recommendation (a number in the ref
column, or a new concern sentence where the number was lost), continues the
concern (a cell wrapped or split by a page break), is a section heading, or is
export noise: a block that re-states earlier cells, a stray fragment, or the
column headings printed again on a new page. Noise is kept as unplaced text,
never dropped. The action, owner and target cells of each row are collected for
``actions.py``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.models import Unplaced
from checker.parse.grid import (
    CATEGORY_RE,
    Line,
    Role,
    ends_sentence,
    header_roles,
    is_ref,
    is_section,
    place,
)
from checker.parse.pieces import Piece, Run
from checker.wording import comparable

_WORD = re.compile(r"[a-z0-9£%]+")
_GRAM = 6


@dataclass
class ActionLine:
    line: int
    text: Piece | None
    owner: Piece | None
    target: Piece | None
    aligned: bool = False  # from fixed-width text, where wrapped cells fold beside each other


@dataclass
class RecDraft:
    ref: Piece | None
    section: str | None
    concern: list[Piece] = field(default_factory=list)
    category: list[Piece] = field(default_factory=list)
    lines: list[ActionLine] = field(default_factory=list)
    status: list[tuple[int, Piece]] = field(default_factory=list)  # (column, cell)
    # fixed-width lines whose action text follows a line with none (an empty line, or
    # a concern running on alone): where one table row of the recommendation ends
    gaps: set[int] = field(default_factory=set)

    @property
    def concern_text(self) -> str:
        return " ".join(p.text for p in self.concern)


@dataclass
class TableDraft:
    sections: list[tuple[str | None, Run]] = field(default_factory=list)
    recs: list[RecDraft] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    headings: list[Run] = field(default_factory=list)


class _Echo:
    """Remembers the word 6-grams already read, to spot text the export printed twice."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, ...], int] = {}
        self._last: tuple[str, list[tuple[str, ...]]] = ("", [])

    def grams(self, text: str) -> list[tuple[str, ...]]:
        if self._last[0] != text:  # asked about, then added: split once
            words = _WORD.findall(text.lower())
            self._last = (text, list(zip(*(words[i:] for i in range(_GRAM)), strict=False)))
        return self._last[1]

    def repeats(self, text: str) -> list[int] | None:
        """The earlier lines a long text re-states, if it is mostly a re-statement of several."""
        grams = self.grams(text)
        if len(grams) < 30:
            return None
        sources = [self.seen[g] for g in grams if g in self.seen]
        if len(sources) < 0.5 * len(grams) or len(set(sources)) < 3:
            return None
        return sorted(set(sources))

    def add(self, text: str, line: int) -> None:
        for g in self.grams(text):
            self.seen.setdefault(g, line)


def _stray(text: str) -> bool:
    return len(text.strip()) <= 4 and not is_ref(text)


class TableReader:
    """Reads the table lines after the column headings."""

    def __init__(self, roles: tuple[Role, ...], names: Mapping[str, Role] | None = None) -> None:
        self.roles = roles
        self.names = names
        self.out = TableDraft()
        self.section: str | None = None
        self.echo = _Echo()
        self.gap = False  # the line before had no action text

    def _unplaced(self, kind: str, pieces: list[Piece], reason: str) -> None:
        run = Run(pieces)
        if run:
            self.out.unplaced.append(
                Unplaced(kind=kind, text=run.folded(), spans=run.spans(), reason=reason)
            )

    def _rec(self) -> RecDraft:
        if not self.out.recs:
            self.out.recs.append(RecDraft(ref=None, section=self.section))
        return self.out.recs[-1]

    def _new_rec(self, ref: Piece | None, concern: Piece | None) -> RecDraft:
        rec = RecDraft(ref=ref, section=self.section)
        if concern is not None:
            rec.concern.append(concern)
        self.out.recs.append(rec)
        return rec

    def feed(self, line: Line) -> None:
        if line.blank:
            self.gap = True
            return
        pieces = [c for c in line.cells if c is not None]
        if line.heading or header_roles(line, self.names):
            self._unplaced("repeated-text", pieces, "the column headings, printed again")
            return
        kind = is_section(line)
        if kind:
            self.section = kind
            self.out.sections.append((kind, Run(pieces)))
            return
        if _heading_row(line):  # "Recommendations to the Governor": a heading, not a concern
            self.out.sections.append((None, Run(pieces)))
            return
        whole = " ".join(p.text for p in pieces)
        echoed = self.echo.repeats(whole)
        if echoed:
            where = f"line {echoed[0]}" if len(echoed) == 1 else f"lines {echoed[0]}-{echoed[-1]}"
            self._unplaced(
                "repeated-text",
                pieces,
                f"re-states text from {where} (an export artefact); not read as actions",
            )
            return
        self.echo.add(whole, line.number)
        self._row(line)

    def _row(self, line: Line) -> None:
        row = place(line, self.roles)
        if row.extra:
            self._unplaced("unassigned", row.extra, "more cells than the table has columns")
        other = row.get("other")
        if other is not None:
            self._unplaced("unassigned", [other], "a cell under a column plancheck does not read")
        ref, concern = row.get("ref"), row.get("concern")
        if ref is not None and is_ref(ref.text):
            rec = self._new_rec(ref, concern)
        elif ref is not None:  # the concern was printed in the number column
            rec = self._new_rec(None, ref)
            if concern is not None:
                self._concern_cell(rec, concern)
        elif concern is not None:
            rec = self._concern_cell(self._rec() if self.out.recs else None, concern, line)
        else:
            rec = self._rec()
        more = row.get("concern+")
        if more is not None:  # the concern's second column (audit: Finding | Recommendation)
            rec.concern.append(more)
        category = row.get("category")
        if category is not None:
            rec.category.append(category)
        rec.status.extend(row.status)
        if line.aligned and row.get("action") is not None and self.gap and rec.lines:
            rec.gaps.add(line.number)
        self.gap = row.get("action") is None
        self._action_cells(rec, row.get("action"), row.get("owner"), row.get("target"), line)

    def _concern_cell(
        self, rec: RecDraft | None, cell: Piece, line: Line | None = None
    ) -> RecDraft:
        if rec is None:
            return self._new_rec(None, cell)
        so_far = rec.concern_text
        if (
            line is not None
            and line.aligned
            and rec.concern
            and rec.concern[-1].line == line.number - 1
        ):
            # fixed-width text keeps its columns: the line under a concern's line carries it on
            rec.concern.append(cell)
            return rec
        if so_far and len(cell.text) > 12 and comparable(cell.text) in comparable(so_far):
            self._unplaced("repeated-text", [cell], "repeats part of the concern above")
        elif so_far and ends_sentence(so_far) and _stray(cell.text):
            self._unplaced(
                "stray-fragment", [cell], "a fragment beside the concern, not part of it"
            )
        elif not so_far or not ends_sentence(so_far) or cell.text[:1].islower():
            rec.concern.append(cell)
        elif CATEGORY_RE.match(cell.text):
            rec.category.append(cell)
        else:
            return self._new_rec(None, cell)
        return rec

    def _action_cells(
        self,
        rec: RecDraft,
        text: Piece | None,
        owner: Piece | None,
        target: Piece | None,
        line: Line,
    ) -> None:
        if (
            text is not None
            and owner is None
            and target is None
            and _stray(text.text)
            and not _carries_on(rec, text)
        ):
            self._unplaced(
                "stray-fragment", [text], "a fragment in the action column, not an action"
            )
            text = None
        if text is None and owner is None and target is None:
            return
        rec.lines.append(ActionLine(line.number, text, owner, target, line.aligned))


_HEADING_WORDS = re.compile(
    r"\b(recommendations?|concerns?|findings?|priorit(?:y|ies)|areas?\s+(?:of|for)\s+\w+)\b",
    re.IGNORECASE,
)


def _heading_row(line: Line) -> bool:
    """A row of one short title in the first column that names a part of the table."""
    pieces = [c for c in line.cells if c is not None]
    if len(pieces) != 1 or line.cells[0] is None:
        return False
    text = pieces[0].text
    if is_ref(text) or ends_sentence(text) or len(text.split()) > 8 or not text[:1].isupper():
        return False
    return bool(_HEADING_WORDS.search(text))


def _carries_on(rec: RecDraft, text: Piece) -> bool:
    """A short lower-case word after an unfinished action line ends it ("by:", "wings.")."""
    last = next((ln.text for ln in reversed(rec.lines) if ln.text is not None), None)
    return last is not None and text.text[:1].islower() and not ends_sentence(last.text)


def find_table(
    lines: list[Line], names: Mapping[str, Role] | None = None
) -> tuple[int, tuple[Role, ...] | None]:
    """Index of the column-heading line and its roles; else (no roles) the first tabular row."""
    for i in range(len(lines)):
        roles = header_roles(_with_heading_below(lines, i), names)
        if roles:
            return i, roles
    for i, line in enumerate(lines):
        texts = [t for t in line.texts() if t]
        if len(texts) >= 3 or (len(texts) >= 2 and is_ref(texts[0])):
            return i, None
    return len(lines), None


def _with_heading_below(lines: list[Line], i: int) -> Line:
    """Line i with the words of the heading lines carried on under it, column by column."""
    line = lines[i]
    below = []
    for nxt in lines[i + 1 :]:
        if not nxt.heading:
            break
        below.append(nxt)
    if not below:
        return line
    cells: list[Piece | None] = []
    for k, cell in enumerate(line.cells):
        words = [c.text for ln in below for c in ln.cells[k : k + 1] if c is not None]
        if cell is not None and words:
            cell = Piece(" ".join([cell.text, *words]), cell.line, cell.col, cell.where)
        cells.append(cell)
    return Line(line.number, line.raw, cells, line.where)
