"""Read the free-text dates of an action plan: target cells, header dates, dates in prose.

Everything here is a pure function of its text, built on the standard library.

How a target cell is read
-------------------------
A cell is scanned left to right for *targets*: "March 26", "31/03/2026",
"Completed", "Ongoing", "18-24 post Royal Assent", "January 2" and so on. Each
target found becomes one piece of the cell; words that are not a target of their
own ("by", "end of", "(interim review)", "Royal Assent") join a neighbouring
piece, so that every non-blank character belongs to exactly one piece. Words go
to the piece before them, except a trailing run of lead-in words ("by", "end
of", "w/c" ...) which goes to the piece after. Targets inside brackets count
only when the cell has none outside them: "January 2026 (monthly review)" is one
target, with its note.

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

from checker.models import DueStatus

__all__ = [
    "DateMention",
    "Due",
    "find_dates",
    "join_wrapped",
    "normalise_target",
    "parse_date_phrase",
    "parse_date_range",
    "split_targets",
]


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
_FLAGS = re.IGNORECASE | re.ASCII

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
# Lower-case words that are English before they are months; a bare one is no target.
_PLAIN_WORDS = frozenset({"jan", "mar", "march", "may", "jun", "jul", "aug", "sep", "dec", "nov"})
_SEASONS = {"spring": (5, 0), "summer": (8, 0), "autumn": (11, 0), "winter": (2, 1)}
_COMPLETE_STATUSES = ("complete", "complete-ongoing")


def _mon(group: str) -> str:
    """A month name, full or abbreviated, with an optional full stop, as a named group."""
    names = (
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    )
    return rf"(?P<{group}>{names})(?![a-z])\.?"


_MON = _mon("mon")
_YEAR = r"(?P<y>\d{4}|\d{2})(?!\w)"
_ORD = r"(?:st|nd|rd|th)?"
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


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group's text, or None where the pattern has no such group or it did not take part."""
    found: str | None = match.groupdict().get(name)
    return found


def _month_number(match: re.Match[str]) -> int:
    """The month of a match: numeric group ``mo`` or month name group ``mon``."""
    numeric = _group(match, "mo")
    if numeric is not None:
        return int(numeric)
    return _MONTHS[(_group(match, "mon") or "")[:3].lower()]


def _read_date(match: re.Match[str]) -> _Reading | None:
    """Groups y, mo or mon, and optionally d: a month or a day."""
    year, month, day = _year(_group(match, "y")), _month_number(match), _group(match, "d")
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
    year = _year(_group(match, "y") or _group(match, "y2"))
    month = int(_group(match, "mo") or _group(match, "mo2") or "0")
    if year is None or not 1 <= month <= 12:
        return ("unrecognised", None)
    return _month_value(year, month)


_NEGATED = re.compile(r"\b(?:not|be|yet\s+to\s+be)\s*$", _FLAGS)


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
    quarter, year_text = int(_group(match, "q") or "0"), _group(match, "yr")
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
    first, second = _group(match, "a") or "", _group(match, "b") or ""
    if len(first) == 2 and _group(match, "fy") is None:
        return None
    start = _fy_start(first, second)
    return None if start is None else _month_value(start + 1, 3)


def _read_season(match: re.Match[str]) -> _Reading | None:
    """A season, read as its last month."""
    month, offset = _SEASONS[(_group(match, "season") or "").lower()]
    digits = _group(match, "y")
    if digits is None:
        return ("no-year", None)
    year = _year(digits)
    return ("unrecognised", None) if year is None else _month_value(year + offset, month)


def _read_end_of_year(match: re.Match[str]) -> _Reading | None:
    """ "end of 2026" -> 2026-12."""
    year = _year(_group(match, "y"))
    return ("unrecognised", None) if year is None else _month_value(year, 12)


def _plain_word(match: re.Match[str]) -> bool:
    """True where the month name is more likely an English word ("may", "march")."""
    word = (_group(match, "mon") or "").rstrip(".")
    return word.islower() and word in _PLAIN_WORDS


