"""The ``consistency`` check type: a date in the action's text against its target."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.kit import hits

CHECK = {
    "type": "consistency",
    "kind": "date-in-text",
    "message_late": "'{words}' is later than '{target}'",
    "message_early": "'{words}' differs from '{target}'",
    "message_past": "'{words}' was past on {submitted}",
}
MONTHS = "January February March April May June July August September October November December"


def _month(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{MONTHS.split()[month]} {year}"


@settings(max_examples=60, deadline=None)
@given(st.integers(2026 * 12, 2028 * 12), st.integers(-3, 3))
def test_a_future_date_in_the_text_must_agree_with_the_target(target: int, offset: int) -> None:
    text = f"The new rota will start in {_month(target + offset)}."
    found = hits(CHECK, text=text, target=_month(target), submitted="2025-12-01")
    assert bool(found) == (offset != 0)
    if offset > 0:
        assert "is later than" in found[0].message
