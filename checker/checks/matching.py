"""Shared matching for check types: phrase lists and token patterns over spaCy Docs.

Phrases are matched on lemmas (``explore`` finds "explored", "Exploring") or on
lower-case words, with spaCy's PhraseMatcher; token patterns use spaCy's
Matcher. A Doc is matched once for every rule (``_Pool``): all rules' phrases are
in one PhraseMatcher per attribute of the pipeline, each under its set's label,
and the token patterns that can match the Doc at all (their required words are in
it) run in one Matcher; every set then reads its own matches. spaCy's Matcher
tries every pattern it holds at every token, so one Matcher of every rule's
patterns was slower (0.25 against 0.21 s a warm lint of a corpus plan) than one of
the patterns a Doc can match; those Matchers are kept by the patterns they hold
(texts alike need the same ones), which a first lint pays for (0.47 against 0.44 s
with a Matcher per rule, which lints warm in 0.25 s). An ``Evidence`` is a named
alternative a ``require`` check looks for.
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
    from spacy.tokens import Doc

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


class _MatchSet:
    """Phrases or token patterns one rule looks for, matched in the pipeline's one pass
    per Doc (see ``_Pool``); each set reads its own matches from that pass."""

    def __init__(self) -> None:
        self._pool: _Pool | None = None  # the pool of the pipeline it was last used with
        self._key = 0

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (a compiled rule pack) without its pool, joined again on first use."""
        return {**self.__dict__, "_pool": None, "_key": 0}

    def empty(self) -> bool:
        raise NotImplementedError

    def add_to(self, pool: _Pool, key: int) -> None:
        raise NotImplementedError

    def joined(self, nlp: Language) -> _Pool:
        """The pool of this pipeline, this set joined to it (once per pipeline)."""
        pool = self._pool
        if pool is None or pool.nlp is not nlp:
            pool = self._pool = pool_for(nlp)
            self._key = pool.join(self)
        return pool

    def find(self, doc: Doc, nlp: Language) -> list[Match]:
        if self.empty():
            return []
        return self.joined(nlp).matches(doc, self._key)


class PhraseSet(_MatchSet):
    """A list of phrases, matched by lemma or lower case (spaCy's PhraseMatcher)."""

    def __init__(self, phrases: list[str], on: MatchOn = "lemma") -> None:
        super().__init__()
        self.phrases = [p for p in phrases if p.strip()]
        self.on = on

    def empty(self) -> bool:
        return not self.phrases

    def add_to(self, pool: _Pool, key: int) -> None:
        docs = list(pool.nlp.pipe([p.lower() for p in self.phrases]))
        if docs:
            pool.phrase_matcher(self.on).add(pool.label(key), docs)


class PatternSet(_MatchSet):
    """Token patterns (spaCy Matcher syntax)."""

    def __init__(self, patterns: list[list[dict[str, Any]]]) -> None:
        super().__init__()
        self.patterns = patterns

    def empty(self) -> bool:
        return not self.patterns

    def add_to(self, pool: _Pool, key: int) -> None:
        label = pool.label(key)
        strings = pool.nlp.vocab.strings
        for pattern in self.patterns:
            # the words as the vocabulary's hashes, which is how a Doc holds them
            needs = tuple(
                (attr, frozenset(strings.add(w) for w in words)) for attr, words in anchors(pattern)
            )
            pool.add_pattern(label, pattern, needs)

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


Anchor = tuple[tuple[str, frozenset[Any]], ...]


def anchors(pattern: list[dict[str, Any]]) -> Anchor:
    """For each token the pattern requires, the attribute and the words one of which a text
    must hold for the pattern to match there (where the token names its words)."""
    out: list[tuple[str, frozenset[str]]] = []
    for spec in pattern:
        op = str(spec.get("OP", "1"))
        if op in ("?", "*", "!") or op.startswith(("{0", "{,")):
            continue  # a token the pattern may go without ("{,3}" is up to three, or none)
        for attr, value in spec.items():
            if attr.upper() not in ("LEMMA", "LOWER"):
                continue
            if isinstance(value, str):
                out.append((attr.upper(), frozenset({value})))
            elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                out.append((attr.upper(), frozenset(v for v in value["IN"] if isinstance(v, str))))
    return tuple(out)


