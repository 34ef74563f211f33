"""Month arithmetic on the values the date grammar gives ("2026-03", "2026-03-15"),
and the one table of seasons that the grammar and the checks read."""

from __future__ import annotations

from datetime import date

# a season's first and last month, counted from January of the season's year:
# winter YYYY runs from December YYYY (12) to February YYYY+1 (14)
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 14),
}


def month_index(value: str) -> int | None:
    """'2026-03' or '2026-03-15' -> months since year 0 (None for anything else)."""
    try:
        year, month = int(value[:4]), int(value[5:7])
    except (ValueError, IndexError):
        return None
    return year * 12 + month - 1


def iso_date(value: str | None) -> date | None:
    """The date an ISO value starts with ('2026-03-15...'), None when there is none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
