"""PDF reader: tables as lines of tab-separated cells, other text as lines.

pdfplumber is part of the default install and is imported only when a PDF is
read. On each page the ruled tables pdfplumber
finds become one line per row (an empty cell is "", a line break inside a cell
is a space); the text outside them keeps its place: what stands above the
first table (on page 1, the header block) comes before it, what stands between
two tables comes between them, and so on. ``where`` says "page P" for text
lines and "page P, table T, row R" for table rows (T counts the tables of that
page). A PDF with no text at all is a scan, which plancheck cannot read.
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
            for number, page in enumerate(pdf.pages, 1):
                chars += len(page.chars)
                _read_page(page, number, out)
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
    return Document(source=source, reader="pdf", text=out.text(), where=out.where)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.where: dict[int, str] = {}

    def add(self, line: str, where: str) -> None:
        self.lines.append(line)
        self.where[len(self.lines)] = where

    def text(self) -> str:
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _read_page(page: Page, number: int, out: _Lines) -> None:
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


def _add_table(rows: list[list[str | None]], where: str, out: _Lines) -> None:
    for row_number, row in enumerate(rows, 1):
        cells = [(cell or "").translate(_CELL_BLANKS).strip() for cell in row]
        if any(cells):
            out.add("\t".join(cells), f"{where}, row {row_number}")
