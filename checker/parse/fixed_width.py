"""Text laid out in fixed-width columns (``pdftotext -layout``) -> lines of cells.

Such an export draws the table with spaces: each column's text starts at one
character position, a cell that wraps carries on at that position on the next
lines, and two columns are parted by a gutter of two or more spaces. The
positions move from page to page (each page is laid out on its own), and the
column headings may or may not be printed again on each page.

So the text is cut page by page. The column headings give the columns and their
positions on the first page; on every page the gutters (positions no stretch of
text covers on nearly any line) are found, and each column is given the gutter
nearest its position on the page before. Each line is then cut at the columns'
starts, every piece keeping its own line and column, and handed to the parser
as a line of tab-separated cells would be. Heading lines that carry on below
the first heading line (``No.`` under ``Rec.``) are marked as headings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from checker.parse.grid import Line, Role, header_roles, is_ref, is_section
from checker.parse.pieces import Piece

# two or more spaces part columns; one space parts words
_CHUNK = re.compile(r"\S+(?: \S+)*")
# a bullet drawn apart from its text still belongs to it
_BULLET = re.compile(r"^(?:[\u2022\uf0b7\u25aa\u25cf\u25e6\u2023\u2043\-\u2013*o·]|\d{1,2}[.)])$")
_MAX_HEADING_LINES = 5
_DRIFT = 3  # how far left of its column's start a row's text may begin
_NEAR = 16  # how far (characters) a column may move from one page to the next


def cut(
    lines: list[Line], pages: Sequence[int] = (), names: Mapping[str, Role] | None = None
) -> list[Line] | None:
    """The lines with the table cut into cells, or None when the text is not laid out so."""
    if any(len(ln.cells) > 1 for ln in lines):
        return None  # tab-separated text: the grid reader's case
    found = _heading(lines, names)
    if found is None:
        return None
    head, depth, starts, heading = found
    out = list(lines[:head])
    page_of = _pages(len(lines), pages)
    i = head
    current = starts
    body: list[Line] = []
    while i < len(lines):
        page = page_of[i]
        j = i
        while j < len(lines) and page_of[j] == page:
            j += 1
        segment = lines[i:j]
        current = _page_starts(segment, current, heading)
        body.extend(_cut_page(segment, current, heading, depth))
        i = j
    if sum(1 for ln in body if sum(c is not None for c in ln.cells) >= 2) < 3:
        return None
    return out + body


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of text, a lone bullet joined to what follows it."""
    spans = [(m.start(), m.end()) for m in _CHUNK.finditer(text)]
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(spans):
        start, end = spans[k]
        if _BULLET.match(text[start:end]) and k + 1 < len(spans):
            nxt = spans[k + 1]
            if nxt[0] - end <= 6:
                end = nxt[1]
                k += 1
        out.append((start, end))
        k += 1
    return out


def _heading(
    lines: list[Line], names: Mapping[str, Role] | None
) -> tuple[int, int, list[int], list[str]] | None:
    """Where the column headings are: (line index, how many lines, starts, texts)."""
    for i, line in enumerate(lines):
        raw = line.raw
        chunks = _chunks(raw)
        if len(chunks) < 3 or len(chunks) > 12:
            continue
        starts = [a for a, _ in chunks]
        texts = [raw[a:b] for a, b in chunks]
        depth = 1
        for nxt in lines[i + 1 : i + 1 + _MAX_HEADING_LINES]:
            more = _heading_more(nxt.raw, starts)
            if more is None:
                break
            for c, text in more.items():
                texts[c] += " " + text
            depth += 1
        probe = Line(
            line.number,
            raw,
            [Piece(t, line.number, s + 1) for t, s in zip(texts, starts, strict=True)],
        )
        roles = header_roles(probe, names)
        if roles is not None and "action" in roles:
            return i, depth, starts, texts
    return None


def _heading_more(raw: str, starts: list[int]) -> dict[int, str] | None:
    """The words a line adds under the headings, by column, if it carries them on."""
    chunks = _chunks(raw)
    if not chunks:
        return None
    text = raw.strip()
    if is_section(Line(0, raw, [Piece(text, 0, 1)])) or is_ref(raw[chunks[0][0] : chunks[0][1]]):
        return None
    out: dict[int, str] = {}
    for a, b in chunks:
        words = raw[a:b]
        if len(words.split()) > 3:
            return None
        column = next((c for c, s in enumerate(starts) if abs(s - a) <= 3), None)
        if column is None or column in out:
            return None
        out[column] = words
    return out


def _pages(count: int, pages: Sequence[int]) -> list[int]:
    """The page of each line (0-based line index), from the line numbers that start a page."""
    out = []
    page = 0
    starts = set(pages)
    for k in range(count):
        if k + 1 in starts:
            page += 1
        out.append(page)
    return out


