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

from pydantic import Field

from checker.checks.base import Check, Context, Field_, Hit, Params


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
    message: str


_WORD = re.compile(r"^[a-z][a-z-]{2,}$")


class OverlapCheck(Check):
    type_name = "overlap"
    params_model = OverlapParams
    params: OverlapParams

    def __init__(self, params: Params) -> None:
        super().__init__(params)
        self.ignore = {w.lower() for w in self.params.ignore}
        self.topic_of: dict[str, set[str]] = {}
        for topic, words in self.params.topics.items():
            for w in words:
                for key in {w.lower(), self._stem(w.lower())}:
                    self.topic_of.setdefault(key, set()).add(topic)

    def _stem(self, word: str) -> str:
        n = self.params.stem
        return word[:n] + "…" if n and len(word) > n else word

    def fields(self) -> frozenset[Field_]:
        return frozenset({"action", "concern"})

    def vocabulary(self) -> frozenset[str]:
        return frozenset(self.topic_of) | frozenset(self.ignore)

    def _words(self, ctx: Context, field: Field_) -> tuple[set[str], set[str]]:
        """(content lemmas, topics) of a field; topics are read before stop words are dropped."""
        doc = ctx.doc(field)
        key = f"plancheck.overlap.{id(self)}"
        if key in doc.user_data:  # a concern is read once, not once per action under it
            memo: tuple[set[str], set[str]] = doc.user_data[key]
            return memo
        content: set[str] = set()
        topics: set[str] = set()
        for t in doc:
            lemma, lower = t.lemma_.lower(), t.lower_
            for key in (lemma, lower, self._stem(lemma)):
                topics |= self.topic_of.get(key, set())
            if not t.is_stop and _WORD.match(lemma) and lemma not in self.ignore:
                content |= {lemma, self._stem(lemma)}
        doc.user_data[key] = (content, topics)
        return content, topics

    def run(self, ctx: Context) -> Iterable[Hit]:
        act, rec = ctx.action, ctx.rec
        if act is None or rec is None or not rec.concern.strip():
            return
        if len(act.text.split()) < self.params.min_words:
            return
        mine, my_topics = self._words(ctx, "action")
        if len({w for w in mine if not w.endswith("…")}) < self.params.min_content:
            return  # too little said to tell what it is about
        theirs, their_topics = self._words(ctx, "concern")
        if mine & theirs or my_topics & their_topics:
            return
        yield Hit(self.params.message, "action")
