"""The grammar of dates in an action plan: the patterns a date is written in, what
each reads as, and the scan that finds them in a text (used by ``targets`` and ``prose``).

Everything here is a pure function of its text, built on the standard library.

Conventions, where the text alone does not settle it:

* Two-digit years are 20YY; four-digit years outside 1900-2099 are unrecognised.
  A month followed by two digits is always a month and year ("March 26" is
  2026-03, never 26 March); a month followed by one or three digits looks cut
  off ("January 2", "Jan 202") and so does a year with a letter in it ("2O26"):
  status ``truncated``.
* Numeric dates are day first (31/03/2026). ``03/2026`` and ``2026-03`` are months.
* A quarter with a year ends at its last month: calendar quarters for a single
  year (``Q1 2026`` -> 2026-03), financial quarters (April start) for a financial
  year (``Q1 2026/27`` -> 2026-06). A quarter with no year is ``no-year``.
* A financial year ends in March: ``2025/26`` and ``FY 25/26`` -> 2026-03.
* A season is read as its last month: Spring -> May, Summer -> August,
  Autumn -> November, Winter YYYY -> February of YYYY+1 (the winter that starts
  in December YYYY). A season with no year is ``no-year``.
* ``end of 2026`` -> 2026-12; a bare year ("2026", often the tail of a wrapped
  cell, see :func:`join_wrapped`) is ``unrecognised``.
* A day and month with no year ("31 March", "January 2nd") is ``no-year``.
* "Completed and ongoing" (also "Complete & ongoing", "Completed - ongoing",
  "Completed (ongoing)") is one ``complete-ongoing`` target. Without a joining
  word or sign, "Completed Ongoing" is two stacked targets.
* A frequency ("Monthly", "every 6 weeks") is ``open-ended``: it is not a deadline.
* "N/A", "None" or a lone dash is ``missing``, like an empty cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from checker.dates.calendar import SEASONS
from checker.models import DueStatus


@dataclass(frozen=True)
class Due:
    """One target read from a target-date cell."""

    value: str | None  # "YYYY-MM", "YYYY-MM-DD", "complete" or None
    status: DueStatus
    text: str  # the piece of the cell, as printed, whitespace folded
    start: int  # offsets of that piece in the cell string (end exclusive)
    end: int


@dataclass(frozen=True)
class DateMention:
    """A date mentioned in prose, with its offsets in the text searched."""

    start: int
    end: int
    text: str
    value: str  # "YYYY-MM" or "YYYY-MM-DD"


_Reading = tuple[DueStatus, str | None]
_Reader = Callable[[re.Match[str]], _Reading | None]
FLAGS = re.IGNORECASE | re.ASCII

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Lower-case words that are English before they are months; a bare one is no target.
_PLAIN_WORDS = frozenset({"jan", "mar", "march", "may", "jun", "jul", "aug", "sep", "dec", "nov"})
COMPLETE_STATUSES = ("complete", "complete-ongoing")


def month_pattern(group: str) -> str:
    """A month name, full or abbreviated, with an optional full stop, as a named group."""
    names = (
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    )
    return rf"(?P<{group}>{names})(?![a-z])\.?"


MON = month_pattern("mon")
_YEAR = r"(?P<y>\d{4}|\d{2})(?!\w)"
ORD = r"(?:st|nd|rd|th)?"
_NUM = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|eighteen|twenty[\s-]?four|few|several)"
)
_RANGE = rf"{_NUM}(?:\s*(?:-|–|—|to)\s*{_NUM})?"
_UNIT = r"(?:hours?|hrs?|days?|weeks?|wks?|fortnights?|months?|mths?|quarters?|years?|yrs?)"
_CONNECTOR = r"(?:post|after|from|following|since|of|before|prior\s+to)"

# --------------------------------------------------------------------------- readers


def _year(digits: str | None) -> int | None:
    """A two-digit year as 20YY, a four-digit one as is if 1900-2099, else None."""
    if digits is None or not digits.isdigit():
        return None
    if len(digits) == 2:
        return 2000 + int(digits)
    if len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return int(digits)
    return None


def _month_value(year: int, month: int) -> _Reading:
    """A month reading, rolling months past December into the next year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return ("month", f"{year:04d}-{month:02d}")


