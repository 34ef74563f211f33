"""``consistency``: the action's text against its own target.

kind ``date-in-text``: a date written in the text that the target contradicts:
later than a dated target (it cannot be done by then), or earlier than the
plan's submission while the sentence speaks of it in the future ("will
commence at the end of October 25" in a plan sent in December), or (with
``message_early``) the text's only date, still to come, earlier than the target.
A season agrees with the months it spans ("Spring 2027" with April 2027).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from checker.checks.base import Check, Context, Hit, Options, Params
from checker.checks.matching import dates_in
from checker.dates.calendar import SEASONS, month_index


class ConsistencyParams(Params):
    kind: Literal["date-in-text"]
    future: list[str] = Field(
        default_factory=lambda: ["will", "shall", "to be", "going to", "is due to", "are due to"],
        description="phrases that put a sentence in the future",
    )
    message_late: str
    message_past: str
    message_early: str = Field(
        default="",
        description="when set: the text's only date falls after submission but before a "
        "dated target, so the two say different things about when it is done",
    )
    starts: list[str] = Field(
        default_factory=lambda: ["starting", "from", "beginning", "commencing", "effective"],
        description="words that make a date the step's own start ('starting 1 May 2026'): "
        "earlier than the target, it contradicts it even if already past",
    )


class ConsistencyCheck(Check):
    type_name = "consistency"
    placeholders = frozenset({"submitted", "target", "words"})
    params_model = ConsistencyParams
    params: ConsistencyParams

    def __init__(self, params: Params, options: Options | None = None) -> None:
        super().__init__(params, options)
        p = self.params
        self.future = re.compile(r"\b(" + "|".join(map(re.escape, p.future)) + r")\b", re.I)
        self.start = re.compile(
            r"\b(" + "|".join(map(re.escape, p.starts)) + r")\s+(on\s+)?$", re.I
        )

    def run(self, ctx: Context) -> Iterable[Hit]:
        act = ctx.action
        if act is None:
            return
        p = self.params
        due = month_index(act.due) if act.due and act.due_status in ("date", "month") else None
        sub = ctx.submitted.year * 12 + ctx.submitted.month - 1 if ctx.submitted else None
        future, start = self.future, self.start
        mentions = dates_in(act.text)
        for mention in mentions:
            lo, hi = _months(mention.text, mention.value)
            if lo is None or hi is None:
                continue
            if due is not None and lo > due:
                message = p.message_late.format(words=mention.text, target=act.target)
            elif (
                due is not None
                and sub is not None
                and hi < sub
                and future.search(_sentence(act.text, mention.start))
            ):
                message = p.message_past.format(words=mention.text, submitted=ctx.submitted)
            elif (
                p.message_early
                and due is not None
                and len(mentions) == 1
                and hi < due
                and (sub is None or lo >= sub or start.search(act.text[: mention.start]))
            ):
                message = p.message_early.format(words=mention.text, target=act.target)
            else:
                continue
            yield Hit(message, "action", mention.start, mention.end, (mention.text,))


def _months(text: str, value: str) -> tuple[int | None, int | None]:
    idx = month_index(value)
    if idx is None:
        return None, None
    season = re.search(r"\b(spring|summer|autumn|fall|winter)\b", text, re.I)
    if season:
        # the grammar reads a season as its last month (winter 2027 -> February 2028)
        first, last = SEASONS[season.group(1).lower()]
        return idx - (last - first), idx
    return idx, idx


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), -1) + 1
    end = text.find(". ", pos)
    return text[start : end if end >= 0 else len(text)]
