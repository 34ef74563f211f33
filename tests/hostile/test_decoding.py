"""Text is read in its one encoding, or refused with the offset that breaks it: never garbled."""

from __future__ import annotations

import pytest

from checker.errors import InputError
from checker.readers.load import read_source

PLAN = (
    "Rec No\tConcern\tAction\tOwner\tTarget\n1\tThe £5 café fund\tSpend it.\tGovernor\tMay 2026\n"
)


def test_one_stray_byte_in_utf8_text_is_named_not_decoded_as_a_code_page() -> None:
    data = PLAN.encode("utf-8").replace(b"Spend", b"Sp\xffend")
    with pytest.raises(InputError) as caught:
        read_source("plan.txt", data)
    message = caught.value.message
    assert "byte 0xff" in message and "line 2" in message and "\n" not in message


def test_cp1252_text_still_reads_as_cp1252() -> None:
    doc = read_source("plan.txt", PLAN.encode("cp1252"))
    assert "£5 café" in doc.text


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_wide_encodings_without_a_byte_order_mark(codec: str) -> None:
    doc = read_source("plan.txt", PLAN.encode(codec))
    assert doc.text.startswith("Rec No\tConcern") and "£5 café" in doc.text