def group_of(match: re.Match[str], name: str) -> str | None:
    """A named group's text, or None where the pattern has no such group or it did not take part."""
    found: str | None = match.groupdict().get(name)
    return found


def _month_number(match: re.Match[str]) -> int:
    """The month of a match: numeric group ``mo`` or month name group ``mon``."""
    numeric = group_of(match, "mo")
    if numeric is not None:
        return int(numeric)
    return MONTHS[(group_of(match, "mon") or "")[:3].lower()]


def _read_date(match: re.Match[str]) -> _Reading | None:
    """Groups y, mo or mon, and optionally d: a month or a day."""
    year, month, day = _year(group_of(match, "y")), _month_number(match), group_of(match, "d")
    if year is None or not 1 <= month <= 12:
        return ("unrecognised", None)
    if day is None:
        return _month_value(year, month)
    try:
        return ("date", date(year, month, int(day)).isoformat())
    except ValueError:
        return ("unrecognised", None)


def _read_date_swapped(match: re.Match[str]) -> _Reading | None:
    """03/2026 or 2026-03: a month, whichever order the numbers came in."""
    year = _year(group_of(match, "y") or group_of(match, "y2"))
    month = int(group_of(match, "mo") or group_of(match, "mo2") or "0")
    if year is None or not 1 <= month <= 12:
        return ("unrecognised", None)
    return _month_value(year, month)


_NEGATED = re.compile(r"\b(?:not|be|yet\s+to\s+be)\s*$", FLAGS)


def _read_complete(status: DueStatus) -> _Reader:
    """Complete or complete-ongoing, unless negated or future ("not complete", "to be done")."""

    def read(match: re.Match[str]) -> _Reading | None:
        if _NEGATED.search(match.string, max(0, match.start() - 20), match.start()):
            return None
        return (status, "complete")

    return read


def _const(status: DueStatus) -> _Reader:
    """A reader that gives ``status`` with no value."""

    def read(match: re.Match[str]) -> _Reading | None:
        return (status, None)

    return read


def _fy_start(first: str, second: str) -> int | None:
    """The first calendar year of a financial year written ``first/second``, if consecutive."""
    start, end = _year(first), _year(second)
    if start is None or end is None or end != start + 1:
        return None
    return start


def _read_quarter(match: re.Match[str]) -> _Reading | None:
    """Q1-Q4, with a calendar year or a financial year, or none."""
    quarter, year_text = int(group_of(match, "q") or "0"), group_of(match, "yr")
    if year_text is None:
        return ("no-year", None)
    parts = re.findall(r"\d+", year_text)
    if len(parts) == 1 and not year_text.lower().startswith("fy"):
        year = _year(parts[0])
        return ("unrecognised", None) if year is None else _month_value(year, quarter * 3)
    start = _fy_start(parts[0], parts[1]) if len(parts) == 2 else None
    return ("unrecognised", None) if start is None else _month_value(start, quarter * 3 + 3)


def _read_financial_year(match: re.Match[str]) -> _Reading | None:
    """2025/26 -> 2026-03; two-digit pairs only with an FY prefix (else "18-19" would count)."""
    first, second = group_of(match, "a") or "", group_of(match, "b") or ""
    if len(first) == 2 and group_of(match, "fy") is None:
        return None
    start = _fy_start(first, second)
    return None if start is None else _month_value(start + 1, 3)


def _read_season(match: re.Match[str]) -> _Reading | None:
    """A season, read as its last month."""
    last = SEASONS[(group_of(match, "season") or "").lower()][1]
    month, offset = (last, 0) if last <= 12 else (last - 12, 1)
    digits = group_of(match, "y")
    if digits is None:
        return ("no-year", None)
    year = _year(digits)
    return ("unrecognised", None) if year is None else _month_value(year + offset, month)


def _read_end_of_year(match: re.Match[str]) -> _Reading | None:
    """ "end of 2026" -> 2026-12."""
    year = _year(group_of(match, "y"))
    return ("unrecognised", None) if year is None else _month_value(year, 12)


def _plain_word(match: re.Match[str]) -> bool:
    """True where the month name is more likely an English word ("may", "march")."""
    word = (group_of(match, "mon") or "").rstrip(".")
    return word.islower() and word in _PLAIN_WORDS


