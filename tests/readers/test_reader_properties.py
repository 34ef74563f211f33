"""Properties: readers never raise anything but InputError, and never drop text.

The number of examples comes from the Hypothesis profile (``ci`` by default,
``HYPOTHESIS_PROFILE=long`` for 5000); deadlines are off because encoding
detection takes a variable time.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readers_kit import save

from checker.errors import InputError
from checker.readers.docx import read_docx
from checker.readers.load import read_source
from checker.readers.text import normalise

# Control characters text.looks_binary accepts as text. (\v is normalised to a space too,
# but looks_binary counts it as binary, so a short text with a \v may be refused.)
TEXT_CONTROLS = set("\t\n\r\f\x00")
relaxed = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def non_blank(text: str) -> list[str]:
    return [char for char in text if not char.isspace()]


@pytest.mark.parametrize(
    "suffix", [".txt", ".md", ".csv", ".tsv", ".json", ".yaml", ".docx", ".pdf"]
)
@relaxed
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_give_a_document_or_an_input_error(
    folder: Path, suffix: str, data: bytes
) -> None:
    path = folder / f"plan{suffix}"
    path.write_bytes(data)
    try:
        doc = read_source(str(path))
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.source == str(path)
    assert doc.text.strip() or doc.plan is not None


@relaxed
@given(text=st.text())
def test_utf8_text_keeps_every_non_blank_character(folder: Path, text: str) -> None:
    path = folder / "plan.txt"
    path.write_bytes(text.encode("utf-8"))
    # the one documented loss: a UTF-8 byte-order mark at the start is not text
    expected = normalise(text.removeprefix("\ufeff"))
    controls = any(ord(char) < 32 and char not in TEXT_CONTROLS for char in text)
    try:
        doc = read_source(str(path))
    except InputError as exc:
        # only blank text, or control characters that make it look binary, are refused
        assert not expected.strip() or controls or "\x00" in text, str(exc)
        return
    assert doc.text == expected
    assert non_blank(doc.text) == non_blank(expected)


# Text Word can hold: no XML-forbidden control characters, no surrogates.
cell_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="\ufffe\uffff"),
    max_size=40,
)


@relaxed
@given(rows=st.lists(st.lists(cell_text, min_size=3, max_size=3), min_size=1, max_size=5))
def test_docx_keeps_every_non_blank_character_of_its_cells(rows: list[list[str]]) -> None:
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    expected = non_blank("".join("".join(row) for row in rows))
    if not expected:
        return
    doc = read_docx(save(document), "plan.docx")
    assert non_blank(doc.text) == expected
    for line in doc.text.rstrip("\n").split("\n"):
        assert line.count("\t") == 2
