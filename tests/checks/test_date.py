"""The ``date`` check type: a target's status, a target before submission, beyond the horizon."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.dates.targets import normalise_target
from tests.checks.kit import hits

MONTHS = "January February March April May June July August September October November December"
MONTH = st.sampled_from(MONTHS.split())
YEAR = st.integers(2020, 2032)
CELLS = st.one_of(
    st.builds(lambda m, y: f"{m} {y}", MONTH, YEAR),
    st.sampled_from(["Ongoing", "Complete", "TBC", "", "Monthly", "within 6 months", "Spring"]),
    st.text(alphabet="abc 0123456789/-", max_size=12),
)


@settings(max_examples=60, deadline=None)
@given(CELLS)
def test_status_fires_exactly_on_the_statuses_it_names(cell: str) -> None:
    check = {
        "type": "date",
        "kind": "status",
        "statuses": ["open-ended", "missing"],
        "message": "'{words}' is {status}",
    }
    expected = normalise_target(cell).status in ("open-ended", "missing")
    assert bool(hits(check, text="Staff will be trained.", target=cell)) == expected


def _target(base: int, offset: int) -> str:
    """The month ``offset`` months after month index ``base``, as a target cell."""
    year, month = divmod(base + offset, 12)
    return f"{MONTHS.split()[month]} {year}"


@settings(max_examples=80, deadline=None)
@given(st.integers(2022 * 12, 2030 * 12), st.integers(-4, 4))
def test_before_submission_fires_exactly_on_targets_of_an_earlier_month(
    sub: int, offset: int
) -> None:
    check = {"type": "date", "kind": "before-submission", "message": "{words} before {submitted}"}
    submitted = f"{sub // 12}-{sub % 12 + 1:02d}-15"
    found = hits(
        check, text="Staff will be trained.", target=_target(sub, offset), submitted=submitted
    )
    assert bool(found) == (offset < 0)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 40), st.integers(1, 36))
def test_beyond_horizon_fires_exactly_past_the_configured_months(offset: int, horizon: int) -> None:
    check = {"type": "date", "kind": "beyond-horizon", "message": "{months} > {horizon}"}
    june_2025 = 2025 * 12 + 5
    found = hits(
        check,
        horizon=horizon,
        text="Staff will be trained.",
        target=_target(june_2025, offset),
        submitted="2025-06-01",
    )
    assert bool(found) == (offset > horizon)
