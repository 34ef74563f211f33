"""``duplicate``: the same action text under two recommendations, not said so.

Texts are compared after folding case, punctuation and step numbers; a ratio
of ``threshold`` or more (difflib) counts as the same. The later action is
reported, naming the earlier.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from pydantic import Field

from checker.checks.base import Check, Context, Hit, Params


class DuplicateParams(Params):
    threshold: float = Field(default=0.9, gt=0, le=1)
    min_words: int = Field(default=8)
    message: str


def _norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%£]+", text.lower()))


class DuplicateCheck(Check):
    type_name = "duplicate"
    scope = "plan"
    params_model = DuplicateParams
    params: DuplicateParams

    def run(self, ctx: Context) -> Iterable[Hit]:
        seen: list[tuple[str, str, str]] = []  # (normalised text, rec id, action id)
        for rec, act in ctx.plan.actions():
            text = _norm(act.text)
            if len(text.split()) < self.params.min_words:
                continue
            for other, other_rec, other_id in seen:
                if other_rec == rec.id:
                    continue
                ratio = difflib.SequenceMatcher(None, text, other, autojunk=False).ratio()
                if ratio >= self.params.threshold:
                    msg = self.params.message.format(other=other_id, ratio=round(ratio * 100))
                    yield Hit(msg, "action", None, None, (), act, rec)
                    break
            seen.append((text, rec.id, act.id))