def _read_monthish(status: DueStatus) -> _Reader:
    """A month with no usable year (``no-year`` or ``truncated``), unless it is a plain word."""

    def read(match: re.Match[str]) -> _Reading | None:
        day = _group(match, "d")
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
    return _Rule(re.compile(pattern, _FLAGS), read)


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
_ISO_DATE = _rule(r"(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})(?!\w)", _read_date)
_NUMERIC_DATE = _rule(
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
_MONTH_DAY_YEAR = _rule(rf"{_MON}\s*(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})(?!\w)", _read_date)
_DAY_MONTH_YEAR = _rule(
    rf"(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?[\s\-/]*{_MON}[\s,\-/'’]*{_YEAR}", _read_date
)
_MONTH_RANGE = _rule(
    rf"{_mon('mon0')}\s*(?:-|–|—|to|until|/)\s*{_MON}[\s,\-/'’]*{_YEAR}", _read_date
)
_MONTH_YEAR = _rule(rf"{_MON}[\s,\-/'’]*{_YEAR}", _read_date)
_MONTH_CUT = _rule(
    rf"{_MON}\s*(?:\d(?:\d\d)?(?!\w)|\d[\dOoIl]{{1,3}}(?!\w)|[:;\-–—/]+(?=\s|$))",
    _read_monthish("truncated"),
)
_DAY_MONTH = _rule(
    rf"(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?[\s\-/]*{_MON}(?!\w)|{_mon('mon2')}\s*(?P<d2>\d{{1,2}})"
    r"(?:st|nd|rd|th)(?!\w)",
    _read_monthish("no-year"),
)
_BARE_MONTH = _rule(rf"{_MON}(?!\w)", _read_monthish("no-year"))


_DATE_RULES = (
    _ISO_DATE,
    _NUMERIC_DATE,
    _QUARTER,
    _NUMERIC_MONTH,
    _SEASON,
    _END_OF_YEAR,
    _MONTH_DAY_YEAR,
    _DAY_MONTH_YEAR,
    _MONTH_RANGE,
    _MONTH_YEAR,
)
_TARGET_RULES = (
    _COMPLETE_ONGOING,
    _COMPLETE,
    _OPEN_ENDED,
    _END_OF_YEAR,
    _RELATIVE_NEXT,
    _RELATIVE_WITHIN,
    _RELATIVE_SPAN,
    _RELATIVE_EVENT,
    _ISO_DATE,
    _NUMERIC_DATE,
    _NUMERIC_CUT,
    _QUARTER,
    _FINANCIAL_YEAR,
    _NUMERIC_MONTH,
    _SEASON,
    _MONTH_DAY_YEAR,
    _DAY_MONTH_YEAR,
    _MONTH_RANGE,
    _MONTH_YEAR,
    _MONTH_CUT,
    _DAY_MONTH,
    _BARE_MONTH,
)
_MISSING = re.compile(r"n/?a|none|nil|not\s+applicable|[-–—_.]+", _FLAGS)
_ENDS_IN_CONNECTOR = re.compile(rf"{_CONNECTOR}$", _FLAGS)
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
class _Hit:
    start: int
    end: int
    status: DueStatus
    value: str | None
    match: re.Match[str] | None = None


def _blank_unicode(text: str) -> str:
    """Every whitespace character as a plain space, so offsets stay put and ASCII \\s sees it."""
    return "".join(" " if char.isspace() else char for char in text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _hit_at(text: str, index: int, rules: Sequence[_Rule]) -> _Hit | None:
    """The first rule that reads a target starting at ``index``."""
    for rule in rules:
        match = rule.pattern.match(text, index)
        if match is None or match.end() == index:
            continue
        reading = rule.read(match)
        if reading is not None:
            start, end = _trim(text, match.start(), match.end())
            return _Hit(start, end, reading[0], reading[1], match)
    return None


def _scan(text: str, rules: Sequence[_Rule], skip: Sequence[bool] = ()) -> list[_Hit]:
    """Targets in ``text``, leftmost first, never overlapping; no hit starts where ``skip``."""
    hits: list[_Hit] = []
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


def _bracketed(text: str) -> list[bool]:
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


def _merge_relative(text: str, hits: list[_Hit]) -> list[_Hit]:
    """ "6 months from" + "March 2026" is one relative target, not two."""
    merged: list[_Hit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.status == "relative"
            and _ENDS_IN_CONNECTOR.search(text, last.start, last.end)
            and not text[last.end : hit.start].strip()
        ):
            merged[-1] = _Hit(last.start, hit.end, "relative", None)
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


def _attach(text: str, hits: list[_Hit]) -> list[tuple[int, int, _Hit]]:
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


def _due(cell: str, start: int, end: int, status: DueStatus, value: str | None) -> Due:
    return Due(value, status, " ".join(cell[start:end].split()), start, end)


# --------------------------------------------------------------------------- public API


def split_targets(cell: str) -> list[Due]:
    """Read a target cell that may hold several stacked targets, in order.

    A cell beside an action with several steps often stacks one target per step
    ("December 26 Completed"). Each piece's ``start``/``end`` index into ``cell``;
    pieces do not overlap and together cover every non-blank character. A cell
    with one target gives one piece; an empty or blank cell gives ``[]``.
    """
    text = _blank_unicode(cell)
    start, end = _trim(text, 0, len(text))
    if start == end:
        return []
    hits = _scan(text, _TARGET_RULES, _bracketed(text)) or _scan(text, _TARGET_RULES)
    if not hits:
        status: DueStatus = "missing" if _MISSING.fullmatch(text, start, end) else "unrecognised"
        return [_due(cell, start, end, status, None)]
    pieces = _attach(text, _merge_relative(text, hits))
    return [_imprecise(_due(cell, s, e, hit.status, hit.value)) for s, e, hit in pieces]


_SEASON_TARGET = re.compile(
    r"^\W*(?:early\s+|late\s+|mid[\s-]+)?(?:spring|summer|autumn|fall|winter)\b", re.I
)
_CALENDAR_OR_FY = re.compile(r"^\W*(?:q|quarter)\s*[1-4]\b(?!.*\d\s*[/-]\s*\d)(?!.*\bfy)", re.I)


def _imprecise(due: Due) -> Due:
    """SMART.md's settled case: as a target, a season or a quarter with a single year
    ("Q3 2026": calendar or financial?) names no month; in prose they still place a date."""
    if due.status == "month" and (
        _SEASON_TARGET.match(due.text) or _CALENDAR_OR_FY.match(due.text)
    ):
        return Due(None, "imprecise", due.text, due.start, due.end)
    return due


def normalise_target(cell: str) -> Due:
    """Read the whole cell as one target.

    An empty cell is ``missing``. A cell that holds several targets is read as
    one only where that is unambiguous: a completed status beside dates
    ("Completed March 2026", "December 26 Completed") is that completed status,
    and repeats of one date are that date; anything else is ``unrecognised``
    (use :func:`split_targets` to share such a cell among several steps).
    """
    pieces = split_targets(cell)
    if not pieces:
        return Due(None, "missing", "", 0, 0)
    if len(pieces) == 1:
        return pieces[0]
    start, end = pieces[0].start, pieces[-1].end
    done = [piece for piece in pieces if piece.status in _COMPLETE_STATUSES]
    dated = [piece for piece in pieces if piece.status in ("date", "month")]
    if len(done) == 1 and len(done) + len(dated) == len(pieces):
        return _due(cell, start, end, done[0].status, "complete")
    if len(dated) == len(pieces) and len({piece.value for piece in dated}) == 1:
        return _due(cell, start, end, dated[0].status, dated[0].value)
    return _due(cell, start, end, "unrecognised", None)


def join_wrapped(first: str, second: str) -> str | None:
    """Join a target cell wrapped over two lines, if only the two together make a date.

    ``join_wrapped("December", "2026")`` is ``"December 2026"``. Gives None
    unless the joined text is one date or month that neither line gives alone.
    A line cut inside a number ("31/03/" then "2026") is joined without a space.
    """
    head, tail = " ".join(first.split()), " ".join(second.split())
    if not head or not tail:
        return None
    candidates = [f"{head} {tail}"]
    if head[-1] in "0123456789/.-" and tail[0].isdigit():
        candidates.append(head + tail)
    parts = (normalise_target(head), normalise_target(tail))
    if all(p.value is not None for p in parts):
        return None  # two whole targets, one under the other ("30/09/2023", "31/10/2023")
    alone = {p.value for p in parts}
    for joined in candidates:
        pieces = split_targets(joined)
        one = pieces[0] if len(pieces) == 1 else None
        if one is not None and one.status in ("date", "month") and one.value not in alone:
            return joined
    return None


_WEEKDAY = re.compile(
    r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+", _FLAGS
)
_FULL_DATE_RULES = (_ISO_DATE, _NUMERIC_DATE, _MONTH_DAY_YEAR, _DAY_MONTH_YEAR)


def _clean_phrase(text: str) -> str:
    """Whitespace folded, a leading weekday and trailing full stop or comma dropped."""
    folded = " ".join(_blank_unicode(text).split()).rstrip(".,")
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


_RANGE_SEPARATOR = re.compile(r"\s*(?:–|—|-|\bto\b|\buntil\b|\btill\b)\s*", _FLAGS)
_DAY_AND_MONTH = re.compile(
    rf"(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?\s*{_MON}|{_mon('mon2')}\s+(?P<d2>\d{{1,2}}){_ORD}", _FLAGS
)
_DAY_ONLY = re.compile(rf"(?P<d>\d{{1,2}}){_ORD}", _FLAGS)


def _range_start(text: str, end: date) -> date | None:
    """The first date of a range, borrowing the year (and month) it leaves out from ``end``."""
    full = parse_date_phrase(text)
    if full is not None:
        return full
    phrase = _clean_phrase(text)
    try:
        match = _DAY_AND_MONTH.fullmatch(phrase)
        if match:
            month = _MONTHS[(_group(match, "mon") or _group(match, "mon2") or "")[:3].lower()]
            day = int(_group(match, "d") or _group(match, "d2") or "0")
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
    phrase = " ".join(_blank_unicode(text).split())
    for separator in _RANGE_SEPARATOR.finditer(phrase):
        end = parse_date_phrase(phrase[separator.end() :])
        if end is None:
            continue
        start = _range_start(phrase[: separator.start()], end)
        if start is not None and start <= end:
            return (start, end)
    return None


_CUT_PROSE = re.compile(r"\d{1,2}[.\-]\d{1,2}[.\-]\d{2}", _FLAGS)


def _prose_date(hit: _Hit) -> bool:
    """Whether a hit in prose is a real date mention (not "may 24", not a section 1.2.10)."""
    if hit.status not in ("date", "month") or hit.match is None:
        return False
    if _group(hit.match, "mon") == "may":
        return False
    return _CUT_PROSE.fullmatch(hit.match.group(0).strip()) is None


def find_dates(text: str) -> list[DateMention]:
    """Dates mentioned in prose, with their offsets: 'by March 2026' gives 'March 2026' -> 2026-03.

    Reports days and months that carry a year (any form a target cell accepts,
    plus seasons, quarters and 'end of 2026'); never durations or counts such as
    '18-24 months', '28 days', '5%', 'Band 9'. Two-digit years after a day and
    month need a slash in numeric form (so '1.2.10' is not a date).
    """
    blanked = _blank_unicode(text)
    return [
        DateMention(hit.start, hit.end, " ".join(text[hit.start : hit.end].split()), hit.value)
        for hit in _scan(blanked, _DATE_RULES)
        if _prose_date(hit) and hit.value is not None
    ]
