"""One small hand-written fixture per layout quirk of exported plans.

The wording is invented; the shapes are those of real Word and PDF exports.
"""

from __future__ import annotations

from checker.models import Plan
from checker.parse import parse_text
from checker.readers import PARAGRAPH
from tests.parse.accounting import unaccounted

HEAD = "1. Rec No\t2. Concerns\t3. Response Action Taken/Planned\t4. Responsible Owner\t5. Target Date\n"


def parse(body: str, head: str = HEAD) -> Plan:
    text = head + body
    plan = parse_text(text, "fixture.txt")
    assert unaccounted(text, plan) == []
    return plan


def texts(plan: Plan) -> list[str]:
    return [a.text for r in plan.recommendations for a in r.actions]


def test_header_facts_and_introduction() -> None:
    head = (
        "\n\nAction Plan: HMP Northfell\n\nAction Plan Submitted: 2nd March 2026\n\n"
        "A Response to the HMIP Inspection: 3rd – 14th November 2025\n\n"
        "Report Published: 20th January 2026\n\nINTRODUCTION\n\n"
        "This plan answers the concerns raised by the inspectorate.\n\n" + HEAD
    )
    plan = parse("1\tMeals were cold.\tHeated trolleys bought.\tHead of Catering\tComplete\n", head)
    h = plan.header
    assert h.establishment and h.establishment.value == "HMP Northfell"
    assert h.submitted and h.submitted.value == "2026-03-02"
    assert h.inspection and h.inspection.value == "2025-11-03/2025-11-14"
    assert h.published and h.published.value == "2026-01-20"
    assert [p.text for p in plan.preamble] == [
        "INTRODUCTION",
        "This plan answers the concerns raised by the inspectorate.",
    ]
    assert [c.role for c in plan.columns] == ["ref", "concern", "action", "owner", "target"]


def test_sections_however_they_are_spaced() -> None:
    plan = parse(
        "Priority\tConcerns\t\t\t\n"
        "1\tMeals were cold.\tHeated trolleys bought.\tHead of Catering\tComplete\n"
        "\tKEY   CONCERNS\t\t\t\n"
        "2\tToo few had work.\tForty workshop places will open.\tHead of Industries\tMay 2026\n"
    )
    assert [r.section for r in plan.recommendations] == ["priority", "key"]
    assert [s.kind for s in plan.sections] == ["priority", "key"]


def test_continuation_rows_wrapped_cells_and_a_page_break_in_a_concern() -> None:
    plan = parse(
        "1\tThe wings were dirty and the\tA cleaning rota will cover every landing and\tHead of Residence\tApril 2026\n"
        "\n"
        "\tshowers were broken.\tbe checked by a manager each week.\t\t\n"
    )
    rec = plan.recommendations[0]
    assert rec.concern == "The wings were dirty and the showers were broken."
    assert texts(plan) == [
        "A cleaning rota will cover every landing and be checked by a manager each week."
    ]
    assert len(rec.actions[0].spans) == 2


def test_row_split_in_two_with_owner_and_date_repeated() -> None:
    plan = parse(
        "1\tSelf-harm was high.\tEvery case will be discussed at the weekly Safety\tHead of Safety\tJanuary 2026\n"
        "\t\tIntervention Meeting, with actions recorded.\tHead of Safety\tJanuary 2026\n"
    )
    (act,) = plan.recommendations[0].actions
    assert act.text.endswith("Safety Intervention Meeting, with actions recorded.")
    assert act.owner == "Head of Safety"
    assert act.due == "2026-01"


def test_lead_in_owner_inherited_by_numbered_steps_and_a_step_without_number() -> None:
    plan = parse(
        "3\tFood was poor.\tThe Catering Manager will improve meals by:\tHead of Catering\t\n"
        "\t\tMenus rewritten with prisoner council input.\t\tCompleted\n"
        "\t\t2. Portion checks at each servery every day.\t\tFebruary 2026\n"
    )
    rec = plan.recommendations[0]
    assert [lead.text for lead in rec.leadins] == ["The Catering Manager will improve meals by:"]
    assert [(a.step, a.owner, a.owner_source, a.due) for a in rec.actions] == [
        (None, "Head of Catering", "lead-in", "complete"),
        ("2", "Head of Catering", "lead-in", "2026-02"),
    ]


def test_several_steps_and_several_dates_stacked_in_one_cell() -> None:
    plan = parse(
        "4\tViolence was rising.\tThe Head of Safety will act by: 1. Running a data workshop for the team. "
        "2. Rewriting the violence strategy.\tDeputy Governor\tCompleted April 2026\n"
    )
    acts = plan.recommendations[0].actions
    assert [(a.step, a.due) for a in acts] == [("1", "complete"), ("2", "2026-04")]
    assert all(a.owner == "Deputy Governor" for a in acts)