def _read_monthish(status: DueStatus) -> _Reader:
    """A month with no usable year (``no-year`` or ``truncated``), unless it is a plain word."""

    def read(match: re.Match[str]) -> _Reading | None:
        day = group_of(match, "d")
        if _plain_word(match) or (day is not None and not 1 <= int(day) <= 31):
            return None
        return (status, None)

    return read


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    read: _Reader


def _rule(pattern: str, read: _Reader) -> _Rule:
    return _Rule(re.compile(pattern, FLAGS), read)


_COMPLETE_ONGOING = _rule(
    r"(?:completed?|done)\s*(?:\(\s*(?:(?:and|but|&|\+|[-–—/,;])\s*)?|(?:and|but|&|\+|[-–—/,;])\s*)"
    r"(?:(?:is|still|now|remains?)\s+)*(?:on[\s-]?going|continuing|continues)(?!\w)\s*\)?",
    _read_complete("complete-ongoing"),
)
_COMPLETE = _rule(r"(?:completed?|done|achieved)(?!\w)\.?", _read_complete("complete"))
_OPEN_ENDED = _rule(
    r"(?:on[\s-]?going|continuous(?:ly)?|continuing|continual(?:ly)?"
    r"|as\s+and\s+when(?:\s+(?:required|needed|necessary|appropriate))?"
    r"|(?:as|when|if)\s+(?:required|needed|necessary|appropriate)|tbc|tba|tbd"
    r"|to\s+be\s+(?:confirmed|agreed|determined|decided|arranged)|throughout(?:\s+the\s+year)?"
    r"|(?:bi-?)?(?:daily|weekly|monthly|quarterly|annually|yearly)|annual|fortnightly"
    r"|(?:every|each)\s+(?:\d+\s+|other\s+|two\s+|three\s+|six\s+)?"
    r"(?:day|week|fortnight|month|quarter|year)s?|regularly|rolling|business\s+as\s+usual|bau"
    r"|routinely|permanent(?:ly)?|indefinite(?:ly)?)(?!\w)",
    _const("open-ended"),
)
_END_OF_YEAR = _rule(
    r"(?:end\s+of\s+(?:the\s+)?(?:calendar\s+)?(?:year\s+)?|year[\s-]?end\s+)"
    r"(?P<y>\d{4})(?!\w)",
    _read_end_of_year,
)
_RELATIVE_NEXT = _rule(
    r"(?:(?:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+)?(?:the\s+)?"
    r"(?:next|this|following|coming|current)\s+(?:financial\s+|calendar\s+|academic\s+)?"
    r"(?:year|month|quarter|week|fy|reporting\s+period)(?:[\s-]?end)?"
    r"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:financial\s+|calendar\s+)?year"
    r"|(?:financial\s+)?year[\s-]?end)(?!\w)",
    _const("relative"),
)
_RELATIVE_WITHIN = _rule(
    rf"(?:within|in|over|after)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?(?:{_RANGE}\s*)?"
    rf"{_UNIT}(?:\s+{_CONNECTOR})?(?!\w)",
    _const("relative"),
)
_RELATIVE_SPAN = _rule(
    rf"{_RANGE}\s*{_UNIT}(?:\s+{_CONNECTOR})?(?!\w)"
    r"|\d+(?:\s*[-–—]\s*\d+|\s+to\s+\d+)?\s+(?:post|after|following|from)(?!\w)",
    _const("relative"),
)
_RELATIVE_EVENT = _rule(
    r"(?:(?:post|after|following|upon|once|pending|subject\s+to|dependent\s+on|depending\s+on)"
    r"[\s-]+(?:the\s+)?(?:royal\s+assent|assent|implementation|approval|publication|recruitment"
    r"|completion|funding|legislation|commencement|agreement|sign[\s-]?off|launch|roll[\s-]?out"
    r"|go[\s-]?live|review|appointment)|asap|a\.s\.a\.p\.?|as\s+soon\s+as\s+(?:possible|practicable)"
    r"|immediate(?:ly)?|with\s+immediate\s+effect|next\s+(?:review|inspection|meeting|board))(?!\w)",
    _const("relative"),
)
ISO_DATE = _rule(r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?!\w)", _read_date)
NUMERIC_DATE = _rule(
    r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<mo>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\w)", _read_date
)
_NUMERIC_CUT = _rule(
    r"\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)(?:\d|\d{3})?(?![\w/.])", _const("truncated")
)
_QUARTER = _rule(
    r"(?:q|quarter\s*)(?P<q>[1-4])"
    r"(?:\s*(?:of\s+)?(?P<yr>(?:fy\s*)?\d{2,4}(?:\s*[/\-–]\s*\d{2,4})?)(?!\w))?(?!\w)",
    _read_quarter,
)
_FINANCIAL_YEAR = _rule(
    r"(?:(?P<fy>fy|financial\s+year)\s*)?(?P<a>\d{4}|\d{2})\s*[/\-–]\s*(?P<b>\d{4}|\d{2})(?!\w)",
    _read_financial_year,
)
_NUMERIC_MONTH = _rule(
    r"(?:(?P<mo>\d{1,2})[/.\-](?P<y>\d{4})|(?P<y2>\d{4})-(?P<mo2>\d{1,2}))(?!\w)",
    _read_date_swapped,
)
_SEASON = _rule(
    r"(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<y>\d{4}|\d{2})(?!\w))?(?!\w)",
    _read_season,
)
MONTH_DAY_YEAR = _rule(rf"{MON}\s*(?P<d>\d{{1,2}}){ORD},?\s+(?P<y>\d{{4}})(?!\w)", _read_date)
DAY_MONTH_YEAR = _rule(
    rf"(?P<d>\d{{1,2}}){ORD}(?:\s+of)?[\s\-/]*{MON}[\s,\-/'’]*{_YEAR}", _read_date
)
_MONTH_RANGE = _rule(
    rf"{month_pattern('mon0')}\s*(?:-|–|—|to|until|/)\s*{MON}[\s,\-/'’]*{_YEAR}", _read_date
)
_MONTH_YEAR = _rule(rf"{MON}[\s,\-/'’]*{_YEAR}", _read_date)
_MONTH_CUT = _rule(
    rf"{MON}\s*(?:\d(?:\d\d)?(?!\w)|\d[\dOoIl]{{1,3}}(?!\w)|[:;\-–—/]+(?=\s|$))",
    _read_monthish("truncated"),
)
_DAY_MONTH = _rule(
    rf"(?P<d>\d{{1,2}}){ORD}(?:\s+of)?[\s\-/]*{MON}(?!\w)|{month_pattern('mon2')}\s*(?P<d2>\d{{1,2}})"
    r"(?:st|nd|rd|th)(?!\w)",
    _read_monthish("no-year"),
)
_BARE_MONTH = _rule(rf"{MON}(?!\w)", _read_monthish("no-year"))


