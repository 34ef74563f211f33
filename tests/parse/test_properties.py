"""Hypothesis: the parser never raises and accounts for every character it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.parse import parse_text
from tests.parse.accounting import unaccounted

CELL_WORDS = st.sampled_from(
    [
        "1",
        "2",
        "S40",
        "12.3",
        "Priority",
        "Key",
        "concerns",
        "Agreed",
        "Not agreed",
        "Complete",
        "Completed and ongoing",
        "March 26",
        "January 2026",
        "January 2",
        "Ongoing",
        "December",
        "2026",
        "within 6 months",
        "Governor",
        "Head of Safety",
        "and Partner Trust",
        "The wing will",
        "review staffing by:",
        "1.",
        "2.",
        "•",
        "\uf0b7",
        "weekly",
        "checks",
        "of cells.",
        "the",
        "plan",
        "Rec No",
        "Concerns",
        "Action",
        "Owner",
        "Target Date",
        ":",
        "Action Plan Submitted: 1st May 2025",
        "HMP Example",
        "will be introduced.",
        "x",
    ]
)
CELL = st.lists(CELL_WORDS, min_size=0, max_size=6).map(" ".join)
ROW = st.lists(CELL, min_size=1, max_size=7).map("\t".join)
PLANLIKE = st.lists(
    st.one_of(
        ROW, st.just(""), st.just("1. Rec No\t2. Concerns\t3. Action\t4. Owner\t5. Target Date")
    ),
    max_size=25,
).map("\n".join)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(PLANLIKE)
def test_plan_like_text_is_parsed_and_fully_accounted(text: str) -> None:
    plan = parse_text(text, "fuzz.txt")
    assert unaccounted(text, plan) == []


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_is_parsed_and_fully_accounted(text: str) -> None:
    text = text.replace("\r", " ")
    plan = parse_text(text, "fuzz.txt")
    assert unaccounted(text, plan) == []
