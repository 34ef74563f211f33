"""The Excel reader: sheets and rows as lines of cells, places named by sheet and row."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook

from checker.errors import InputError
from checker.parse import parse_document
from checker.readers.load import read_source


def _book(rows: list[list[object]], title: str = "Action plan") -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


HEAD = ["Rec No", "Concern", "Action", "Owner", "Target date"]


def test_a_tracker_reads_as_a_plan_with_its_places() -> None:
    data = _book([
        ["Action Plan: HMP Fenwick"],
        [],
        HEAD,
        [1, "Showers were broken.", "• Replace 12 shower heads\n• Test them weekly", "Head of Estates",
         datetime(2026, 5, 31)],
        [None, None, "Log every fault the same day.", "Residential CM", "Ongoing"],
    ])  # fmt: skip
    doc = read_source("tracker.xlsx", data)
    assert doc.reader == "xlsx"
    plan = parse_document(doc)
    (rec,) = plan.recommendations
    assert rec.ref == "1"
    acts = [(a.text, a.owner, a.target) for a in rec.actions]
    assert acts[0] == ("Replace 12 shower heads", "Head of Estates", "31/05/2026")
    assert acts[1][0] == "Test them weekly"
    assert acts[2] == ("Log every fault the same day.", "Residential CM", "Ongoing")
    assert rec.actions[0].spans[0].where == "sheet Action plan, row 4"


def test_an_empty_or_damaged_workbook_is_one_clear_error() -> None:
    with pytest.raises(InputError, match="no cells filled in"):
        read_source("empty.xlsx", _book([]))
    with pytest.raises(InputError, match=r"damaged or truncated \.xlsx"):
        read_source("cut.xlsx", _book([HEAD])[:200])