DATE_RULES = (
    ISO_DATE,
    NUMERIC_DATE,
    _QUARTER,
    _NUMERIC_MONTH,
    _SEASON,
    _END_OF_YEAR,
    MONTH_DAY_YEAR,
    DAY_MONTH_YEAR,
    _MONTH_RANGE,
    _MONTH_YEAR,
)
TARGET_RULES = (
    _COMPLETE_ONGOING,
    _COMPLETE,
    _OPEN_ENDED,
    _END_OF_YEAR,
    _RELATIVE_NEXT,
    _RELATIVE_WITHIN,
    _RELATIVE_SPAN,
    _RELATIVE_EVENT,
    ISO_DATE,
    NUMERIC_DATE,
    _NUMERIC_CUT,
    _QUARTER,
    _FINANCIAL_YEAR,
    _NUMERIC_MONTH,
    _SEASON,
    MONTH_DAY_YEAR,
    DAY_MONTH_YEAR,
    _MONTH_RANGE,
    _MONTH_YEAR,
    _MONTH_CUT,
    _DAY_MONTH,
    _BARE_MONTH,
)
MISSING = re.compile(r"n/?a|none|nil|not\s+applicable|[-–—_.]+", FLAGS)
_ENDS_IN_CONNECTOR = re.compile(rf"{_CONNECTOR}$", FLAGS)
_LEAD_IN = frozenset(
    {
        *("by", "before", "until", "till", "from", "due", "in", "on", "at", "end", "of", "the"),
        *("mid", "early", "late", "beginning", "start", "w/c", "wc", "w/b", "week", "commencing"),
        *("no", "later", "than", "target", "deadline", "date", "approx", "approximately"),
        *("around", "circa", "c.", "expected", "revised", "review", "then"),
    }
)

