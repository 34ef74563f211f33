"""Target cells: one cell read as one target, or shared among stacked targets.

How a target cell is read
-------------------------
A cell is scanned left to right for *targets*: "March 26", "31/03/2026",
"Completed", "Ongoing", "18-24 post Royal Assent", "January 2" and so on. Each
target found becomes one piece of the cell; words that are not a target of their
own ("by", "end of", "(interim review)", "Royal Assent") join a neighbouring
piece, so that every non-blank character belongs to exactly one piece. Words go
to the piece before them, except a trailing run of lead-in words ("by", "end
of", "w/c" ...) which goes to the piece after. Targets inside brackets count
only when the cell has none outside them: "January 2026 (monthly review)" is one
target, with its note.

The conventions for reading each target are in ``grammar``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.dates.grammar import (
    COMPLETE_STATUSES,
    MISSING,
    TARGET_RULES,
    Due,
    ScanHit,
    attach,
    blank_unicode,
    bracketed,
    make_due,
    merge_relative,
    scan,
    trim,
)
from checker.models import DueStatus


def split_targets(cell: str) -> list[Due]:
    """Read a target cell that may hold several stacked targets, in order.

    A cell beside an action with several steps often stacks one target per step
    ("December 26 Completed"). Each piece's ``start``/``end`` index into ``cell``;
    pieces do not overlap and together cover every non-blank character. A cell
    with one target gives one piece; an empty or blank cell gives ``[]``.
    """
    return list(_split_targets(cell))


@lru_cache(maxsize=8192)
def _split_targets(cell: str) -> tuple[Due, ...]:
    """``split_targets``, kept: the parser asks about the same cells many times over (a
    plan's cells as it tries its layouts, and the same few targets in every plan)."""
    return tuple(_read_targets(cell))


def _read_targets(cell: str) -> list[Due]:
    text = blank_unicode(cell)
    start, end = trim(text, 0, len(text))
    if start == end:
        return []
    hits = _scan(text)
    if not hits:
        status: DueStatus = "missing" if MISSING.fullmatch(text, start, end) else "unrecognised"
        return [make_due(cell, start, end, status, None)]
    pieces = attach(text, merge_relative(text, hits))
    return [_imprecise(make_due(cell, s, e, hit.status, hit.value)) for s, e, hit in pieces]


def _scan(text: str) -> list[ScanHit]:
    """The targets of a cell: those outside brackets, or if none, those inside."""
    return scan(text, TARGET_RULES, bracketed(text)) or scan(text, TARGET_RULES)


_BARE_YEAR = re.compile(r"^\(?(?:19|20)\d\d\)?[.,;]?$")


def split_stacked(cell: str, count: int) -> list[Due] | None:
    """The cell read as exactly ``count`` stacked targets, or None.

    Read alone, a bare year beside a target is a note to it ("Completed 2025"). An
    export that folds a stacked cell onto one line makes "Complete" / "2026" beside two
    steps read the same way, so where the plain reading gives fewer targets than there
    are steps, each bare year becomes a piece of its own (and fails as a target alone).
    Only a cell of targets and bare years is read so: any other word keeps the plain
    reading, which gives it a piece.
    """
    text = blank_unicode(cell)
    hits = merge_relative(text, _scan(text))
    if not hits:
        return None
    edges: list[tuple[int, int]] = []
    for k in range(len(hits) + 1):
        lo = hits[k - 1].end if k else 0
        hi = hits[k].start if k < len(hits) else len(text)
        words = _words(text, lo, hi)
        if any(not _BARE_YEAR.match(text[a:b]) for a, b in words):
            return None  # other words join a piece, as split_targets reads them
        edges.extend(words)
        if k < len(hits):
            edges.append((hits[k].start, hits[k].end))
    if len(edges) != count or len(edges) == len(split_targets(cell)):
        return None
    dues: list[Due] = []
    for a, b in sorted(edges):
        read = split_targets(text[a:b])
        if len(read) != 1:
            return None
        one = read[0]
        dues.append(make_due(cell, a + one.start, a + one.end, one.status, one.value))
    return dues


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [(lo + m.start(), lo + m.end()) for m in re.finditer(r"\S+", text[lo:hi])]


_SEASON_TARGET = re.compile(
    r"^\W*(?:early\s+|late\s+|mid[\s-]+)?(?:spring|summer|autumn|fall|winter)\b", re.I
)
_CALENDAR_OR_FY = re.compile(r"^\W*(?:q|quarter)\s*[1-4]\b(?!.*\d\s*[/-]\s*\d)(?!.*\bfy)", re.I)


def _imprecise(due: Due) -> Due:
    """SMART.md's settled case: as a target, a season or a quarter with a single year
    ("Q3 2026": calendar or financial?) names no month; in prose they still place a date."""
    if due.status == "month" and (
        _SEASON_TARGET.match(due.text) or _CALENDAR_OR_FY.match(due.text)
    ):
        return Due(None, "imprecise", due.text, due.start, due.end)
    return due


def normalise_target(cell: str) -> Due:
    """Read the whole cell as one target.

    An empty cell is ``missing``. A cell that holds several targets is read as
    one only where that is unambiguous: a completed status beside dates
    ("Completed March 2026", "December 26 Completed") is that completed status,
    repeats of one date are that date, and a first deadline followed by a frequency
    ("June 2026 and monthly thereafter") is that deadline; anything else is ``unrecognised``
    (use :func:`split_targets` to share such a cell among several steps).
    """
    pieces = split_targets(cell)
    if not pieces:
        return Due(None, "missing", "", 0, 0)
    if len(pieces) == 1:
        return pieces[0]
    start, end = pieces[0].start, pieces[-1].end
    done = [piece for piece in pieces if piece.status in COMPLETE_STATUSES]
    dated = [piece for piece in pieces if piece.status in ("date", "month")]
    if len(done) == 1 and len(done) + len(dated) == len(pieces):
        return make_due(cell, start, end, done[0].status, "complete")
    if len(dated) == len(pieces) and len({piece.value for piece in dated}) == 1:
        return make_due(cell, start, end, dated[0].status, dated[0].value)
    first, rest = pieces[0], pieces[1:]
    if first.status in ("date", "month") and all(
        piece.status == "open-ended" and _THEREAFTER.search(piece.text) for piece in rest
    ):
        return make_due(cell, start, end, first.status, first.value)
    return make_due(cell, start, end, "unrecognised", None)


# a first deadline, then a frequency: "June 2026 and monthly thereafter"
_THEREAFTER = re.compile(r"\b(thereafter|after\s+that|afterwards|from\s+then(\s+on)?)\b", re.I)


def join_wrapped(first: str, second: str) -> str | None:
    """Join a target cell wrapped over two lines, if only the two together make a date.

    ``join_wrapped("December", "2026")`` is ``"December 2026"``. Gives None
    unless the joined text is one date or month that neither line gives alone.
    A line cut inside a number ("31/03/" then "2026") is joined without a space.
    """
    head, tail = " ".join(first.split()), " ".join(second.split())
    if not head or not tail:
        return None
    candidates = [f"{head} {tail}"]
    if head[-1] in "0123456789/.-" and tail[0].isdigit():
        candidates.append(head + tail)
    parts = (normalise_target(head), normalise_target(tail))
    if all(p.value is not None for p in parts):
        return None  # two whole targets, one under the other ("30/09/2023", "31/10/2023")
    alone = {p.value for p in parts}
    for joined in candidates:
        pieces = split_targets(joined)
        one = pieces[0] if len(pieces) == 1 else None
        if one is not None and one.status in ("date", "month") and one.value not in alone:
            return joined
    return None
