"""Rules' own examples as test cases: bad examples must fire, good ones must not.

An example is either a bare action text (with a default owner, target and
submission date) or a mapping that sets them, a concern, or a whole plan
(for plan rules). A pack may also keep extra cases in YAML files (``rule: CODE``,
then ``fire:`` and ``pass:`` lists of examples) outside the pack folder. Pack
authors run it all with ``plancheck rules --check PACK --cases DIR``; the
built-in pack's tests run the same functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import yaml

from checker.dates.targets import normalise_target
from checker.engine.core import Engine
from checker.engine.packs import Rule
from checker.errors import PackError
from checker.models import (
    Action,
    Finding,
    Header,
    HeaderFact,
    Plan,
    PlanComment,
    Recommendation,
    Span,
)
from checker.parse import parse_text
from checker.rulespec import Example, example


def example_plan(ex: Example) -> Plan:
    """The Plan an example stands for."""
    if ex.plan is not None:
        return parse_text(ex.plan, "example.txt")
    due = normalise_target(ex.target or "")
    text = ex.text or ""
    row = "table 1, row 2" if ex.comment else None
    spans = (
        (Span(line=1, column=1, end_line=1, end_column=len(text) + 1, where=row),) if text else ()
    )
    action = Action(
        id="R1.A1",
        text=text,
        spans=spans,
        owner=ex.owner,
        owner_source="own" if ex.owner else "none",
        target=ex.target,
        due=due.value,
        due_status=due.status,
    )
    rec = Recommendation(id="R1", ref="1", concern=ex.concern or "", actions=(action,))
    header = Header(
        submitted=HeaderFact(text=ex.submitted, value=ex.submitted) if ex.submitted else None
    )
    comments = (PlanComment(where=row, text=ex.comment),) if ex.comment and row else ()
    return Plan(source="example.txt", header=header, recommendations=(rec,), comments=comments)


def findings(engine: Engine, rule: Rule, ex: Example) -> list[Finding]:
    """What the rule finds in the example (every other rule is left out)."""
    found = engine.lint(example_plan(ex)).all_findings()
    return [f for f in found if f.code in (rule.code, "PC-X000")]


def misbehaves(engine: Engine, rule: Rule, ex: Example, fire: bool) -> str | None:
    """How the rule fails an example that should (``fire``) or should not make it fire:
    'does not fire', 'fires (message)', or None when it behaves. Where it should stay
    quiet, an internal error (PC-X000) counts as firing."""
    found = findings(engine, rule, ex)
    if fire:
        return None if any(f.code == rule.code for f in found) else "does not fire"
    return f"fires ({found[0].message})" if found else None


def failures(engine: Engine, rule: Rule) -> list[str]:
    """Why the rule's examples do not hold, one line each; empty when they do."""
    problems = []
    for fire, label, raws in (
        (True, "bad", rule.spec.examples.bad),
        (False, "good", rule.spec.examples.good),
    ):
        for raw in raws:
            ex = example(raw)
            how = misbehaves(engine, rule, ex, fire)
            if how:
                problems.append(f"{rule.code}: {label} example {how}: {ex.text or ex.plan!r}")
    return problems


def expected_file_name(rule: Rule) -> str:
    """``S001-vague-commitment.yaml``: the code without its pack prefix, then the name."""
    return f"{rule.code.split('-', 1)[1]}-{rule.name}{rule.path.suffix}"


Case = tuple[str, str, Example]  # (rule code, "fire" or "pass", example)


def load_cases(folder: Path) -> list[Case]:
    """Every extra case in the YAML files of ``folder``, in file order."""
    out: list[Case] = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            code = str(data["rule"])
            for kind in ("fire", "pass"):
                for raw in data.get(kind) or []:
                    ex = Example(text=raw) if isinstance(raw, str) else Example.model_validate(raw)
                    out.append((code, kind, ex))
        except (OSError, UnicodeError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise PackError(f"{path}: not a case file (rule:, fire:, pass:): {first}") from None
    return out


def case_failure(engine: Engine, rule: Rule, kind: str, ex: Example) -> str | None:
    """Why one extra case ('fire' or 'pass') does not hold, or None."""
    how = misbehaves(engine, rule, ex, fire=kind == "fire")
    return f"{rule.code}: {kind} case {how}: {ex.text or ex.plan!r}" if how else None


def check_pack(engine: Engine, cases: Sequence[Case] = ()) -> list[str]:
    """Every problem of the engine's rules, one line each: misnamed files, examples and
    cases that do not hold, cases for rules the pack does not have."""
    problems: list[str] = []
    by_code = {r.code: r for r in engine.rules}
    for rule in engine.rules:
        if rule.path.name != expected_file_name(rule):
            problems.append(f"{rule.path}: name the file {expected_file_name(rule)}")
        problems.extend(failures(engine, rule))
    for code, kind, ex in cases:
        named = by_code.get(code)
        if named is None:
            problems.append(f"{code}: a case names a rule the pack does not have")
            continue
        problem = case_failure(engine, named, kind, ex)
        if problem:
            problems.append(problem)
    return problems