# --------------------------------------------------------------------------- scanning


@dataclass(frozen=True)
class ScanHit:
    start: int
    end: int
    status: DueStatus
    value: str | None
    match: re.Match[str] | None = None


def blank_unicode(text: str) -> str:
    """Every whitespace character as a plain space, so offsets stay put and ASCII \\s sees it."""
    return "".join(" " if char.isspace() else char for char in text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _word_start(text: str, index: int) -> bool:
    char = text[index]
    if not (char.isascii() and char.isalnum()):
        return False
    return index == 0 or not (text[index - 1].isascii() and text[index - 1].isalnum())


def _hit_at(text: str, index: int, rules: Sequence[_Rule]) -> ScanHit | None:
    """The first rule that reads a target starting at ``index``."""
    for rule in rules:
        match = rule.pattern.match(text, index)
        if match is None or match.end() == index:
            continue
        reading = rule.read(match)
        if reading is not None:
            start, end = trim(text, match.start(), match.end())
            return ScanHit(start, end, reading[0], reading[1], match)
    return None


def scan(text: str, rules: Sequence[_Rule], skip: Sequence[bool] = ()) -> list[ScanHit]:
    """Targets in ``text``, leftmost first, never overlapping; no hit starts where ``skip``."""
    hits: list[ScanHit] = []
    index = 0
    while index < len(text):
        skipped = index < len(skip) and skip[index]
        hit = None if skipped or not _word_start(text, index) else _hit_at(text, index, rules)
        if hit is None:
            index += 1
        else:
            hits.append(hit)
            index = hit.end
    return hits


def bracketed(text: str) -> list[bool]:
    """For each character, whether it lies inside round brackets (an unclosed one runs on)."""
    inside: list[bool] = []
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        inside.append(depth > 0)
        if char == ")" and depth:
            depth -= 1
    return inside


def merge_relative(text: str, hits: list[ScanHit]) -> list[ScanHit]:
    """ "6 months from" + "March 2026" is one relative target, not two."""
    merged: list[ScanHit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.status == "relative"
            and _ENDS_IN_CONNECTOR.search(text, last.start, last.end)
            and not text[last.end : hit.start].strip()
        ):
            merged[-1] = ScanHit(last.start, hit.end, "relative", None)
        else:
            merged.append(hit)
    return merged


def _gap_tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Words of a stretch between targets; a bracketed note counts as one word."""
    tokens: list[tuple[int, int]] = []
    index = start
    while index < end:
        if text[index].isspace():
            index += 1
            continue
        stop, depth = index, 0
        while stop < end and (depth > 0 or not text[stop].isspace()):
            if text[stop] == "(":
                depth += 1
            elif text[stop] == ")" and depth > 0:
                depth -= 1
            stop += 1
        tokens.append((index, stop))
        index = stop
    return tokens


def _lead_in_split(text: str, tokens: list[tuple[int, int]]) -> int:
    """How many leading tokens go left: all but a trailing run of lead-in words."""
    keep = len(tokens)
    while keep and text[tokens[keep - 1][0] : tokens[keep - 1][1]].lower() in _LEAD_IN:
        keep -= 1
    return keep


def attach(text: str, hits: list[ScanHit]) -> list[tuple[int, int, ScanHit]]:
    """Grow each target over the leftover words next to it: (start, end, hit) per target."""
    spans = [[hit.start, hit.end] for hit in hits]
    for gap in range(len(hits) + 1):
        gap_start = hits[gap - 1].end if gap else 0
        gap_end = hits[gap].start if gap < len(hits) else len(text)
        tokens = _gap_tokens(text, gap_start, gap_end)
        if not tokens:
            continue
        keep = 0 if gap == 0 else len(tokens) if gap == len(hits) else _lead_in_split(text, tokens)
        if keep:
            spans[gap - 1][1] = tokens[keep - 1][1]
        if keep < len(tokens):
            spans[gap][0] = tokens[keep][0]
    return [(span[0], span[1], hit) for span, hit in zip(spans, hits, strict=True)]


def make_due(cell: str, start: int, end: int, status: DueStatus, value: str | None) -> Due:
    return Due(value, status, " ".join(cell[start:end].split()), start, end)
