"""Tests for checker.dates: target cells, header dates and dates in prose."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.dates.grammar import DateMention, Due
from checker.dates.prose import find_dates, parse_date_phrase, parse_date_range
from checker.dates.targets import join_wrapped, normalise_target, split_stacked, split_targets

# (cell, value, status) for a whole cell read as one target.
TARGETS = [
    # month and year
    ("March 26", "2026-03", "month"),
    ("January 2026", "2026-01", "month"),
    ("Mar-26", "2026-03", "month"),
    ("Mar 2026", "2026-03", "month"),
    ("03/2026", "2026-03", "month"),
    ("2026-03", "2026-03", "month"),
    ("mar. 2026", "2026-03", "month"),
    ("SEPT 2026", "2026-09", "month"),
    ("June, 2026", "2026-06", "month"),
    ("end of March 2026", "2026-03", "month"),
    ("by March 2026", "2026-03", "month"),
    ("By the end of June 26", "2026-06", "month"),
    ("January – March 2026", "2026-03", "month"),
    ("  December\n 2026 ", "2026-12", "month"),
    ("January 2026 (interim review)", "2026-01", "month"),
    ("October 2026 (quarterly updates to SMT)", "2026-10", "month"),
    # quarters, seasons, financial years, year ends
    # a quarter with one year could be calendar or financial, a season names no month
    # (SMART.md, settled cases): neither is a concrete target
    ("Q1 2026", None, "imprecise"),
    ("Q3 26", None, "imprecise"),
    ("Q1 2026/27", "2026-06", "month"),
    ("Q4 2026-27", "2027-03", "month"),
    ("2025/26", "2026-03", "month"),
    ("FY 25/26", "2026-03", "month"),
    ("Spring 2027", None, "imprecise"),
    ("summer 26", None, "imprecise"),
    ("Autumn 2026", None, "imprecise"),
    ("Winter 2026", None, "imprecise"),
    ("end of 2026", "2026-12", "month"),
    # full dates
    ("31/03/2026", "2026-03-31", "date"),
    ("31.03.26", "2026-03-31", "date"),
    ("31-03-2026", "2026-03-31", "date"),
    ("31 March 2026", "2026-03-31", "date"),
    ("2026-03-31", "2026-03-31", "date"),
    ("1st April 2026", "2026-04-01", "date"),
    ("2nd of May 26", "2026-05-02", "date"),
    ("March 31st, 2026", "2026-03-31", "date"),
    ("w/c 12 January 2026", "2026-01-12", "date"),
    # completed
    ("Complete", "complete", "complete"),
    ("Completed", "complete", "complete"),
    ("complete.", "complete", "complete"),
    ("Done", "complete", "complete"),
    ("COMPLETED", "complete", "complete"),
    ("Completed and ongoing", "complete", "complete-ongoing"),
    ("Complete & ongoing", "complete", "complete-ongoing"),
    ("Completed - ongoing", "complete", "complete-ongoing"),
    ("Completed / on-going", "complete", "complete-ongoing"),
    ("Completed (ongoing)", "complete", "complete-ongoing"),
    # a completed status beside a date, read as one target
    ("Completed March 2026", "complete", "complete"),
    ("December 26 Completed", "complete", "complete"),
    # a first deadline, then a frequency after it
    ("June 2026 and monthly thereafter", "2026-06", "month"),
    ("30/09/2026, then quarterly after that", "2026-09-30", "date"),
    ("June 2026 and monthly", None, "unrecognised"),
    # open-ended
    ("Ongoing", None, "open-ended"),
    ("On-going", None, "open-ended"),
    ("Continuous", None, "open-ended"),
    ("As required", None, "open-ended"),
    ("As and when", None, "open-ended"),
    ("TBC", None, "open-ended"),
    ("Throughout", None, "open-ended"),
    ("Monthly", None, "open-ended"),
    ("Quarterly", None, "open-ended"),
    ("Every 6 weeks", None, "open-ended"),
    # relative
    ("18-24 post Royal Assent", None, "relative"),
    ("18-24 months post Royal Assent", None, "relative"),
    ("within 6 months", None, "relative"),
    ("Within a year", None, "relative"),
    ("6 months from implementation", None, "relative"),
    ("12 months from April 2026", None, "relative"),
    ("end of next year", None, "relative"),
    ("Next financial year", None, "relative"),
    ("Following Royal Assent", None, "relative"),
    ("ASAP", None, "relative"),
    # truncated
    ("January 2", None, "truncated"),
    ("January :", None, "truncated"),
    ("Jan 2", None, "truncated"),
    ("March 2O26", None, "truncated"),
    ("March 202", None, "truncated"),
    ("31/03/", None, "truncated"),
    # no year
    ("December", None, "no-year"),
    ("december.", None, "no-year"),
    ("31 March", None, "no-year"),
    ("January 2nd", None, "no-year"),
    ("Q1", None, "no-year"),
    ("Spring", None, "no-year"),
    # missing
    ("", None, "missing"),
    ("   \t ", None, "missing"),
    ("N/A", None, "missing"),
    ("-", None, "missing"),
    # unrecognised
    ("2026", None, "unrecognised"),
    ("See action 3", None, "unrecognised"),
    ("Governor", None, "unrecognised"),
    ("31/02/2026", None, "unrecognised"),
    ("March 2026 April 2026", None, "unrecognised"),
    ("Ongoing March 2026", None, "unrecognised"),
    ("To be completed", None, "unrecognised"),
    ("This may change", None, "unrecognised"),
]


@pytest.mark.parametrize(("cell", "value", "status"), TARGETS)
def test_normalise_target(cell: str, value: str | None, status: str) -> None:
    due = normalise_target(cell)
    assert (due.value, due.status) == (value, status)


def test_table_is_large_and_covers_every_status() -> None:
    assert len(TARGETS) >= 50
    statuses = {status for _, _, status in TARGETS}
    assert statuses == {
        "date",
        "month",
        "complete",
        "complete-ongoing",
        "missing",
        "open-ended",
        "relative",
        "truncated",
        "no-year",
        "imprecise",
        "unrecognised",
    }


def test_normalise_target_keeps_text_and_offsets() -> None:
    cell = "  by end of\n   March 2026 "
    assert normalise_target(cell) == Due("2026-03", "month", "by end of March 2026", 2, 25)
    assert normalise_target("") == Due(None, "missing", "", 0, 0)


# (cell, [(text, value, status), ...]) for a cell split into stacked targets.
STACKED = [
    (
        "December 26 Completed",
        [("December 26", "2026-12", "month"), ("Completed", "complete", "complete")],
    ),
    (
        "Completed March 2026",
        [("Completed", "complete", "complete"), ("March 2026", "2026-03", "month")],
    ),
    (
        "March 2026 April 2026",
        [("March 2026", "2026-03", "month"), ("April 2026", "2026-04", "month")],
    ),
    ("Completed and ongoing", [("Completed and ongoing", "complete", "complete-ongoing")]),
    ("18-24 post Royal Assent", [("18-24 post Royal Assent", None, "relative")]),
    (
        "January 2026 (interim review)",
        [("January 2026 (interim review)", "2026-01", "month")],
    ),
    (
        "Completed\nOngoing",
        [("Completed", "complete", "complete"), ("Ongoing", None, "open-ended")],
    ),
    (
        "January 2026 (interim) by March 2026",
        [("January 2026 (interim)", "2026-01", "month"), ("by March 2026", "2026-03", "month")],
    ),
    (
        "Completed - March 26 / June 26",
        [
            ("Completed -", "complete", "complete"),
            ("March 26 /", "2026-03", "month"),
            ("June 26", "2026-06", "month"),
        ],
    ),
    (
        "January 2 Completed",
        [("January 2", None, "truncated"), ("Completed", "complete", "complete")],
    ),
    ("See action 3", [("See action 3", None, "unrecognised")]),
    ("N/A", [("N/A", None, "missing")]),
]


@pytest.mark.parametrize(("cell", "expected"), STACKED)
def test_split_targets(cell: str, expected: list[tuple[str, str | None, str]]) -> None:
    pieces = split_targets(cell)
    assert [(p.text, p.value, p.status) for p in pieces] == expected
    for piece in pieces:
        assert " ".join(cell[piece.start : piece.end].split()) == piece.text


@pytest.mark.parametrize("cell", ["", " ", "\n\t", "\u00a0"])
def test_split_targets_blank_cell(cell: str) -> None:
    assert split_targets(cell) == []


def test_split_targets_offsets_index_the_cell() -> None:
    cell = "   December 26\n   Completed  "
    first, second = split_targets(cell)
    assert (first.start, first.end) == (3, 14)
    assert (second.start, second.end) == (18, 27)
    assert cell[second.start : second.end] == "Completed"


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("December", "2026", "December 2026"),
        ("  March ", "26", "March 26"),
        ("31 March", "2026", "31 March 2026"),
        ("31/03/", "2026", "31/03/2026"),
        ("January 2", "026", "January 2026"),
        ("December 2026", "Completed", None),
        ("December 2026", "(interim)", None),
        ("end of", "March 2026", None),
        ("Completed", "and ongoing", None),
        ("December", "", None),
        ("Governor", "2026", None),
    ],
)
def test_join_wrapped(first: str, second: str, joined: str | None) -> None:
    assert join_wrapped(first, second) == joined


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15th December 2025", date(2025, 12, 15)),
        ("3rd November 2025", date(2025, 11, 3)),
        ("1st  March 2026.", date(2026, 3, 1)),
        ("Monday 3rd November 2025", date(2025, 11, 3)),
        ("December 15, 2025", date(2025, 12, 15)),
        ("15/12/2025", date(2025, 12, 15)),
        ("2025-12-15", date(2025, 12, 15)),
        ("December 2025", None),
        ("31st February 2025", None),
        ("11th August – 21st August 2025", None),
        ("", None),
    ],
)
def test_parse_date_phrase(text: str, expected: date | None) -> None:
    assert parse_date_phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11th August – 21st August 2025", (date(2025, 8, 11), date(2025, 8, 21))),
        ("7th – 18th July 2025", (date(2025, 7, 7), date(2025, 7, 18))),
        ("7th-18th July 2025", (date(2025, 7, 7), date(2025, 7, 18))),
        ("28th July to 1st August 2025", (date(2025, 7, 28), date(2025, 8, 1))),
        ("11 August 2025 - 21 August 2025", (date(2025, 8, 11), date(2025, 8, 21))),
        ("2025-08-11 to 2025-08-21", (date(2025, 8, 11), date(2025, 8, 21))),
        ("29th December – 9th January 2026", (date(2025, 12, 29), date(2026, 1, 9))),
        ("21st August – 11th August 2025", None),
        ("11th August 2025", None),
        ("August – September", None),
    ],
)
def test_parse_date_range(text: str, expected: tuple[date, date] | None) -> None:
    assert parse_date_range(text) == expected


@pytest.mark.parametrize(
    ("text", "mention", "value"),
    [
        ("will be in place by March 2026.", "March 2026", "2026-03"),
        ("This will commence at the end of October 25", "October 25", "2025-10"),
        ("will be implemented from 27 October 25", "27 October 25", "2025-10-27"),
        ("Visits resumed in September 2025", "September 2025", "2025-09"),
        ("The new wing opens in Spring 2027", "Spring 2027", "2027-05"),
        ("due on 31/03/2026 at the latest", "31/03/2026", "2026-03-31"),
        ("due on 2026-03-31", "2026-03-31", "2026-03-31"),
        ("a review in Q3 2026", "Q3 2026", "2026-09"),
        ("before the end of 2026", "end of 2026", "2026-12"),
    ],
)
def test_find_dates(text: str, mention: str, value: str) -> None:
    (found,) = find_dates(text)
    assert (found.text, found.value) == (mention, value)
    assert text[found.start : found.end] == mention


@pytest.mark.parametrize(
    "text",
    [
        "18-24 months",
        "within 28 days",
        "2 hours out of cell",
        "5% of sessions",
        "1 x full time post",
        "a Band 9 lead",
        "Tier 3 support",
        "staff may 24 hours",
        "see section 1.2.10",
        "the 2025/26 budget",
        "open 24/7",
        "in December",
        "on 31 March",
        # document numbers, not dates
        "staff briefed on PSI 02/2012",
        "in line with PI 05-2018",
        "under Order No. 3/2020",
    ],
)
def test_find_dates_ignores_durations_and_counts(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_reports_each_mention_in_order() -> None:
    text = "Started 3rd November 2025, reviewed monthly, finished by April 26."
    assert find_dates(text) == [
        DateMention(8, 25, "3rd November 2025", "2025-11-03"),
        DateMention(57, 65, "April 26", "2026-04"),
    ]


# --------------------------------------------------------------------------- properties

_PIECES = [
    "Completed",
    "Complete",
    "and",
    "&",
    "ongoing",
    "Ongoing",
    "March",
    "Mar",
    "26",
    "2026",
    "2O26",
    "31/03/2026",
    "03/2026",
    "2026-03-31",
    "2025/26",
    "Q1",
    "Spring",
    "by",
    "end of",
    "(interim review)",
    "(",
    ")",
    "18-24",
    "months",
    "post",
    "within",
    "6",
    "Royal Assent",
    "January :",
    "1st",
    "-",
    "/",
    "N/A",
    "next year",
    "é",
    "\u00a0",
]
plan_like = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "  ", "\n", "\t", "", " - "])),
    max_size=12,
).map(lambda parts: "".join(word + gap for word, gap in parts))
any_text = st.one_of(st.text(), plan_like)

_VALUE_FORMS = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "complete": re.compile(r"complete"),
    "complete-ongoing": re.compile(r"complete"),
}


def _assert_value_agrees(due: Due) -> None:
    form = _VALUE_FORMS.get(due.status)
    if form is None:
        assert due.value is None
    else:
        assert due.value is not None and form.fullmatch(due.value)
    if due.status == "date" and due.value is not None:
        date.fromisoformat(due.value)


@settings(max_examples=300)
@given(any_text)
def test_normalise_target_never_raises_and_value_agrees(cell: str) -> None:
    due = normalise_target(cell)
    _assert_value_agrees(due)
    assert 0 <= due.start <= due.end <= len(cell)


@settings(max_examples=300)
@given(any_text)
def test_split_targets_pieces_tile_the_cell(cell: str) -> None:
    pieces = split_targets(cell)
    covered = [False] * len(cell)
    previous_end = 0
    for piece in pieces:
        _assert_value_agrees(piece)
        assert previous_end <= piece.start < piece.end <= len(cell)
        assert piece.text == " ".join(cell[piece.start : piece.end].split())
        for index in range(piece.start, piece.end):
            covered[index] = True
        previous_end = piece.end
    assert all(covered[i] or char.isspace() for i, char in enumerate(cell))
    assert (pieces == []) == (cell.strip() == "")


@settings(max_examples=300)
@given(any_text)
def test_find_dates_never_raises_and_mentions_are_ordered(text: str) -> None:
    previous_end = 0
    for mention in find_dates(text):
        assert previous_end <= mention.start < mention.end <= len(text)
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", mention.value)
        previous_end = mention.end


@given(any_text, any_text)
def test_join_and_parse_never_raise(first: str, second: str) -> None:
    joined = join_wrapped(first, second)
    assert joined is None or normalise_target(joined).status in ("date", "month")
    parse_date_phrase(first)
    parse_date_range(second)


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@given(
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=2000, max_value=2099),
    st.booleans(),
    st.sampled_from([str.title, str.lower, str.upper]),
)
def test_month_and_year_reads_as_that_month(
    month: int, year: int, short: bool, case: Callable[[str], str]
) -> None:
    name = _MONTH_NAMES[month - 1][:3] if short else _MONTH_NAMES[month - 1]
    due = normalise_target(f"{case(name)} {year}")
    assert (due.value, due.status) == (f"{year}-{month:02d}", "month")


def test_two_whole_targets_one_under_the_other_are_not_joined() -> None:

    assert join_wrapped("30/09/2023", "31/10/2023") is None
    assert join_wrapped("March 2026", "April 2026") is None
    assert join_wrapped("December", "2026") == "December 2026"
    assert join_wrapped("31/03/", "2026") == "31/03/2026"


@pytest.mark.parametrize(
    ("cell", "count", "expected"),
    [
        # a stacked cell folded onto one line: the bare year is the next step's target
        ("Complete 2026", 2, [("Complete", "complete"), ("2026", "unrecognised")]),
        (
            "Jun-26 2027 Completed",
            3,
            [("Jun-26", "month"), ("2027", "unrecognised"), ("Completed", "complete")],
        ),
        # as many targets as steps already, or a year that is not alone: the plain reading
        ("Complete 2026", 1, None),
        ("Complete March 2026", 2, None),
        ("Complete (see note) 2026", 2, None),
        ("2026", 2, None),
        ("", 2, None),
    ],
)
def test_split_stacked(cell: str, count: int, expected: list[tuple[str, str]] | None) -> None:
    got = split_stacked(cell, count)
    if expected is None:
        assert got is None
        return
    assert got is not None
    assert [(d.text, d.status) for d in got] == expected
    assert all(cell[d.start : d.end] == d.text for d in got)
