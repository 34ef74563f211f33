"""The one season table: a season target and a season in prose agree on its months."""

from __future__ import annotations

import pytest

from checker.checks.consistency import _months
from checker.dates.calendar import SEASONS, iso_date, month_index
from checker.dates.targets import split_targets


@pytest.mark.parametrize("season", ["spring", "summer", "autumn", "winter"])
def test_a_season_target_reads_as_the_last_month_the_prose_check_gives_it(season: str) -> None:
    (due,) = split_targets(f"{season.title()} 2027 review")[:1]
    # a season target names no month (SMART.md's settled case); its prose reading does
    assert due.status == "imprecise"
    first, last = _months(f"the wing is painted in {season} 2027", "2027-01")
    assert first is not None and last is not None
    assert last - first == SEASONS[season][1] - SEASONS[season][0]
    year, month = divmod(last, 12)
    assert (year, month + 1) == (
        2027 + (SEASONS[season][1] > 12),
        (SEASONS[season][1] - 1) % 12 + 1,
    )


def test_month_index_counts_months_and_refuses_anything_else() -> None:
    assert month_index("2026-03") == 2026 * 12 + 2
    assert month_index("2026-03-15") == month_index("2026-03")
    assert month_index("complete") is None and month_index("") is None


def test_iso_date_reads_the_date_an_iso_value_starts_with() -> None:
    assert iso_date("2026-03-15T10:00") is not None
    assert iso_date("2026-03") is None and iso_date(None) is None
