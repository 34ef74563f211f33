"""A rule's documentation as text: for ``plancheck rule CODE``, ``rules`` and SARIF help.

Everything here is read from the rule file (summary, why, instead, examples,
check type); nothing is written twice. Importing this module loads no rule
and no spaCy.
"""

from __future__ import annotations

from checker.rulespec import Example, RuleSpec, example

# the values an Example takes when a rule's example does not say otherwise
_DEFAULTS = Example()


def example_text(value: str | Example) -> str:
    """One example on one line: the action's text, its owner and target, and other cells set."""
    ex = example(value)
    if ex.plan is not None:
        first = next((line for line in ex.plan.splitlines() if line.strip()), "")
        return f"(a whole plan) {first.strip()} ..."
    extras = [f"owner: {ex.owner or '(none)'}", f"target: {ex.target or '(none)'}"]
    if ex.concern != _DEFAULTS.concern:
        extras.insert(0, f"concern: {ex.concern}")
    if ex.submitted != _DEFAULTS.submitted:
        extras.append(f"plan submitted: {ex.submitted or '(not given)'}")
    return f"{ex.text or '(no action text)'}  [{'; '.join(extras)}]"


def check_type(spec: RuleSpec) -> str:
    kind = spec.check.get("kind")
    return f"{spec.check.get('type')}" + (f" ({kind})" if kind else "")


def rule_text(spec: RuleSpec, severity: str | None = None, weight: float | None = None) -> str:
    """The full page of one rule, as ``plancheck rule CODE`` prints it."""
    sev = severity or spec.severity
    w = spec.weight if weight is None else weight
    out = [
        f"{spec.code} {spec.name}",
        f"criterion {spec.criterion} | severity {sev} | weight {w:g} | check {check_type(spec)}",
        "",
        spec.summary.strip(),
        "",
        "Why it matters",
        *("  " + line for line in spec.why.strip().splitlines()),
        "",
        "Write instead",
        "  " + spec.instead.strip(),
        "",
        "Bad (the rule fires)",
        *(f"  - {example_text(e)}" for e in spec.examples.bad),
        "",
        "Good (the rule is quiet)",
        *(f"  - {example_text(e)}" for e in spec.examples.good),
    ]
    return "\n".join(out) + "\n"


def help_text(spec: RuleSpec) -> str:
    """Plain-text help for SARIF: why, what to write instead, examples."""
    bad = "\n".join(f"- {example_text(e)}" for e in spec.examples.bad)
    good = "\n".join(f"- {example_text(e)}" for e in spec.examples.good)
    why = " ".join(spec.why.split())
    return (
        f"{spec.summary}\n\nWhy: {why}\n\nInstead: {spec.instead}\n\nBad:\n{bad}\n\nGood:\n{good}"
    )


def help_markdown(spec: RuleSpec) -> str:
    """Markdown help for SARIF viewers (GitHub shows it beside the alert)."""
    bad = "\n".join(f"- `{_md(example_text(e))}`" for e in spec.examples.bad)
    good = "\n".join(f"- `{_md(example_text(e))}`" for e in spec.examples.good)
    why = " ".join(spec.why.split())
    return (
        f"**{spec.code} {spec.name}**: {spec.summary}\n\n{why}\n\n"
        f"**Write instead:** {spec.instead}\n\n**Bad**\n\n{bad}\n\n**Good**\n\n{good}\n"
    )


def _md(text: str) -> str:
    return text.replace("`", "'")
