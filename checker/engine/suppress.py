"""Suppressions with reasons: from the config's [[suppress]] tables and from Word comments.

A Word comment anchored in an action's row that reads
``plancheck: ignore PC-T003 — national timetable set by the ministry`` suppresses
those codes for the actions of that row (Word users write comments, not config).
A config entry names codes (any selector) and, optionally, a recommendation by its
number, an action by the start of its text, and file globs; its reason is
required. Suppressed findings leave the verdicts and the score and are listed in
the report with their reasons; a suppression that matches nothing is reported by
PC-P010, as ruff reports an unused ``noqa``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from checker.engine.selection import named
from checker.models import Action, Plan, Recommendation
from checker.wording import comparable

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.engine.packs import Rule

# "plancheck: ignore PC-T003, PC-S001 — reason" (an em or en dash, a spaced hyphen or a colon)
_COMMENT = re.compile(
    r"plancheck\s*:\s*ignore\s+(?P<codes>[\w-]+(?:\s*,\s*[\w-]+)*)"
    r"(?:\s+-\s+|\s*[—–:]\s*)(?P<reason>\S.*)",
    re.IGNORECASE,
)


@dataclass
class Active:
    codes: tuple[str, ...]
    reason: str
    by: str  # "config" | "comment"
    label: str
    recommendation: str | None = None
    action: str | None = None
    where: str | None = None
    used: bool = False

    def covers(self, rule: Rule, rec: Recommendation, act: Action) -> bool:
        if not named(rule, self.codes):
            return False
        if self.recommendation is not None and self.recommendation.strip().rstrip(".") != (
            rec.ref or rec.id
        ):
            return False
        if self.action is not None and not comparable(act.text).startswith(comparable(self.action)):
            return False
        if self.where is not None:
            places = {s.where for s in (*act.spans, *act.owner_spans, *act.target_spans)}
            return self.where in places
        return True


def for_plan(plan: Plan, settings: Settings) -> list[Active]:
    """The suppressions in force for this plan."""
    out: list[Active] = []
    name = Path(plan.source).name
    for n, s in enumerate(settings.suppress, start=1):
        if s.files and not any(fnmatch(plan.source, g) or fnmatch(name, g) for g in s.files):
            continue
        parts = [", ".join(s.codes)]
        if s.recommendation:
            parts.append(f"recommendation {s.recommendation}")
        if s.action:
            parts.append(f"action '{s.action}'")
        out.append(
            Active(
                codes=s.codes,
                reason=s.reason,
                by="config",
                label=f"[[suppress]] #{n} ({'; '.join(parts)})",
                recommendation=s.recommendation,
                action=s.action,
            )
        )
    for c in plan.comments:
        m = _COMMENT.search(c.text)
        if m is None:
            continue
        codes = tuple(x.strip() for x in m.group("codes").split(",") if x.strip())
        out.append(
            Active(
                codes=codes,
                reason=m.group("reason").strip(),
                by="comment",
                label=f"the Word comment at {c.where} ({', '.join(codes)})",
                where=c.where,
            )
        )
    return out
