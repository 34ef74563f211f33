"""The shape of a rule file: one YAML file per rule, validated before use.

``schemas/rulepack.schema.json`` is generated from ``RuleSpec`` (``python -m
checker.docs.schemas``); each check type validates its own ``check:`` keys with a
strict model of its own, so a typo anywhere is an error naming file and key.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from checker.models import Criterion, Severity

_NAME = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


class Example(BaseModel):
    """A case a rule's docs show and the tests run: bad must fire, good must not."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    text: str | None = Field(default=None, description="the action's text")
    owner: str | None = Field(default="Head of Residence", description="the owner cell")
    target: str | None = Field(default="March 2026", description="the target-date cell")
    concern: str | None = Field(default=None, description="the concern the action answers")
    submitted: str | None = Field(default="2025-12-01", description="the plan's submission date")
    plan: str | None = Field(default=None, description="a whole plan as text, for plan rules")
    comment: str | None = Field(
        default=None, description="a Word comment anchored on the action's row"
    )


class Examples(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    bad: tuple[str | Example, ...] = Field(min_length=1)
    good: tuple[str | Example, ...] = Field(min_length=1)


class RuleSpec(BaseModel):
    """One rule."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    code: str = Field(pattern=r"^[A-Z]{2,5}-[OTSMRAP]\d{3}$", description="stable forever")
    name: str = Field(pattern=_NAME, description="names the problem")
    aliases: tuple[Annotated[str, StringConstraints(pattern=_NAME)], ...] = Field(
        default=(),
        description="names the rule had before it was renamed; selectors still accept them",
    )
    criterion: Criterion
    severity: Severity
    weight: float = Field(default=1.0, ge=0, le=10)
    summary: str = Field(min_length=10, description="what it finds, one sentence")
    why: str = Field(min_length=20, description="why it matters")
    instead: str = Field(min_length=10, description="what to write instead")
    check: dict[str, Any] = Field(description="the check type ('type') and its settings")
    needs: tuple[Literal["pos"], ...] = Field(
        default=(),
        description="annotations the rule needs beyond tokens and lemmas; 'pos' needs a trained "
        "pipeline (setting 'pipeline'), and without one the rule is skipped with a notice",
    )
    examples: Examples
    url: str = Field(
        default="",
        pattern=r"^(https?://\S+)?$",
        description="a page documenting the rule (SARIF's helpUri); plancheck's own rules "
        "link to docs/rules/CODE.md in its repository",
    )


def example(value: str | Example) -> Example:
    return value if isinstance(value, Example) else Example(text=value)
