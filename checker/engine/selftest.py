"""Rules' own examples as test cases: bad examples must fire, good ones must not.

An example is either a bare action text (with a default owner, target and
submission date) or a mapping that sets them, a concern, or a whole plan
(for plan rules). Third-party pack authors can run the same check:
``plancheck rules --check``.
"""

from __future__ import annotations

from checker.dates.targets import normalise_target
from checker.engine.core import Engine
from checker.engine.packs import Rule
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
    report = engine.lint(example_plan(ex))
    out = [f for f in report.findings if f.code in (rule.code, "PC-X000")]
    for rec in report.recommendations:
        for act in rec.actions:
            out.extend(f for f in act.findings if f.code in (rule.code, "PC-X000"))
    return out


def failures(engine: Engine, rule: Rule) -> list[str]:
    """Why the rule's examples do not hold, one line each; empty when they do."""
    problems = []
    for raw in rule.spec.examples.bad:
        ex = example(raw)
        if not [f for f in findings(engine, rule, ex) if f.code == rule.code]:
            problems.append(f"{rule.code}: bad example does not fire: {ex.text or ex.plan!r}")
    for raw in rule.spec.examples.good:
        ex = example(raw)
        hit = findings(engine, rule, ex)
        if hit:
            problems.append(
                f"{rule.code}: good example fires ({hit[0].message}): {ex.text or ex.plan!r}"
            )
    return problems
