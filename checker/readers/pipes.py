"""Pipe tables in plain text (``| Action | Lead officer | Target date |``) as tab-separated cells.

Plans pasted from an email, a wiki or a Markdown editor into a ``.txt`` draw
their table with pipes, with or without a ``|---|---|`` rule under the
headings. Each pipe that parts two cells becomes a tab and each rule line
becomes blank, one character for one character, so every cell keeps its line
and column in the file and the parser reads the table as it reads any
tab-separated export. The outer pipes of a row part nothing and become blank
too. An escaped pipe (``\\|``) is text, and lines that already hold tabs are
left alone: their pipes are the writer's.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")
_MIN_ROWS = 2


def _pipes(line: str) -> int:
    return len(_PIPE.findall(line))


def _is_row(line: str) -> bool:
    if "\t" in line or not line.strip():
        return False
    stripped = line.strip()
    return _pipes(line) >= 2 or (_pipes(line) == 1 and stripped.startswith("|"))


def _untable_row(line: str) -> str:
    if _RULE.match(line):
        return " " * len(line)
    out = list(line)
    marks = [m.start() for m in _PIPE.finditer(line)]
    left = len(line) - len(line.lstrip())
    right = len(line.rstrip()) - 1
    for k in marks:
        outer = (k == left and k == marks[0]) or (k == right and k == marks[-1])
        out[k] = " " if outer else "\t"
    return "".join(out)


def untable(text: str) -> str:
    """The text with its pipe tables drawn with tabs; every other character where it was."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if not _is_row(lines[i]):
            i += 1
            continue
        j = i
        while j < len(lines) and (_is_row(lines[j]) or ("|" in lines[j] and _RULE.match(lines[j]))):
            j += 1
        rows = [ln for ln in lines[i:j] if not _RULE.match(ln)]
        if len(rows) >= _MIN_ROWS:
            lines[i:j] = [_untable_row(ln) for ln in lines[i:j]]
        i = j
    return "\n".join(lines)
