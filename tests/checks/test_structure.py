"""The ``structure`` check type on whole invented plans: delegation, categories, empty
recommendations, header facts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.kit import HEAD, hits

ROLE = st.sampled_from(["Governor", "Head of Safety", "Head of Learning"])


def _plan(owners: list[str]) -> str:
    rows = [
        f"{i}\tConcern {i} was raised.\tStep {i} will be done.\t{o}\tMarch 2026"
        for i, o in enumerate(owners, start=1)
    ]
    return HEAD + "\n".join(rows) + "\n"


@settings(max_examples=40, deadline=None)
@given(st.lists(ROLE, min_size=1, max_size=6))
def test_delegation_fires_exactly_when_enough_actions_share_one_owner(owners: list[str]) -> None:
    check = {
        "type": "structure",
        "kind": "delegation",
        "min_actions": 3,
        "message": "all {count} actions owned by {words}",
    }
    found = hits(check, plan=_plan(owners))
    assert bool(found) == (len(owners) >= 3 and len(set(owners)) == 1)


CATEGORY_HEAD = "Rec No\tConcern\tCategory\tAction\tOwner\tTarget date\n"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Agreed", "Partly agreed", "Not agreed", "Agreed in principle", "Noted"]))
def test_category_fires_on_a_category_outside_the_closed_list(category: str) -> None:
    check = {
        "type": "structure",
        "kind": "category",
        "categories": ["agreed", "partly agreed", "not agreed"],
        "message": "'{words}' in {ref} is not a response category",
    }
    plan = (
        CATEGORY_HEAD
        + f"1\tCells were dirty.\t{category}\tClean cells weekly.\tGovernor\tMay 2026\n"
    )
    found = hits(check, plan=plan)
    assert bool(found) == (category.lower() not in ("agreed", "partly agreed", "not agreed"))


def test_an_empty_recommendation_is_excused_only_by_its_category() -> None:
    check = {
        "type": "structure",
        "kind": "empty-recommendation",
        "categories": ["not agreed"],
        "message": "{ref} has no action",
    }
    rows = "1\tCells were dirty.\tAgreed\tClean cells weekly.\tGovernor\tMay 2026\n"
    agreed = CATEGORY_HEAD + rows + "2\tShowers were broken.\tAgreed\t\t\t\n"
    refused = CATEGORY_HEAD + rows + "2\tShowers were broken.\tNot agreed\t\t\t\n"
    assert [f.message for f in hits(check, plan=agreed)] == ["2 has no action"]
    assert hits(check, plan=refused) == []
