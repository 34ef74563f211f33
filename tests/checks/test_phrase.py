"""The ``phrase`` and ``pattern`` check types: a phrase found wherever it stands, and only it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.kit import HEAD, hits

FILLER = st.lists(
    st.sampled_from(["the", "wing", "staff", "cells", "records", "new", "weekly", "officers"]),
    min_size=0,
    max_size=8,
)
PHRASE = {"type": "phrase", "match": "lower", "phrases": ["look into"], "message": "'{words}'"}


def _sentence(before: list[str], middle: str, after: list[str]) -> str:
    return " ".join(["Managers", *before, middle, *after]).strip() + "."


@settings(max_examples=50, deadline=None)
@given(FILLER, FILLER, st.sampled_from(["look into", "Look Into", "LOOK INTO"]))
def test_a_phrase_is_found_wherever_it_stands_and_its_words_are_the_trigger(
    before: list[str], after: list[str], phrase: str
) -> None:
    text = _sentence(before, f"will {phrase}", after)
    (found,) = hits(PHRASE, text=text)
    assert found.words == (phrase,)
    (span,) = found.spans
    assert text[span.column - 1 : span.end_column - 1] == phrase


@settings(max_examples=50, deadline=None)
@given(FILLER, FILLER)
def test_without_the_phrase_nothing_fires(before: list[str], after: list[str]) -> None:
    assert hits(PHRASE, text=_sentence(before, "will look at", after)) == []


@settings(max_examples=30, deadline=None)
@given(FILLER, st.sampled_from(["scope out", "mull over"]))
def test_extend_adds_phrases_read_as_the_rule_reads_its_own(before: list[str], phrase: str) -> None:
    text = _sentence(before, f"will {phrase}", [])
    assert hits(PHRASE, {"extend": [phrase]}, text=text)
    assert not hits(PHRASE, text=text)


PATTERN = {
    "type": "pattern",
    "patterns": [
        [{"LOWER": "will"}, {"LOWER": {"IN": ["aim", "hope", "aspire"]}}, {"LOWER": "to"}]
    ],
    "message": "'{words}'",
}


@settings(max_examples=40, deadline=None)
@given(FILLER, FILLER, st.sampled_from(["aim", "hope", "aspire"]))
def test_a_token_pattern_fires_on_each_of_its_alternatives(
    before: list[str], after: list[str], verb: str
) -> None:
    (found,) = hits(PATTERN, text=_sentence(before, f"will {verb} to", after))
    assert found.words == (f"will {verb} to",)
    assert not hits(PATTERN, text=_sentence(before, f"will {verb} for", after))


OUTSIDE = {
    "type": "pattern",
    "field": "action",
    "unless_owner": True,
    "patterns": [
        [{"IS_SENT_START": True, "LOWER": "the"}, {"LOWER": "council"}, {"LOWER": "will"}]
    ],
    "message": "'{words}' is another body's act",
}
COUNCIL_STEP = "The council will open a second housing advice desk in the town hall"


def test_a_body_is_outside_unless_it_is_the_owner_or_whose_plan_it_is() -> None:
    row = f"1\tHousing advice was hard to get.\t{COUNCIL_STEP}.\tHead of Resettlement\tMay 2026\n"
    (found,) = hits(OUTSIDE, plan="Action Plan: HMP Eastfold\n" + HEAD + row)
    assert found.message == "'The council will' is another body's act"
    # the body named in the owner's cell, or as the plan's own organisation
    owned = row.replace("Head of Resettlement", "Council Housing Team")
    assert hits(OUTSIDE, plan=HEAD + owned) == []
    assert hits(OUTSIDE, plan="Organisation: Eastfold District Council\n" + HEAD + row) == []
    assert hits(OUTSIDE, plan="Eastfold District Council: housing action plan\n" + HEAD + row) == []
