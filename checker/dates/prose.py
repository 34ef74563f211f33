"""Dates in prose and in a plan's header: a whole phrase as one date, an inspection's
date range, and every date an action's text mentions."""

from __future__ import annotations

import re
from datetime import date

from checker.dates.grammar import (
    DATE_RULES,
    DAY_MONTH_YEAR,
    FLAGS,
    ISO_DATE,
    MON,
    MONTH_DAY_YEAR,
    MONTHS,
    NUMERIC_DATE,
    ORD,
    DateMention,
    ScanHit,
    blank_unicode,
    group_of,
    month_pattern,
    scan,
)

_WEEKDAY = re.compile(
    r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+", FLAGS
)
_FULL_DATE_RULES = (ISO_DATE, NUMERIC_DATE, MONTH_DAY_YEAR, DAY_MONTH_YEAR)


def _clean_phrase(text: str) -> str:
    """Whitespace folded, a leading weekday and trailing full stop or comma dropped."""
    folded = " ".join(blank_unicode(text).split()).rstrip(".,")
    weekday = _WEEKDAY.match(folded)
    return folded[weekday.end() :] if weekday else folded


def parse_date_phrase(text: str) -> date | None:
    """Read a whole phrase as one full date: '15th December 2025' -> date(2025, 12, 15).

    Accepts ordinal or plain days, month names or numbers, two- or four-digit
    years, ISO dates and an optional leading weekday. Gives None unless the
    phrase is exactly one date with day, month and year.
    """
    phrase = _clean_phrase(text)
    for rule in _FULL_DATE_RULES:
        match = rule.pattern.fullmatch(phrase)
        reading = rule.read(match) if match else None
        if reading is not None and reading[0] == "date" and reading[1] is not None:
            return date.fromisoformat(reading[1])
    return None


_RANGE_SEPARATOR = re.compile(r"\s*(?:–|—|-|\bto\b|\buntil\b|\btill\b)\s*", FLAGS)
_DAY_AND_MONTH = re.compile(
    rf"(?P<d>\d{{1,2}}){ORD}(?:\s+of)?\s*{MON}|{month_pattern('mon2')}\s+(?P<d2>\d{{1,2}}){ORD}",
    FLAGS,
)
_DAY_ONLY = re.compile(rf"(?P<d>\d{{1,2}}){ORD}", FLAGS)


def _range_start(text: str, end: date) -> date | None:
    """The first date of a range, borrowing the year (and month) it leaves out from ``end``."""
    full = parse_date_phrase(text)
    if full is not None:
        return full
    phrase = _clean_phrase(text)
    try:
        match = _DAY_AND_MONTH.fullmatch(phrase)
        if match:
            month = MONTHS[(group_of(match, "mon") or group_of(match, "mon2") or "")[:3].lower()]
            day = int(group_of(match, "d") or group_of(match, "d2") or "0")
            return date(end.year - (month > end.month), month, day)
        match = _DAY_ONLY.fullmatch(phrase)
        return date(end.year, end.month, int(match.group("d"))) if match else None
    except ValueError:
        return None


def parse_date_range(text: str) -> tuple[date, date] | None:
    """Read an inspection-style range: '11th August – 21st August 2025', '7th – 18th July 2025'.

    The two ends may be joined by a hyphen, an en or em dash, 'to' or 'until';
    the first end may leave out the year, or the month and year, which it then
    takes from the second. Gives None unless both ends read and the first is not
    after the second.
    """
    phrase = " ".join(blank_unicode(text).split())
    for separator in _RANGE_SEPARATOR.finditer(phrase):
        end = parse_date_phrase(phrase[separator.end() :])
        if end is None:
            continue
        start = _range_start(phrase[: separator.start()], end)
        if start is not None and start <= end:
            return (start, end)
    return None


_CUT_PROSE = re.compile(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{2}", FLAGS)
# a document's number, not a date: "PSI 02/2012", "PI 05-2018", "Order No. 3/2020"
_DOC_NUMBER = re.compile(
    r"\b(?:psi|pi|pso|ai|pf|psf|instruction|order|circular|no\.?|number|ref\.?|reference)\s*$",
    FLAGS,
)


def _prose_date(hit: ScanHit) -> bool:
    """Whether a hit in prose is a real date mention (not "may 24", not a section 1.2.10)."""
    if hit.status not in ("date", "month") or hit.match is None:
        return False
    if group_of(hit.match, "mon") == "may":
        return False
    return _CUT_PROSE.fullmatch(hit.match.group(0).strip()) is None


def find_dates(text: str) -> list[DateMention]:
    """Dates mentioned in prose, with their offsets: 'by March 2026' gives 'March 2026' -> 2026-03.

    Reports days and months that carry a year (any form a target cell accepts,
    plus seasons, quarters and 'end of 2026'); never durations or counts such as
    '18-24 months', '28 days', '5%', 'Band 9'. Two-digit years after a day and
    month need a slash in numeric form (so '1.2.10' is not a date).
    """
    blanked = blank_unicode(text)
    return [
        DateMention(hit.start, hit.end, " ".join(text[hit.start : hit.end].split()), hit.value)
        for hit in scan(blanked, DATE_RULES)
        if _prose_date(hit)
        and hit.value is not None
        and not (hit.match and hit.match.group(0)[:1].isdigit() and _doc_number(blanked, hit.start))
    ]


def _doc_number(text: str, start: int) -> bool:
    return _DOC_NUMBER.search(text[max(0, start - 24) : start]) is not None