def test_two_sentences_with_two_stacked_targets() -> None:
    plan = parse(
        "5\tTransfers were slow.\tBuilding a referral dashboard. Meeting commissioners every month.\t"
        "Regional Health Lead\tJune 26 Completed\n"
    )
    assert [(a.text, a.due) for a in plan.recommendations[0].actions] == [
        ("Building a referral dashboard.", "2026-06"),
        ("Meeting commissioners every month.", "complete"),
    ]


def test_bullets_inside_one_row_stay_one_action() -> None:
    plan = parse(
        "6\tNew arrivals were bored.\tA welcome week was held including: • a library visit • a gym taster"
        " \uf0b7 a faith team talk\tHead of Reception\tComplete\n"
    )
    assert len(plan.recommendations[0].actions) == 1


def test_bullets_under_a_lead_in_are_steps() -> None:
    plan = parse(
        "6\tNew arrivals were bored.\tThe Head of Reception will fill first-night time by: • a library visit"
        " • a gym taster\tHead of Reception\tMarch 2026\n"
    )
    acts = plan.recommendations[0].actions
    assert [a.text for a in acts] == ["a library visit", "a gym taster"]


def test_recommendation_whose_number_was_lost() -> None:
    plan = parse(
        "1\tMeals were cold.\tHeated trolleys bought.\tHead of Catering\tComplete\n"
        "Too few prisoners had work.\tForty workshop places will open.\tHead of Industries\tMay 2026\n"
    )
    assert [r.ref for r in plan.recommendations] == ["1", None]
    assert plan.recommendations[1].concern == "Too few prisoners had work."


def test_owner_printed_over_several_lines_is_folded_for_the_group() -> None:
    plan = parse(
        "7\tHospital transfers were slow.\tThe regional commissioners will speed transfers by:\tNHS Northern Health\t\n"
        "\t\t1. Escalating every case over 28 days.\tand Fellside Care\tCompleted\n"
        "\t\t2. Holding a monthly escalation meeting.\tTrust\tCompleted\n"
        "\t\t3. Publishing a waiting-list dashboard.\t\tDecember 2026\n"
    )
    owners = {a.owner for a in plan.recommendations[0].actions}
    assert owners == {"NHS Northern Health and Fellside Care Trust"}


def test_target_wrapped_over_two_lines_and_a_step_with_no_target() -> None:
    plan = parse(
        "8\tTransfers were slow.\tThe commissioners will act by:\tRegional Lead\t\n"
        "\t\t1. Publishing a dashboard.\t\tDecember\n"
        "\t\t2. Reviewing each delay with the trust and\t\t2026\n"
        "\t\tagreeing a fix.\t\tComplete\n"
        "\t\t3. Preparing a report on bed use.\t\t\n"
        "\t\t4. Launching a pilot.\t\tMarch 2027\n"
    )
    assert [(a.step, a.due) for a in plan.recommendations[0].actions] == [
        ("1", "2026-12"),
        ("2", "complete"),
        ("3", "2027-03"),
        ("4", "2027-03"),
    ]
    assert "target-from-next-step" in plan.recommendations[0].actions[2].notes


def test_repeated_block_is_unplaced_not_actions() -> None:
    body = (
        "1\tThe flow of drugs into the prison was a serious threat to safety.\tThe Head of Security will cut supply by:\tGovernor\t\n"
        "\t\t1. Searching every parcel that arrives for prisoners on the wings.\t\tJanuary 2026\n"
        "\t\t2. Training dogs to search visitors at the gate each weekend.\t\tMarch 2026\n"
        "\t\t3. Testing a new body scanner in reception for all new arrivals.\t\tApril 2026\n"
    )
    echo = (
        "\tserious threat to safety.\tThe Head of Security will cut supply by: 1. Searching every parcel that arrives "
        "for prisoners on the wings. 2. Training dogs to search visitors at the gate each weekend. 3. Testing a new "
        "body scanner in reception for all new arrivals.\tThe Head of Security will cut supply by: 1. Searching every "
        "parcel that arrives for prisoners on the wings.\n"
    )
    plan = parse(body + echo)
    assert len(plan.recommendations[0].actions) == 3
    assert [u.kind for u in plan.unplaced] == ["repeated-text"]


