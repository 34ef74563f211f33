"""Where a sentence puts its commitment (checks/clauses.py), on invented sentences."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.checks.clauses import head_tokens
from checker.nlp import Annotator


@cache
def _nlp():  # type: ignore[no-untyped-def]
    return Annotator(["improve", "encourage"]).nlp


def heads(text: str) -> list[str]:
    doc = _nlp()(text)
    return [doc[i].lower_ for i in sorted(head_tokens(doc))]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Strengthen links with the council.", "strengthen"),
        ("The chaplain will also encourage attendance.", "encourage"),
        ("Staff will be encouraged to attend.", "encouraged"),
        ("Library staff to promote the reading scheme.", "promote"),
        ("We hope to repair every shower.", "hope"),
        ("Reduce waits by improving the rota.", "improving"),
        # a step told as done: what it says was done
        ("The rota has been reviewed.", "reviewed"),
        ("Links with the council were strengthened in May.", "strengthened"),
        ("Staff have now been shown the new form.", "shown"),
    ],
)
def test_the_commitment_is_a_head(text: str, head: str) -> None:
    assert head in heads(text)


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("Open a Sunday clinic to improve access.", "improve"),
        ("Funds have been secured to improve the unit.", "improve"),
        ("Buy two kiosks, which will support faster orders.", "support"),
        ("Improved lighting is in place on the yard.", "improved"),
        ("A kiosk, which has improved orders, will be bought.", "improved"),
        ("The panel will meet after the rota has been reviewed.", "reviewed"),
    ],
)
def test_a_purpose_or_a_named_thing_is_not(text: str, purpose: str) -> None:
    assert purpose not in heads(text)


def test_every_sentence_has_its_own_heads() -> None:
    found = heads("Review the rota. Encourage men to attend.")
    assert found[:2] == ["review", "encourage"]
    # known over-reach: with no tagger, "Encourage men to attend" looks like a terse
    # "X to do Y" step, so "attend" counts as a head too (harmless: not a vague verb)
    assert found[2:] == ["attend"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_heads_are_tokens_of_the_doc_for_any_text(text: str) -> None:
    doc = _nlp()(text)
    assert all(0 <= i < len(doc) and doc[i].is_alpha for i in head_tokens(doc))
