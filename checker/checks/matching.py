"""Shared matching for check types: phrase lists and token patterns over spaCy Docs.

Phrases are matched on lemmas (``explore`` finds "explored", "Exploring") or on
lower-case words, with spaCy's PhraseMatcher; token patterns use spaCy's
Matcher. Matchers are built once per rule, on first use, against the pipeline's
vocabulary. An ``Evidence`` is a named alternative a ``require`` check looks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

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
        return _longest(self._matcher(doc, as_spans=True))

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
        sent = s.sent if s.doc.has_annotation("SENT_START") else s.doc[:]
        out.append(
            Match(s.start_char, s.end_char, s.text, sent.start_char, sent.end_char, s.start, s.end)
        )
    return out


class EvidenceSpec(BaseModel):
    """One kind of evidence: phrases, token patterns and/or a regular expression."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    phrases: list[str] = Field(default_factory=list)
    match: MatchOn = "lemma"
    patterns: list[list[dict[str, Any]]] = Field(default_factory=list)
    regex: str | None = None
    dates: bool = Field(default=False, description="a date mentioned in the text counts")


class Evidence:
    def __init__(self, name: str, spec: EvidenceSpec) -> None:
        self.name = name
        self.phrases = PhraseSet(spec.phrases, spec.match)
        self.patterns = PatternSet(spec.patterns)
        self.regex = re.compile(spec.regex, re.IGNORECASE) if spec.regex else None
        self.dates = spec.dates

    def words(self) -> set[str]:
        lemmas = words_of(self.phrases.phrases) if self.phrases.on == "lemma" else set()
        return lemmas | self.patterns.words()

    def find(
        self, doc: Doc, nlp: Language, lo: int = 0, hi: int | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, words) of each piece of this evidence within text[lo:hi]."""
        hi = len(doc.text) if hi is None else hi
        found = [(m.start, m.end, m.words) for m in self.phrases.find(doc, nlp)]
        found += [(m.start, m.end, m.words) for m in self.patterns.find(doc, nlp)]
        if self.regex is not None:
            found += [(m.start(), m.end(), m.group(0)) for m in self.regex.finditer(doc.text)]
        if self.dates:
            from checker.dates import find_dates

            found += [(d.start, d.end, d.text) for d in find_dates(doc.text)]
        return [f for f in found if lo <= f[0] and f[1] <= hi]
