"""Markdown reader: pipe tables to tab-separated lines, other lines kept."""

from __future__ import annotations

import pytest

from checker.errors import InputError
from checker.readers.markdown import read_markdown, split_row

PLAN = """\
# Action Plan: HMP Northfield

Action Plan Submitted: 3rd March 2026

| Rec No | Concern | Action | Owner | Target |
|---|:---|---:|:---:|---|
| 1 | Showers broke. | Repair the showers.<br>Check them weekly. | Head of Estates | April 26 |
|   |   | Keep a repair log \\| shared drive. | Facilities | Complete |
| 2 | Short row |

Closing note.
"""


def doc_lines() -> list[str]:
    return read_markdown(PLAN.encode(), "plan.md").text.split("\n")


def test_header_row_is_the_first_table_line_and_separator_goes() -> None:
    lines = doc_lines()
    assert lines[:4] == [
        "Action Plan: HMP Northfield",
        "",
        "Action Plan Submitted: 3rd March 2026",
        "",
    ]
    assert lines[4] == "Rec No\tConcern\tAction\tOwner\tTarget"
    assert not any(set(line) <= set("|-: \t") and line for line in lines)


def test_br_becomes_a_space_and_escaped_pipe_stays() -> None:
    lines = doc_lines()
    assert lines[5].split("\t")[2] == "Repair the showers. Check them weekly."
    assert lines[6].split("\t") == [
        "",
        "",
        "Keep a repair log | shared drive.",
        "Facilities",
        "Complete",
    ]


def test_short_rows_are_padded_to_the_header_width() -> None:
    assert doc_lines()[7].split("\t") == ["2", "Short row", "", "", ""]


def test_lines_after_the_table_are_kept_and_where_names_source_lines() -> None:
    doc = read_markdown(PLAN.encode(), "plan.md")
    lines = doc.text.split("\n")
    assert "Closing note." in lines
    assert doc.where[5] == "line 5"
    assert doc.where[6] == "line 7"  # the separator row (line 6) is not a line of text


def test_no_table_is_refused() -> None:
    with pytest.raises(InputError, match="has no table"):
        read_markdown(b"# Notes\n\nJust prose about the plan.\n", "notes.md")


def test_tab_separated_lines_are_read_as_they_are() -> None:
    doc = read_markdown(b"Rec No\tConcern\n1\tDamp cells\n", "plan.md")
    assert doc.text == "Rec No\tConcern\n1\tDamp cells\n"


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| a | b |", ["a", "b"]),
        ("a | b", ["a", "b"]),
        ("| a \\| b |", ["a | b"]),
        ("|  |  x  |", ["", "x"]),
        ("| a<BR/>b |", ["a b"]),
    ],
)
def test_split_row(row: str, cells: list[str]) -> None:
    assert split_row(row) == cells
