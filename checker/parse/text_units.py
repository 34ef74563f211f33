"""Finding sentences, lead-ins, numbered steps and bullets inside a cell's text."""

from __future__ import annotations

import re

_ABBREV = re.compile(r"\b(e\.g|i\.e|etc|no|nos|mr|mrs|ms|dr|st|approx|incl|vs|v)\.$", re.I)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”)]?\s+(?=[\"'“(]?[A-Z0-9£])")
_COLON = re.compile(r":\s+(?=[\"'“(]?[A-Z0-9£•\uf0b7▪●])")
_STEP = re.compile(r"(?<![\w.,£/%-])(\d{1,2})[.)](?=\s+[A-Z0-9£\"'“(])")
# Bullet marks mean one thing in every encoding: Word's "•" and its Symbol-font "\uf0b7",
# and what a code-page export writes for them ("*", "·"); at the start of a cell also
# "-", "–" and Word's second-level "o" (mid-text these are dashes and letters).
_BULLET = re.compile(r"(?:^|\s)([•\uf0b7▪●◦‣\uf0a7·]|\*(?=\s))\s*|^\s*([-–o])(?=\s+\S)\s*")
_LEADIN_END = re.compile(
    r"(\bby|\bfollowing(?:\s+\w+)?|\bas\s+follows|\bthrough|\bincluding)\s*:\s*$", re.I
)
_DONE = re.compile(r"\b(have|has|had)\s+been\b", re.I)
_WORDS = re.compile(r"\b([a-z][a-z'-]*)\s+([A-Z][a-z]+)\s+([a-z]+)")
_FUNCTION = frozenset(
    "the a an of to in on for with by at from and or between into onto our their its his her "
    "this that these those as via per under over within across including than is are was were "
    "be been being will shall would should can could may might must has have had not".split()
)
ELABORATION = frozenset("no this these that those it its they their which such there here".split())
STEP_START = re.compile(r"^\s*(\d{1,2})[.)]\s+")
BULLET_START = re.compile(r"^\s*(?:[•\uf0b7▪●◦‣\uf0a7·]|[*\-–o](?=\s+\S))")


def sentence_starts(text: str, colons: bool = False) -> list[int]:
    """Offsets where a new sentence starts (not 0); with ``colons``, after ': ' too."""
    starts = []
    for m in _BOUNDARY.finditer(text):
        before = text[: m.start()].rstrip("\"'”)")
        if _ABBREV.search(before):
            continue
        starts.append(m.end())
    if colons:
        starts.extend(m.end() for m in _COLON.finditer(text))
    starts.extend(m.start() for m in _STEP.finditer(text) if _step_ok(text, m.start()))
    return sorted({s for s in starts if 0 < s < len(text)})


def missing_period_starts(text: str) -> list[int]:
    """Where a sentence seems to start though the export lost its full stop ('staff Minutes')."""
    out = []
    for m in _WORDS.finditer(text):
        if m.group(1).lower() not in _FUNCTION:
            out.append(m.start(2))
    return out


def is_leadin(sentence: str) -> bool:
    """A sentence that only introduces the steps after it ('... will improve X by:')."""
    s = sentence.strip()
    if not s.endswith(":") or _DONE.search(s):
        return False
    if re.search(r"\bthe\s+following\b", s, re.I):
        return True
    m = _LEADIN_END.search(s)
    if not m:
        return False
    word = m.group(1).lower()
    if word.startswith(("including", "through")):
        return bool(re.search(r"\bwill\b", s, re.I))
    return True


def _step_ok(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before.endswith((".", ":", ";", "!", "?"))


def steps(text: str) -> list[tuple[int, int, str]]:
    """Numbered steps in a text: (start of the number, start of the step's text, number).

    Numbers must run in sequence (each one more than the last) and stand at the
    start of the text or after a sentence end, so '1 x post' or 'Band 4.' never split.
    """
    found: list[tuple[int, int, str]] = []
    last: int | None = None
    for m in _STEP.finditer(text):
        n = int(m.group(1))
        if not _step_ok(text, m.start()):
            continue
        if last is not None and n != last + 1:
            continue
        body = m.end()
        while body < len(text) and text[body].isspace():
            body += 1
        found.append((m.start(), body, m.group(1)))
        last = n
    return found


def bullets(text: str) -> list[tuple[int, int]]:
    """Bullet marks in a text: (start of the mark, start of the item's text)."""
    out = []
    for m in _BULLET.finditer(text):
        group = 1 if m.group(1) else 2
        out.append((m.start(group), m.end()))
    return out


def elaborates(text: str, start: int) -> bool:
    """Does the sentence starting here lean on the one before ('This will ...', 'No work ...')?"""
    word = re.match(r"\W*(\w+)", text[start:])
    return bool(word) and word.group(1).lower() in ELABORATION  # type: ignore[union-attr]
