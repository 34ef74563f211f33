"""The ``duplicate`` check type: an action written twice, under two recommendations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.kit import HEAD, hits

CHECK = {
    "type": "duplicate",
    "threshold": 0.9,
    "min_words": 8,
    "message": "repeats action {other} ({ratio}% alike)",
}
STEP = "The safety team will attend a data workshop run by the national safety lead"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["", ".", " ", "  "]), st.booleans())
def test_the_same_words_under_two_recommendations_are_a_repeat(tail: str, upper: bool) -> None:
    second = (STEP.upper() if upper else STEP) + tail
    plan = HEAD + f"1\tSelf-harm was high.\t{STEP}.\tHead of Safety\tMarch 2026\n"
    plan += f"2\tViolence was high.\t{second}\tHead of Safety\tMarch 2026\n"
    (found,) = hits(CHECK, plan=plan)
    assert "repeats action R1.A1" in found.message


def test_different_steps_and_short_ones_are_not() -> None:
    other = "Every violent incident will be reviewed at the weekly safety meeting within days"
    plan = HEAD + f"1\tSelf-harm was high.\t{STEP}.\tHead of Safety\tMarch 2026\n"
    plan += f"2\tViolence was high.\t{other}.\tHead of Safety\tMarch 2026\n"
    assert hits(CHECK, plan=plan) == []
    short = (
        HEAD
        + "1\tA.\tCells painted.\tGovernor\tMay 2026\n2\tB.\tCells painted.\tGovernor\tMay 2026\n"
    )
    assert hits(CHECK, plan=short) == []