def test_stray_fragments_are_reported() -> None:
    plan = parse(
        "1\tMeals were cold.\tHeated trolleys bought.\tHead of Catering\tComplete\n"
        "\tq.\tMenus rewritten.\t\tComplete\n"
        "\t\tT\t\t\n"
    )
    assert [u.kind for u in plan.unplaced] == ["stray-fragment", "stray-fragment"]
    assert len(plan.recommendations[0].actions) == 2


def test_rows_that_lost_their_leading_cells() -> None:
    plan = parse(
        "2\tStaff were often off sick.\tThe HR lead will act by:\tGovernor\t\n"
        "1. Returning staff are met within a week.\tJanuary 2026\n"
        "Three new officers recruited.\tHead of People\tComplete\n"
    )
    acts = plan.recommendations[0].actions
    assert [(a.text, a.owner, a.due) for a in acts] == [
        ("Returning staff are met within a week.", "Governor", "2026-01"),
        ("Three new officers recruited.", "Head of People", "complete"),
    ]


def test_older_variant_with_agreed_column_and_s_refs() -> None:
    head = (
        "Rec No\tRecommendation\tAgreed / Partly agreed / Not agreed\tAction\tOwner\tTarget date\n"
    )
    plan = parse(
        "S40\tPrisoners should get an hour outside every day.\tAgreed\tThe regime will give every wing an hour outside daily.\tHead of Operations\tMay 2026\n"
        "S41\tEvery cell should have a phone.\tNot\tIn-cell phones are a national programme outside the prison's budget.\tGovernor\tComplete\n"
        "\t\tagreed\t\t\t\n"
        "S42\tVisits should start on time.\tPartly agreed\tVisits will start on time on weekdays.\tHead of Visits\tMarch 2026\n",
        head,
    )
    recs = plan.recommendations
    assert [r.ref for r in recs] == ["S40", "S41", "S42"]
    assert [r.category for r in recs] == ["Agreed", "Not agreed", "Partly agreed"]
    assert [c.role for c in plan.columns] == [
        "ref",
        "concern",
        "category",
        "action",
        "owner",
        "target",
    ]


def test_no_column_headings_falls_back_to_the_usual_five_columns() -> None:
    plan = parse_text(
        "1\tMeals were cold.\tHeated trolleys bought.\tHead of Catering\tComplete\n", "x.txt"
    )
    assert texts(plan) == ["Heated trolleys bought."]
    assert plan.columns == ()


def test_empty_and_headless_inputs() -> None:
    assert parse_text("", "x").recommendations == ()
    plan = parse_text("Just a sentence, no table.\n", "x")
    assert plan.recommendations == () and [p.text for p in plan.preamble] == [
        "Just a sentence, no table."
    ]
    assert parse("").recommendations == ()


def test_owner_or_target_with_no_action_text_is_unplaced() -> None:
    plan = parse("1\tMeals were cold.\t\tHead of Catering\tMarch 2026\n")
    assert plan.recommendations[0].actions == ()
    assert [u.text for u in plan.unplaced] == ["Head of Catering", "March 2026"]


def test_a_bulleted_cell_holds_one_action_per_bullet_with_stacked_owners_and_targets() -> None:
    # a Word cell whose paragraphs are bullets, beside owner and target cells that print
    # one paragraph per bullet (the reader marks paragraph breaks with PARAGRAPH)
    p = PARAGRAPH
    plan = parse(
        f"1\tVisits started late.\t• Open the visits hall at 1.30pm.{p}• Hire a second booking"
        f" clerk\tHead of Visits{p}Head of Business Hub\tMar-26{p}Ongoing\n"
    )
    acts = plan.recommendations[0].actions
    assert [a.text for a in acts] == [
        "Open the visits hall at 1.30pm.",
        "Hire a second booking clerk",
    ]
    assert [a.owner for a in acts] == ["Head of Visits", "Head of Business Hub"]
    assert [a.target for a in acts] == ["Mar-26", "Ongoing"]


def test_a_bulleted_cell_with_one_owner_gives_it_to_every_bullet() -> None:
    p = PARAGRAPH
    plan = parse(
        f"1\tVisits started late.\t• Open at 1.30pm.{p}• Hire a clerk.\tHead of Visits\tMar-26\n"
    )
    acts = plan.recommendations[0].actions
    assert [(a.owner, a.target) for a in acts] == [("Head of Visits", "Mar-26")] * 2


def test_bullets_after_a_sentence_of_its_own_are_items_of_that_action() -> None:
    plan = parse(
        "1\tToo few activities.\tA fair was held with: • a quiz • a film night\tHead of Regime\tComplete\n"
    )
    assert len(plan.recommendations[0].actions) == 1


