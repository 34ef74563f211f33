"""Excel reader (.xlsx): each sheet's rows as lines of tab-separated cells.

Trackers are kept in spreadsheets as often as in Word. Every sheet is read in
order, its rows top to bottom (empty rows skipped, as Word's are), each row one
line of cells; a sheet after another is parted by a blank line, as Word's tables
are. A line break inside a cell is a paragraph break (bullets and stacked owners
then read as in Word); a date cell is written as dd/mm/yyyy, a whole number
without its '.0'. ``where`` says "sheet NAME, row R". A formula's last computed
value is read, never the formula. The zip is checked before openpyxl opens it,
as a .docx is.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from checker.errors import InputError
from checker.readers import PARAGRAPH, Document

_BLANKS = str.maketrans({"\t": " ", "\r": " ", "\x0b": " ", "\f": " "})


def read_xlsx(data: bytes, source: str) -> Document:
    from openpyxl import load_workbook

    from checker.readers.docx import check_zip

    check_zip(data, source, ".xlsx", "Excel")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of error on a damaged file
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise InputError(source, f"is not a readable Excel workbook ({detail})") from None
    lines: list[str] = []
    where: dict[int, str] = {}
    try:
        for sheet in book.worksheets:
            first = True
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = [_text(v) for v in row]
                while cells and not cells[-1]:
                    cells.pop()
                if not any(c.strip() for c in cells):
                    continue
                if first and lines:
                    lines.append("")
                first = False
                lines.append("\t".join(cells))
                where[len(lines)] = f"sheet {sheet.title}, row {number}"
    finally:
        book.close()
    if not lines:
        raise InputError(source, "is an Excel workbook with no cells filled in")
    return Document(source=source, reader="xlsx", text="\n".join(lines) + "\n", where=where)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").translate(_BLANKS)
    parts = [p.strip() for p in text.split("\n")]
    return PARAGRAPH.join(p for p in parts if p)
