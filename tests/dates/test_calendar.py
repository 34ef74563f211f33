"""The one season table: the date grammar and the prose date check agree on a season."""

from __future__ import annotations

import pytest

from checker.checks.consistency import _months
from checker.dates.calendar import iso_date, month_index
from checker.dates.prose import find_dates
from checker.dates.targets import split_targets


@pytest.mark.parametrize("season", ["spring", "summer", "autumn", "winter"])
def test_the_date_grammar_and_the_prose_check_end_a_season_in_one_month(season: str) -> None:
    text = f"the wing is painted in {season} 2027"
    (mention,) = find_dates(text)  # the grammar reads a season in prose as its last month
    first, last = _months(text, mention.value)  # the prose check reads the months it spans
    assert last == month_index(mention.value)
    assert first is not None and last is not None and last - first == 2


def test_winter_spans_the_turn_of_the_year_it_starts_in() -> None:
    text = "new heating will be fitted by winter 2027"
    (mention,) = find_dates(text)
    assert mention.value == "2028-02"
    assert _months(text, mention.value) == (month_index("2027-12"), month_index("2028-02"))


def test_a_season_target_names_no_month() -> None:
    # SMART.md's settled case: as a target a season is imprecise, though prose dates it
    assert [d.status for d in split_targets("Spring 2027")] == ["imprecise"]
    assert [m.value for m in find_dates("by spring 2027")] == ["2027-05"]


def test_month_index_counts_months_and_refuses_anything_else() -> None:
    assert month_index("2026-03") == 2026 * 12 + 2
    assert month_index("2026-03-15") == month_index("2026-03")
    assert month_index("complete") is None and month_index("") is None


def test_iso_date_reads_the_date_an_iso_value_starts_with() -> None:
    assert iso_date("2026-03-15T10:00") is not None
    assert iso_date("2026-03") is None and iso_date(None) is None
