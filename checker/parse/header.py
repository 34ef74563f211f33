"""The header block before the response table: establishment and the plan's dates."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.dates.prose import parse_date_phrase, parse_date_range
from checker.models import Header, HeaderFact
from checker.parse.grid import Line
from checker.parse.pieces import Run

_FACTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("submitted", re.compile(r"^action\s+plan\s+submitted\s*:?\s*(?P<v>.+)$", re.I)),
    # councils, trusts and auditors: the date the plan was approved or agreed
    (
        "submitted",
        re.compile(
            r"^(?:(?:action\s+)?plan\s+)?(?:submitted|approved|agreed|adopted|signed\s+off)"
            r"(?:\s+by\s+[^:]{1,60}?)?(?:\s+on)?\s*:\s*(?P<v>.*\d.*)$",
            re.I,
        ),
    ),
    (
        "submitted",
        re.compile(r"^(?:date\s+of\s+(?:the\s+)?plan|plan\s+date)\s*:\s*(?P<v>.+)$", re.I),
    ),
    # "Date submitted: ...", "Submission date: ...", "Date of approval: ..."
    (
        "submitted",
        re.compile(
            r"^(?:date\s+(?:submitted|approved|agreed|adopted|signed\s+off)"
            r"|date\s+of\s+(?:submission|approval|agreement|adoption|sign[- ]off)"
            r"|(?:submission|approval|agreement|adoption|sign[- ]off)\s+date)\s*:\s*(?P<v>.*\d.*)$",
            re.I,
        ),
    ),
    (
        "inspection",
        re.compile(r"^a\s+response\s+to\s+the\s+hmi\w*\s+inspection\s*:?\s*(?P<v>.+)$", re.I),
    ),
    (
        "inspection",
        re.compile(r"^(?:dates?\s+of\s+)?inspection(?:\s+dates?)?\s*:\s*(?P<v>.+)$", re.I),
    ),
    ("published", re.compile(r"^(?:report\s+)?published\s*:?\s*(?P<v>.+)$", re.I)),
    ("establishment", re.compile(r"^establishment\s*:\s*(?P<v>.+)$", re.I)),
    # councils, trusts, forces: whose plan it is, named on its own line
    (
        "establishment",
        re.compile(
            r"^(?:organi[sz]ation|council|trust|authority|provider|force|service|body)"
            r"(?:\s+name)?\s*:\s*(?P<v>.+)$",
            re.I,
        ),
    ),
    (
        "establishment",
        re.compile(
            r"^action\s+plan\s*:\s*(?P<v>(?:hmp|hmyoi|hmp/yoi|yoi|hmp\s*&\s*yoi)\b.+)$", re.I
        ),
    ),
    ("establishment", re.compile(r"^action\s+plan:.*establishment\s*:\s*(?P<v>.+)$", re.I)),
)


_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _fact(name: str, run: Run, value_start: int) -> HeaderFact:
    text = run.text[value_start:].strip()
    value: str | None = None
    if name in ("submitted", "published"):
        # a note after the date is not part of it: "27th May 2026 (draft: intended date)"
        day = parse_date_phrase(text) or parse_date_phrase(_BRACKETED.sub(" ", text))
        value = day.isoformat() if day else None
    elif name == "inspection":
        rng = parse_date_range(text)
        if rng:
            value = f"{rng[0].isoformat()}/{rng[1].isoformat()}"
        else:
            day = parse_date_phrase(text)
            value = day.isoformat() if day else None
    elif name == "establishment":
        value = " ".join(text.split())
    return HeaderFact(text=run.folded(), value=value, spans=run.spans())


def read_header(lines: Sequence[Line]) -> tuple[Header, tuple[HeaderFact, ...]]:
    """Header facts from the lines before the table; every other line becomes preamble."""
    facts: dict[str, HeaderFact] = {}
    preamble: list[HeaderFact] = []
    for line in lines:
        pieces = [c for c in line.cells if c is not None]
        if not pieces:
            continue
        run = Run(pieces)
        matched = False
        for name, pattern in _FACTS:
            m = pattern.match(run.text.strip())
            if m and name not in facts:
                facts[name] = _fact(name, run, run.text.index(m.group("v")))
                matched = True
                break
        if not matched:
            preamble.append(HeaderFact(text=run.folded(), spans=run.spans()))
    return Header(**facts), tuple(preamble)
