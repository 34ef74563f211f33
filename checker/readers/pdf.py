"""PDF reader: tables as lines of tab-separated cells, other text as lines.

pdfplumber is part of the default install and is imported only when a PDF is
read. On each page the ruled tables pdfplumber
finds become one line per row (an empty cell is "", a line break inside a cell
is a space); the text outside them keeps its place: what stands above the
first table (on page 1, the header block) comes before it, what stands between
two tables comes between them, and so on. ``where`` says "page P" for text
lines and "page P, table T, row R" for table rows (T counts the tables of that
page). A PDF with no text at all is a scan, which plancheck cannot read.

A table drawn without rules (no borders, or only a shaded heading row) gives
pdfplumber no cells, and its text read as running lines runs the columns
together. So when the ruled tables hold less than half of the text after the
first page (or on a one-page plan), every page is read again from its words'
positions instead: each line is laid out in fixed-width characters, a word
where its x position puts it, words close together parted by one space and
text further apart by at least two, which is what ``pdftotext -layout`` prints
and what the parser's fixed-width reader cuts into columns. ``where`` then says "page P, columns
from word positions", so each finding tells which way its page was read.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from checker.errors import InputError
from checker.readers import Document

if TYPE_CHECKING:
    from pdfplumber.page import Page

_CELL_BLANKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " ", "\x00": " "})
_LINE_BLANKS = str.maketrans({"\r": " ", "\t": " ", "\f": " ", "\v": " ", "\x00": " "})


def read_pdf(data: bytes, source: str) -> Document:
    """Read a PDF's tables and text; refuse a PDF with no text layer."""
    try:
        import pdfplumber
    except ImportError:
        raise InputError(
            source, "reading PDF needs pdfplumber, which plancheck installs: reinstall plancheck"
        ) from None
    if b"%PDF-" not in data[:1024]:
        raise InputError(source, "is not a PDF (it has no %PDF header)")
    out = _Lines()
    chars = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            # characters that ruled tables hold, and all of them, after page 1 (the
            # title page of a long plan), or on page 1 of a one-page plan
            ruled = [0, 0]
            text = [0, 0]
            for number, page in enumerate(pdf.pages, 1):
                chars += len(page.chars)
                ruled[number > 1] += _read_page(page, number, out)
                text[number > 1] += len(page.chars)
            later = 1 if len(pdf.pages) > 1 else 0
            if text[later] and ruled[later] < 0.5 * text[later]:
                out = _Lines()
                for number, page in enumerate(pdf.pages, 1):
                    _read_by_words(page, number, out)
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many kinds of error on a damaged file
        # pdfplumber wraps pdfminer's error (PDFPasswordIncorrect ...) with an empty message
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        detail = " ".join(f"{type(inner).__name__}: {inner}".split())[:200].rstrip(": ")
        if "password" in detail.lower() or "encrypt" in detail.lower():
            raise InputError(source, f"is encrypted or password protected ({detail})") from None
        raise InputError(source, f"is not a readable PDF ({detail})") from None
    if chars == 0:
        raise InputError(
            source, "has no text layer (a scanned image?): export the plan as text or Word"
        )
    return Document(
        source=source, reader="pdf", text=out.text(), where=out.where, pages=tuple(out.pages)
    )


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.where: dict[int, str] = {}
        self.pages: list[int] = []  # the line numbers new pages begin at (by word positions)

    def add(self, line: str, where: str) -> None:
        self.lines.append(line)
        self.where[len(self.lines)] = where

    def text(self) -> str:
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _read_page(page: Page, number: int, out: _Lines) -> int:
    """Add the page's lines; return how many of its characters ruled tables hold."""
    tables = sorted(page.find_tables(), key=lambda table: (table.bbox[1], table.bbox[0]))
    boxes = [table.bbox for table in tables]
    tops = [box[1] for box in boxes]

    def band_of(char: dict[str, Any]) -> int | None:
        """None for a char inside a table; else how many tables start above it."""
        x = (char["x0"] + char["x1"]) / 2
        y = (char["top"] + char["bottom"]) / 2
        if any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes):
            return None
        return sum(1 for top in tops if top < y)

    for band in range(len(tables) + 1):
        # each band: the text outside tables from the top of the previous table down
        def in_band(obj: dict[str, Any], band: int = band) -> bool:
            return obj.get("object_type") != "char" or band_of(obj) == band

        region = page.filter(in_band)
        text = region.extract_text() or ""
        lines = [line.translate(_LINE_BLANKS).rstrip() for line in text.split("\n")]
        for line in lines:
            if line.strip():
                out.add(line, f"page {number}")
        if band < len(tables):
            if any(line.strip() for line in lines):
                out.lines.append("")
            _add_table(tables[band].extract(), f"page {number}, table {band + 1}", out)
    return sum(1 for char in page.chars if band_of(char) is None)


def _add_table(rows: list[list[str | None]], where: str, out: _Lines) -> None:
    for row_number, row in enumerate(rows, 1):
        cells = [(cell or "").translate(_CELL_BLANKS).strip() for cell in row]
        if any(cells):
            out.add("\t".join(cells), f"{where}, row {row_number}")


# words whose tops are closer than this (of their height) stand on one line: cells space
# their paragraphs differently, so one row's cells drift apart by a few points
_SAME_LINE = 0.5
_NARROW = 0.8
_WORD_GAP = 0.45  # of the font size: words closer than this belong to one stretch of text


def _read_by_words(page: Page, number: int, out: _Lines) -> None:
    """The page as fixed-width lines, each word placed by its x position."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    if not words:
        return
    widths = [float(c["x1"]) - float(c["x0"]) for c in page.chars if c["text"].strip()]
    # a little under the mean character's width, so that text laid out one character a
    # column never runs into the column to its right
    unit = max(_NARROW * sum(widths) / len(widths), 1.0) if widths else 4.0
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (float(w["top"]), float(w["x0"]))):
        height = float(word["bottom"]) - float(word["top"])
        if lines and abs(float(word["top"]) - float(lines[-1][0]["top"])) <= _SAME_LINE * height:
            lines[-1].append(word)
        else:
            lines.append([word])
    if out.lines:
        out.pages.append(len(out.lines) + 1)
    for line in lines:
        out.add(
            _lay_out(sorted(line, key=lambda w: float(w["x0"])), unit),
            f"page {number}, columns from word positions",
        )


def _lay_out(words: list[dict[str, Any]], unit: float) -> str:
    """One line of words in fixed-width characters: a word where its x puts it, one space
    between words of one stretch of text and at least two between stretches."""
    text = ""
    end = None  # x where the last word ends
    for word in words:
        piece = str(word["text"]).translate(_LINE_BLANKS)
        x0, x1 = float(word["x0"]), float(word["x1"])
        if end is None:
            text = " " * round(x0 / unit)
        elif x0 - end <= _WORD_GAP * (float(word["bottom"]) - float(word["top"])):
            # the next word of the same stretch of text
            text += " "
        else:
            text += " " * max(2, round(x0 / unit) - len(text))
        text += piece
        end = x1
    return text.rstrip()
