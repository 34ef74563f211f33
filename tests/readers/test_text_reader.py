"""Plain-text reader through read_source: encodings, line ends, page breaks."""

from __future__ import annotations

import codecs

import pytest

from checker.errors import InputError
from checker.readers.load import read_source

TABLE = "Rec No\tConcern\tAction\n1\tThe £500 fund – unspent\tSpend it\n"


@pytest.mark.parametrize(
    "data",
    [
        TABLE.encode("utf-8"),
        codecs.BOM_UTF8 + TABLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + TABLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be"),
        TABLE.replace("\n", "\r\n").encode("utf-8"),
        TABLE.replace("\n", "\r").encode("utf-8"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "crlf", "cr"],
)
def test_encodings_and_line_ends_give_the_same_text(data: bytes) -> None:
    doc = read_source("plan.txt", data)
    assert doc.text == TABLE
    assert doc.reader == "text"
    assert doc.where == {}


def test_page_breaks_and_nuls_become_spaces_in_place() -> None:
    doc = read_source("plan.txt", b"1\tDamp\fcells\n2\tNoisy\0pipes\n")
    assert doc.text == "1\tDamp cells\n2\tNoisy pipes\n"


def test_binary_content_is_refused_with_the_kinds_read() -> None:
    with pytest.raises(InputError, match=r"binary content.*\.docx"):
        read_source("plan.txt", bytes(range(1, 32)) * 20)
