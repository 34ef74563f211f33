"""JSON Schemas generated from the pydantic models, and validation against them.

``schemas/*.schema.json`` are written by ``python -m checker.docs.schemas`` and a test
fails when they are stale, so the files other tools read never drift from the
models plancheck itself uses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from checker.models import Plan, Report
from checker.paths import SCHEMA_VERSION


class PlanDocument(BaseModel):
    """What ``plancheck parse --format json`` writes: one Plan per file."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    schema_version: str = SCHEMA_VERSION
    tool: str = "plancheck"
    version: str = ""
    files: tuple[Plan, ...] = ()


def generated() -> dict[str, dict[str, Any]]:
    """Schema file name -> schema, for every schema generated from a model."""
    # imported here: readers load the plan schema and must not pull in the rule and
    # config models with it (import contract "Reading and parsing know no rules")
    from checker.config import Settings
    from checker.rulespec import RuleSpec
    from checker.run.diff import DiffReport

    out: dict[str, dict[str, Any]] = {}
    plan = PlanDocument.model_json_schema()
    plan["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    plan["title"] = "plancheck plan"
    out["plan.schema.json"] = plan
    for name, model, title in (
        ("report.schema.json", Report, "plancheck lint report (--format json)"),
        ("rulepack.schema.json", RuleSpec, "plancheck rule file (one rule per YAML file)"),
        ("config.schema.json", Settings, "plancheck settings ([tool.plancheck] / plancheck.toml)"),
        ("diff.schema.json", DiffReport, "plancheck diff report (plancheck diff --format json)"),
    ):
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        out[name] = schema
    return out


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the generated schemas into ``schemas/`` (``--check`` only compares)."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    target = Path(__file__).resolve().parents[2] / "schemas"
    stale = []
    for name, schema in generated().items():
        path = target / name
        text = dump(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print("stale schemas: " + ", ".join(stale) + " (run python -m checker.docs.schemas)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
