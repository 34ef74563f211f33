"""From lines of tab-separated cells to rows whose cells know their column.

Exports do not keep columns straight: a row may lose its leading empty cells
(``text<TAB>February 2026`` is an action and its target), gain a trailing one,
or hold a concern in the number column. Each row's cells are therefore placed
by content: every order-keeping way of putting the cells into the table's
columns is scored by how well each cell fits its column (a date in the target
column, a short name in the owner column, a number in the ref column), and the
best wins; ties go to the right-aligned reading, which is how exports drop cells.
The search is a dynamic programme, linear in the number of columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    ("owner", re.compile(r"\b(owner\w*|responsib\w*|leads?)\b", re.I)),
    ("target", re.compile(r"\b(target|timescale|deadline|due|date)\b", re.I)),
    ("action", re.compile(r"\b(action|response|planned|taken)\b", re.I)),
    ("concern", re.compile(r"\b(concern|recommendation|finding|issue)s?\b", re.I)),
)
_HEADING_WORDS_MAX = 10
_TERMINAL = (".", "!", "?", ":", ";", ")", '"', "”", "'")


@dataclass
class Line:
    """One physical line of the document, split into cells."""

    number: int
    raw: str
    cells: list[Piece | None]
    where: str | None = None
    aligned: bool = False  # each cell is already under its own column (fixed-width text)
    heading: bool = False  # a column heading carried on below the heading line

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
    if any(len(c.split()) > _HEADING_WORDS_MAX for c in cells):
        return None  # a sentence is not a column heading ("Leaders should ..." is not "Lead")
    roles: list[Role] = []
    for text in cells:
        role = "other"
        if len(text.split()) > 4 and text.rstrip().endswith("."):
            roles.append(role)  # a sentence, not a heading
            continue
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
    """Give each cell of the line to a column, by content (see the module docstring).

    The best order-keeping assignment is found by dynamic programming over
    (cell, column), so the time is the number of cells times the number of
    columns, however wide the table. Among equal scores the right-aligned
    reading wins, then the one that keeps more trailing cells.
    """
    cells = list(line.cells)
    if line.aligned and len(cells) == len(roles):
        row = Row(line)
        for cell, role in zip(cells, roles, strict=True):
            if cell is None:
                continue
            if role in row.cells:
                row.extra.append(cell)
            else:
                row.cells[role] = cell
        return row
    while len(cells) > len(roles) and cells and cells[-1] is None:
        cells.pop()
    while len(cells) > len(roles) and cells and cells[0] is None:
        cells.pop(0)
    best: tuple[tuple[float, int], list[int], list[Piece | None]] | None = None
    variant = list(cells)
    penalty = 0
    while True:
        if len(variant) <= len(roles):
            score, cols = _assign(variant, roles)
            key = (round(score - 0.6 * penalty, 9), sum(cols))
            # dropping trailing cells must beat a poor fit, not a fair one
            if best is None or key > best[0]:
                best = (key, cols, list(variant))
        if not variant or variant[-1] is not None:
            break
        variant.pop()
        penalty += 1
    if best is None:  # more non-empty cells than columns: keep the first, flag the rest
        row = Row(line)
        for cell, role in zip(cells, roles, strict=False):
            if cell is not None and role not in row.cells:
                row.cells[role] = cell
            elif cell is not None:
                row.extra.append(cell)
        row.extra.extend(c for c in cells[len(roles) :] if c is not None)
        return row
    (score, _), cols, chosen = best
    row = Row(line, fit=score)
    for cell, col in zip(chosen, cols, strict=True):
        if cell is None:
            continue
        if roles[col] in row.cells:  # two columns of one role ("other"): keep both
            row.extra.append(cell)
        else:
            row.cells[roles[col]] = cell
    return row


def _assign(cells: list[Piece | None], roles: tuple[Role, ...]) -> tuple[float, list[int]]:
    """The best strictly increasing columns for the cells: (score, columns).

    ``table[i][j]`` is the best (score, sum of columns) for cells i.. placed in
    columns j..; on a tie, cell i takes column j, which makes the chosen columns
    the first in order among the best, as an exhaustive search would find.
    """
    n, m = len(cells), len(roles)
    if n == 0:
        return 0.0, []
    worst = (float("-inf"), 0)
    table = [[worst] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        table[n][j] = (0.0, 0)
    for i in range(n - 1, -1, -1):
        cell = cells[i]
        for j in range(m - 1, -1, -1):
            skip = table[i][j + 1]
            rest = table[i + 1][j + 1]
            here = worst
            if rest[0] != float("-inf"):
                gain = _fit(roles[j], cell.text) if cell is not None else 0.0
                here = (rest[0] + gain, rest[1] + j)
            if (round(here[0], 9), here[1]) >= (round(skip[0], 9), skip[1]) and here != worst:
                table[i][j], take[i][j] = here, True
            else:
                table[i][j] = skip
    cols: list[int] = []
    i = j = 0
    while i < n:
        if take[i][j]:
            cols.append(j)
            i += 1
        j += 1
    return table[0][0][0], cols
