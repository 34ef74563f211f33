"""Make a bigger plan from a real one: its recommendations repeated, their refs renumbered.

A plan export is a preamble (title, dates, the table's header row, the first
section heading) and then one block of lines per recommendation, each opening
with a line ``REF<TAB>concern...``. ``grow(text, n)`` keeps the preamble once and
writes the blocks ``n`` times; copy ``k`` (from 0) adds ``k * highest_ref`` to each
ref, so the refs stay unique and in order, and each copy after the first opens
with the preamble's section heading(s) again.

The copies repeat the same action texts, so the result is a plan ``n`` times as
long with the same vocabulary: it measures how the parser and the rules scale
with length, not with new words (spaCy sees the same texts again).

Run as a script to write one: ``python benchmarks/scale.py PLAN.txt 10 OUT.txt``.
"""

from __future__ import annotations

import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_REF_LINE = re.compile(r"^(\d+)\t")
_HEADER_ROW = re.compile(r"rec(ommendation)?\s*no", re.I)


@dataclass(frozen=True)
class Split:
    preamble: list[str]  # everything before the first recommendation
    headings: list[str]  # the section heading lines at the end of the preamble
    blocks: list[list[str]]  # one per recommendation, its first line "REF\t..."

    @property
    def highest_ref(self) -> int:
        return max(int(_REF_LINE.match(b[0]).group(1)) for b in self.blocks)  # type: ignore[union-attr]


def split(text: str) -> Split:
    """The preamble and the recommendation blocks of a tab-separated plan export."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _REF_LINE.match(line)]
    if not starts:
        raise ValueError("no line opens with a recommendation number and a tab")
    first = starts[0]
    preamble = lines[:first]
    header_rows = [i for i, line in enumerate(preamble) if _HEADER_ROW.search(line)]
    after = header_rows[-1] + 1 if header_rows else first
    headings = [line for line in preamble[after:] if line.strip()]
    bounds = [*starts, len(lines)]
    blocks = [lines[a:b] for a, b in itertools.pairwise(bounds)]
    return Split(preamble=preamble, headings=headings, blocks=blocks)


def _renumber(line: str, offset: int) -> str:
    match = _REF_LINE.match(line)
    if match is None or offset == 0:
        return line
    return f"{int(match.group(1)) + offset}{line[match.end(1) :]}"


def grow(text: str, times: int) -> str:
    """The plan with its recommendations written ``times`` times, refs renumbered."""
    if times < 1:
        raise ValueError("times must be at least 1")
    parts = split(text)
    step = parts.highest_ref
    out = list(parts.preamble)
    for copy in range(times):
        if copy:
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
            out.extend(parts.headings)
        for block in parts.blocks:
            out.append(_renumber(block[0], copy * step))
            out.extend(block[1:])
    return "".join(out)


def join(texts: list[str], words: int) -> str:
    """One plan of at least ``words`` words (or all the plans once) made of different
    plans' recommendations in turn, refs renumbered: a long plan whose sentences are not
    repeated (the plans themselves are repeated only once every one has been used)."""
    parts = [split(t) for t in texts]
    out = list(parts[0].preamble)
    offset, count, used = 0, 0, 0
    while used < len(parts) or count < words:
        part = parts[used % len(parts)]
        if used:
            if out and not out[-1].endswith("\n"):
                out[-1] += "\n"
            out.extend(part.headings)
        for block in part.blocks:
            out.append(_renumber(block[0], offset))
            out.extend(block[1:])
            count += sum(len(line.split()) for line in block)
        offset += part.highest_ref
        used += 1
        if used >= len(parts) and count >= words:
            break
    return "".join(out)


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python benchmarks/scale.py PLAN.txt TIMES OUT.txt", file=sys.stderr)
        return 2
    source, times, target = Path(argv[0]), int(argv[1]), Path(argv[2])
    target.write_text(grow(source.read_text(encoding="utf-8"), times), encoding="utf-8")
    print(f"wrote {target} ({times}x {source.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
