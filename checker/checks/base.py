"""What every check type is: a small class that rules are written in.

A check type has a strict ``params_model`` (the keys a rule's ``check:`` may
use; for a type with several ``kind``s, one model per kind joined in a ``Kinds``
union, so a key is accepted only for the kind that reads it), says which texts
it needs annotated by spaCy, and yields ``Hit``s: the field, the character range
of the words that triggered it, and a message.
Rules never contain code; a new kind of test is a new check type.
"""

from __future__ import annotations

import re
import string
from abc import ABC
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from checker.models import Action, Plan, Recommendation

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Field_ = Literal["action", "owner", "target", "concern"]
Scope = Literal["action", "plan"]


class Params(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    type: str


class Kinds(RootModel[Any]):
    """Base of the ``params_model`` of a check type with kinds: subclass it as
    ``RootModel[Annotated[KindA | KindB, Field(discriminator="kind")]]``; the check then
    holds the one kind's model as its ``params``."""

    model_config = ConfigDict(frozen=True, defer_build=True)


class Options(BaseModel):
    """What a user may set for one rule in the config (``[rules.CODE]``): none by default;
    a check type that takes options declares them in its own ``options_model``."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ExtendOptions(Options):
    extend: tuple[str, ...] = Field(
        default=(), description="more words for the rule, read as its own are"
    )


@dataclass(frozen=True)
class Hit:
    """One place a check fired. ``start``/``end`` index the field's text; None = the whole field."""

    message: str
    field: Field_ = "action"
    start: int | None = None
    end: int | None = None
    words: tuple[str, ...] = ()
    action: Action | None = None  # plan-scope checks name the action they mean, if any
    recommendation: Recommendation | None = None
    extra_spans: tuple[Any, ...] = ()


@dataclass
class Context:
    """What a check sees of the plan, with the annotated texts."""

    plan: Plan
    submitted: date | None
    settings: Any
    docs: Callable[[str], Doc]
    rec: Recommendation | None = None
    action: Action | None = None
    nlp: Language | None = None  # the pipeline, for checks that match tokens
    memo: dict[str, Any] = field(default_factory=dict)
    # suppressions (config or Word comment) that matched no finding of the plan's actions
    unused_suppressions: list[str] = field(default_factory=list)

    def text(self, name: Field_) -> str:
        if name == "concern":
            return self.rec.concern if self.rec else ""
        act = self.action
        if act is None:
            return ""
        value = {"action": act.text, "owner": act.owner, "target": act.target}[name]
        return value or ""

    @property
    def pipeline(self) -> Language:
        """The spaCy pipeline; there is one whenever a rule in force reads a text."""
        if self.nlp is None:
            raise RuntimeError("no spaCy pipeline: the check declares no fields() it reads")
        return self.nlp

    def doc(self, name: Field_) -> Doc:
        return self.docs(self.text(name))


def check_placeholders(params: Params, allowed: frozenset[str]) -> None:
    """Every message template names only placeholders the check fills (else ValueError).

    Found when the rule loads, a '{typo}' is a pack error naming the key, instead of
    an internal-error finding on every action of every run."""
    for name, value in params:
        if not isinstance(value, str) or not (name == "message" or "message_" in name):
            continue
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(value) if f is not None]
        except ValueError as exc:  # a lone '{' or '}'
            raise ValueError(f"{name}: {exc} (write '{{{{' or '}}}}' for a brace)") from None
        for used in fields:
            root = re.split(r"[.\[]", used, maxsplit=1)[0]
            if root not in allowed:
                known = ", ".join("{" + a + "}" for a in sorted(allowed)) or "none"
                raise ValueError(
                    f"{name}: unknown placeholder {{{used}}} (this check fills {known})"
                )


class Check(ABC):
    """Base of the check types."""

    type_name: ClassVar[str]
    scope: ClassVar[Scope] = "action"
    params_model: ClassVar[type[Params] | type[Kinds]]
    options_model: ClassVar[type[Options]] = Options
    # the {names} this check fills in its messages; any other is a pack error at load
    placeholders: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, params: Params | Kinds, options: Options | None = None) -> None:
        self.params: Any = params.root if isinstance(params, Kinds) else params
        self.options = options if options is not None else self.options_model()
        check_placeholders(self.params, self.placeholders)

    def fields(self) -> frozenset[Field_]:
        """Texts this check reads through spaCy (annotated once per run)."""
        return frozenset()

    def vocabulary(self) -> frozenset[str]:
        """Lemmas this check compares against (kept in the cut-down lemma table)."""
        return frozenset()

    def run(self, ctx: Context) -> Iterable[Hit]:
        """Hits for one action (scope 'action') or for the plan (scope 'plan')."""
        return ()
