"""JSON and YAML reader: canonical plan documents and bare plans, checked by the schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from readers_kit import plan_document, sample_plan

from checker.errors import InputError
from checker.readers.structured import path_text, read_json, read_yaml


def as_json(value: Any) -> bytes:
    return json.dumps(value).encode()


def test_canonical_document_gives_its_plan() -> None:
    doc = read_json(as_json(plan_document()), "plan.json")
    assert doc.plan == sample_plan()
    assert doc.reader == "json"
    assert doc.text == ""


def test_bare_plan_object() -> None:
    doc = read_json(as_json(sample_plan().model_dump(mode="json")), "plan.json")
    assert doc.plan == sample_plan()


def test_yaml_document() -> None:
    doc = read_yaml(yaml.safe_dump(plan_document()).encode(), "plan.yaml")
    assert doc.plan == sample_plan()
    assert doc.reader == "yaml"


def test_yaml_dates_stay_strings() -> None:
    plan = sample_plan().model_dump(mode="json")
    text = yaml.safe_dump(plan) + "header:\n  submitted:\n    text: 2026-03-03\n"
    doc = read_yaml(text.encode(), "plan.yaml")
    assert doc.plan is not None
    assert doc.plan.header.submitted is not None
    assert doc.plan.header.submitted.text == "2026-03-03"


def test_schema_error_names_the_path() -> None:
    value = plan_document()
    del value["files"][0]["recommendations"][2]["actions"][0]["text"]
    with pytest.raises(InputError) as caught:
        read_json(as_json(value), "plan.json")
    assert caught.value.message == (
        "files[0].recommendations[2].actions[0]: 'text' is a required property"
    )


def test_schema_error_in_a_bare_plan_names_the_path() -> None:
    value = sample_plan().model_dump(mode="json")
    value["recommendations"][1]["actions"][0]["due_status"] = "someday"
    with pytest.raises(InputError, match=r"^.*recommendations\[1\]\.actions\[0\]\.due_status: "):
        read_json(as_json(value), "plan.json")


def test_several_plans_are_refused() -> None:
    value = plan_document(sample_plan("a.txt"), sample_plan("b.txt"))
    with pytest.raises(InputError, match=r"holds 2 plans.*one file per plan"):
        read_json(as_json(value), "plans.json")


def test_unknown_schema_version_is_refused() -> None:
    value = plan_document()
    value["schema_version"] = "9"
    with pytest.raises(InputError, match="schema_version '9'"):
        read_json(as_json(value), "plan.json")


def test_unknown_key_is_refused() -> None:
    value = sample_plan().model_dump(mode="json")
    value["colour"] = "blue"
    with pytest.raises(InputError, match="colour"):
        read_json(as_json(value), "plan.json")


@pytest.mark.parametrize(
    ("path", "text"),
    [([], "top level"), (["files", 0, "source"], "files[0].source"), ([3], "[3]")],
)
def test_path_text(path: list[Any], text: str) -> None:
    assert path_text(path) == text
