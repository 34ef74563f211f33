"""``plancheck diff OLD NEW``: what changed between two drafts of a plan.

Recommendations are matched by their number as printed (else by position);
actions within a pair of recommendations by text similarity (difflib ratio, best
pair first, at least MATCH_AT). For each recommendation: findings fixed (on a
matched action, a rule that fired before and no longer does), findings new,
criteria now passing or now failing, actions added and removed, and the score
change. The exit status can gate a review: 1 when NEW has a finding OLD did not.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from checker.models import CRITERIA, ActionReport, FileReport, RecommendationReport
from checker.paths import SCHEMA_VERSION

MATCH_AT = 0.6


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ActionChange(_Model):
    old: str | None = Field(description="the action's id in OLD (null: added)")
    new: str | None = Field(description="the action's id in NEW (null: removed)")
    text: str
    similarity: float | None = None
    fixed: tuple[str, ...] = Field(default=(), description="rule codes that no longer fire")
    introduced: tuple[str, ...] = Field(default=(), description="rule codes that now fire")
    now_passing: tuple[str, ...] = ()
    now_failing: tuple[str, ...] = ()
    score_old: float | None = None
    score_new: float | None = None


class RecommendationChange(_Model):
    ref: str | None
    old: str | None = None
    new: str | None = None
    score_old: float | None = None
    score_new: float | None = None
    actions: tuple[ActionChange, ...] = ()


class DiffReport(_Model):
    """What ``plancheck diff --format json`` writes."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "plancheck"
    old: str
    new: str
    score_old: float | None = None
    score_new: float | None = None
    fixed: int = Field(default=0, description="findings fixed on matched actions")
    introduced: int = Field(default=0, description="findings NEW has that OLD did not")
    added: int = 0
    removed: int = 0
    recommendations: tuple[RecommendationChange, ...] = ()

    @property
    def worse(self) -> bool:
        return self.introduced > 0


def _codes(act: ActionReport) -> set[str]:
    return {f.code for f in act.findings}


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(
        None, " ".join(a.lower().split()), " ".join(b.lower().split())
    ).ratio()


def _pair(
    old: Sequence[ActionReport], new: Sequence[ActionReport]
) -> list[tuple[int | None, int | None, float | None]]:
    scored = sorted(
        ((_similarity(a.text, b.text), i, j) for i, a in enumerate(old) for j, b in enumerate(new)),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[int | None, int | None, float | None]] = []
    for ratio, i, j in scored:
        if ratio < MATCH_AT:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((i, j, ratio))
    pairs += [(i, None, None) for i in range(len(old)) if i not in used_old]
    pairs += [(None, j, None) for j in range(len(new)) if j not in used_new]
    return sorted(pairs, key=lambda p: (p[1] if p[1] is not None else 10**6, p[0] or 0))


def _action_change(
    a: ActionReport | None, b: ActionReport | None, ratio: float | None
) -> ActionChange:
    before = _codes(a) if a else set()
    after = _codes(b) if b else set()
    return ActionChange(
        old=a.id if a else None,
        new=b.id if b else None,
        text=(b or a).text,  # type: ignore[union-attr]
        similarity=round(ratio, 3) if ratio is not None else None,
        fixed=tuple(sorted(before - after)) if a and b else (),
        introduced=tuple(sorted(after - before)) if b else (),
        now_passing=tuple(
            c
            for c in CRITERIA
            if a and b and a.criteria.get(c) != "pass" and b.criteria.get(c) == "pass"
        ),
        now_failing=tuple(
            c
            for c in CRITERIA
            if b and b.criteria.get(c) == "fail" and (not a or a.criteria.get(c) != "fail")
        ),
        score_old=a.score if a else None,
        score_new=b.score if b else None,
    )


def _recs(
    old: FileReport, new: FileReport
) -> list[tuple[RecommendationReport | None, RecommendationReport | None]]:
    by_ref = {r.ref: r for r in old.recommendations if r.ref}
    used: set[str] = set()
    out: list[tuple[RecommendationReport | None, RecommendationReport | None]] = []
    for k, rec in enumerate(new.recommendations):
        match = by_ref.get(rec.ref) if rec.ref else None
        if match is None and not rec.ref and k < len(old.recommendations):
            match = old.recommendations[k]
        if match is not None and match.id not in used:
            used.add(match.id)
            out.append((match, rec))
        else:
            out.append((None, rec))
    out += [(r, None) for r in old.recommendations if r.id not in used]
    return out


def compare(old: FileReport, new: FileReport) -> DiffReport:
    recs = []
    totals = {"fixed": 0, "introduced": 0, "added": 0, "removed": 0}
    for a, b in _recs(old, new):
        old_acts = a.actions if a else ()
        new_acts = b.actions if b else ()
        changes = []
        for i, j, ratio in _pair(old_acts, new_acts):
            change = _action_change(
                old_acts[i] if i is not None else None,
                new_acts[j] if j is not None else None,
                ratio,
            )
            totals["fixed"] += len(change.fixed)
            totals["introduced"] += len(change.introduced)
            totals["added"] += change.old is None
            totals["removed"] += change.new is None
            if (
                change.fixed
                or change.introduced
                or change.old is None
                or change.new is None
                or change.now_passing
                or change.now_failing
            ):
                changes.append(change)
        recs.append(
            RecommendationChange(
                ref=(b or a).ref,  # type: ignore[union-attr]
                old=a.id if a else None,
                new=b.id if b else None,
                score_old=a.score if a else None,
                score_new=b.score if b else None,
                actions=tuple(changes),
            )
        )
    return DiffReport(
        old=old.source, new=new.source, score_old=old.score, score_new=new.score,
        recommendations=tuple(recs), **totals,
    )  # fmt: skip


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def render_text(diff: DiffReport) -> str:
    from checker.formatters import shown

    scores = f"score {_score(diff.score_old)} -> {_score(diff.score_new)}"
    counts = (
        f"{diff.fixed} finding(s) fixed, {diff.introduced} new, "
        f"{diff.added} action(s) added, {diff.removed} removed"
    )
    out = [f"{shown(diff.old)} -> {shown(diff.new)}: {scores}; {counts}"]
    for rec in diff.recommendations:
        if not rec.actions and rec.score_old == rec.score_new and rec.old and rec.new:
            continue
        label = f"ref {rec.ref}" if rec.ref else (rec.new or rec.old)
        state = "new recommendation" if rec.old is None else "removed" if rec.new is None else ""
        out.append(
            f"  {label}: score {_score(rec.score_old)} -> {_score(rec.score_new)} {state}".rstrip()
        )
        for ch in rec.actions:
            text = shown(" ".join(ch.text.split()))[:80]
            if ch.old is None:
                out.append(
                    f"    + {ch.new} added: {text}"
                    + (f" [{', '.join(ch.introduced)}]" if ch.introduced else "")
                )
                continue
            if ch.new is None:
                out.append(f"    - {ch.old} removed: {text}")
                continue
            parts = []
            if ch.fixed:
                parts.append("fixed " + ", ".join(ch.fixed))
            if ch.introduced:
                parts.append("new " + ", ".join(ch.introduced))
            if ch.now_passing:
                parts.append("now passing " + " ".join(ch.now_passing))
            if ch.now_failing:
                parts.append("now failing " + " ".join(ch.now_failing))
            out.append(f"    ~ {ch.old} -> {ch.new}: {'; '.join(parts)} ({text})")
    return "\n".join(out) + "\n"
