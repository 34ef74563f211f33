"""CSV and TSV reader: a spreadsheet saved as text, one record per line.

The first record is the header row of column titles. The delimiter is fixed by
the suffix (comma for .csv, tab for .tsv), never guessed. Each record becomes
one line of tab-separated cells; a line break or tab inside a quoted field
becomes a space. A record shorter than the header is padded so the column count
stays; a longer one keeps every cell. ``where`` names the record ("record 3",
counting the header as record 1 and blank records too, as a spreadsheet counts
rows when no cell spans lines).
"""

from __future__ import annotations

import csv
import io

from checker.errors import InputError
from checker.readers import Document
from checker.readers.text import decode, looks_binary, normalise

_BLANKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def read_csv(data: bytes, source: str) -> Document:
    """Read a comma-separated file."""
    return _read(data, source, ",", "csv")


def read_tsv(data: bytes, source: str) -> Document:
    """Read a tab-separated file."""
    return _read(data, source, "\t", "tsv")


def _read(data: bytes, source: str, delimiter: str, reader: str) -> Document:
    if looks_binary(data):
        raise InputError(source, "is not a text file (binary content)")
    text, _encoding = decode(data, source)
    records = csv.reader(io.StringIO(normalise(text), newline=""), delimiter=delimiter)
    lines: list[str] = []
    where: dict[int, str] = {}
    width = 0
    number = 0
    try:
        for number, record in enumerate(records, 1):
            if not any(field.strip() for field in record):
                continue
            cells = [field.translate(_BLANKS) for field in record]
            width = width or len(cells)
            cells += [""] * (width - len(cells))
            lines.append("\t".join(cells))
            where[len(lines)] = f"record {number}"
    except csv.Error as exc:
        raise InputError(source, f"record {number + 1}: {exc}") from None
    return Document(source=source, reader=reader, text="\n".join(lines) + "\n", where=where)
