"""The HTML reader: a plan saved or published as a web page."""

from __future__ import annotations

import pytest

from checker.errors import InputError
from checker.parse import parse_document
from checker.readers.load import read_source
from tests.parse.accounting import unaccounted

PAGE = """<!DOCTYPE html><html><head><title>x</title><style>td { color: red }</style>
<script>document.write("not a plan")</script></head><body>
<h1>Action Plan: HMP Fenwick</h1>
<p>Action Plan Submitted: 3rd March 2026</p>
<table>
<tr><th>Rec No</th><th>Concern</th><th>Action</th><th>Owner</th><th>Target date</th></tr>
<tr><td colspan="5">Priority concerns</td></tr>
<tr><td>1</td><td>Showers were <b>broken</b>.</td>
<td><ul><li>Replace 12 shower heads</li><li>Test them weekly</li></ul></td>
<td>Head of Estates</td><td>31/05/2026<br>Ongoing</td></tr>
<tr><td></td><td></td><td>Log every fault the same day.</td><td>Residential CM</td><td>June 2026</td></tr>
</table>
<!-- a comment, not text -->
</body></html>"""


def test_a_web_page_plan_reads_with_its_places() -> None:
    doc = read_source("plan.html", PAGE.encode("utf-8"))
    assert doc.reader == "html" and "not a plan" not in doc.text and "comment" not in doc.text
    plan = parse_document(doc)
    assert plan.header.submitted is not None and plan.header.submitted.value == "2026-03-03"
    (rec,) = plan.recommendations
    assert rec.section == "priority" and rec.concern == "Showers were broken."
    acts = [(a.text, a.owner, a.target) for a in rec.actions]
    assert acts == [
        ("Replace 12 shower heads", "Head of Estates", "31/05/2026"),
        ("Test them weekly", "Head of Estates", "Ongoing"),
        ("Log every fault the same day.", "Residential CM", "June 2026"),
    ]
    assert rec.actions[0].spans[0].where == "table 1, row 3"
    assert unaccounted(doc.text, plan) == []


def test_a_page_with_no_table_says_so() -> None:
    with pytest.raises(InputError, match="has no table"):
        read_source("news.html", b"<html><body><p>Nothing here.</p></body></html>")
