"""Findings -> per-criterion verdicts and 0-100 scores. Pure functions.

The formula is fixed; weights and severities are settings.

* A criterion's verdict is ``fail`` if any of its findings is an error,
  ``warn`` if any is a warning, else ``pass`` (info is advice only).
* An action's score is the weighted mean, over the six criteria, of how much
  of each criterion is left: ``q = max(0, 1 - sum(weight * factor) / FULL)``
  where factor is 1 for an error, 0.5 for a warning and 0 for info, and FULL
  (2) is the weighted penalty that uses a criterion up. Adding a finding can
  only lower a score; the order of findings does not matter.
* A recommendation scores the mean of its actions; a plan the mean of all its
  actions, where a recommendation with no action (and not marked Not agreed)
  counts as one action scoring 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from checker.models import CRITERIA, Finding, Verdict

FULL = 2.0
FACTOR = {"error": 1.0, "warning": 0.5, "info": 0.0}
DEFAULT_CRITERION_WEIGHTS: Mapping[str, float] = {c: 1.0 for c in CRITERIA}
_NOT_AGREED = re.compile(r"^\s*not\s+(agreed|accepted)", re.IGNORECASE)


def unanswered_counts(category: str | None) -> bool:
    """Does a recommendation with no action count as one action scoring 0? Yes, unless the
    response is Not agreed (a refusal with reasons is answered, if not acted on)."""
    return not (category and _NOT_AGREED.match(category))


def verdicts(findings: Iterable[Finding]) -> dict[str, Verdict]:
    """O T S M R A -> pass / warn / fail."""
    out: dict[str, Verdict] = {c: "pass" for c in CRITERIA}
    for f in findings:
        if f.criterion not in out:
            continue
        if f.severity == "error":
            out[f.criterion] = "fail"
        elif f.severity == "warning" and out[f.criterion] == "pass":
            out[f.criterion] = "warn"
    return out


def action_score(
    findings: Iterable[Finding],
    rule_weights: Mapping[str, float],
    criterion_weights: Mapping[str, float] = DEFAULT_CRITERION_WEIGHTS,
) -> float:
    """0-100 for one action, from its findings (see the module docstring)."""
    spent = {c: 0.0 for c in CRITERIA}
    for f in findings:
        if f.criterion in spent:
            spent[f.criterion] += max(0.0, rule_weights.get(f.code, 1.0)) * FACTOR[f.severity]
    total = sum(max(0.0, criterion_weights.get(c, 1.0)) for c in CRITERIA)
    if total <= 0:
        return 100.0
    kept = sum(
        max(0.0, criterion_weights.get(c, 1.0)) * max(0.0, 1.0 - spent[c] / FULL) for c in CRITERIA
    )
    return round(100.0 * kept / total, 1)


def mean(scores: Sequence[float]) -> float | None:
    """The mean, rounded to one decimal; None for no scores."""
    if not scores:
        return None
    return round(sum(scores) / len(scores), 1)
