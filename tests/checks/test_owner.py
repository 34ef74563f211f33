"""The ``owner`` check type: missing, collective, shared and inherited owners."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.kit import HEAD, hits

ROLE = st.sampled_from(
    ["Governor", "Head of Safety", "Deputy Governor", "Healthcare Manager", "Head of Learning"]
)
SEPARATOR = st.sampled_from(["/", "; ", " and ", " & ", ", ", " with "])


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["", " ", "\t", "Governor", "Head of Safety"]))
def test_missing_fires_exactly_on_a_blank_owner(owner: str) -> None:
    check = {"type": "owner", "kind": "missing", "message": "no owner"}
    assert bool(hits(check, text="Staff will be trained.", owner=owner)) == (not owner.strip())


@settings(max_examples=60, deadline=None)
@given(st.lists(ROLE, min_size=1, max_size=3, unique=True), SEPARATOR)
def test_shared_fires_exactly_when_the_cell_joins_several_owners(
    roles: list[str], separator: str
) -> None:
    check = {"type": "owner", "kind": "shared", "message": "'{words}' names {count} owners"}
    found = hits(check, text="Staff will be trained.", owner=separator.join(roles))
    assert bool(found) == (len(roles) > 1)
    if found:
        assert found[0].message.endswith(f"names {len(roles)} owners")


@settings(max_examples=40, deadline=None)
@given(ROLE, st.sampled_from(["the wing team", "Residential Managers"]))
def test_collective_takes_more_owners_from_the_rule_options(role: str, group: str) -> None:
    check = {"type": "owner", "kind": "collective", "message": "'{words}' is a group"}
    options = {"extend": [group]}
    assert hits(check, options, text="Staff will be trained.", owner=group)
    assert not hits(check, options, text="Staff will be trained.", owner=role)
    assert not hits(check, text="Staff will be trained.", owner=group)  # not without the option


def test_inherited_is_said_once_per_lead_in_group() -> None:
    plan = (
        HEAD + "1\tCells were dirty.\tThe Head of Residence will make cells clean by:\t"
        "Head of Residence\t\n"
        "\t\t1. Checking every cell weekly.\t\tMarch 2026\n"
        "\t\t2. Replacing torn mattresses.\t\tApril 2026\n"
    )
    check = {"type": "owner", "kind": "inherited", "message": "'{words}' for {count} steps"}
    (found,) = hits(check, plan=plan)  # on the first step only, with how many share it
    assert found.action == "R1.A1" and found.message == "'Head of Residence' for 2 steps"
