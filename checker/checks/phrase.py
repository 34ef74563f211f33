"""``phrase`` and ``pattern``: words in a field that are a problem in themselves.

``phrase`` matches a list of phrases by lemma or lower case; ``pattern`` matches
spaCy Matcher token patterns. Both may be cancelled by context:

* ``unless``: evidence found in the same sentence (or the next, for evidence
  named in ``unless_next_sentence``) cancels the hit ("review" passes when the
  sentence also says what will be implemented);
* ``not_after`` / ``not_before``: the word just before / after the hit
  ("to review" is not the action's own commitment);
* ``when_due``: only for actions whose target has one of these statuses;
* ``at_head``: only where the match heads a commitment ("will improve", not
  "to improve" as a purpose); ``sole_sentence``: only in a one-sentence action.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import Field

from checker.checks.base import Check, Context, ExtendOptions, Field_, Hit, Options, Params
from checker.checks.clauses import placed
from checker.checks.matching import (
    Evidence,
    EvidenceSpec,
    Match,
    MatchOn,
    PatternSet,
    PhraseSet,
    lower_words,
    sentences,
    words_of,
)
from checker.models import DueStatus


class MatchParams(Params):
    field: Field_ = "action"
    unless: dict[str, EvidenceSpec] = Field(default_factory=dict)
    unless_next_sentence: list[str] = Field(
        default_factory=list,
        description="names of 'unless' evidence that also count in the next sentence",
    )
    not_after: list[str] = Field(default_factory=list, description="lower-case words")
    not_before: list[str] = Field(default_factory=list, description="lower-case words")
    when_due: list[DueStatus] = Field(default_factory=list)
    at_head: bool = Field(
        default=False,
        description="count a match only where it heads a commitment (see checks.clauses)",
    )
    sole_sentence: bool = Field(
        default=False, description="count a match only in an action of one sentence"
    )
    unless_owner: bool = Field(
        default=False,
        description="cancel a match whose words (less 'the', 'will', 'to' ...) all stand in "
        "the owner or in the name of the plan's own organisation (its establishment, else "
        "its title): the body is then the owner itself or the owner's own organisation",
    )
    min_count: int = Field(
        default=1, ge=1, description="fire once, where at least this many matches are found"
    )
    message: str = Field(
        description="'{words}' is replaced by the words found, '{count}' by their number"
    )


class PhraseParams(MatchParams):
    phrases: list[str] = Field(min_length=1)
    match: MatchOn = "lemma"
    except_forms: list[str] = Field(
        default_factory=list, description="surface forms (lower case) a lemma match does not count"
    )


class PatternParams(MatchParams):
    patterns: list[list[dict[str, Any]]] = Field(min_length=1)


class _MatchCheck(Check):
    placeholders = frozenset({"count", "words"})
    params: MatchParams

    def __init__(self, params: Params, options: Options | None = None) -> None:
        super().__init__(params, options)
        self.unless = {name: Evidence(name, spec) for name, spec in self.params.unless.items()}

    def fields(self) -> frozenset[Field_]:
        return frozenset({self.params.field})

    def vocabulary(self) -> frozenset[str]:
        words: set[str] = set()
        for ev in self.unless.values():
            words |= ev.words()
        return frozenset(words)

    def matches(self, ctx: Context) -> list[Match]:
        raise NotImplementedError

    def run(self, ctx: Context) -> Iterable[Hit]:
        p = self.params
        act = ctx.action
        if p.when_due and (act is None or act.due_status not in p.when_due):
            return
        doc = ctx.doc(p.field)
        words = lower_words(doc) if (p.not_after or p.not_before) else []
        kept = []
        for m in placed(doc, self.matches(ctx), p.at_head, p.sole_sentence):
            if p.not_after and m.token_start > 0 and words[m.token_start - 1] in p.not_after:
                continue
            if p.not_before and m.token_end < len(words) and words[m.token_end] in p.not_before:
                continue
            if self._cancelled(ctx, m) or (p.unless_owner and _in_owner(ctx, m.words)):
                continue
            kept.append(m)
        if p.min_count > 1:
            if len(kept) >= p.min_count:
                found = tuple(m.words for m in kept)
                msg = p.message.format(words=", ".join(found), count=len(kept))
                yield Hit(msg, p.field, kept[0].start, kept[-1].end, found)
            return
        for m in kept:
            yield Hit(p.message.format(words=m.words, count=1), p.field, m.start, m.end, (m.words,))

    def _cancelled(self, ctx: Context, m: Match) -> bool:
        doc = ctx.doc(self.params.field)
        nlp = ctx.pipeline
        for name, ev in self.unless.items():
            if ev.find(doc, nlp, m.sent_start, m.sent_end):
                return True
            if name in self.params.unless_next_sentence:
                nxt = _next_sentence(doc, m.sent_end)
                if nxt and ev.find(doc, nlp, nxt[0], nxt[1]):
                    return True
        return False


_GLUE = frozenset("the a an will shall must to be by is are of for and".split())


def _in_owner(ctx: Context, words: str) -> bool:
    """Do the matched words (less the glue) all stand in the action's owner, or in the
    name of the organisation whose plan it is (the owner's own organisation)?"""
    mine = [w for w in re.findall(r"[\w&'-]+", words.lower()) if w not in _GLUE]
    owner = (ctx.action.owner if ctx.action else None) or ""
    return any(
        bool(name) and all(re.search(rf"\b{re.escape(w)}", name) for w in mine)
        for name in (owner.lower(), _organisation(ctx))
    )


def _organisation(ctx: Context) -> str:
    """Whose plan it is: the establishment the header names, else the plan's title line
    ("Improvement Plan – Westmarch Borough Council"), lower case; "" when neither."""
    memo: str | None = ctx.memo.get("plancheck.organisation")
    if memo is None:
        plan = ctx.plan
        fact = plan.header.establishment
        if fact is not None:
            memo = (fact.value or fact.text).lower()
        else:
            memo = plan.preamble[0].text.lower() if plan.preamble else ""
        ctx.memo["plancheck.organisation"] = memo
    return memo


def _next_sentence(doc: Any, end: int) -> tuple[int, int] | None:
    return next(((lo, hi) for lo, hi in sentences(doc) if lo >= end), None)


class PhraseCheck(_MatchCheck):
    type_name = "phrase"
    params_model = PhraseParams
    params: PhraseParams
    options_model = ExtendOptions  # [rules.CODE] extend = [...]: more phrases
    options: ExtendOptions

    def __init__(self, params: Params, options: Options | None = None) -> None:
        super().__init__(params, options)
        self.phrases = [*self.params.phrases, *self.options.extend]
        self.phrase_set = PhraseSet(self.phrases, self.params.match)

    def vocabulary(self) -> frozenset[str]:
        own = words_of(self.phrases) if self.params.match == "lemma" else set()
        return super().vocabulary() | own

    def matches(self, ctx: Context) -> list[Match]:
        found = self.phrase_set.find(ctx.doc(self.params.field), ctx.pipeline)
        skip = {f.lower() for f in self.params.except_forms}
        return [m for m in found if m.words.lower() not in skip]


class PatternCheck(_MatchCheck):
    type_name = "pattern"
    params_model = PatternParams
    params: PatternParams

    def __init__(self, params: Params, options: Options | None = None) -> None:
        super().__init__(params, options)
        self.patterns = PatternSet(self.params.patterns)

    def vocabulary(self) -> frozenset[str]:
        return super().vocabulary() | self.patterns.words()

    def matches(self, ctx: Context) -> list[Match]:
        return self.patterns.find(ctx.doc(self.params.field), ctx.pipeline)
