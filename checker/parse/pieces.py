"""Text with its place in the source: the currency of the parser.

A Piece is a stretch of one line; a Run is pieces read one after another (a
cell wrapped over several lines). Cutting a Run by character offsets gives the
pieces of the cut, so a sentence or step split out of a wrapped cell still
knows the line and column of every part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from checker.models import Span
from checker.readers import PARAGRAPH

_WS = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text for the Plan: paragraph breaks inside a cell become spaces (offsets unchanged)."""
    return text.replace(PARAGRAPH, " ")


def is_note(text: str) -> bool:
    """A note to self in square brackets ("[check with HR first]"), not "[owner]"."""
    text = text.strip()
    return (
        text.startswith("[")
        and text.endswith("]")
        and text.count("[") == 1
        and len(text.split()) >= 3
    )


@dataclass(frozen=True)
class Piece:
    """``text`` starts at ``line``:``col`` (1-based) and stays on that line."""

    text: str
    line: int
    col: int
    where: str | None = None

    def span(self) -> Span:
        return Span(
            line=self.line,
            column=self.col,
            end_line=self.line,
            end_column=self.col + len(self.text),
            where=self.where,
        )

    def sub(self, start: int, end: int) -> Piece | None:
        """The stripped stretch [start, end) of this piece, or None if it is blank."""
        chunk = self.text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if not chunk:
            return None
        return Piece(chunk, self.line, self.col + start + lead, self.where)


def piece(text: str, line: int, col: int, where: str | None = None) -> Piece | None:
    """A stripped piece, or None when the text is blank."""
    return Piece(text, line, col, where).sub(0, len(text))


class Run:
    """Pieces joined by single spaces; offsets index into ``text``."""

    def __init__(self, pieces: Iterable[Piece] = ()) -> None:
        self.pieces: list[Piece] = [p for p in pieces if p.text]
        self._starts: list[int] = []
        pos = 0
        for p in self.pieces:
            self._starts.append(pos)
            pos += len(p.text) + 1
        self.text = " ".join(p.text for p in self.pieces)

    def __bool__(self) -> bool:
        return bool(self.pieces)

    def __add__(self, other: Run) -> Run:
        return Run([*self.pieces, *other.pieces])

    def spans(self) -> tuple[Span, ...]:
        return tuple(p.span() for p in self.pieces)

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph of the text, where a reader marked the breaks."""
        out: list[tuple[int, int]] = []
        start = 0
        for i, ch in enumerate(self.text):
            if ch == PARAGRAPH:
                out.append((start, i))
                start = i + 1
        out.append((start, len(self.text)))
        return [(a, b) for a, b in out if self.text[a:b].strip()]

    def folded(self) -> str:
        """The text with runs of white space folded to one space."""
        return _WS.sub(" ", self.text).strip()

    def piece_ends(self) -> list[int]:
        """Offset in ``text`` just after each piece."""
        return [s + len(p.text) for s, p in zip(self._starts, self.pieces, strict=True)]

    def slice(self, start: int, end: int) -> Run:
        """The stripped pieces of text[start:end]."""
        out: list[Piece] = []
        for s, p in zip(self._starts, self.pieces, strict=True):
            lo, hi = max(start, s), min(end, s + len(p.text))
            if lo < hi:
                sub = p.sub(lo - s, hi - s)
                if sub is not None:
                    out.append(sub)
        return Run(out)
