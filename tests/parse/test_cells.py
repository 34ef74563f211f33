"""One cell per line (LibreOffice "Save as Text"): rows rebuilt from the cells' shapes.

The plan text is invented; the shape is LibreOffice's: headings one per line, an
empty line for an empty cell, a cell of several paragraphs on several lines.
"""

from __future__ import annotations

from checker.parse import parse_text
from tests.parse.accounting import unaccounted

HEADINGS = "1. Rec No\n2. Concerns\n3. Response Action Taken/Planned\n4. Responsible Owner\n5. Target Date\n"


def parse(body: str):  # type: ignore[no-untyped-def]
    text = "Action Plan: HMP Fenwick\n" + HEADINGS + body
    plan = parse_text(text, "fixture.txt")
    assert unaccounted(text, plan) == []
    return plan


def test_rows_are_rebuilt_with_empty_cells_and_a_merged_heading_row() -> None:
    plan = parse(
        "Priority concerns\n"
        "1\nThe library was rarely open.\nOpen the library on two evenings a week.\n"
        "Head of Learning\nMarch 2026\n"
        "\n\nBuy 300 easy-read books.\n\nJune 2026\n"
        "2\nVisits started late.\nStart every visit on time, logged daily.\nHead of Visits\nComplete\n"
    )
    first, second = plan.recommendations
    assert first.section == "priority" and first.concern == "The library was rarely open."
    assert [(a.text, a.owner, a.target) for a in first.actions] == [
        ("Open the library on two evenings a week.", "Head of Learning", "March 2026"),
        ("Buy 300 easy-read books.", None, "June 2026"),
    ]
    assert [a.target for a in second.actions] == ["Complete"]


def test_a_bulleted_cell_with_stacked_owners_and_one_target() -> None:
    plan = parse(
        "1\nMeals were cold.\n    • Buy heated trolleys for every wing\n    • Survey men on meals\n"
        "Head of Catering\nHead of Residence\nMay 2026\n"
    )
    acts = plan.recommendations[0].actions
    assert [a.text for a in acts] == ["Buy heated trolleys for every wing", "Survey men on meals"]
    assert [a.owner for a in acts] == ["Head of Catering", "Head of Residence"]
    assert [a.target for a in acts] == ["May 2026", "May 2026"]


def test_whole_columns_one_after_another_are_not_read_as_rows() -> None:
    # pdftotext's default output prints each column as a block: no invented rows
    plan = parse(
        "1\n2\nThe library was rarely open.\nVisits started late.\nOpen the library.\n"
        "Start visits on time.\nHead of Learning\nHead of Visits\nMarch 2026\nComplete\n"
    )
    assert sum(len(r.actions) for r in plan.recommendations) == 0


def test_one_cell_per_paragraph_with_an_empty_line_after_each() -> None:
    text = (
        "Community dental service: action plan\n\n"
        "Issue\n\nAction\n\nLead\n\nBy when\n\n"
        "Children wait too long for a first appointment.\n\n"
        "Offer every referred child an appointment within 6 weeks.\n\n"
        "Clinical Director\n\nMarch 2027\n\n"
        "Recall letters are not sent.\n\n"
        "Send a recall letter to every patient due a check-up each month.\n\n"
        "Practice Manager\n\nJanuary 2027\n"
    )
    plan = parse_text(text, "dental.txt")
    assert unaccounted(text, plan) == []
    rows = [(r.concern, a.owner, a.due) for r in plan.recommendations for a in r.actions]
    assert rows == [
        ("Children wait too long for a first appointment.", "Clinical Director", "2027-03"),
        ("Recall letters are not sent.", "Practice Manager", "2027-01"),
    ]
