"""A check type tested on its own: a rule made of nothing but a ``check:`` mapping,
run by the real engine on an invented action or plan."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from checker.config import Settings
from checker.engine.core import Engine
from checker.engine.packs import Rule, build_check
from checker.engine.registry import check_types
from checker.engine.selftest import findings
from checker.models import Finding
from checker.rulespec import Example, RuleSpec

HEAD = "Rec No\tConcern\tAction\tOwner\tTarget date\n"


def make_rule(check: dict[str, Any], options: dict[str, Any] | None = None) -> Rule:
    spec = RuleSpec.model_validate(
        {
            "code": "ZZ-S901",
            "name": "under-test",
            "criterion": "S",
            "severity": "error",
            "summary": "The check type under test fires.",
            "why": "A check type is tested here on its own, with invented actions and plans.",
            "instead": "Nothing: this rule exists only in the tests.",
            "check": check,
            "examples": {"bad": ["x"], "good": ["y"]},
        }
    )
    given = ("under-test", options) if options is not None else None
    built = build_check(spec, Path("S901-under-test.yaml"), check_types(), given)
    return Rule(
        spec=spec, check=built, path=Path("S901-under-test.yaml"), severity="error", weight=1
    )


@cache
def _engine(key: str) -> tuple[Engine, Rule]:
    check, options, horizon = json.loads(key)
    rule = make_rule(check, options)
    return Engine([rule], Settings(horizon_months=horizon)), rule


def hits(
    check: dict[str, Any],
    options: dict[str, Any] | None = None,
    horizon: int = 24,
    **example: Any,
) -> list[Finding]:
    """What a rule holding only ``check`` finds in the example (an action's text, owner,
    target, concern, submission date, or a whole plan)."""
    engine, rule = _engine(json.dumps([check, options, horizon], sort_keys=True))
    return [f for f in findings(engine, rule, Example(**example)) if f.code == rule.code]
