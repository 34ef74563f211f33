"""``structure``: checks on the plan as a whole.

kinds:
* ``no-table``: nothing was read as a recommendation;
* ``header``: a header fact (``fact``) is missing;
* ``unplaced``: text of the table the parser could not place (``unplaced_kinds``);
* ``empty-recommendation``: a recommendation with no action, unless not agreed;
* ``category``: a response category outside the closed list;
* ``category-reason``: a category in ``categories`` with none of ``reasons`` in its text;
* ``delegation``: every action owned by one and the same owner;
* ``parser-note``: an action the parser read with one of ``notes`` (a join it is
  unsure of, say), so the choice is shown rather than made silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import Field

from checker.checks.base import Check, Context, Hit, Kinds, Params
from checker.checks.user_regex import Pattern, user_pattern
from checker.models import UnplacedKind


class NoTable(Params):
    kind: Literal["no-table"]
    because: dict[str, str] = Field(
        default_factory=dict,
        description="words for {reason}, by the plan's parser note (parse/__init__.py)",
    )
    message: str


class MissingHeaderFact(Params):
    kind: Literal["header"]
    fact: Literal["establishment", "submitted", "inspection", "published"]
    message: str


class Unplaced(Params):
    kind: Literal["unplaced"]
    unplaced_kinds: list[UnplacedKind] = Field(default_factory=list)
    message: str


class EmptyRecommendation(Params):
    kind: Literal["empty-recommendation"]
    categories: list[Pattern] = Field(
        default_factory=list,
        description="regular expressions, whole text: categories that need no action",
    )
    message: str


class UnknownCategory(Params):
    kind: Literal["category"]
    categories: list[Pattern] = Field(
        default_factory=list, description="regular expressions, whole text: the closed list"
    )
    message: str


class CategoryWithoutReason(Params):
    kind: Literal["category-reason"]
    categories: list[Pattern] = Field(
        default_factory=list, description="regular expressions, whole text"
    )
    reasons: list[Pattern] = Field(default_factory=list, description="regular expressions")
    message: str


class Delegation(Params):
    kind: Literal["delegation"]
    min_actions: int = 3
    message: str


class ParserNote(Params):
    kind: Literal["parser-note"]
    notes: list[str] = Field(default_factory=list, description="parser notes (parse/actions.py)")
    message: str


class UnusedSuppression(Params):
    kind: Literal["unused-suppression"]
    message: str


StructureKind = (
    NoTable
    | MissingHeaderFact
    | Unplaced
    | EmptyRecommendation
    | UnknownCategory
    | CategoryWithoutReason
    | Delegation
    | ParserNote
    | UnusedSuppression
)


class StructureParams(Kinds):
    root: Annotated[StructureKind, Field(discriminator="kind")]


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split()).strip(" .")


def _matches(categories: list[Pattern], text: str) -> bool:
    return any(user_pattern(c).fullmatch(_norm(text)) for c in categories)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


class StructureCheck(Check):
    type_name = "structure"
    placeholders = frozenset({"count", "fact", "kind", "reason", "ref", "words"})
    scope = "plan"
    params_model = StructureParams
    params: StructureKind

    def run(self, ctx: Context) -> Iterable[Hit]:
        p = self.params
        plan = ctx.plan
        if p.kind == "unused-suppression":
            for label in ctx.unused_suppressions:
                yield Hit(p.message.format(words=label), words=(label,))
        elif p.kind == "no-table":
            if not plan.recommendations:
                reason = next((p.because[n] for n in plan.notes if n in p.because), "")
                yield Hit(p.message.format(reason=reason))
        elif p.kind == "header":
            if getattr(plan.header, p.fact) is None and plan.recommendations:
                yield Hit(p.message.format(fact=p.fact))
        elif p.kind == "unplaced":
            for item in plan.unplaced:
                if not p.unplaced_kinds or item.kind in p.unplaced_kinds:
                    text = _short(item.text)
                    msg = p.message.format(kind=item.kind, reason=item.reason, words=text)
                    yield Hit(msg, words=(text,), extra_spans=item.spans)
        elif p.kind == "delegation":
            yield from _delegation(ctx, p)
        elif p.kind == "parser-note":
            for rec, act in plan.actions():
                if set(act.notes) & set(p.notes):
                    text = _short(act.text)
                    yield Hit(
                        p.message.format(words=text, ref=rec.ref or rec.id),
                        words=(text,),
                        action=act,
                        recommendation=rec,
                        extra_spans=act.spans,
                    )
        else:
            yield from _recommendations(ctx, p)


def _recommendations(
    ctx: Context, p: EmptyRecommendation | UnknownCategory | CategoryWithoutReason
) -> Iterable[Hit]:
    for rec in ctx.plan.recommendations:
        label = rec.ref or rec.id
        if p.kind == "empty-recommendation":
            if not rec.actions and not (rec.category and _matches(p.categories, rec.category)):
                yield Hit(
                    p.message.format(ref=label),
                    recommendation=rec,
                    extra_spans=rec.ref_spans or rec.concern_spans,
                )
        elif not rec.category:
            continue
        elif p.kind == "category" and not _matches(p.categories, rec.category):
            yield Hit(
                p.message.format(ref=label, words=rec.category),
                words=(rec.category,),
                recommendation=rec,
                extra_spans=rec.category_spans,
            )
        elif p.kind == "category-reason" and _matches(p.categories, rec.category):
            text = " ".join(
                [
                    rec.category,
                    rec.rationale,
                    *(a.text for a in rec.actions),
                    *(lead.text for lead in rec.leadins),
                ]
            )
            if not any(user_pattern(r).search(text) for r in p.reasons):
                yield Hit(
                    p.message.format(ref=label, words=rec.category),
                    words=(rec.category,),
                    recommendation=rec,
                    extra_spans=rec.category_spans,
                )


def _delegation(ctx: Context, p: Delegation) -> Iterable[Hit]:
    owners = {(a.owner or "").strip().lower() for _r, a in ctx.plan.actions()}
    count = len(ctx.plan.actions())
    if count >= p.min_actions and len(owners) == 1 and "" not in owners:
        owner = ctx.plan.actions()[0][1].owner or ""
        yield Hit(p.message.format(words=owner, count=count), words=(owner,))
