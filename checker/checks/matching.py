"""Shared matching for check types: phrase lists and token patterns over spaCy Docs.

Phrases are matched on lemmas (``explore`` finds "explored", "Exploring") or on
lower-case words, with spaCy's PhraseMatcher; token patterns use spaCy's
Matcher. Matchers are built once per rule, on first use, against the pipeline's
vocabulary. An ``Evidence`` is a named alternative a ``require`` check looks for.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.checks.user_regex import Pattern, user_pattern
from checker.dates.grammar import DateMention
from checker.dates.prose import find_dates

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MatchOn = Literal["lemma", "lower"]


@dataclass(frozen=True)
class Match:
    start: int  # character offsets in the doc's text
    end: int
    words: str
    sent_start: int
    sent_end: int
    token_start: int
    token_end: int


def words_of(phrases: list[str]) -> set[str]:
    """Every lower-case word of the phrases (for the lemma table)."""
    return {w.lower() for p in phrases for w in re.findall(r"[\w'-]+", p)}


class PhraseSet:
    """A list of phrases compiled into a spaCy PhraseMatcher on first use."""

    def __init__(self, phrases: list[str], on: MatchOn = "lemma") -> None:
        self.phrases = [p for p in phrases if p.strip()]
        self.on = on
        self._matcher: Any = None
        self._nlp: Language | None = None

    def _build(self, nlp: Language) -> Any:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(nlp.vocab, attr="LEMMA" if self.on == "lemma" else "LOWER")
        docs = list(nlp.pipe([p.lower() for p in self.phrases]))
        if docs:
            matcher.add("P", docs)
        return matcher

    def find(self, doc: Doc, nlp: Language) -> list[Match]:
        if not self.phrases:
            return []
        if self._matcher is None or self._nlp is not nlp:
            self._matcher, self._nlp = self._build(nlp), nlp
        spans = self._matcher(doc, as_spans=True)
        return _longest(spans)


class PatternSet:
    """Token patterns (spaCy Matcher syntax) compiled on first use."""

    def __init__(self, patterns: list[list[dict[str, Any]]]) -> None:
        self.patterns = patterns
        self._matcher: Any = None
        self._nlp: Language | None = None

    def find(self, doc: Doc, nlp: Language) -> list[Match]:
        if not self.patterns:
            return []
        if self._matcher is None or self._nlp is not nlp:
            from spacy.matcher import Matcher

            matcher = Matcher(nlp.vocab)
            matcher.add("P", self.patterns)
            self._matcher, self._nlp = matcher, nlp
        # allow_missing: our lemmas are set, and the check walks every token on every call
        return _longest(self._matcher(doc, as_spans=True, allow_missing=True))

    def words(self) -> set[str]:
        out: set[str] = set()
        for pattern in self.patterns:
            for tok in pattern:
                for key in ("LEMMA",):  # only lemmas need the lemma table
                    value = tok.get(key)
                    if isinstance(value, str):
                        out.add(value.lower())
                    elif isinstance(value, dict):
                        out.update(str(v).lower() for v in value.get("IN", []))
        return out


def _longest(spans: list[Span]) -> list[Match]:
    """Overlapping matches: keep the longest, then the earliest."""
    chosen: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(span.end <= c.start or span.start >= c.end for c in chosen):
            chosen.append(span)
    out = []
    for s in sorted(chosen, key=lambda s: s.start):
        lo, hi = sentence_of(s.doc, s.start_char)
        out.append(Match(s.start_char, s.end_char, s.text, lo, hi, s.start, s.end))
    return out


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the doc's sentences, worked out once per doc (kept in user_data:
    walking ``Span.sent`` for every match cost more than the matching itself)."""
    memo: list[tuple[int, int]] | None = doc.user_data.get("plancheck.sents")
    if memo is None:
        if doc.has_annotation("SENT_START"):
            memo = [(sent.start_char, sent.end_char) for sent in doc.sents]
        else:
            memo = [(0, len(doc.text))]
        doc.user_data["plancheck.sents"] = memo
    return memo


def sentence_of(doc: Doc, char: int) -> tuple[int, int]:
    """Bounds of the sentence holding the character offset."""
    bounds = sentences(doc)
    i = bisect_right([lo for lo, _hi in bounds], char) - 1
    return bounds[max(i, 0)] if bounds else (0, len(doc.text))


def lower_words(doc: Doc) -> list[str]:
    """The doc's tokens in lower case, once per doc."""
    memo: list[str] | None = doc.user_data.get("plancheck.lower")
    if memo is None:
        memo = [t.lower_ for t in doc]
        doc.user_data["plancheck.lower"] = memo
    return memo


@lru_cache(maxsize=8192)
def dates_in(text: str) -> tuple[DateMention, ...]:
    """Dates mentioned in a text; two rules ask for the same action's, so they are kept."""
    return tuple(find_dates(text))


class EvidenceSpec(BaseModel):
    """One kind of evidence: phrases, token patterns and/or a regular expression."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    phrases: list[str] = Field(default_factory=list)
    match: MatchOn = "lemma"
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    regex: Pattern | None = None
    dates: bool = Field(default=False, description="a date mentioned in the text counts")
    at_head: bool = Field(
        default=False, description="phrases and patterns count only where they head a commitment"
    )
    sole_sentence: bool = Field(default=False, description="found only in a text of one sentence")
    not_before: list[str] = Field(
        default_factory=list,
        description="lemmas a phrase or pattern match must not stand before: 'Manager' in "
        "'Manager resource' only says whose resource it is",
    )


class Evidence:
    def __init__(self, name: str, spec: EvidenceSpec) -> None:
        self.name = name
        self.phrases = PhraseSet(spec.phrases, spec.match)
        self.patterns = PatternSet(spec.patterns)
        self.regex = user_pattern(spec.regex) if spec.regex else None
        self.dates = spec.dates
        self.at_head = spec.at_head
        self.sole_sentence = spec.sole_sentence
        self.not_before = frozenset(w.lower() for w in spec.not_before)

    def words(self) -> set[str]:
        lemmas = words_of(self.phrases.phrases) if self.phrases.on == "lemma" else set()
        return lemmas | self.patterns.words() | set(self.not_before)

    def find(
        self, doc: Doc, nlp: Language, lo: int = 0, hi: int | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, words) of each piece of this evidence within text[lo:hi]."""
        hi = len(doc.text) if hi is None else hi
        # imported here: clauses builds on this module's sentence bounds
        from checker.checks.clauses import placed

        if self.sole_sentence and len(sentences(doc)) > 1:
            matches = []  # no phrase or pattern counts in a text of several sentences
        else:
            matches = self.phrases.find(doc, nlp) + self.patterns.find(doc, nlp)
            matches = placed(doc, matches, self.at_head, self.sole_sentence)
        if self.not_before:
            n = len(doc)
            matches = [
                m
                for m in matches
                if m.token_end >= n or doc[m.token_end].lemma_.lower() not in self.not_before
            ]
        found = [(m.start, m.end, m.words) for m in matches]
        if self.regex is not None:
            hits = self.regex.finditer(doc.text)
            found += [(m.start(), m.end(), m.group(0)) for m in hits]
        if self.dates:
            found += [(d.start, d.end, d.text) for d in dates_in(doc.text)]
        return [f for f in found if lo <= f[0] and f[1] <= hi]
