"""``overlap``: does an action share anything with the concern it answers?

Content lemmas of both texts are compared, after dropping stop words and
words every plan uses ("prisoner", "prison", "staff"); words of one topic
(the rule's ``topics``: drugs, self-harm, food ...) count as shared. The rule
fires only when nothing is shared at all, so it speaks of an action that has
plainly landed under the wrong concern, not of one phrased differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import Field

from checker.checks.base import Check, Context, Field_, Hit, Options, Params
from checker.models import Action

if TYPE_CHECKING:
    from spacy.tokens import Doc


class OverlapParams(Params):
    ignore: list[str] = Field(default_factory=list, description="lemmas that never count")
    topics: dict[str, list[str]] = Field(default_factory=dict, description="topic -> lemmas")
    min_words: int = Field(default=6, description="shorter actions are not judged")
    min_content: int = Field(
        default=0, ge=0, description="actions with fewer content words than this are not judged"
    )
    stem: int = Field(
        default=0,
        ge=0,
        description="compare words by their first N letters too (0: lemmas only); the "
        "lemma table knows only the packs' words, so 'visiting' and 'visits' need this",
    )
    related: list[list[str]] = Field(
        default_factory=list,
        description="groups of topics that count as one (education and work are both "
        "purposeful activity)",
    )
    refers_back: list[str] = Field(
        default_factory=list,
        description="openings that point back to the step before ('the findings', 'this'): "
        "such a step is about what that one is about",
    )
    within_topics: bool = Field(
        default=False,
        description="judge only where both texts name a topic: an action is off its concern "
        "when it is plainly about another area, not when the topics simply do not cover "
        "what either is about (a plan from a sector the topics were not written for)",
    )
    weak: list[str] = Field(
        default_factory=list,
        description="topic words that are shared like any other, but do not by themselves "
        "name an area for within_topics ('time' is time out of cell in a prison plan, and "
        "any length of time elsewhere)",
    )
    message: str


_WORD = re.compile(r"^[a-z][a-z-]{2,}$")


class OverlapCheck(Check):
    type_name = "overlap"
    params_model = OverlapParams
    params: OverlapParams

    def __init__(self, params: Params, options: Options | None = None) -> None:
        super().__init__(params, options)
        self.ignore = {w.lower() for w in self.params.ignore}
        self.topic_of: dict[str, set[str]] = {}
        unknown = {t for group in self.params.related for t in group} - set(self.params.topics)
        if unknown:
            raise ValueError(f"related names topics that are not defined: {sorted(unknown)}")
        kin = {t: {t} for t in self.params.topics}
        for group in self.params.related:
            for t in group:
                kin[t] |= set(group)
        for topic, words in self.params.topics.items():
            for w in words:  # by lemma, not by stem: "holding" a service is not a holding room
                self.topic_of.setdefault(w.lower(), set()).update(kin[topic])
        self.back = [tuple(p.lower().split()) for p in self.params.refers_back]
        self.weak = {w.lower() for w in self.params.weak}
        # (lemma, lower case, stop flag) hashes -> what the word says: read once per run
        self._word_memo: dict[tuple[int, int, int], tuple[frozenset[str], frozenset[str], bool]]
        self._word_memo = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled (a compiled rule pack) without the words read so far."""
        return {**self.__dict__, "_word_memo": {}}

    def _stem(self, word: str) -> str:
        n = self.params.stem
        return word[:n] + "…" if n and len(word) > n else word

    def fields(self) -> frozenset[Field_]:
        return frozenset({"action", "concern"})

    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.topic_of) | frozenset(self.ignore)

    def _words(self, doc: Doc) -> tuple[set[str], set[str], bool]:
        """(content lemmas, topics, whether a word other than a weak one names a topic) of a
        text; topics are read before stop words are dropped."""
        key = f"plancheck.overlap.{id(self)}"
        if key in doc.user_data:  # a concern is read once, not once per action under it
            kept: tuple[set[str], set[str], bool] = doc.user_data[key]
            return kept
        from spacy.attrs import IS_STOP, LEMMA, LOWER

        content: set[str] = set()
        topics: set[str] = set()
        names_area = False
        # a word is read by its hashes, not by a Token object per word
        memo = self._word_memo
        if len(memo) > 200_000:  # a long-lived server meets ever more words
            memo.clear()
        rows = doc.to_array([LEMMA, LOWER, IS_STOP]).tolist()
        for lemma_hash, lower_hash, stop in {(int(a), int(b), int(c)) for a, b, c in rows}:
            read = memo.get((lemma_hash, lower_hash, stop))
            if read is None:
                read = memo[(lemma_hash, lower_hash, stop)] = self._word(
                    doc, lemma_hash, lower_hash, stop
                )
            content |= read[0]
            topics |= read[1]
            names_area = names_area or read[2]
        doc.user_data[key] = (content, topics, names_area)
        return content, topics, names_area

    def _word(
        self, doc: Doc, lemma_hash: int, lower_hash: int, stop: int
    ) -> tuple[frozenset[str], frozenset[str], bool]:
        """(content lemmas, topics, whether it names an area) of one word."""
        strings = doc.vocab.strings
        lemma, lower = strings[lemma_hash].lower(), strings[lower_hash]
        topics: set[str] = set()
        names_area = False
        for form in (lemma, lower):
            found = self.topic_of.get(form)
            if found:
                topics |= found
                names_area = names_area or form not in self.weak
        content: frozenset[str] = frozenset()
        if not stop and _WORD.match(lemma) and lemma not in self.ignore:
            content = frozenset({lemma, self._stem(lemma)})
        return content, frozenset(topics), names_area

    def run(self, ctx: Context) -> Iterable[Hit]:
        act, rec = ctx.action, ctx.rec
        if act is None or rec is None or not rec.concern.strip():
            return
        if len(act.text.split()) < self.params.min_words:
            return
        doc = ctx.doc("action")
        mine, my_topics, my_area = self._words(doc)
        if len({w for w in mine if not w.endswith("…")}) < self.params.min_content:
            return  # too little said to tell what it is about
        theirs, their_topics, their_area = self._words(ctx.doc("concern"))
        if mine & theirs or my_topics & their_topics:
            return
        if self.params.within_topics and not (my_area and their_area):
            return  # what either is about is outside the areas the topics know
        # "The findings will be acted upon": about what the step before is about
        before = self._step_before(ctx, act) if self._refers_back(doc) else None
        if before is not None and self._shares(ctx, before, theirs, their_topics):
            return
        yield Hit(self.params.message, "action")

    def _refers_back(self, doc: Doc) -> bool:
        words = tuple(t.lower_ for t in doc[:3])
        return any(words[: len(p)] == p for p in self.back)

    @staticmethod
    def _step_before(ctx: Context, act: Action) -> Action | None:
        assert ctx.rec is not None
        ids = [a.id for a in ctx.rec.actions]
        k = ids.index(act.id) if act.id in ids else 0
        return ctx.rec.actions[k - 1] if k > 0 else None

    def _shares(self, ctx: Context, act: Action, theirs: set[str], topics: set[str]) -> bool:
        """Does this action share a word or a topic with the concern's?"""
        words, its_topics, _area = self._words(ctx.docs(act.text))
        return bool(words & theirs or its_topics & topics)
