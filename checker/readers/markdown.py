"""Markdown reader: pipe tables become lines of tab-separated cells.

A table is a row of cells between pipes followed by a separator row
(``|---|:---:|``). Its header row is kept as the table's first line (the
parser reads the column titles from it); the separator row is markup and is
left out. In a cell, ``<br>`` and tabs become spaces and ``\\|`` is a literal
pipe. A row with fewer cells than the header is padded so every line has the
table's column count; a row with more keeps them all.

Lines outside tables are kept as they are, one line each (the header block and
any notes), except that the ``#`` of a heading is dropped. A file with no pipe
table and no tab-separated lines has no response table to read.
"""

from __future__ import annotations

import re

from checker.errors import InputError
from checker.readers import Document
from checker.readers.text import decode, looks_binary, normalise

_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
_HEADING_END = re.compile(r"\s+#+\s*$")


def read_markdown(data: bytes, source: str) -> Document:
    """Read a Markdown file: pipe tables as tab-separated lines, other lines as they are."""
    if looks_binary(data):
        raise InputError(source, "is not a text file (binary content)")
    text, _encoding = decode(data, source)
    lines = normalise(text).split("\n")
    out: list[str] = []
    where: dict[int, str] = {}
    tables = 0
    tabbed = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _starts_table(lines, i):
            tables += 1
            header = split_row(line)
            width = len(header)
            rows = [(i, header)]
            i += 2  # past the separator row
            while i < len(lines) and lines[i].strip() and _has_pipe(lines[i]):
                rows.append((i, split_row(lines[i])))
                i += 1
            for number, cells in rows:
                cells = cells + [""] * (width - len(cells))
                out.append("\t".join(cells))
                where[len(out)] = f"line {number + 1}"
            continue
        tabbed = tabbed or "\t" in line
        out.append(_HEADING_END.sub("", _HEADING.sub("", line)) if _HEADING.match(line) else line)
        if line.strip():
            where[len(out)] = f"line {i + 1}"
        i += 1
    if not tables and not tabbed and any(line.strip() for line in out):
        raise InputError(
            source,
            "has no table: plancheck reads the response table of an action plan "
            "(a Markdown pipe table: | Rec No | Concern | Action | Owner | Target |)",
        )
    return Document(source=source, reader="markdown", text="\n".join(out), where=where)


def _starts_table(lines: list[str], i: int) -> bool:
    return (
        i + 1 < len(lines)
        and _has_pipe(lines[i])
        and "|" in lines[i + 1]
        and _SEPARATOR.match(lines[i + 1]) is not None
    )


def _has_pipe(line: str) -> bool:
    return "|" in line.replace("\\|", "")


def split_row(line: str) -> list[str]:
    """The cells of a pipe-table row: outer pipes dropped, ``\\|`` kept as a pipe."""
    cells: list[str] = []
    current: list[str] = []
    chars = iter(line.strip())
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append("|" if following == "|" else char + following)
        elif char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
    cells.append("".join(current))
    stripped = line.strip()
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|") and len(cells) > 1:
        cells = cells[:-1]
    return [" ".join(_BREAK.sub(" ", cell).split()) for cell in cells]