class _Pool:
    """One pipeline's matchers: every set's phrases and patterns under the set's own label,
    matched once per Doc (token patterns only where the Doc holds their required words);
    the raw matches are kept in the Doc, grouped by set."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.sets: list[_MatchSet] = []  # held, so that a key is never reused
        self.patterns: list[tuple[str, list[dict[str, Any]]]] = []  # (label, pattern)
        # which patterns a Doc can match, as bits: each required token of each pattern is a
        # bit, set by any of its words; a pattern can match when all of its bits are set
        self._bits: dict[tuple[str, int], int] = {}  # (attribute, word's hash) -> its bits
        self._full: list[int] = []  # per pattern, the bits of its required tokens
        self._nbits = 0
        self._token: dict[frozenset[int], Any] = {}
        self._phrase: dict[str, Any] = {}
        self._labels: dict[int, int] = {}  # the vocabulary's hash of a label -> set key
        self.version = 0

    def label(self, key: int) -> str:
        name = f"plancheck-set-{id(self)}-{key}"
        self._labels[self.nlp.vocab.strings.add(name)] = key
        return name

    def token_matcher(self, which: frozenset[int]) -> Any:
        """A Matcher of the patterns with these indexes (kept: texts alike ask alike)."""
        matcher = self._token.get(which)
        if matcher is None:
            from spacy.matcher import Matcher

            if len(self._token) >= 4096:
                self._token.clear()
            # validated against spaCy's schema once, when the pack loaded (engine.packs), not
            # again for every Matcher a new mix of texts asks for
            matcher = self._token[which] = Matcher(self.nlp.vocab, validate=False)
            for i in sorted(which):
                label, pattern = self.patterns[i]
                matcher.add(label, [pattern])
        return matcher

    def add_pattern(self, label: str, pattern: list[dict[str, Any]], needs: Anchor) -> None:
        full = 0
        for attr, words in needs:
            bit = 1 << self._nbits
            self._nbits += 1
            full |= bit
            for word in words:
                self._bits[(attr, word)] = self._bits.get((attr, word), 0) | bit
        self.patterns.append((label, pattern))
        self._full.append(full)

    def _possible(self, doc: Doc) -> frozenset[int]:
        """The patterns whose anchor words the doc holds: spaCy's Matcher tries every
        pattern at every token, so a pattern that cannot match is left out of the pass."""
        from spacy.attrs import LEMMA, LOWER

        array = doc.to_array([LEMMA, LOWER])
        bits = self._bits
        held = 0
        for attr, column in (("LEMMA", 0), ("LOWER", 1)):
            for word in set(array[:, column].tolist()):
                held |= bits.get((attr, word), 0)
        return frozenset(i for i, full in enumerate(self._full) if held & full == full)

    def phrase_matcher(self, on: MatchOn) -> Any:
        if on not in self._phrase:
            from spacy.matcher import PhraseMatcher

            attr = "LEMMA" if on == "lemma" else "LOWER"
            self._phrase[on] = PhraseMatcher(self.nlp.vocab, attr=attr)
        return self._phrase[on]

    def join(self, match_set: _MatchSet) -> int:
        """Add a set's phrases or patterns; its key. Docs matched before match again."""
        key = len(self.sets) + 1
        self.sets.append(match_set)
        match_set.add_to(self, key)
        self.version += 1
        return key

    def matches(self, doc: Doc, key: int) -> list[Match]:
        memo = doc.user_data.get("plancheck.matches")
        if memo is None or memo[0] is not self or memo[1] != self.version:
            memo = (self, self.version, self._match(doc), {})
            doc.user_data["plancheck.matches"] = memo
        found: dict[int, list[Match]] = memo[3]
        if key not in found:
            found[key] = _longest(doc, memo[2].get(key, []))
        return found[key]

    def _match(self, doc: Doc) -> dict[int, list[tuple[int, int]]]:
        raw: list[tuple[int, int, int]] = []
        which = self._possible(doc) if self.patterns else frozenset()
        if which:
            # allow_missing: our lemmas are set, and the check walks every token on every call
            raw += self.token_matcher(which)(doc, allow_missing=True)
        for matcher in self._phrase.values():
            raw += matcher(doc)
        out: dict[int, list[tuple[int, int]]] = {}
        for label, start, end in raw:
            out.setdefault(self._labels[label], []).append((start, end))
        return out


