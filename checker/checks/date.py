"""``date``: what an action's target date says.

kinds:
* ``status``: the target's normalised status is one of ``statuses``
  (missing, open-ended, relative, truncated, no-year, unrecognised);
* ``before-submission``: a dated target earlier than the plan's submission
  month on an action not marked complete;
* ``beyond-horizon``: a dated target more than ``horizon_months`` (settings)
  after submission: HMIP follows up 8-12 months after the inspection.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import Field

from checker.checks.base import Check, Context, Field_, Hit, Kinds, Params
from checker.dates.calendar import month_index
from checker.models import DueStatus


class DueStatusIs(Params):
    kind: Literal["status"]
    statuses: list[DueStatus] = Field(default_factory=list)
    message: str


class BeforeSubmission(Params):
    kind: Literal["before-submission"]
    message: str


class BeyondHorizon(Params):
    kind: Literal["beyond-horizon"]
    message: str


DateKind = DueStatusIs | BeforeSubmission | BeyondHorizon


class DateParams(Kinds):
    root: Annotated[DateKind, Field(discriminator="kind")]


class DateCheck(Check):
    type_name = "date"
    placeholders = frozenset({"horizon", "months", "status", "submitted", "words"})
    params_model = DateParams
    params: DateKind

    def run(self, ctx: Context) -> Iterable[Hit]:
        act = ctx.action
        if act is None:
            return
        p = self.params
        target = act.target or ""
        words = (target,) if target else ()
        where: Field_ = "target" if target else "action"
        if p.kind == "status":
            if act.due_status in p.statuses:
                yield Hit(
                    p.message.format(words=target, status=act.due_status), where, None, None, words
                )
            return
        if act.due_status not in ("date", "month") or act.due is None or ctx.submitted is None:
            return
        due = month_index(act.due)
        sub = ctx.submitted.year * 12 + ctx.submitted.month - 1
        if due is None:
            return
        if p.kind == "before-submission" and due < sub:
            yield Hit(
                p.message.format(words=target, submitted=ctx.submitted.isoformat()),
                where,
                None,
                None,
                words,
            )
        horizon = int(getattr(ctx.settings, "horizon_months", 24))
        if p.kind == "beyond-horizon" and due > sub + horizon:
            yield Hit(
                p.message.format(words=target, months=due - sub, horizon=horizon),
                where,
                None,
                None,
                words,
            )
