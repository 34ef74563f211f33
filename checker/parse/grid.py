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
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from checker.dates.targets import normalise_target
from checker.parse.pieces import Piece, piece

# "ref" | "concern" | "concern+" (a second concern column) | "category" | "action" | "owner"
# | "target" | "status" | "other"
Role = str
DEFAULT_ROLES: tuple[Role, ...] = ("ref", "concern", "action", "owner", "target")

# "1", "1.12", "S17", "2a", and with a word before the number ("AFI 1", "Rec 3", "R 4.2")
REF_RE = re.compile(
    r"^(?:(?i:rec(?:ommendation)?|afi|ref|no|item|action|area)\.?\s*)?"
    r"(?:[A-Z]{0,3}\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?|[A-Z]{1,3}\d*\.\d+)\.?$"
)
SECTION_RE = re.compile(r"^(priority|key)\s*(concerns?|recommendations?)?$", re.IGNORECASE)
CATEGORY_RE = re.compile(
    r"^(agreed|not\s+agreed|partly\s+agreed|partially\s+agreed|accepted|"
    r"not\s+accepted|partly\s+accepted|partially\s+accepted|partly|partially|not|agreed\.?)$",
    re.IGNORECASE,
)
# What a column heading means, whatever body wrote the plan: HMPPS ("4. Responsible Owner"),
# councils ("Lead officer", "Target date"), internal audit ("Management response",
# "Implementation date"), NHS and CQC ("What", "Who", "By when"), trackers ("RAG status",
# "Progress update"). Each role has patterns with a weight; a heading takes its heaviest
# role, and where two headings want one role the heavier keeps it (ties: the first).
# "status" (progress, RAG, comments) may be held by several columns.
STATUS_RE = re.compile(
    r"^(red|amber|green|blue|grey|r|a|g|rag|complete[d]?|done|closed|open|on\s+track|off\s+track|"
    r"not\s+started|in\s+progress|ongoing|overdue|delayed|at\s+risk|superseded|"
    r"high|medium|low)\W*$",
    re.IGNORECASE,
)
_HEADINGS: tuple[tuple[Role, float, re.Pattern[str]], ...] = (
    ("status", 3.0, re.compile(r"\b(status|progress|updates?|rag|comments?|notes?|evidence)\b")),
    ("status", 3.0, re.compile(r"\b(current\s+position|position\s+statement|remarks)\b")),
    ("ref", 3.0, re.compile(r"\brec(ommendation)?s?\s*(no|number|ref)\b|\bref(erence)?\b")),
    ("ref", 3.0, re.compile(r"^(no|number|id|item|#)$")),
    ("category", 3.0, re.compile(r"^(agreed|accepted)\b.*\b(not|rejected|partly|partially)\b")),
    ("category", 3.0, re.compile(r"^(response\s+)?category$|^(agreed|accepted)$")),
    ("owner", 3.0, re.compile(r"\b(owner\w*|responsib\w*|leads?|officers?|accountable)\b")),
    ("owner", 3.0, re.compile(r"^(who|by\s+whom|managed\s+by|person)\b")),
    ("target", 3.0, re.compile(r"\b(target|timescales?|time\s*frames?|deadlines?|due|dates?)\b")),
    ("target", 3.0, re.compile(r"^(by\s+)?when\b|\bcompletion\b")),
    ("action", 2.0, re.compile(r"\b(actions?|response|planned|taken|implementation|steps?)\b")),
    ("action", 2.0, re.compile(r"^(what|measures?)\b")),
    ("concern", 2.0, re.compile(r"\b(concerns?|recommendations?|findings?|issues?|objectives?)\b")),
    ("concern", 2.0, re.compile(r"\b(areas?\s+(for|of)\s+\w+|observations?|weakness(es)?)\b")),
    ("concern", 1.0, re.compile(r"^(priorit(y|ies)|risks?)$")),
    ("status", 3.0, re.compile(r"^((priority|risk)\s+(rating|level)|ratings?|grades?)$")),
)
_ORDER = {role: k for k, (role, _w, _p) in enumerate(_HEADINGS)}  # ties between roles
_SHARED_ROLES = ("status", "other")
_DATA = re.compile(r"^\d{1,3}(\.\d{1,2})*[a-z]?\.?$")
_YEARISH = re.compile(r"\d{4}|\d{1,2}[/.-]\d{1,2}")
_NUMBERING = re.compile(r"^\s*(\d{1,2}|[a-z])[.)]\s*")
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
    status: list[tuple[int, Piece]] = field(default_factory=list)  # (column, cell) of status
    fit: float = 0.0

    def take(self, col: int, role: Role, cell: Piece) -> None:
        """Give the cell of column ``col`` to its role: status cells are kept side by side,
        a second cell for a role already held is extra."""
        if role == "status":
            self.status.append((col, cell))
        elif role in self.cells:
            self.extra.append(cell)
        else:
            self.cells[role] = cell

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


def heading_key(text: str) -> str:
    """A heading as its words: lower case, no numbering ("3. Response"), no punctuation."""
    text = _NUMBERING.sub("", " ".join(text.split()).lower())
    return " ".join(re.sub(r"[^\w#&/]+", " ", text).replace("/", " / ").split())


