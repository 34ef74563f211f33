"""Rows that are not recommendations: part headings, notes to self, sentences with heading words."""

from __future__ import annotations

from checker.parse import parse_text
from checker.parse.cells import regroup
from checker.parse.grid import header_roles, split_lines
from checker.readers import PARAGRAPH
from tests.parse.accounting import unaccounted

HEAD = "Rec No\tConcern\tAction\tOwner\tTarget date\n"


def test_a_part_heading_row_is_a_heading_not_a_recommendation() -> None:
    text = (
        HEAD
        + "Recommendations to the Director\t\t\t\t\n"
        + "1\tThe gym was shut.\tOpen the gym daily.\tPE Manager\tMay 2026\n"
    )
    plan = parse_text(text)
    assert [r.ref for r in plan.recommendations] == ["1"]
    assert [s.title for s in plan.sections] == ["Recommendations to the Director"]
    assert unaccounted(text, plan) == []


def test_a_sentence_that_opens_on_lead_is_not_a_heading_row() -> None:
    line = split_lines(
        "3.2\tLeaders should act on the survey.\tAgreed\tThe action plan is reviewed.\tGovernor\tMay\n"
    )[0]
    assert header_roles(line) is None


def test_a_note_to_self_is_drafting_residue_not_an_action() -> None:
    text = (
        HEAD
        + "1\tCells were cold.\tFit new radiators on B wing.\tHead of Estates\tJune 2026\n"
        + "\t\t[ask finance whether this is funded]\t\t\n"
        + "2\tMail was late.\t[waiting for the post room to reply]\t\t\n"
    )
    plan = parse_text(text)
    first, second = plan.recommendations
    assert [a.text for a in first.actions] == ["Fit new radiators on B wing."]
    assert second.actions == ()
    notes = [u.text for u in plan.unplaced if u.kind == "drafting-note"]
    assert notes == ["[ask finance whether this is funded]", "[waiting for the post room to reply]"]
    assert unaccounted(text, plan) == []


def test_a_note_as_the_last_paragraph_of_a_word_cell_is_taken_out() -> None:
    cell = "Fit new radiators on B wing." + PARAGRAPH + "[ask finance whether this is funded]"
    text = HEAD + f"1\tCells were cold.\t{cell}\tHead of Estates\tJune 2026\n"
    plan = parse_text(text, reader="docx")
    (act,) = plan.recommendations[0].actions
    assert act.text == "Fit new radiators on B wing."
    assert act.owner == "Head of Estates"
    assert [u.kind for u in plan.unplaced] == ["drafting-note"]


def test_a_placeholder_owner_in_brackets_is_not_a_note() -> None:
    text = HEAD + "1\tCells were cold.\tFit new radiators.\t[owner]\tJune 2026\n"
    (act,) = parse_text(text).recommendations[0].actions
    assert act.owner == "[owner]"


def test_a_section_split_over_two_cells_in_one_cell_per_line_text() -> None:
    cells = ["Rec No", "Concern", "Action", "Owner", "Target date"]
    rows = ["Key", "Concerns", "", "", ""]
    rows += ["1", "Cells were cold.", "Fit new radiators.", "Head of Estates", "June 2026"]
    rows += ["2", "Mail was late.", "Deliver mail daily.", "Business Hub", "May 2026"]
    text = "\n".join(cells + rows) + "\n"
    lines = regroup(split_lines(text))
    assert lines is not None
    plan = parse_text(text)
    assert [(r.ref, r.section) for r in plan.recommendations] == [("1", "key"), ("2", "key")]


