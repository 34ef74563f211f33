"""The one matcher pass: every rule's phrases and patterns share a pipeline's matchers, and
each set finds exactly what a Matcher of its own finds."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.checks.matching import PatternSet, PhraseSet, anchors, prepare
from checker.nlp import Annotator

WORDS = ["will", "review", "the", "staff", "to", "be", "monitored", "shall", "by", "weekly", "a"]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return Annotator(["review", "monitor", "staff"]).nlp


def _own(nlp: Any, patterns: list[list[dict[str, Any]]], text: str) -> list[tuple[int, int]]:
    """What a Matcher of the set's own finds, overlaps resolved as the checks resolve them."""
    from spacy.matcher import Matcher

    matcher = Matcher(nlp.vocab)
    matcher.add("P", patterns)
    spans = sorted(matcher(nlp(text), allow_missing=True), key=lambda m: (m[1] - m[2], m[1]))
    chosen: list[tuple[int, int]] = []
    for _, start, end in spans:
        if all(end <= lo or start >= hi for lo, hi in chosen):
            chosen.append((start, end))
    return sorted(chosen)


SETS: list[list[list[dict[str, Any]]]] = [
    [[{"LOWER": {"IN": ["will", "shall"]}}, {"LEMMA": "review"}]],
    [[{"LEMMA": "monitor"}], [{"LOWER": "to"}, {"LOWER": "be"}, {"LEMMA": "monitor"}]],
    [[{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "{0,2}"}, {"LEMMA": "staff"}]],
    [[{"LOWER": "by"}, {"LOWER": {"NOT_IN": ["the"]}, "OP": "?"}, {"LOWER": "weekly"}]],
    [[{"IS_ALPHA": True, "OP": "+"}, {"LOWER": "a"}]],
    [[{"LOWER": "by"}, {"LOWER": "the", "OP": "{,2}"}, {"LOWER": "weekly"}]],
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
@example(["staff", "by", "weekly"])  # an optional token left out: "{,2}" matched none
@example(["will", "review", "the", "staff", "to", "be", "monitored", "weekly"])
def test_each_set_finds_what_its_own_matcher_finds(nlp: Any, words: list[str]) -> None:
    text = " ".join(words)
    sets = [PatternSet(patterns) for patterns in SETS]
    prepare(nlp, sets)
    doc = nlp(text)
    for match_set, patterns in zip(sets, SETS, strict=True):
        found = [(m.token_start, m.token_end) for m in match_set.find(doc, nlp)]
        assert found == _own(nlp, patterns, text), patterns


def test_a_set_used_before_it_was_prepared_still_finds(nlp: Any) -> None:
    doc = nlp("Staff will review the rota.")
    early = PhraseSet(["review"])
    assert [m.words for m in early.find(doc, nlp)] == ["review"]
    late = PhraseSet(["rota"], on="lower")
    assert [m.words for m in late.find(doc, nlp)] == ["rota"]
    assert [m.words for m in early.find(doc, nlp)] == ["review"]


def test_anchors_are_the_words_a_pattern_requires() -> None:
    pattern = [
        {"LOWER": {"IN": ["will", "shall"]}},
        {"LOWER": "also", "OP": "?"},
        {"LEMMA": "review"},
        {"IS_PUNCT": True},
    ]
    assert anchors(pattern) == (
        ("LOWER", frozenset({"will", "shall"})),
        ("LEMMA", frozenset({"review"})),
    )
    assert anchors([{"LOWER": {"NOT_IN": ["x"]}}]) == ()
    # up to two, or none: not a word the text must hold
    assert anchors([{"LOWER": "the", "OP": "{,2}"}, {"LOWER": "weekly"}]) == (
        ("LOWER", frozenset({"weekly"})),
    )
