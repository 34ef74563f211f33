"""A rule's documentation: the page ``plancheck rule CODE`` prints, and the rule as a report
carries it (``RuleInfo``, which formatters such as SARIF's help read).

Everything here is read from the rule file (summary, why, instead, examples,
check type); nothing is written twice. Importing this module loads no rule
and no spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.formatters import code_span
from checker.models import RuleInfo
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


def rule_text(
    spec: RuleSpec,
    severity: str | None = None,
    weight: float | None = None,
    options: Mapping[str, str] | None = None,
) -> str:
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
    if spec.aliases:
        out += ["", f"Also selected by its earlier name(s): {', '.join(spec.aliases)}"]
    if options:
        out += ["", f"Options (in the config, under [rules.{spec.name}])"]
        out += [f"  {name}: {about}" for name, about in options.items()]
    return "\n".join(out) + "\n"


def rule_markdown(spec: RuleSpec, options: Mapping[str, str] | None = None) -> str:
    """The rule's page in the repository (``docs/rules/CODE.md``), which SARIF links to."""
    out = [
        f"# {spec.code} {spec.name}",
        "",
        f"Criterion **{spec.criterion}** · severity **{spec.severity}** · weight "
        f"**{spec.weight:g}** · check `{check_type(spec)}`",
        "",
        " ".join(spec.summary.split()),
        "",
        "## Why it matters",
        "",
        " ".join(spec.why.split()),
        "",
        "## Write instead",
        "",
        " ".join(spec.instead.split()),
        "",
        "## Bad (the rule fires)",
        "",
        *(f"- {code_span(example_text(e))}" for e in spec.examples.bad),
        "",
        "## Good (the rule is quiet)",
        "",
        *(f"- {code_span(example_text(e))}" for e in spec.examples.good),
    ]
    if spec.aliases:
        out += ["", f"Also selected by its earlier name(s): {', '.join(spec.aliases)}."]
    if options:
        out += ["", "## Options", "", f"In the config, under `[rules.{spec.name}]`:", ""]
        out += [f"- `{name}`: {about}" for name, about in options.items()]
    out += [
        "",
        "## Turning it off",
        "",
        f'`plancheck lint --ignore {spec.code}`, or `ignore = ["{spec.code}"]` in the config; '
        "for one action, a suppression with a reason (see the README).",
    ]
    return "\n".join(out) + "\n"


def rule_info(spec: RuleSpec, severity: str, weight: float, help_uri: str = "") -> RuleInfo:
    """The rule as a report carries it: what any formatter may say about it."""
    return RuleInfo.model_validate(
        {
            "code": spec.code,
            "name": spec.name,
            "criterion": spec.criterion,
            "severity": severity,
            "weight": weight,
            "summary": " ".join(spec.summary.split()),
            "why": " ".join(spec.why.split()),
            "instead": " ".join(spec.instead.split()),
            "bad": tuple(example_text(e) for e in spec.examples.bad),
            "good": tuple(example_text(e) for e in spec.examples.good),
            "help_uri": help_uri,
        }
    )
