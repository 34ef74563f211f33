"""``owner``: the shape of an action's owner cell.

kinds:
* ``missing``: no owner at all, neither printed nor inherited;
* ``collective``: a body with no single accountable role ("Senior Leadership
  Team", "all staff", the establishment itself);
* ``shared``: several owners and no lead ("Governor/ Head of Healthcare");
* ``inherited``: the owner came from a lead-in row or a merged cell (reported on the
  first action of each such group, with how many share it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field

from checker.checks.base import Check, Context, ExtendOptions, Hit, Kinds, Params
from checker.checks.user_regex import Pattern, user_pattern

# what joins several owners in one cell
SEPARATORS = ("/", ";", " and ", " & ", ",", " with ")


class MissingOwner(Params):
    kind: Literal["missing"]
    message: str


class CollectiveOwner(Params):
    kind: Literal["collective"]
    collective: list[Pattern] = Field(
        default_factory=list, description="regular expressions for collective owners (whole cell)"
    )
    separators: list[str] = Field(
        default_factory=lambda: list(SEPARATORS), description="what joins several owners"
    )
    message: str


class SharedOwner(Params):
    kind: Literal["shared"]
    separators: list[str] = Field(
        default_factory=lambda: list(SEPARATORS), description="what joins several owners"
    )
    roles: list[str] = Field(
        default_factory=list,
        description="words (lower case) that make a part an owner of its own ('head', 'team'); "
        "a part with none is part of its neighbour's title: 'Head of Learning and Skills' is "
        "one owner. Empty: every part is an owner",
    )
    message: str


class InheritedOwner(Params):
    kind: Literal["inherited"]
    message: str


OwnerKind = MissingOwner | CollectiveOwner | SharedOwner | InheritedOwner


class OwnerParams(Kinds):
    root: Annotated[OwnerKind, Field(discriminator="kind")]


class OwnerCheck(Check):
    type_name = "owner"
    placeholders = frozenset({"count", "words"})
    params_model = OwnerParams
    params: OwnerKind
    options_model = ExtendOptions
    options: ExtendOptions

    def run(self, ctx: Context) -> Iterable[Hit]:
        act = ctx.action
        if act is None:
            return
        p = self.params
        owner = (act.owner or "").strip()
        if p.kind == "missing":
            if not owner:
                yield Hit(
                    p.message, "action"
                )  # the whole action: there is no owner cell to point at
        elif not owner:
            return
        elif p.kind == "collective":
            hit = self._collective(ctx, owner, p)
            if hit:
                yield Hit(p.message.format(words=hit), "owner", None, None, (hit,))
        elif p.kind == "shared":
            parts = _titles(_parts(owner, p.separators), p.roles)
            if len(parts) > 1:
                yield Hit(
                    p.message.format(words=owner, count=len(parts)), "owner", None, None, (owner,)
                )
        elif p.kind == "inherited" and act.owner_source in ("lead-in", "group"):
            count = self._first_of_group(ctx)
            if count:
                yield Hit(p.message.format(words=owner, count=count), "owner", None, None, (owner,))

    @staticmethod
    def _first_of_group(ctx: Context) -> int:
        """How many actions of the recommendation inherit this owner, when this action is the
        first of them (said once per lead-in group, not on every step); else 0."""
        act, rec = ctx.action, ctx.rec
        if act is None or rec is None:
            return 1
        same = [
            a.id
            for a in rec.actions
            if a.owner_source in ("lead-in", "group") and a.owner == act.owner
        ]
        return len(same) if same and same[0] == act.id else 0

    def _collective(self, ctx: Context, owner: str, p: CollectiveOwner) -> str | None:
        extra = self.options.extend  # [rules.CODE] extend = [...]: more collective owners
        patterns = [*p.collective, *(re.escape(e) for e in extra)]
        establishment = ctx.plan.header.establishment
        if establishment and establishment.value:
            patterns.append(re.escape(establishment.value))
        return _collective_part(owner, tuple(patterns), tuple(p.separators))


@lru_cache(maxsize=4096)
def _collective_part(
    owner: str, patterns: tuple[str, ...], separators: tuple[str, ...]
) -> str | None:
    """The part of the owner cell that is a collective owner (a plan names the same few
    owners on many actions: each is read once)."""
    for part in _parts(owner, list(separators)) or [owner]:
        for pat in patterns:
            if user_pattern(pat).fullmatch(part.strip(" .")):
                return part.strip()
    return None


def _parts(owner: str, separators: list[str]) -> list[str]:
    text = re.sub(r"\([^)]*\)?", "", owner)  # "(National)" qualifies, it does not add an owner
    pieces = [text]
    for sep in separators:
        pieces = [q for piece in pieces for q in piece.split(sep)]
    return [q.strip() for q in pieces if len(q.strip()) > 1]


def _titles(parts: list[str], roles: list[str]) -> list[str]:
    """The parts that are owners of their own: one naming no role word belongs to the
    title beside it ("Safety and Equalities Manager", "Head of Learning and Skills")."""
    if not roles or len(parts) < 2:
        return parts
    wanted = {r.lower() for r in roles}
    owners = [p for p in parts if wanted & set(re.findall(r"[a-z]+", p.lower()))]
    return owners if len(owners) > 1 else owners[:1] or parts[:1]