def test_owners_a_pdf_export_folded_into_one_line_are_cut_one_per_bullet() -> None:
    # a ruled PDF's cell comes out as one line: two bullets beside two stacked owners
    text = (
        HEAD
        + "1\tCell doors were left unlocked.\t\u2022 Fit new locks on B wing \u2022 Train night "
        "staff on the locks\tEstates Partner (contractor) Head of Security\tMay 2026\n"
        + "2\tStaff missed training.\t\u2022 Book every officer on a course \u2022 Report "
        "attendance monthly\tHead of Learning Deputy Governor\tJune 2026\n"
        + "3\tVisits were cancelled.\t\u2022 Add a Saturday session \u2022 Log every "
        "cancellation\tHead of Residence (lead) / Head of Safety\tJuly 2026\n"
    )
    plan = parse_text(text)
    assert unaccounted(text, plan) == []
    owners = [[a.owner for a in r.actions] for r in plan.recommendations]
    assert owners == [
        ["Estates Partner (contractor)", "Head of Security"],
        ["Head of Learning", "Deputy Governor"],
        # joined by "/": one shared owner, not two
        ["Head of Residence (lead) / Head of Safety"] * 2,
    ]


def test_a_bare_year_beside_a_step_of_its_own_is_not_the_tail_of_the_target_above() -> None:
    """ "January 26" is January 2026; the "2027" of the next step is that step's own target
    (it fails T), not a year wrapped from the cell above ("January 26 2027")."""
    plan = parse_text(
        HEAD
        + "1\tComplaints took too long.\tThe lead will meet the forum every month.\t"
        + "Patient Lead\tJanuary 26\n"
        + "\t\tThe trust will re-let the contract.\tHead of Healthcare\t2027\n"
    )
    first, second = plan.recommendations[0].actions
    assert (first.target, first.due) == ("January 26", "2026-01")
    assert (second.target, second.due) == ("2027", None)
    # a target wrapped beside a step's wrapped text is still joined
    wrapped = parse_text(
        HEAD
        + "1\tComplaints took too long.\tThe lead will meet the forum every month and\t"
        + "Patient Lead\tDecember\n"
        + "\t\treport the themes to the board.\t\t2026\n"
    )
    (act,) = wrapped.recommendations[0].actions
    assert act.due == "2026-12"


def test_the_reason_beside_a_partly_agreed_category_column_is_not_an_action() -> None:
    """The category in its own column, its reason in the response column with no owner or
    target: the reason is the rationale; the steps after it are the actions."""
    head = "Rec No\tRecommendation\tAgreed / Partly agreed / Not agreed\tAction\tOwner\tTarget\n"
    plan = parse_text(
        head
        + "2.1\tOpen the gym every evening.\tPartly agreed\t"
        + "Staffing does not allow an evening gym on all seven days.\t\t\n"
        + "\t\t\tThe gym will open on Tuesday and Thursday evenings.\tPE Manager\tMay 2026\n"
        + "2.2\tFit a lift in the library.\tNot agreed\t"
        + "A ramp already gives step-free access to the library.\t\t\n"
    )
    partly, refused = plan.recommendations
    assert partly.rationale.startswith("Staffing does not allow")
    assert [a.text for a in partly.actions] == [
        "The gym will open on Tuesday and Thursday evenings."
    ]
    assert refused.rationale.startswith("A ramp") and refused.actions == ()
    # an agreed response's first step with no owner or target is still a step
    agreed = parse_text(head + "3.1\tFix the heating.\tAgreed\tThe boiler will be replaced.\t\t\n")
    assert len(agreed.recommendations[0].actions) == 1


def test_a_completed_status_and_its_date_on_one_line_are_one_target() -> None:
    plan = parse_text(
        HEAD
        + "1\tReception was dirty.\tThe reception was refurbished in April 2026.\t"
        + "Head of Estates\tCompleted April 2026\n"
        + "\t\tA survey of 40 new arrivals will be run each month.\tSafety Manager\t"
        + "June 2026 and monthly thereafter\n"
    )
    done, survey = plan.recommendations[0].actions
    assert (done.due, done.due_status) == ("complete", "complete")
    assert (survey.due, survey.due_status) == ("2026-06", "month")
