"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` describes every rule in force (summary, why,
what to write instead and the examples, from the rule files) and each result
points at its rule by id and index. ``partialFingerprints`` carry
``Finding.fingerprint`` (rule, recommendation and triggering words, not lines), so
a viewer keeps an alert's identity when lines move. With a baseline, results
say ``baselineState`` new or unchanged. Files that could not be read are
``toolExecutionNotifications`` of the invocation.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from checker import REPOSITORY
from checker.formatters import SARIF_LEVEL, FormatContext, code_span, findings_of, message
from checker.models import Finding, Report, RuleInfo

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "plancheck/v1"


SRCROOT = "%SRCROOT%"


def artifact_uri(source: str) -> str:
    """A URI reference for a path as given: relative paths stay relative (to the run's folder)."""
    path = PurePath(source)
    if path.is_absolute():
        return path.as_uri()
    return quote(path.as_posix(), safe="/")


def artifact_location(source: str) -> dict[str, Any]:
    """The artifact, relative to the run's folder (``%SRCROOT%``) wherever it can be, so
    code scanning maps it onto the repository; an absolute URI only outside that folder."""
    path = Path(source)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return {"uri": path.as_uri()}
    return {"uri": quote(PurePath(path).as_posix(), safe="/"), "uriBaseId": SRCROOT}


def rule_descriptor(rule: RuleInfo) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.why},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": SARIF_LEVEL[rule.severity]},
        "properties": {
            "criterion": rule.criterion,
            "weight": rule.weight,
            "tags": ["SMART", f"criterion-{rule.criterion}"],
        },
    }
    if rule.help_uri:
        out["helpUri"] = rule.help_uri
    return out


def help_text(rule: RuleInfo) -> str:
    """Plain-text help: why, what to write instead, examples."""
    bad = "\n".join(f"- {e}" for e in rule.bad)
    good = "\n".join(f"- {e}" for e in rule.good)
    return (
        f"{rule.summary}\n\nWhy: {rule.why}\n\nInstead: {rule.instead}"
        f"\n\nBad:\n{bad}\n\nGood:\n{good}"
    )


def help_markdown(rule: RuleInfo) -> str:
    """Markdown help for SARIF viewers (GitHub shows it beside the alert)."""
    bad = "\n".join(f"- {code_span(e)}" for e in rule.bad)
    good = "\n".join(f"- {code_span(e)}" for e in rule.good)
    return (
        f"**{rule.code} {rule.name}**: {rule.summary}\n\n{rule.why}\n\n"
        f"**Write instead:** {rule.instead}\n\n**Bad**\n\n{bad}\n\n**Good**\n\n{good}\n"
    )


def _stand_in(f: Finding) -> dict[str, Any]:
    """A descriptor for a finding whose rule is not in force (the internal-error finding)."""
    return {
        "id": f.code,
        "name": f.name,
        "shortDescription": {"text": f.name.replace("-", " ")},
        "defaultConfiguration": {"level": SARIF_LEVEL[f.severity]},
        "properties": {"criterion": f.criterion},
    }


def location(f: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(f.source)}
    if f.spans:
        first, last = f.spans[0], f.spans[-1]
        physical["region"] = {
            "startLine": first.line,
            "startColumn": first.column,
            "endLine": last.end_line,
            "endColumn": last.end_column,
        }
    loc: dict[str, Any] = {"physicalLocation": physical}
    where = next((s.where for s in f.spans if s.where), None)
    if where:  # a Word or PDF plan: the place as its reader knows it, not our text's line
        loc["message"] = {"text": where}
    logical = []
    if f.recommendation:
        logical.append({"name": f.recommendation, "kind": "namespace"})
    if f.action:
        parent = f"{f.recommendation}/" if f.recommendation else ""
        logical.append(
            {"name": f.action, "fullyQualifiedName": parent + f.action, "kind": "object"}
        )
    if where:
        logical.append({"name": where, "kind": "element"})
    if logical:
        loc["logicalLocations"] = logical
    return loc


def result(f: Finding, index: int, context: FormatContext) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": index,
        "level": SARIF_LEVEL[f.severity],
        "message": {"text": message(f)},
        "locations": [location(f)],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {
            "criterion": f.criterion,
            "words": list(f.words),
            "action": f.action,
            "recommendation": f.recommendation,
        },
    }
    if context.baseline is not None:
        out["baselineState"] = "unchanged" if context.in_baseline(f) else "new"
    return out


def sarif_log(report: Report, context: FormatContext) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = [rule_descriptor(r) for r in report.rules]
    index = {d["id"]: i for i, d in enumerate(rules)}
    results = []
    seen: dict[str, int] = {}
    for f in findings_of(report):
        if f.code not in index:
            index[f.code] = len(rules)
            rules.append(_stand_in(f))
        out = result(f, index[f.code], context)
        n = seen.get(f.fingerprint, 0)  # the same words twice in one plan: still distinct
        seen[f.fingerprint] = n + 1
        if n:
            out["partialFingerprints"][FINGERPRINT_KEY] = f"{f.fingerprint}:{n}"
        results.append(out)
    notes = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(e.source)}}],
        }
        for e in report.errors
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    driver = {
        "name": report.tool,
        "version": report.version,
        "semanticVersion": report.version,
        "informationUri": REPOSITORY,
        "rules": rules,
    }
    run = {
        "tool": {"driver": driver},
        "invocations": [invocation],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"score": report.summary.score, "gate": report.summary.gate},
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def format_report(report: Report, context: FormatContext) -> str:
    return json.dumps(sarif_log(report, context), indent=2, ensure_ascii=False) + "\n"
