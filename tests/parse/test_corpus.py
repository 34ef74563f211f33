"""The real plans in ../shared/corpus against their hand-made gold files."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from checker.parse import parse_text
from checker.schemas import PlanDocument
from tests.parse.accounting import unaccounted


def _evaluate(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("evaluate", shared / "eval" / "evaluate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _plans(shared: Path) -> list[tuple[Path, dict]]:
    out = []
    for gold_path in sorted((shared / "corpus").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append((gold_path.with_name(gold["file"]), gold))
    assert out, "no gold files in the corpus"
    return out


def test_every_corpus_plan_meets_the_structure_bar(shared: Path) -> None:
    evaluate = _evaluate(shared)
    for plan_path, gold in _plans(shared):
        text = plan_path.read_text(encoding="utf-8")
        plan = parse_text(text, str(plan_path))
        report = PlanDocument(files=(plan,)).model_dump(mode="json")
        tally = evaluate.score_plan(gold, report)
        m = tally.metrics()
        name = plan_path.name
        assert m["recommendations"]["reported"] == m["recommendations"]["gold"], name
        assert m["actions"]["recall"] >= 0.95, (name, tally.misses)
        assert m["actions"]["precision"] >= 0.95, name
        assert m["owner_accuracy"] >= 0.95, name
        assert m["due_accuracy"] >= 0.95, name


def test_corpus_header_facts_and_refs(shared: Path) -> None:
    for plan_path, gold in _plans(shared):
        plan = parse_text(plan_path.read_text(encoding="utf-8"), str(plan_path))
        assert plan.header.submitted is not None
        assert plan.header.submitted.value == gold["submitted"]
        assert plan.header.establishment is not None
        assert plan.header.establishment.value.lower() == gold["establishment"].lower()
        assert [r.ref for r in plan.recommendations] == [g["ref"] for g in gold["recommendations"]]
        assert [r.section for r in plan.recommendations] == [
            g["section"] for g in gold["recommendations"]
        ]


def test_corpus_plans_account_for_every_character(shared: Path) -> None:
    for plan_path, _gold in _plans(shared):
        text = plan_path.read_text(encoding="utf-8")
        assert unaccounted(text, parse_text(text, str(plan_path))) == []


def test_repeated_export_block_is_reported_not_read(shared: Path) -> None:
    plans = [p for p, _g in _plans(shared)]
    kinds = set()
    for plan_path in plans:
        plan = parse_text(plan_path.read_text(encoding="utf-8"), str(plan_path))
        kinds |= {u.kind for u in plan.unplaced}
        for u in plan.unplaced:
            assert u.spans and u.reason
    if not kinds:
        pytest.skip("no export noise in this corpus")
    assert "repeated-text" in kinds
