"""JSON and YAML reader: a plan already parsed, as ``plancheck parse --format json`` writes it.

The file is either the canonical plan document (``{"schema_version": "1",
"files": [Plan]}``, with exactly one plan) or a bare Plan object. It is
checked against ``schemas/plan.schema.json`` first, so a mistake is reported
with its path inside the document (``files[0].recommendations[2].actions[0]:
'text' is a required property``), then built into a ``Plan``.

YAML is read with ``safe_load`` and two guards: timestamps stay strings (a
target of 2026-03-31 is text here, as in JSON), and a document whose aliases
would expand past a limit (the "billion laughs" attack) or refer to themselves
is refused before anything walks it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import yaml

# no type stubs for jsonschema are installed; unused-ignore keeps this quiet once they are
from jsonschema import Draft202012Validator  # type: ignore[import-untyped, unused-ignore]
from jsonschema.exceptions import (  # type: ignore[import-untyped, unused-ignore]
    ValidationError,
    best_match,
)
from pydantic import ValidationError as ModelError

from checker.errors import InputError
from checker.models import Plan
from checker.paths import SCHEMA_VERSION
from checker.paths import load_schema as load
from checker.readers import Document
from checker.readers.text import decode, looks_binary

MAX_ALIASES = 100
MAX_NODES = 1_000_000
MAX_DEPTH = 100  # a canonical plan document nests about ten levels
_BRACKETS = re.compile(r"[\[\]{}]")


class _TooManyAliases(Exception):
    pass


class _Loader(yaml.SafeLoader):
    """safe_load that keeps dates as strings (as in JSON) and counts the aliases it meets."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _TooManyAliases
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_json(data: bytes, source: str) -> Document:
    """Read a plan saved as JSON."""
    text = _text(data, source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            source, f"is not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError as exc:  # e.g. an integer with more digits than Python will convert
        raise InputError(source, f"is not valid JSON: {' '.join(str(exc).split())}") from None
    return Document(source=source, reader="json", plan=to_plan(value, source))


def read_yaml(data: bytes, source: str) -> Document:
    """Read a plan saved as YAML."""
    text = _text(data, source)
    _check_depth(text, source)
    loader = _Loader(text)
    try:
        value = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise InputError(source, f"is not valid YAML: {_yaml_problem(exc)}") from None
    except _TooManyAliases:
        raise InputError(
            source,
            f"uses more than {MAX_ALIASES} YAML aliases (*name); refusing it, "
            "since aliases can expand without limit",
        ) from None
    finally:
        loader.dispose()
    _check_size(value, source)
    return Document(source=source, reader="yaml", plan=to_plan(value, source))


def _text(data: bytes, source: str) -> str:
    if looks_binary(data):
        raise InputError(source, "is not a text file (binary content)")
    text, _encoding = decode(data, source)
    return text


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    where = f"line {mark.line + 1} column {mark.column + 1}: " if mark is not None else ""
    said = f"{problem} ({context})" if context else str(problem)
    return where + " ".join(said.split())


def _check_depth(text: str, source: str) -> None:
    """Refuse deep [ { nesting before PyYAML's scanner, which slows with the square of it."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    if deepest > MAX_DEPTH:
        raise InputError(source, f"is nested too deeply (more than {MAX_DEPTH} levels)")


def _check_size(value: Any, source: str) -> None:
    """Count the nodes the document expands to, sharing counts of aliased parts."""
    sizes: dict[int, int] = {}
    open_ids: set[int] = set()

    def size(node: Any) -> int:
        if not isinstance(node, dict | list):
            return 1
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_ids:
            raise InputError(source, "refers to itself through a YAML alias; a plan cannot")
        open_ids.add(key)
        children: Iterable[Any] = node.values() if isinstance(node, dict) else node
        total = 1 + sum(size(child) for child in children)
        open_ids.discard(key)
        if total > MAX_NODES:
            raise InputError(
                source, f"expands to more than {MAX_NODES} values through YAML aliases"
            )
        sizes[key] = total
        return total

    size(value)


def to_plan(value: Any, source: str) -> Plan:
    """A canonical plan document or a bare Plan object -> Plan, or InputError naming the path."""
    if not isinstance(value, dict):
        kind = "nothing" if value is None else type(value).__name__
        raise InputError(
            source,
            f"holds {kind}, not a plan: expected an object with 'files' "
            "(as plancheck parse --format json writes) or the fields of one plan",
        )
    schema = load("plan.schema.json")
    if "files" in value:
        files = value["files"]
        if isinstance(files, list) and not files:
            raise InputError(source, "has no plan in 'files'")
        if isinstance(files, list) and len(files) > 1:
            raise InputError(source, f"holds {len(files)} plans in 'files'; give one file per plan")
        version = value.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise InputError(
                source, f"has schema_version {version!r}; plancheck reads {SCHEMA_VERSION!r}"
            )
        _validate(value, schema, source)
        plan_value, inside = files[0], ["files", 0]
    else:
        plan_schema = {"$schema": schema.get("$schema"), "$defs": schema["$defs"]}
        plan_schema["$ref"] = "#/$defs/Plan"
        _validate(value, plan_schema, source)
        plan_value, inside = value, []
    try:
        return Plan.model_validate(plan_value)
    except ModelError as exc:
        first = exc.errors()[0]
        where = path_text([*inside, *first["loc"]])
        raise InputError(source, f"{where}: {first['msg']}") from None


def _validate(value: Any, schema: dict[str, Any], source: str) -> None:
    validator = Draft202012Validator(schema)
    error = best_match(validator.iter_errors(value))
    if error is not None:
        raise InputError(source, f"{path_text(error.absolute_path)}: {_message(error)}")


def _message(error: ValidationError) -> str:
    message = " ".join(error.message.split())
    return message if len(message) <= 200 else message[:197] + "..."


def path_text(path: Iterable[Any]) -> str:
    """A path inside a document as a reader writes it: ``files[0].recommendations[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "top level"
