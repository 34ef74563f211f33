"""Placing a row's cells in columns: the best order-keeping assignment, found fast."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.parse import parse_text
from checker.parse.grid import (
    DEFAULT_ROLES,
    Line,
    Role,
    _assign,
    _assign_with_trailing_blanks,
    _fit,
    place,
)
from checker.parse.pieces import Piece, piece

ROLES = st.sampled_from(["ref", "concern", "category", "action", "owner", "target", "other"])
TEXTS = st.sampled_from(
    [
        "",
        "",
        "1",
        "2.3",
        "Agreed",
        "Governor",
        "Head of Residence",
        "March 2026",
        "Ongoing",
        "The wing will be painted.",
        "Dirty cells",
        "x",
    ]
)


def _exhaustive(cells: list[Piece | None], roles: tuple[Role, ...]) -> tuple[float, list[int]]:
    """The search placement replaced: every order-keeping assignment, best first."""
    best: tuple[float, int, list[int]] | None = None
    for cols in combinations(range(len(roles)), len(cells)):
        score = sum(_fit(roles[c], x.text) for x, c in zip(cells, cols, strict=True) if x)
        key = (round(score, 9), sum(cols))
        if best is None or key > best[:2]:
            best = (key[0], key[1], list(cols))
    assert best is not None
    return best[0], best[2]


def _line(texts: list[str]) -> Line:
    cells, col = [], 1
    for text in texts:
        cells.append(piece(text, 1, col))
        col += len(text) + 1
    return Line(1, "\t".join(texts), cells)


@settings(max_examples=300)
@given(st.lists(ROLES, min_size=1, max_size=7), st.lists(TEXTS, min_size=1, max_size=7))
def test_placement_matches_an_exhaustive_search(roles: list[Role], texts: list[str]) -> None:
    line = _line(texts)
    cells = [c for c in line.cells]
    while cells and cells[-1] is None and len(cells) > len(roles):
        cells.pop()
    while cells and cells[0] is None and len(cells) > len(roles):
        cells.pop(0)
    if len(cells) > len(roles):
        return  # the overflow case keeps the first cells; not a search
    row = place(line, tuple(roles))
    # no trailing-cell variant may beat the full line's exhaustive score by more than its penalty
    score, cols = _exhaustive(cells, tuple(roles))
    assert row.fit >= round(score, 9) - 1e-9
    if all(c is not None for c in cells):  # no variants to drop: the same columns
        expected = {roles[c]: x for x, c in zip(cells, cols, strict=True) if x is not None}
        for role, cell in row.cells.items():
            assert expected.get(role) == cell or role not in expected or roles.count(role) > 1


@settings(max_examples=300)
@given(
    st.lists(ROLES, min_size=1, max_size=9),
    st.lists(TEXTS, min_size=0, max_size=5),
    st.integers(0, 6),
)
def test_a_run_of_empty_cells_at_the_end_is_placed_as_the_full_search_places_it(
    roles: list[Role], texts: list[str], blanks: int
) -> None:
    cells: list[Piece | None] = [piece(x, 1, 1 + 5 * k) for k, x in enumerate(texts)]
    cells += [None] * blanks
    if len(cells) > len(roles):
        return
    assert _assign_with_trailing_blanks(cells, tuple(roles)) == _assign(cells, tuple(roles))


def test_a_forty_column_table_is_placed_by_content() -> None:
    heads = ["Rec No", "Concern", "Action", "Owner", "Target Date"] + [f"U{i}" for i in range(35)]
    body = ["1", "Cells are dirty.", "Clean every cell weekly.", "Governor", "March 2026"]
    text = "\t".join(heads) + "\n" + "\t".join(body + [""] * 35) + "\n"
    plan = parse_text(text)
    (act,) = plan.recommendations[0].actions
    assert act.owner == "Governor" and act.target == "March 2026"


def test_a_short_row_is_right_aligned_as_exports_drop_leading_cells() -> None:
    row = place(_line(["Clean the showers weekly.", "Governor", "May 2026"]), DEFAULT_ROLES)
    assert row.cells["action"].text.startswith("Clean")
    assert row.cells["owner"].text == "Governor"
    assert row.cells["target"].text == "May 2026"
