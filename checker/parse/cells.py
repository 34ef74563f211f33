"""Text with one table cell per line (LibreOffice "Save as Text") -> lines of cells.

Such an export prints the column headings as consecutive lines, then every cell
of every row on lines of its own, an empty cell as an empty line, and a cell of
several paragraphs (bullets, stacked owners or targets) as several lines. The
rows are rebuilt by walking the cells in column order: a blank line is an empty
cell, and a cell takes the lines that belong to it by their shape (the bullets
or steps of a response, one owner or target per bullet). Each rebuilt row is
given to the parser as lines of tab-separated cells would be: one line per
paragraph, every piece keeping its own line and column in the file, so spans
and the "every character is accounted for" check still hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.dates.targets import split_targets
from checker.parse.grid import Line, Role, header_roles, is_ref, is_section
from checker.parse.pieces import Piece, is_note
from checker.parse.text_units import BULLET_START, STEP_START

_MAX_HEADINGS = 8


def regroup(lines: list[Line], names: Mapping[str, Role] | None = None) -> list[Line] | None:
    """The lines as rows of cells, or None when the text is not one cell per line.

    Text with one cell per paragraph (an empty line after every cell, as a table
    pasted into an email or a plain editor comes out) is read the same way once its
    empty lines are set aside, when its headings stand one per paragraph; it cannot
    show an empty cell, so each of its rows must read as a whole one."""
    found = _heading_run(lines, names)
    if found is None:
        return _by_paragraph(lines, names)
    return _regrouped(lines, found)


def _by_paragraph(lines: list[Line], names: Mapping[str, Role] | None) -> list[Line] | None:
    """One cell per paragraph: from the headings on, every paragraph is one line and
    an empty line follows each (a text whose cells wrap over lines is not this shape)."""
    dense = [ln for ln in lines if not ln.blank]
    found = _heading_run(dense, names) if len(dense) < len(lines) else None
    if found is None:
        return None
    first = dense[found[0]].number
    body = [ln for ln in lines if ln.number >= first]
    while body and body[-1].blank:
        body.pop()
    if any(ln.blank == (k % 2 == 0) for k, ln in enumerate(body)):
        return None  # not text, empty, text, empty ... from the headings to the end
    return _regrouped(dense, found)


def _regrouped(lines: list[Line], found: tuple[int, tuple[Role, ...]]) -> list[Line] | None:
    start, roles = found
    heading = lines[start : start + len(roles)]
    cells = [ln.cells[0] for ln in heading]
    out = [*lines[:start], Line(heading[0].number, "", list(cells), heading[0].where)]
    i = start + len(roles)
    rows: list[list[Line]] = []
    while i < len(lines):
        row, i = _row(lines, i, roles)
        rows.append(row)
    if not _plausible(rows, roles):
        return None  # e.g. pdftotext's whole columns one after another: not rows
    return out + [ln for row in rows for ln in row]


def _plausible(rows: list[list[Line]], roles: tuple[Role, ...]) -> bool:
    """Most rebuilt rows hold a readable target (or none) and a reference (or none)."""
    t = roles.index("target") if "target" in roles else None
    r = roles.index("ref") if "ref" in roles else None
    table = [row[0] for row in rows if len(row[0].cells) == len(roles)]
    if len(table) < 2:
        return False
    good = 0
    for line in table:
        target = line.cells[t] if t is not None else None
        ref = line.cells[r] if r is not None else None
        ok_target = target is None or _is_target(target.text)
        ok_ref = ref is None or is_ref(ref.text)
        good += ok_target and ok_ref
    return good >= 0.8 * len(table)


def _single(line: Line) -> Piece | None:
    return line.cells[0] if len(line.cells) == 1 else None


def _heading_run(
    lines: list[Line], names: Mapping[str, Role] | None
) -> tuple[int, tuple[Role, ...]] | None:
    """Where consecutive one-cell lines are the column headings, and their roles."""
    if any(len(ln.cells) > 1 for ln in lines):
        return None  # tab-separated text: the grid reader's case
    for i in range(len(lines)):
        for k in range(min(_MAX_HEADINGS, len(lines) - i), 2, -1):
            pieces = [_single(ln) for ln in lines[i : i + k]]
            if any(p is None or len(p.text) > 60 for p in pieces):
                continue
            probe = Line(lines[i].number, "", list(pieces))
            roles = header_roles(probe, names)
            if roles is not None and "other" not in roles:
                return i, roles
    return None


def _row(lines: list[Line], i: int, roles: tuple[Role, ...]) -> tuple[list[Line], int]:
    """One table row starting at line i: its lines of cells, and where the next row starts."""
    first = _single(lines[i])
    if first is not None and roles[0] == "ref" and not is_ref(first.text):
        split = _split_heading(lines, i, len(roles))
        if split is not None:  # "Priority" | "Concerns" | empty cells: one heading row
            return [Line(lines[i].number, "", list(split), lines[i].where)], i + len(roles)
        # a heading row merged across the table ("Priority concerns"), or stray text
        return [Line(lines[i].number, "", [first], lines[i].where)], i + 1
    cells: list[list[Piece | None]] = []
    bullets = 1
    for role in roles:
        if i >= len(lines):
            cells.append([])
            continue
        piece = _single(lines[i])
        i += 1
        if piece is None:
            cells.append([])
            continue
        cell = [piece]
        while i < len(lines) and _belongs(role, cell, _single(lines[i]), bullets):
            cell.append(_single(lines[i]))  # type: ignore[arg-type]
            i += 1
        if role == "action":
            bullets = max(1, sum(1 for p in cell if _marked(p.text)))
        cells.append(list[Piece | None](cell))
    action = roles.index("action") if "action" in roles else None
    if action is not None and action < len(cells) and len(cells[action]) > 1:
        for k, role in enumerate(roles[: len(cells)]):
            if role in ("owner", "target") and len(cells[k]) == 1:
                # one owner or target printed for the whole cell of steps: each step has it
                # (a note to self under the steps is not a step: it has none)
                only = cells[k][0]
                cells[k] = [None if p and is_note(p.text) else only for p in cells[action]]
    depth = max((len(c) for c in cells), default=0)
    out = []
    for j in range(max(depth, 1)):
        row = [c[j] if j < len(c) else None for c in cells]
        number = min((p.line for p in row if p is not None), default=lines[i - 1].number)
        out.append(Line(number, "", row, next((p.where for p in row if p is not None), None)))
    return out, i


def _split_heading(lines: list[Line], i: int, width: int) -> list[Piece] | None:
    """A section heading printed over the row's first cells, the rest empty, if it is one."""
    window = [_single(ln) if len(ln.cells) == 1 else None for ln in lines[i : i + width]]
    if len(window) < width:
        return None
    words = [p for p in window if p is not None]
    if len(words) < 2 or any(p is None for p in window[: len(words)]):
        return None  # the words are not the leading cells, the rest empty
    probe = Line(lines[i].number, "", list(words))
    return words if is_section(probe) else None


def _marked(text: str) -> bool:
    return bool(BULLET_START.match(text) or STEP_START.match(text))


def _is_target(text: str) -> bool:
    pieces = split_targets(text)
    return bool(pieces) and all(p.status != "unrecognised" for p in pieces)


def _belongs(role: Role, cell: list[Piece], nxt: Piece | None, bullets: int) -> bool:
    """Does the next line continue this cell rather than start the next one?"""
    if nxt is None:
        return False
    text = nxt.text
    if role == "action":  # a bullet, a lower-case carry-on, or a bracketed note to self
        return _marked(text) or text[:1].islower() or is_note(text)
    if role == "owner":
        return len(cell) < bullets and not _is_target(text) and not is_ref(text)
    if role == "target":
        return len(cell) < bullets and _is_target(text)
    return False
