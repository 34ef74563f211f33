"""The built-in pack: metadata, every rule's own examples, and extra YAML cases per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine.core import Engine
from checker.engine.packs import Rule
from checker.engine.registry import load_rules
from checker.engine.selftest import (
    case_failure,
    expected_file_name,
    failures,
    findings,
    load_cases,
)
from checker.rulespec import Example

RULES = load_rules(Settings())
ENGINE = Engine(RULES, Settings())
CASES = Path(__file__).parent / "cases"


def _ids(rules: list[Rule]) -> list[str]:
    return [r.code for r in rules]


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.code[3] == r.criterion, r.code
        assert r.path.parent.name == r.criterion, f"{r.path} is not in the folder of its criterion"
        assert r.path.name.startswith(r.code[3:]), r.path


def test_every_criterion_of_smart_md_has_rules() -> None:
    assert {r.criterion for r in RULES} >= set("OTSMRAP")


def test_rules_say_why_and_what_instead() -> None:
    for r in RULES:
        assert len(r.spec.why.split()) >= 12, r.code
        assert r.spec.instead and r.spec.summary.endswith("."), r.code
        assert r.spec.examples.bad and r.spec.examples.good, r.code


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_examples_bad_fire_and_good_do_not(rule: Rule) -> None:
    assert failures(ENGINE, rule) == []


CASE_LIST = load_cases(CASES)
CASE_IDS = [f"{code}:{kind}:{i}" for i, (code, kind, _) in enumerate(CASE_LIST)]


@pytest.mark.parametrize(("code", "kind", "ex"), CASE_LIST, ids=CASE_IDS)
def test_yaml_cases(code: str, kind: str, ex: Example) -> None:
    rule = next(r for r in RULES if r.code == code)
    assert case_failure(ENGINE, rule, kind, ex) is None


def test_every_rule_file_is_named_after_its_rule() -> None:
    for r in RULES:
        assert r.path.name == expected_file_name(r), r.path


def test_every_rule_has_extra_cases() -> None:
    covered = {code for code, _, _ in CASE_LIST}
    missing = sorted(r.code for r in RULES if r.code not in covered)
    assert missing == []


def test_findings_carry_the_triggering_words_and_their_place() -> None:
    rule = next(r for r in RULES if r.name == "vague-commitment")
    (hit,) = findings(ENGINE, rule, Example(text="We will explore a new rota."))
    assert hit.words == ("explore",)
    (span,) = hit.spans
    assert span.end_column - span.column == len("explore")
