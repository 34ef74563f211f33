"""Action plans outside the HMPPS template: councils, internal audit, NHS, trackers.

The same table under other headings, arriving as pipe tables, web pages and
spreadsheets. Every plan here is written for these tests.
"""

from __future__ import annotations

import io

import pytest

from checker.parse import parse_document, parse_text
from checker.parse.grid import Line, header_roles, heading_candidates, split_lines
from checker.readers.load import read_source
from tests.parse.accounting import unaccounted

COUNCIL = """Kestrel Bay Borough Council: review of street lighting repairs
Approved by Cabinet: 9 April 2026

| No. | Recommendation | Action | Lead officer | Target date | Progress |
|-----|----------------|--------|--------------|-------------|----------|
| 1 | Residents should hear when a reported fault will be fixed. | Email every resident who reports a fault with a repair date within three working days. | Highways Manager | 31 August 2026 | On track |
| 2 | Faults on main roads should be fixed first. | Fix every main-road fault within five working days and publish the monthly figures online. | Street Lighting Engineer | October 2026 | Not started |
"""


def _doc(name: str, text: str):  # type: ignore[no-untyped-def]
    return read_source(name, text.encode("utf-8"))


def test_a_council_plan_as_a_pipe_table_in_plain_text() -> None:
    doc = _doc("lighting.txt", COUNCIL)
    plan = parse_document(doc)
    assert [c.role for c in plan.columns] == [
        "ref", "concern", "action", "owner", "target", "status",
    ]  # fmt: skip
    first, second = plan.recommendations
    (act,) = first.actions
    assert act.text.startswith("Email every resident")
    assert (act.owner, act.target, act.due) == ("Highways Manager", "31 August 2026", "2026-08-31")
    assert [(s.column, s.text) for s in first.status] == [("Progress", "On track")]
    assert second.actions[0].owner == "Street Lighting Engineer"
    assert plan.header.submitted is not None and plan.header.submitted.value == "2026-04-09"
    assert unaccounted(doc.text, plan) == []
    # the cells keep their places in the file: the owner is where the file has it
    span = act.owner_spans[0]
    line = COUNCIL.split("\n")[span.line - 1]
    assert line[span.column - 1 : span.end_column - 1] == "Highways Manager"


def test_a_pipe_table_without_a_rule_or_outer_pipes() -> None:
    text = (
        "Ref | Issue | Agreed action | Responsible officer | Implementation date\n"
        "1 | Stock counts are not checked. | Count the stores every quarter and sign off "
        "the count at the finance meeting. | Stores Supervisor | 30/09/2026\n"
        "2 | Keys are not logged. | Log every key issued and returned on the key register. "
        "| Facilities Manager | 31 July 2026\n"
    )
    doc = _doc("stores.txt", text)
    plan = parse_document(doc)
    owners = [a.owner for r in plan.recommendations for a in r.actions]
    assert owners == ["Stores Supervisor", "Facilities Manager"]
    assert plan.recommendations[1].concern == "Keys are not logged."
    assert unaccounted(doc.text, plan) == []


def test_pipes_in_prose_and_in_tab_separated_cells_are_the_writers() -> None:
    text = (
        "Notes: housing | repairs | lighting were discussed.\n"
        "Rec No\tConcern\tAction\tOwner\tTarget date\n"
        "1\tMeals were cold.\tServe hot meals | check at every servery.\tCatering Manager\tMay 2026\n"
    )
    doc = _doc("mixed.txt", text)
    assert doc.text == text
    (rec,) = parse_document(doc).recommendations
    assert rec.actions[0].text == "Serve hot meals | check at every servery."


AUDIT = """<html><body><h1>Internal audit: purchase cards</h1>
<table>
<tr><th>Ref</th><th>Finding</th><th>Priority</th><th>Management response</th>
<th>Responsible officer</th><th>Implementation date</th></tr>
<tr><td>1</td><td>Card limits were raised without approval.</td><td>High</td>
<td>Agreed. Card limits will only change on a form signed by the budget holder,
and the card administrator will check all changes monthly.</td>
<td>Finance Business Partner</td><td>31/01/2027</td></tr>
<tr><td>2</td><td>Receipts were missing for 14 of 40 transactions tested.</td><td>Medium</td>
<td>Agreed. Cardholders will upload a receipt for every transaction<br>before the
monthly statement closes.</td><td>Card Administrator</td><td>March 2027</td></tr>
</table></body></html>"""


def test_an_internal_audit_plan_as_html_with_a_priority_rating() -> None:
    doc = read_source("cards.html", AUDIT.encode("utf-8"))
    plan = parse_document(doc)
    roles = {c.title: c.role for c in plan.columns}
    assert roles["Management response"] == "action"
    assert roles["Finding"] == "concern" and roles["Priority"] == "other"
    first, second = plan.recommendations
    assert first.concern == "Card limits were raised without approval."
    assert first.actions[0].owner == "Finance Business Partner"
    assert second.actions[0].due == "2027-03"
    # the rating is kept as a cell plancheck does not read, never dropped
    assert any(u.text == "High" for u in plan.unplaced)


