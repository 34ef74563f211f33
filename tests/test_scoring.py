"""Scoring properties (Hypothesis): 0-100, never raised by a finding, blind to order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.models import Finding
from checker.scoring import action_score, mean, verdicts

CODES = [f"PC-{c}00{i}" for c in "OTSMRA" for i in range(1, 4)]
FINDING = st.builds(
    Finding,
    code=st.sampled_from(CODES),
    name=st.just("x"),
    criterion=st.sampled_from(list("OTSMRAP")),
    severity=st.sampled_from(["error", "warning", "info"]),
    message=st.just("m"),
)
WEIGHTS = st.dictionaries(st.sampled_from(CODES), st.floats(0, 10, allow_nan=False), max_size=6)
CRIT_WEIGHTS = st.dictionaries(
    st.sampled_from(list("OTSMRA")), st.floats(0, 5, allow_nan=False), max_size=6
)


@given(st.lists(FINDING, max_size=12), WEIGHTS, CRIT_WEIGHTS)
def test_score_is_within_0_and_100(findings: list[Finding], weights: dict, cw: dict) -> None:
    assert 0 <= action_score(findings, weights, cw or {c: 1.0 for c in "OTSMRA"}) <= 100


@given(st.lists(FINDING, max_size=12), FINDING, WEIGHTS)
def test_adding_a_finding_never_raises_the_score(
    findings: list[Finding], extra: Finding, weights: dict
) -> None:
    assert action_score([*findings, extra], weights) <= action_score(findings, weights)


@given(st.lists(FINDING, max_size=12), WEIGHTS, st.randoms())
def test_order_does_not_matter(findings: list[Finding], weights: dict, rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(findings)
    rnd.shuffle(shuffled)
    assert action_score(shuffled, weights) == action_score(findings, weights)
    assert verdicts(shuffled) == verdicts(findings)


def test_clean_action_scores_100_and_verdicts() -> None:
    assert action_score([], {}) == 100.0
    err = Finding(code="PC-S001", name="x", criterion="S", severity="error", message="m")
    warn = Finding(code="PC-O003", name="y", criterion="O", severity="warning", message="m")
    info = Finding(code="PC-S008", name="z", criterion="S", severity="info", message="m")
    assert verdicts([err, warn, info]) == {
        "O": "warn",
        "T": "pass",
        "S": "fail",
        "M": "pass",
        "R": "pass",
        "A": "pass",
    }
    assert action_score([info], {}) == 100.0
    assert action_score([err], {"PC-S001": 2}) < action_score([err], {"PC-S001": 1}) < 100
    assert mean([]) is None and mean([50.0, 100.0]) == 75.0
