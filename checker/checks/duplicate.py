"""``duplicate``: the same action text under two recommendations, not said so.

Texts are compared word by word after folding case, punctuation and step
numbers; a ratio of ``threshold`` or more (difflib, over the words) counts as the
same. The later action is reported, naming the earlier. Comparing words rather
than characters gives sequences a sixth as long, and difflib's time grows with the
square of their length.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from pydantic import Field

from checker.checks.base import Check, Context, Hit, Params
from checker.wording import comparable


class DuplicateParams(Params):
    threshold: float = Field(default=0.9, gt=0, le=1)
    min_words: int = Field(default=8)
    message: str


def _may_match(a: tuple[str, ...], b: tuple[str, ...], threshold: float) -> bool:
    """Cheap upper bounds of difflib's ratio first: every candidate pair is compared."""
    if 2 * min(len(a), len(b)) < threshold * (len(a) + len(b)):
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold


_BUCKET_REACH = 200


class DuplicateCheck(Check):
    type_name = "duplicate"
    placeholders = frozenset({"other", "ratio"})
    scope = "plan"
    params_model = DuplicateParams
    params: DuplicateParams

    def run(self, ctx: Context) -> Iterable[Hit]:
        # Candidates share their first or last four words with an earlier action: a near-copy
        # ("... drivers for self-harm" / "... drivers for violence") keeps one end intact, and
        # bucketing keeps a plan of thousands of actions from comparing every pair.
        buckets: dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]] = {}
        for rec, act in ctx.plan.actions():
            words = tuple(comparable(act.text).split())
            if len(words) < self.params.min_words:
                continue
            keys = [("head", *words[:4]), ("tail", *words[-4:])]
            for other, other_rec, other_id in self._candidates(buckets, keys):
                if other_rec == rec.id:
                    continue
                if words == other:  # a verbatim copy needs no difflib
                    ratio = 1.0
                elif _may_match(words, other, self.params.threshold):
                    ratio = difflib.SequenceMatcher(None, words, other, autojunk=False).ratio()
                else:
                    continue
                if ratio >= self.params.threshold:
                    msg = self.params.message.format(other=other_id, ratio=round(ratio * 100))
                    yield Hit(msg, "action", None, None, (), act, rec)
                    break
            for key in keys:
                buckets.setdefault(key, []).append((words, rec.id, act.id))

    @staticmethod
    def _candidates(
        buckets: dict[tuple[str, ...], list[tuple[tuple[str, ...], str, str]]],
        keys: list[tuple[str, ...]],
    ) -> list[tuple[tuple[str, ...], str, str]]:
        seen: set[str] = set()
        out = []
        for key in keys:
            # the latest few of a bucket: a plan of thousands of actions that all open
            # "The wing will ..." must not compare every pair
            for item in buckets.get(key, [])[-_BUCKET_REACH:]:
                if item[2] not in seen:
                    seen.add(item[2])
                    out.append(item)
        return out