def test_a_tracker_spreadsheet_keeps_rag_and_progress_as_status() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Actions"
    sheet.append(["ID", "Objective", "What", "Who", "By when", "RAG status", "Progress update"])
    sheet.append(
        [
            "1",
            "Patients wait too long for a first appointment.",
            "Add two evening clinics a week and report waits to the board every month.",
            "Clinic Manager",
            "30 November 2026",
            "Amber",
            "One clinic running since May",
        ]
    )
    sheet.append(
        [
            "2",
            "Discharge letters reach GPs late.",
            "Send every discharge letter to the GP within 48 hours.",
            "Medical Director",
            "Complete",
            "Green",
            "Audit in June showed 96% on time",
        ]
    )
    out = io.BytesIO()
    book.save(out)
    doc = read_source("tracker.xlsx", out.getvalue())
    plan = parse_document(doc)
    assert [c.role for c in plan.columns] == [
        "ref", "concern", "action", "owner", "target", "status", "status",
    ]  # fmt: skip
    first, second = plan.recommendations
    assert first.actions[0].owner == "Clinic Manager" and first.actions[0].due == "2026-11-30"
    assert [s.text for s in first.status] == ["Amber", "One clinic running since May"]
    assert second.actions[0].due == "complete"
    assert not any("Audit in June" in a.text for r in plan.recommendations for a in r.actions)
    assert not plan.unplaced
    # the lint report carries the status cells with the recommendation they belong to
    from checker.config import Settings
    from checker.run.runner import Runner

    report = Runner(Settings()).lint_plan(plan)
    assert [(n.column, n.text) for n in report.recommendations[1].status] == [
        ("RAG status", "Green"),
        ("Progress update", "Audit in June showed 96% on time"),
    ]


def test_headings_split_over_two_lines_of_a_cell() -> None:
    # a Word table whose headings wrap: each heading cell holds two paragraphs
    text = (
        "Ref\tArea for\u2029improvement\tAgreed\u2029action\tLead\u2029officer\tTarget\u2029date\n"
        "1\tVisits start late.\tStart every visit at the booked time.\tVisits Manager\tJune 2026\n"
    )
    plan = parse_text(text, "split.docx", reader="docx")
    assert [c.role for c in plan.columns] == ["ref", "concern", "action", "owner", "target"]
    assert plan.recommendations[0].actions[0].owner == "Visits Manager"


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("3. Response", "action"),
        ("Management response", "action"),
        ("Agreed action", "action"),
        ("What", "action"),
        ("Lead officer", "owner"),
        ("By whom", "owner"),
        ("Managed by", "owner"),
        ("Action owner", "owner"),
        ("Function – Responsible/Policy Lead", "owner"),
        ("By when", "target"),
        ("Timeframe", "target"),
        ("Completion date", "target"),
        ("Implementation date", "target"),
        ("Area for improvement", "concern"),
        ("Issue", "concern"),
        ("Recommendation", "concern"),
        ("Rec No", "ref"),
        ("No.", "ref"),
        ("Agreed / Partly agreed / Not agreed", "category"),
        ("RAG", "status"),
        ("Progress update", "status"),
        ("Comments", "status"),
        ("Action status", "status"),
    ],
)
def test_a_heading_means_its_role(heading: str, role: str) -> None:
    assert heading_candidates(heading)[0][1] == role


def test_a_row_of_data_is_not_a_heading_row() -> None:
    (line,) = split_lines("1\tRecords\tUpdate the records\tLead nurse\tMay 2026")
    assert header_roles(line) is None


def test_the_user_names_unusual_headings() -> None:
    line = Line(1, "", split_lines("Milestone\tChampion\tWhen done\tWorkstream")[0].cells)
    assert header_roles(line) is None
    names = {"milestone": "action", "champion": "owner", "workstream": "concern"}
    assert header_roles(line, names) == ("action", "owner", "target", "concern")


def test_an_audit_plan_whose_concern_fills_two_columns() -> None:
    text = (
        "| Finding | Recommendation | Management response | Responsible officer | "
        "Implementation date |\n"
        "|---|---|---|---|---|\n"
        "| Fuel cards were shared between drivers. | Issue one card per driver. | "
        "Agreed. Every driver will hold a named card from June, and the fleet team will "
        "check card use monthly. | Fleet Manager | 30 June 2027 |\n"
    )
    doc = read_source("fleet.md", text.encode("utf-8"))
    plan = parse_document(doc)
    assert [c.role for c in plan.columns] == ["concern", "concern", "action", "owner", "target"]
    (rec,) = plan.recommendations
    assert rec.concern == "Fuel cards were shared between drivers. Issue one card per driver."
    assert rec.actions[0].owner == "Fleet Manager"
    assert not plan.unplaced


def test_references_with_a_word_before_the_number() -> None:
    text = (
        "Ref\tArea for improvement\tAction\tLead\tTimescale\n"
        "AFI 1\tCalls are answered slowly.\tAnswer 90% of calls within ten minutes.\t"
        "Head of Contact\tMarch 2027\n"
        "Rec 2\tVictims are not kept informed.\tWrite to every victim at each stage.\t"
        "Head of Crime\tJune 2027\n"
    )
    plan = parse_text(text, "force.txt")
    assert [r.ref for r in plan.recommendations] == ["AFI 1", "Rec 2"]
    assert plan.recommendations[0].concern == "Calls are answered slowly."


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Date submitted: 2 February 2026", "2026-02-02"),
        ("Submission date: 02/02/2026", "2026-02-02"),
        ("Date of approval: 2nd February 2026", "2026-02-02"),
    ],
)
def test_the_date_a_plan_went_in_under_other_labels(line: str, value: str) -> None:
    plan = parse_text(f"Eastfold Trust\n{line}\n{COUNCIL.split(chr(10), 2)[2]}")
    assert plan.header.submitted is not None and plan.header.submitted.value == value


def test_whose_plan_it_is_on_a_line_of_its_own() -> None:
    plan = parse_text(f"Organisation: Eastfold District Council\n{COUNCIL.split(chr(10), 2)[2]}")
    assert plan.header.establishment is not None
    assert plan.header.establishment.value == "Eastfold District Council"