_POOLS: dict[int, _Pool] = {}
# pipelines whose pools are kept here (a pool holds its pipeline: a long-lived process that
# meets many configs must not keep every pipeline it ever built; a set keeps its own pool)
MAX_POOLS = 16


def pool_for(nlp: Language) -> _Pool:
    """The one pool of matchers of a pipeline."""
    pool = _POOLS.get(id(nlp))
    if pool is None or pool.nlp is not nlp:
        while len(_POOLS) >= MAX_POOLS:
            del _POOLS[next(iter(_POOLS))]
        pool = _POOLS[id(nlp)] = _Pool(nlp)
    return pool


def prepare(nlp: Language, *holders: object) -> None:
    """Join every phrase and pattern set the objects hold (a check, its evidence, lists and
    dicts of them) to the pipeline's pool before the first Doc is matched, so that each
    Doc is matched once."""
    seen: set[int] = set()

    def walk(value: object) -> None:
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, _MatchSet):
            if not value.empty():
                value.joined(nlp)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif hasattr(value, "__dict__") and not isinstance(value, type):
            for item in vars(value).values():
                walk(item)

    for holder in holders:
        walk(holder)


def _longest(doc: Doc, spans: list[tuple[int, int]]) -> list[Match]:
    """Overlapping matches: keep the longest, then the earliest."""
    chosen: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    out = []
    for start, end in sorted(chosen):
        s = doc[start:end]
        lo, hi = sentence_of(doc, s.start_char)
        out.append(Match(s.start_char, s.end_char, s.text, lo, hi, start, end))
    return out


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Character bounds of the doc's sentences, worked out once per doc (kept in user_data:
    walking ``Span.sent`` for every match cost more than the matching itself)."""
    memo: list[tuple[int, int]] | None = doc.user_data.get("plancheck.sents")
    if memo is None:
        if doc.has_annotation("SENT_START"):
            memo = [(sent.start_char, sent.end_char) for sent in doc.sents]
        else:
            memo = [(0, len(text_of(doc)))]
        doc.user_data["plancheck.sents"] = memo
    return memo


def sentence_of(doc: Doc, char: int) -> tuple[int, int]:
    """Bounds of the sentence holding the character offset."""
    bounds = sentences(doc)
    i = bisect_right([lo for lo, _hi in bounds], char) - 1
    return bounds[max(i, 0)] if bounds else (0, len(text_of(doc)))


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

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
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
        text = text_of(doc)
        hi = len(text) if hi is None else hi
        memo: dict[int, list[tuple[int, int, str]]] = doc.user_data.setdefault(
            "plancheck.evidence", {}
        )
        found = memo.get(id(self))
        if found is None:
            found = memo[id(self)] = self._all(doc, nlp, text)
        return [f for f in found if lo <= f[0] and f[1] <= hi]

    def _all(self, doc: Doc, nlp: Language, text: str) -> list[tuple[int, int, str]]:
        """Every piece of this evidence in the doc, once per doc (a check asks sentence by
        sentence)."""
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
            found += [(m.start(), m.end(), m.group(0)) for m in self.regex.finditer(text)]
        if self.dates:
            found += [(d.start, d.end, d.text) for d in dates_in(text)]
        return found


def text_of(doc: Doc) -> str:
    """The doc's text, once per doc (spaCy joins its tokens anew on every ``doc.text``)."""
    memo: str | None = doc.user_data.get("plancheck.text")
    if memo is None:
        memo = doc.user_data["plancheck.text"] = doc.text
    return memo
