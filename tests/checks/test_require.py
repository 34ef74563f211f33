"""The ``require`` check type: fires when none of its evidence is in the text, unless voided."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.checks.kit import hits

CHECK = {
    "type": "require",
    "evidence": {
        "number": {"regex": r"\b\d+\b"},
        "frequency": {"match": "lower", "phrases": ["weekly", "monthly"]},
    },
    "voided_by": {"intent": {"match": "lower", "phrases": ["explore"]}},
    "message": "nothing to count",
    "void_message": "'{words}' commits to nothing",
}
WORDS = st.lists(
    st.sampled_from(["staff", "will", "check", "the", "cells", "on", "wing", "records"]),
    min_size=1,
    max_size=10,
)


@settings(max_examples=50, deadline=None)
@given(WORDS, st.sampled_from(["", "12", "weekly", "Monthly"]))
def test_it_fires_exactly_when_no_evidence_stands_in_the_text(
    words: list[str], evidence: str
) -> None:
    text = " ".join(["Officers", *words, evidence]).strip() + "."
    assert bool(hits(CHECK, text=text)) == (evidence == "")


@settings(max_examples=30, deadline=None)
@given(WORDS, st.sampled_from(["12", "weekly"]))
def test_wording_that_commits_to_nothing_voids_the_evidence(
    words: list[str], evidence: str
) -> None:
    text = " ".join(["Officers", "will", "explore", *words, evidence]) + "."
    (found,) = hits(CHECK, text=text)
    assert found.message == "'explore' commits to nothing"


SCOPED = CHECK | {
    "scoped_by": {"intent": {"match": "lower", "phrases": ["consider"]}},
}


@settings(max_examples=30, deadline=None)
@given(WORDS, st.sampled_from(["12", "weekly"]))
def test_evidence_in_the_scope_of_intent_does_not_count(words: list[str], evidence: str) -> None:
    """From the scoping word to the end of its sentence nothing counts; after it, it does."""
    text = " ".join(["Officers", "will", "check", "and", "consider", *words, evidence]) + "."
    (found,) = hits(SCOPED, text=text)
    assert found.message == "'consider' commits to nothing" and found.words == ("consider",)
    assert not hits(
        SCOPED, text=f"{evidence} officers will check. Then consider {' '.join(words)}."
    )
    assert not hits(SCOPED, text=f"Consider the rota. Staff check it {evidence}.")


def test_a_match_before_a_word_it_must_not_precede_does_not_count() -> None:
    check = {
        "type": "require",
        "evidence": {
            "post": {"match": "lemma", "phrases": ["manager"], "not_before": ["time", "resource"]}
        },
        "message": "no post",
    }
    assert not hits(check, text="A new manager will be appointed.")
    assert not hits(check, text="Appoint a manager")  # the last word stands before nothing
    assert hits(check, text="Extra manager time will be found.")
    assert hits(check, text="More Manager resources will be given.")  # by lemma
