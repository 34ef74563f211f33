"""PDF reader: ruled tables as tab-separated lines, text around them kept in place."""

from __future__ import annotations

import sys

import pytest
from readers_kit import HEADER, ROWS, image_only_pdf, plan_pdf

from checker.errors import InputError
from checker.readers.pdf import read_pdf


@pytest.fixture(scope="module")
def table_pdf() -> bytes:
    return plan_pdf()


def test_header_lines_come_before_the_table(table_pdf: bytes) -> None:
    doc = read_pdf(table_pdf, "plan.pdf")
    lines = doc.text.split("\n")
    assert lines[:2] == HEADER
    assert doc.where[1] == "page 1"
    assert doc.reader == "pdf"


def test_table_rows_are_tab_separated(table_pdf: bytes) -> None:
    doc = read_pdf(table_pdf, "plan.pdf")
    rows = [line.split("\t") for line in doc.text.split("\n") if "\t" in line]
    assert rows == [list(row) for row in ROWS]
    first_row = doc.text.split("\n").index("\t".join(ROWS[0])) + 1
    assert doc.where[first_row] == "page 1, table 1, row 1"
    assert doc.where[first_row + 3] == "page 1, table 1, row 4"


def test_a_long_cell_wrapped_over_lines_is_joined_with_spaces() -> None:
    long_concern = " ".join(["Staff shortages cut the time out of cell"] * 4)
    rows = [ROWS[0], ["1", long_concern, "Hire staff.", "Governor", "May 26"]]
    doc = read_pdf(plan_pdf(rows, header=()), "plan.pdf")
    cells = doc.text.split("\n")[1].split("\t")
    assert cells[1] == long_concern


def test_image_only_pdf_has_no_text_layer() -> None:
    with pytest.raises(InputError, match=r"has no text layer \(a scanned image\?\)"):
        read_pdf(image_only_pdf(), "scan.pdf")


def test_without_pdfplumber_the_message_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, table_pdf: bytes
) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # makes the import fail
    with pytest.raises(InputError, match=r"reading PDF needs pdfplumber, which plancheck installs"):
        read_pdf(table_pdf, "plan.pdf")


def test_not_a_pdf_is_refused() -> None:
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(b"just some words", "plan.pdf")


def test_a_truncated_pdf_is_an_input_error(table_pdf: bytes) -> None:
    with pytest.raises(InputError):
        read_pdf(table_pdf[: len(table_pdf) // 3], "plan.pdf")


def test_a_table_without_rules_is_read_from_the_words_positions() -> None:
    from checker.parse import parse_document
    from checker.readers import Document

    rows = [
        ROWS[0],
        [
            "1",
            "Evening association was often cancelled because too few officers were on duty.",
            "Recruit six officers and publish the evening rota on every wing each Friday.",
            "Governor",
            "May 2026",
        ],
        ["", "", "Log every cancelled session and its reason.", "Deputy Governor", "June 2026"],
        ["2", "Cells on B wing were damp.", "Survey every cell on B wing.", "Head of Estates", ""],
    ]

    def understood(doc: Document) -> list[tuple[str | None, str, str | None, str | None]]:
        plan = parse_document(doc)
        return [(r.ref, a.text, a.owner, a.due) for r in plan.recommendations for a in r.actions]

    ruled = read_pdf(plan_pdf(rows), "ruled.pdf")
    bare = read_pdf(plan_pdf(rows, ruled=False), "bare.pdf")
    assert "\t" not in bare.text  # no ruled table: laid out by position, not cut into cells
    assert set(bare.where.values()) == {"page 1, columns from word positions"}
    assert understood(bare) == understood(ruled)
    assert understood(ruled)[0] == ("1", rows[1][2], "Governor", "2026-05")
