"""Word reader: table rows as tab-separated lines, merged cells, lists, header paragraphs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from readers_kit import COLUMNS, HEADER, ROWS, paragraphs_docx, plan_docx, save

from checker.errors import InputError
from checker.readers import PARAGRAPH
from checker.readers.docx import read_docx
from checker.readers.load import read_source


def lines_of(data: bytes) -> list[str]:
    return read_docx(data, "plan.docx").text.split("\n")


def test_header_paragraphs_then_table_rows() -> None:
    doc = read_docx(plan_docx(), "plan.docx")
    lines = doc.text.split("\n")
    assert lines[:4] == [HEADER[0], "", HEADER[1], ""]
    assert lines[4:8] == ["\t".join(row) for row in ROWS]
    assert doc.text.endswith("\n")
    assert doc.reader == "docx"
    assert doc.where[1] == "paragraph 1"
    assert doc.where[3] == "paragraph 2"
    assert doc.where[5] == "table 1, row 1"
    assert doc.where[8] == "table 1, row 4"


def test_read_source_picks_the_docx_reader(tmp_path: Path) -> None:
    path = tmp_path / "plan.DOCX"
    path.write_bytes(plan_docx())
    assert read_source(str(path)).reader == "docx"


def test_horizontal_merge_keeps_the_column_count() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=5)
    for c, title in enumerate(COLUMNS):
        table.cell(0, c).text = title
    table.cell(1, 0).text = "3"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "Concern and action in one merged cell"
    table.cell(1, 3).text = "Governor"
    lines = lines_of(save(document))
    assert lines[1].split("\t") == [
        "3",
        "Concern and action in one merged cell",
        "",
        "Governor",
        "",
    ]


def test_vertical_merge_leaves_continuation_cells_empty() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=5)
    for c, title in enumerate(COLUMNS):
        table.cell(0, c).text = title
    table.cell(1, 0).merge(table.cell(2, 0)).text = "4"
    table.cell(1, 1).merge(table.cell(2, 1)).text = "Healthcare waits were long."
    table.cell(1, 2).text = "Add a second clinic."
    table.cell(2, 2).text = "Audit waiting times monthly."
    rows = [line.split("\t") for line in lines_of(save(document)) if line]
    assert rows[1][:3] == ["4", "Healthcare waits were long.", "Add a second clinic."]
    assert rows[2][:3] == ["", "", "Audit waiting times monthly."]
    assert all(len(row) == 5 for row in rows)


def test_numbered_and_bulleted_paragraphs_in_a_cell() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    cell = table.cell(1, 1)
    cell.text = "The prison will:"
    cell.add_paragraph("Open the library at weekends.", style="List Number")
    cell.add_paragraph("Count visits each month.", style="List Number")
    cell.add_paragraph("Report to the board.", style="List Bullet")
    other = table.cell(1, 2)
    other.text = ""
    other.add_paragraph("Numbering starts again here.", style="List Number")
    row = lines_of(save(document))[0].split("\t")
    # paragraphs of a cell are kept apart by PARAGRAPH, which the parser reads as a space
    assert row[1].split(PARAGRAPH) == [
        "The prison will:",
        "1. Open the library at weekends.",
        "2. Count visits each month.",
        "• Report to the board.",
    ]
    assert row[2] == "1. Numbering starts again here."


def test_direct_numpr_on_a_paragraph_is_numbered() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    cell = table.cell(0, 1)
    # give the first cell paragraph a list by its own numPr (not through a style)
    cell.paragraphs[0].text = "Weigh each parcel."
    list_style = document.styles["List Number"].element
    num_id = list_style.pPr.numPr.numId.val
    cell.paragraphs[0]._p.get_or_add_pPr().insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        ),
    )
    cell.add_paragraph("Log each parcel.", style="List Number")
    row = lines_of(save(document))[0].split("\t")
    assert row[1] == f"1. Weigh each parcel.{PARAGRAPH}2. Log each parcel."


def test_tabs_and_line_breaks_inside_a_cell_become_spaces() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "5"
    table.cell(0, 1).text = "first\tsecond\nthird"
    table.cell(0, 2).text = "Owner"
    assert lines_of(save(document))[0] == "5\tfirst second third\tOwner"


def test_several_tables_are_concatenated() -> None:
    document = docx.Document()
    first = document.add_table(rows=1, cols=2)
    first.cell(0, 0).text = "1"
    first.cell(0, 1).text = "table one"
    second = document.add_table(rows=1, cols=2)
    second.cell(0, 0).text = "2"
    second.cell(0, 1).text = "table two"
    doc = read_docx(save(document), "plan.docx")
    assert doc.text == "1\ttable one\n2\ttable two\n"
    assert doc.where == {1: "table 1, row 1", 2: "table 2, row 1"}


def test_paragraphs_between_tables_are_kept() -> None:
    document = docx.Document()
    document.add_table(rows=1, cols=2).cell(0, 0).text = "1"
    document.add_paragraph("Key concerns")
    document.add_table(rows=1, cols=2).cell(0, 0).text = "2"
    assert lines_of(save(document))[:5] == ["1\t", "", "Key concerns", "", "2\t"]


def test_text_in_hyperlinks_and_tracked_insertions_is_kept() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    p = cell.paragraphs[0]._p
    p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">See </w:t></w:r>'))
    p.append(
        parse_xml(f"<w:hyperlink {nsdecls('w')}><w:r><w:t>the guidance</w:t></w:r></w:hyperlink>")
    )
    p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t> online</w:t></w:r></w:ins>'
        )
    )
    p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>gone</w:delText>'
            "</w:r></w:del>"
        )
    )
    assert lines_of(save(document))[0] == "See the guidance online"


def test_nested_table_text_is_kept_in_its_cell() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=2).cell(0, 1)
    cell.text = "Outer text"
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "inner one"
    inner.cell(0, 1).text = "inner two"
    assert lines_of(save(document))[0] == PARAGRAPH.join(["\tOuter text", "inner one", "inner two"])


def test_a_docx_with_no_table_is_refused() -> None:
    with pytest.raises(InputError, match="has no table"):
        read_docx(paragraphs_docx("Action Plan: HMP Northfield", "No table follows."), "x.docx")


def test_blank_rows_are_left_out() -> None:
    rows = [COLUMNS, ["", "", "", "", ""], ["1", "c", "a", "o", "t"]]
    assert lines_of(plan_docx(rows, header=()))[:2] == ["\t".join(COLUMNS), "1\tc\ta\to\tt"]