def test_a_partly_agreed_rationale_is_not_an_action() -> None:
    head = (
        "1. Rec No\t2. Recommendation\t3. Agreed/ Partly Agreed/ Not Agreed\t"
        "4. Response Action Taken/Planned\t5. Responsible Owner\t6. Target Date\n"
    )
    plan = parse(
        "1\tMen should get an hour outside each day.\tPartly Agreed\tPartly Agreed. The yard"
        " cannot open in the dark months because it has no lights.\t\t\n"
        "\t\t\tThe yard will open for an hour a day from April to October.\tHead of Regime\tApril 2026\n"
        "2\tEvery cell should have a phone.\tNot Agreed\tNot Agreed. This is a national"
        " decision.\t\t\n",
        head,
    )
    first, second = plan.recommendations
    assert first.rationale.startswith("Partly Agreed. The yard cannot open")
    assert [a.text for a in first.actions] == [
        "The yard will open for an hour a day from April to October."
    ]
    assert second.actions == () and second.rationale == "Not Agreed. This is a national decision."


def test_a_cell_wrapped_over_two_lines_is_joined_and_says_so() -> None:
    plan = parse(
        "1\tMeals were cold.\tHeated trolleys will be bought\tHead of Catering\tMay 2026\n\t\tfor every wing.\t\t\n"
    )
    (act,) = plan.recommendations[0].actions
    assert act.text == "Heated trolleys will be bought for every wing."
    assert "joined-lines" in act.notes


def test_a_step_with_no_target_takes_its_lead_ins_date() -> None:
    # SMART.md: a lead-in's owner and date are inherited by the steps that have none
    plan = parse(
        "5\tThe library was shut.\tThe Head of Learning will reopen it by:\tDeputy Governor\tJune 2026\n"
        "\t\t1. Hiring a librarian for four days a week.\t\t\n"
        "\t\t2. Opening on two evenings a week.\t\tSeptember 2026\n"
    )
    acts = plan.recommendations[0].actions
    assert [(a.step, a.due) for a in acts] == [("1", "2026-06"), ("2", "2026-09")]
    assert "target-from-lead-in" in acts[0].notes


def test_a_stacked_target_cell_folded_onto_one_line_is_dealt_to_its_bullets() -> None:
    # the export lost the paragraph break between "Complete" and "2026": read alone, the
    # year would be a note to "Complete"; beside two bullets it is the second one's target
    plan = parse(
        "1\tGym places were scarce.\t• Evening gym session added on weekdays"
        " • Second fitness suite built\tHead of PE\tComplete 2026\n"
    )
    acts = plan.recommendations[0].actions
    assert [(a.target, a.due, a.due_status) for a in acts] == [
        ("Complete", "complete", "complete"),
        ("2026", None, "unrecognised"),
    ]


def test_a_reference_printed_at_the_start_of_the_concern_cell_is_the_ref() -> None:
    head = "Recommendation\tAction\tOwner\tTarget date\n"
    plan = parse(
        "1.12 Leaders should give men help with debt.\tA debt adviser will visit weekly.\tHead of Resettlement\tMay 2026\n"
        "S13 Older men should have a day centre.\tA day centre opens on C Wing.\tHead of Residence\tJune 2026\n"
        "14. Food should be hot.\tHeated trolleys bought.\tCatering Manager\tComplete\n"
        "2 Wing was dirty.\tA cleaning rota for every landing.\tHead of Residence\tMay 2026\n",
        head,
    )
    recs = plan.recommendations
    assert [(r.ref, r.concern.split()[0]) for r in recs] == [
        ("1.12", "Leaders"),
        ("S13", "Older"),
        ("14", "Food"),
        (None, "2"),  # a wing's name, not a reference
    ]


def test_a_rationale_beside_an_owner_is_not_an_action_and_its_owner_is_reported() -> None:
    head = "Recommendation\tAgreed / Not agreed\tAction\tAction owner\tCompletion date\n"
    plan = parse(
        "Men on the wing should have daily classes.\tPartly agreed\tPartly agreed. The block is too"
        " small for daily classes.\tHead of Education\t\n"
        "\t\tTwo classes a week will be timetabled for the wing.\tHead of Education\tMay 2026\n",
        head,
    )
    rec = plan.recommendations[0]
    assert rec.rationale.startswith("Partly agreed. The block is too small")
    assert [a.text for a in rec.actions] == ["Two classes a week will be timetabled for the wing."]
    assert [(u.text, u.kind) for u in plan.unplaced] == [("Head of Education", "unassigned")]
