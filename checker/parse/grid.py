"""From lines of tab-separated cells to rows whose cells know their column.

Exports do not keep columns straight: a row may lose its leading empty cells
(``text<TAB>February 2026`` is an action and its target), gain a trailing one,
or hold a concern in the number column. Each row's cells are therefore placed
by content: every order-keeping way of putting the cells into the table's
columns is scored by how well each cell fits its column (a date in the target
column, a short name in the owner column, a number in the ref column), and the
best wins; ties go to the right-aligned reading, which is how exports drop cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from checker.dates import normalise_target
from checker.parse.pieces import Piece, piece

Role = str  # "ref" | "concern" | "category" | "action" | "owner" | "target" | "other"
DEFAULT_ROLES: tuple[Role, ...] = ("ref", "concern", "action", "owner", "target")

REF_RE = re.compile(r"^(?:[A-Z]{0,3}\d{1,3}(?:\.\d{1,2})?[a-z]?|[A-Z]{1,3}\d*\.\d+)\.?$")
SECTION_RE = re.compile(r"^(priority|key)\s*(concerns?|recommendations?)?$", re.IGNORECASE)
CATEGORY_RE = re.compile(
    r"^(agreed|not\s+agreed|partly\s+agreed|partially\s+agreed|accepted|"
    r"not\s+accepted|partly\s+accepted|partially\s+accepted|partly|partially|not|agreed\.?)$",
    re.IGNORECASE,
)
_HEADER_WORDS: tuple[tuple[Role, re.Pattern[str]], ...] = (
    ("ref", re.compile(r"\b(rec(ommendation)?\s*(no|number|ref)|ref(erence)?|no\.?)\b", re.I)),
    ("category", re.compile(r"\b(agreed|accepted|response\s+category|category)\b", re.I)),
    ("owner", re.compile(r"\b(owner|responsib|lead)\w*", re.I)),
    ("target", re.compile(r"\b(target|timescale|deadline|due|date)\b", re.I)),
    ("action", re.compile(r"\b(action|response|planned|taken)\b", re.I)),
    ("concern", re.compile(r"\b(concern|recommendation|finding|issue)s?\b", re.I)),
)
_TERMINAL = (".", "!", "?", ":", ";", ")", '"', "”", "'")


@dataclass
class Line:
    """One physical line of the document, split into cells."""

    number: int
    raw: str
    cells: list[Piece | None]
    where: str | None = None

    @property
    def blank(self) -> bool:
        return all(c is None for c in self.cells)

    def texts(self) -> list[str]:
        return [c.text if c else "" for c in self.cells]


@dataclass
class Row:
    """A line whose cells have been given to columns."""

    line: Line
    cells: dict[Role, Piece] = field(default_factory=dict)
    extra: list[Piece] = field(default_factory=list)  # cells no column could take
    fit: float = 0.0

    def get(self, role: Role) -> Piece | None:
        return self.cells.get(role)


def split_lines(text: str, where: dict[int, str] | None = None) -> list[Line]:
    """Every line of the text, cut at tabs; columns are 1-based character positions."""
    lines: list[Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        cells: list[Piece | None] = []
        col = 1
        for chunk in raw.split("\t"):
            cells.append(piece(chunk, number, col, (where or {}).get(number)))
            col += len(chunk) + 1
        lines.append(Line(number, raw, cells, (where or {}).get(number)))
    return lines


def header_roles(line: Line) -> tuple[Role, ...] | None:
    """The column roles if this line is the table's column-heading row."""
    cells = line.texts()
    if sum(1 for c in cells if c) < 3:
        return None
    roles: list[Role] = []
    for text in cells:
        role = "other"
        for name, pattern in _HEADER_WORDS:
            if text and pattern.search(text) and name not in roles:
                role = name
                break
        roles.append(role)
    found = {r for r in roles if r != "other"}
    if len(found) >= 3 and "action" in found and ("owner" in found or "target" in found):
        return tuple(roles)
    return None


def is_section(line: Line) -> str | None:
    """'priority' / 'key' when the line is a section heading such as 'Key<TAB>Concerns'."""
    joined = " ".join(t for t in line.texts() if t)
    m = SECTION_RE.match(joined.strip())
    return m.group(1).lower() if m else None


def is_ref(text: str) -> bool:
    return bool(REF_RE.match(text.strip()))


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _date_like(text: str) -> bool:
    if len(text.split()) > 6:  # a sentence that mentions a date is not a target cell
        return False
    status = normalise_target(text).status
    return status not in ("unrecognised", "missing") or bool(re.fullmatch(r"(19|20)\d\d", text))


def _owner_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 14 or _date_like(text):
        return False
    return not (text.endswith(".") and len(words) > 5)


def _fit(role: Role, text: str) -> float:
    """How well a non-empty cell fits a column."""
    if role == "ref":
        if is_ref(text):
            return 3.0
        return 1.0 if SECTION_RE.match(text) else -1.0
    if role == "category":
        return 3.0 if CATEGORY_RE.match(text) else -2.0
    if role == "owner":
        return 1.0 if _owner_like(text) else -3.0
    if role == "target":
        return 3.0 if _date_like(text) else -3.0
    if role == "action":
        return 1.0
    if role == "concern":
        return 0.5
    return -0.5


def place(line: Line, roles: tuple[Role, ...]) -> Row:
    """Give each cell of the line to a column, by content (see the module docstring)."""
    cells = list(line.cells)
    while len(cells) > len(roles) and cells and cells[-1] is None:
        cells.pop()
    while len(cells) > len(roles) and cells and cells[0] is None:
        cells.pop(0)
    candidates: list[tuple[float, float, Row]] = []
    variants = [cells]
    trimmed = list(cells)
    while trimmed and trimmed[-1] is None:
        trimmed.pop()
        variants.append(list(trimmed))
    for penalty, variant in enumerate(variants):
        if len(variant) > len(roles):
            continue
        for cols in combinations(range(len(roles)), len(variant)):
            row = Row(line)
            score = -0.6 * penalty  # dropping trailing cells must beat a poor fit, not a fair one
            for cell, col in zip(variant, cols, strict=True):
                if cell is None:
                    continue
                if roles[col] in row.cells:  # two columns of one role ("other"): keep both
                    row.extra.append(cell)
                else:
                    row.cells[roles[col]] = cell
                score += _fit(roles[col], cell.text)
            row.fit = score
            candidates.append((score, float(sum(cols)), row))
    if not candidates:  # more non-empty cells than columns: keep the first, flag the rest
        row = Row(line)
        for cell, role in zip(cells, roles, strict=False):
            if cell is not None and role not in row.cells:
                row.cells[role] = cell
            elif cell is not None:
                row.extra.append(cell)
        row.extra.extend(c for c in cells[len(roles) :] if c is not None)
        return row
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    return candidates[0][2]
