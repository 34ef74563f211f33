"""The ``overlap`` check (PC-R001): what an action shares with its concern, on invented plans."""

from __future__ import annotations

import pytest

from checker.checks.overlap import OverlapCheck, OverlapParams
from checker.config import Settings
from checker.parse import parse_text
from checker.run.runner import Runner

HEAD = "Rec No\tConcern\tAction\tOwner\tTarget date\n"


def verdicts(body: str) -> list[str]:
    report = Runner(Settings(select=("PC-R001",))).lint_plan(parse_text(HEAD + body, "r.txt"))
    return [a.criteria["R"] for r in report.recommendations for a in r.actions]


def test_a_step_that_points_back_is_about_the_step_before() -> None:
    body = (
        "1\tLeaders did not look at who was held in separation and for how long.\t"
        "Separation records will be analysed by age and ethnicity every quarter.\t"
        "Head of Safety\tMay 2026\n"
        "\t\tThe findings will be discussed and acted upon where warranted.\t"
        "Head of Safety\tJune 2026\n"
        "\t\tThe chaplaincy will hold a carol service for families in December.\t"
        "Chaplain\tDecember 2026\n"
    )
    assert verdicts(body) == ["pass", "pass", "fail"]


def test_a_pointing_back_step_after_an_off_topic_one_is_off_topic_too() -> None:
    body = (
        "1\tLeaders did not look at who was held in separation and for how long.\t"
        "The chaplaincy will hold a carol service for families in December.\t"
        "Chaplain\tDecember 2026\n"
        "\t\tThe findings will be shared with the families at the service afterwards.\t"
        "Chaplain\tJanuary 2027\n"
    )
    assert verdicts(body) == ["fail", "fail"]


def test_an_action_outside_every_topic_is_not_judged_off_topic() -> None:
    """Only an action plainly about another area fails: one whose words no topic knows
    (a sector the topics were not written for) is not judged."""
    body = (
        "1\tThe registry took months to answer a written enquiry.\t"
        "Two more registrars will be trained to sign copies by September 2026.\t"
        "Registry Manager\tSeptember 2026\n"
        "2\tThe registry took months to answer a written enquiry.\t"
        "The kitchen will serve a hot breakfast on every wing from May 2026.\t"
        "Catering Manager\tMay 2026\n"
    )
    # the first shares nothing, but names no area; the second is plainly about food, and
    # the concern names none either, so it is not judged
    assert verdicts(body) == ["pass", "pass"]
    food_under_visits = (
        "1\tVisits were often cancelled at short notice.\t"
        "The kitchen will serve a hot breakfast on every wing from May 2026.\t"
        "Catering Manager\tMay 2026\n"
    )
    assert verdicts(food_under_visits) == ["fail"]


def test_a_weak_topic_word_is_shared_but_names_no_area() -> None:
    """'time' joins an action to a time-out-of-cell concern, but a concern whose only topic
    word is 'time' ("the time it takes") is not judged."""
    cells = (
        "1\tMen had too little time out of their cells.\t"
        "Evening association will run on every wing from June 2026.\t"
        "Head of Operations\tJune 2026\n"
    )
    assert verdicts(cells) == ["pass"]
    waits = (
        "1\tThe registry should cut the time it takes to answer an enquiry.\t"
        "Two new phone lines will be installed in the front office.\t"
        "Registry Manager\tJune 2026\n"
    )
    assert verdicts(waits) == ["pass"]


def test_related_topics_must_be_topics() -> None:
    params = OverlapParams(
        type="overlap",
        topics={"food": ["meal"]},
        related=[["food", "gardening"]],
        message="off topic",
    )
    with pytest.raises(ValueError, match="gardening"):
        OverlapCheck(params)


def test_the_docs_hold_only_plancheck_memos() -> None:
    """What checks keep in a Doc is under 'plancheck.' keys (a memo stored under a word
    of the text was never found again, so each concern was read once per action)."""
    from checker.config import Settings
    from checker.readers.load import read_source
    from checker.run.runner import Runner
    from tests.cli.kit import EXAMPLES

    runner = Runner(Settings())
    plan = runner.lint_document(read_source(str(EXAMPLES / "bad-plan.txt")))
    assert plan.recommendations
    docs = runner.engine.annotator._docs
    assert docs
    for doc in docs.values():
        assert all(str(key).startswith("plancheck.") for key in doc.user_data), doc.user_data.keys()
