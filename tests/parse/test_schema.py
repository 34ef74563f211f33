"""What ``plancheck parse --format json`` writes validates against schemas/plan.schema.json,
and reads back through the JSON reader to the same Plan."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import Draft202012Validator

from checker.docs.schemas import PlanDocument
from checker.parse import parse_text
from checker.paths import load_schema as load
from checker.readers.load import read_source

TEXT = (
    "Action Plan: HMP Northfell\nAction Plan Submitted: 2nd March 2026\n\n"
    "1. Rec No\t2. Concerns\t3. Response Action Taken/Planned\t4. Responsible Owner\t5. Target Date\n"
    "Priority\tConcerns\t\t\t\n"
    "1\tMeals were cold.\tThe Catering Manager will fix meals by:\tHead of Catering\t\n"
    "\t\t1. Heated trolleys bought for every wing.\t\tComplete\n"
    "\t\t2. Menus rewritten with the prisoner council.\t\tMay 26\n"
    "\t\tq\t\t\n"
)


def test_parse_output_validates_and_round_trips(tmp_path: Path) -> None:
    plan = parse_text(TEXT, "northfell.txt")
    document = PlanDocument(version="test", files=(plan,)).model_dump(mode="json")
    Draft202012Validator(load("plan.schema.json")).validate(document)
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    again = read_source(str(path)).plan
    assert again == plan


def test_corpus_parse_output_validates(shared: Path) -> None:
    validator = Draft202012Validator(load("plan.schema.json"))
    for path in sorted((shared / "corpus").glob("*.txt")):
        plan = parse_text(path.read_text(encoding="utf-8"), str(path))
        validator.validate(PlanDocument(files=(plan,)).model_dump(mode="json"))