def _page_starts(segment: list[Line], before: list[int], heading: list[str]) -> list[int]:
    """Each column's start on this page: its heading's if printed, else the nearest gutter."""
    for k, line in enumerate(segment):
        starts = _heading_starts(line.raw, heading)
        if starts is not None:
            if k == 0 and starts[0] > 0 and line.raw[:1] == " ":
                # the page's first line began with its form feed, now a space
                starts = [s - 1 for s in starts]
            return starts
    gutters = _gutter_ends(segment)
    return _match(before, gutters)


def _heading_starts(raw: str, heading: list[str]) -> list[int] | None:
    """Where the first heading line is printed again on this line, if it is."""
    chunks = _chunks(raw)
    first = [t.split()[0] if t.split() else t for t in heading]
    if len(chunks) != len(heading):
        return None
    for (a, b), word in zip(chunks, first, strict=True):
        if not raw[a:b].startswith(word):
            return None
    return [a for a, _ in chunks]


def _gutter_ends(segment: list[Line]) -> list[int]:
    """The positions just after each gutter: where a column may start on this page."""
    width = max((len(ln.raw) for ln in segment), default=0)
    ink = [0] * (width + 1)
    used = 0
    for line in segment:
        chunks = _chunks(line.raw)
        if not chunks:
            continue
        used += 1
        for a, b in chunks:
            for x in range(a, b):
                ink[x] += 1
    allowed = max(1, used // 20)
    out = []
    for x in range(1, width):
        if ink[x] > allowed and ink[x - 1] <= allowed:
            out.append(x)
    return out


def _match(before: list[int], gutters: list[int]) -> list[int]:
    """Columns 1.. to gutters, order kept, each near where it was; the rest stay put."""
    k = len(before)
    inf = float("inf")
    # best[c][g]: least cost placing columns c.. with every start after gutter index g-1
    best = [[inf] * (len(gutters) + 1) for _ in range(k + 1)]
    pick: list[list[int | None]] = [[None] * (len(gutters) + 1) for _ in range(k + 1)]
    for g in range(len(gutters) + 1):
        best[k][g] = 0.0
    for c in range(k - 1, 0, -1):
        for g in range(len(gutters), -1, -1):
            cost = _NEAR + best[c + 1][g]  # this column has no gutter on the page
            choice: int | None = None
            for h in range(g, len(gutters)):
                distance = abs(gutters[h] - before[c])
                if distance < _NEAR and distance + best[c + 1][h + 1] < cost:
                    cost, choice = distance + best[c + 1][h + 1], h
            best[c][g], pick[c][g] = cost, choice
    out = [before[0]]
    g = 0
    for c in range(1, k):
        chosen = pick[c][g]
        if chosen is None:
            out.append(max(before[c], out[-1] + 1))
        else:
            out.append(max(gutters[chosen], out[-1] + 1))
            g = chosen + 1
    return out


def _cut_page(segment: list[Line], starts: list[int], heading: list[str], depth: int) -> list[Line]:
    """The page's lines cut into cells; the lines a heading line carries on to are headings."""
    out: list[Line] = []
    carry = 0  # heading lines still to come below a heading line
    for line in segment:
        cells = _cells(line, starts)
        out.append(replace(line, cells=cells, aligned=True, heading=carry > 0))
        if carry:
            carry -= 1
        elif _heading_starts(line.raw, heading) is not None:
            carry = depth - 1
    return out


def _cells(line: Line, starts: list[int]) -> list[Piece | None]:
    """The line cut at the columns' starts; a stretch that runs on over a start is split
    there only where a word begins at it."""
    raw = line.raw
    k = len(starts)
    parts: list[list[tuple[int, int]]] = [[] for _ in range(k)]
    for a, b in _chunks(raw):
        c = _column(a, starts)
        while c + 1 < k and b > starts[c + 1]:
            s = starts[c + 1]
            cut_at = next(
                (
                    x
                    for x in range(s - 1, s + 2)
                    if a < x < b and raw[x - 1] == " " and raw[x] != " "
                ),
                None,
            )
            if cut_at is None:
                break
            parts[c].append((a, cut_at - 1))
            a, c = cut_at, c + 1
        parts[c].append((a, b))
    cells: list[Piece | None] = []
    for spans in parts:
        if not spans:
            cells.append(None)
            continue
        a, b = spans[0][0], spans[-1][1]
        cells.append(Piece(raw[a:b].rstrip(), line.number, a + 1, line.where))
    return cells


def _starts_word(raw: str, x: int) -> bool:
    return raw[x - 1] == " " and raw[x] != " "


def _column(start: int, starts: list[int]) -> int:
    """The column a stretch starting here is in; a column may sit a little left of its
    start on some rows (pdftotext re-centres a block), so a few characters are allowed."""
    column = 0
    for c, s in enumerate(starts):
        if s <= start + _DRIFT:
            column = c
    return column


__all__ = ["cut"]