def heading_candidates(text: str) -> list[tuple[float, Role]]:
    """The roles a heading may have, heaviest first."""
    key = heading_key(text)
    found: dict[Role, float] = {}
    for role, weight, pattern in _HEADINGS:
        if key and pattern.search(key) and weight > found.get(role, 0.0):
            found[role] = weight
    return sorted(((w, r) for r, w in found.items()), key=lambda wr: (-wr[0], _ORDER[wr[1]]))


def header_roles(line: Line, names: Mapping[str, Role] | None = None) -> tuple[Role, ...] | None:
    """The column roles if this line is the table's column-heading row.

    ``names`` maps headings (as ``heading_key`` words) to roles the user chose; they
    win over what the words would suggest."""
    cells = line.texts()
    if sum(1 for c in cells if c) < 3:
        return None
    if any(len(c.split()) > _HEADING_WORDS_MAX for c in cells):
        return None  # a sentence is not a column heading ("Leaders should ..." is not "Lead")
    numbered = any(_NUMBERING.match(c) and c[-1:].isalpha() for c in cells)  # "2. Concerns"
    if any(
        (_DATA.match(c.strip()) and not numbered) or (_date_like(c) and _YEARISH.search(c))
        for c in cells
        if c
    ):
        return None  # a row with a number or a date in it holds data
    wanted: list[list[tuple[float, Role]]] = []
    for text in cells:
        key = heading_key(text)
        if len(text.split()) > 4 and text.rstrip().endswith("."):
            wanted.append([])  # a sentence, not a heading
        elif names and key in names:
            wanted.append([(9.0, names[key])])
        else:
            wanted.append(heading_candidates(text))
    roles: list[Role] = ["other"] * len(cells)
    held: set[Role] = set()
    # the heaviest claims first, so that a heading that loses a role can take its next one
    claims = sorted(
        ((-w, k, rank, r) for k, c in enumerate(wanted) for rank, (w, r) in enumerate(c)),
    )
    done: set[int] = set()
    for neg, k, _rank, role in claims:
        if k in done:
            continue
        second = role == "concern" and role in held and "concern+" not in held
        # a second concern heading is a short title, not a part heading ("Key concerns",
        # "Main recommendations to the Governor") printed under the headings
        short = len(cells[k].split()) <= 3 and not SECTION_RE.match(cells[k].strip())
        if second and -neg >= 2 and short:
            role = "concern+"  # "Finding | Recommendation": the concern in two columns
        if role not in _SHARED_ROLES and role in held:
            continue
        roles[k] = role
        done.add(k)
        if role not in _SHARED_ROLES:
            held.add(role)
    found = {r for r in roles if r not in _SHARED_ROLES and r != "concern+"}
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


# a reference printed at the start of the concern's own cell, where the table has no
# number column: "1.12 Leaders should ...", "S13 Men ...", "14. Food ...", "Rec 15: ...".
# A bare number with no stop is not one: "2 Wing was dirty" names a wing.
_LEADING_REF = re.compile(
    r"^(?P<ref>(?i:rec(?:ommendation)?|afi|ref|area)\.?\s*\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?"
    r"|\d{1,3}(?:\.\d{1,2}){1,2}[a-z]?|[A-Z]{1,3}\d{1,3}(?:\.\d{1,2})?[a-z]?|\d{1,3}(?=[.)]))"
    r"(?P<stop>[.:)]?)\s+(?=[A-Z(\"“‘'])"
)


def leading_ref(cell: Piece) -> tuple[Piece, Piece] | None:
    """(reference, rest) of a concern cell that opens on its own reference, else None."""
    m = _LEADING_REF.match(cell.text)
    if m is None:
        return None
    ref, rest = cell.sub(0, m.end("stop")), cell.sub(m.end(), len(cell.text))
    if ref is None or rest is None:
        return None
    return ref, rest


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


@lru_cache(maxsize=16384)
def _fit(role: Role, text: str) -> float:
    """How well a non-empty cell fits a column (asked for every column and every way of
    reading the row: answered once)."""
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
    if role in ("concern", "concern+"):
        return 0.5
    if role == "status":
        return 2.0 if STATUS_RE.match(text) else 0.2
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
        for k, (cell, role) in enumerate(zip(cells, roles, strict=True)):
            if cell is not None:
                row.take(k, role, cell)
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
            score, cols = _assign_with_trailing_blanks(variant, roles)
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
        for k, (cell, role) in enumerate(zip(cells, roles, strict=False)):
            if cell is not None:
                row.take(k, role, cell)
        row.extra.extend(c for c in cells[len(roles) :] if c is not None)
        return row
    (score, _), cols, chosen = best
    row = Row(line, fit=score)
    for cell, col in zip(chosen, cols, strict=True):
        if cell is not None:
            row.take(col, roles[col], cell)  # two columns of one role ("other"): both kept
    return row


def _assign_with_trailing_blanks(
    cells: list[Piece | None], roles: tuple[Role, ...]
) -> tuple[float, list[int]]:
    """``_assign`` for cells that end in a run of empty ones, in time that does not grow
    with that run.

    An empty cell gains nothing in any column, and among equal scores the larger sum
    of columns wins, so a trailing run of t empty cells always takes the last t
    columns; the cells before it are placed among the columns left.
    """
    last = len(cells)
    while last and cells[last - 1] is None:
        last -= 1
    blanks = len(cells) - last
    if blanks == 0 or blanks > len(roles):
        return _assign(cells, roles)
    score, cols = _assign(cells[:last], roles[: len(roles) - blanks])
    return score, cols + list(range(len(roles) - blanks, len(roles)))


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
