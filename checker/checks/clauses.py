"""Where a sentence puts its commitment: the head words of an action's clauses.

The default pipeline has no parser and no part-of-speech tags, so the head is
found from the shape of the sentence, the way plans write commitments:

* the sentence's first word ("Review ...", "Strengthening ...", "Consideration ...");
* the verb after the first modal ("... will [also] improve", "... will be encouraged",
  "... will continue to liaise");
* in a terse "X to do Y" step, the verb after "to" ("the college to assist ..."), but not
  where the sentence already has its verb ("Open a clinic to improve access", "Funds
  have been secured to improve ...": there the verb after "to" is the purpose);
* the means after "by" ("... by strengthening ...");
* the verb after a pronoun subject ("We hope to ...").

A purpose clause ("... to improve access", "... which will support ...") is not a
head: a vague word there states what the step is for, and the step itself may be
concrete.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checker.checks.matching import Match, sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODALS = frozenset("will shall must should would can may".split())
_PASS_OVER = frozenset("also further then now jointly be been being continue to not".split())
_DETERMINERS = frozenset(
    "a an the our their its this these that those all every each any some his her my your".split()
)
_RELATIVE = frozenset("which who that this it".split())
_PRONOUNS = frozenset("we they i he she it".split())
_PERFECT = frozenset("has have had was were".split())
_AUXILIARIES = frozenset("is are was were be been being has have had".split())
_NUMBERS = frozenset("one two three four five six seven eight nine ten twelve twenty".split())


def placed(doc: Doc, matches: list[Match], at_head: bool, sole_sentence: bool) -> list[Match]:
    """The matches that stand where a check asks: heading a commitment (``at_head``), in a
    text of one sentence (``sole_sentence``). Shared by pattern checks and evidence."""
    if sole_sentence and len(sentences(doc)) > 1:
        return []
    if not at_head:
        return matches
    heads = head_tokens(doc)
    return [m for m in matches if m.token_start in heads]


def head_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of the tokens that head a commitment, once per doc."""
    memo: frozenset[int] | None = doc.user_data.get("plancheck.heads")
    if memo is None:
        heads: set[int] = set()
        for lo, hi in sentences(doc):
            heads |= _heads_of(doc, lo, hi)
        memo = frozenset(heads)
        doc.user_data["plancheck.heads"] = memo
    return memo


def _heads_of(doc: Doc, lo: int, hi: int) -> set[int]:
    span = doc.char_span(lo, hi, alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    if not words:
        return set()
    first = words[0]
    # a sentence that opens on a participle ("Improved lighting ...") names a thing
    heads = set() if first.lower_.endswith("ed") else {first.i}
    if first.lower_ in _PRONOUNS and len(words) > 1:
        heads.add(words[1].i)  # "We hope to ...", "They aim to ..."
    modal = _first_modal(words)
    if modal is not None:
        after = _past(doc, modal + 1, hi)
        if after is not None:
            heads.add(after)
    for k, t in enumerate(words[:-1]):
        if t.lower_ == "by" and words[k + 1].lower_.endswith("ing"):
            heads.add(words[k + 1].i)
    done = _first_perfect(words)
    if done is not None:
        heads.add(done)
    return heads


def _first_perfect(words: list[Token]) -> int | None:
    """The participle of the first step told as done ("has been reviewed", "were improved"):
    what a completed step says was done is its commitment, as a future step's verb is."""
    for k, t in enumerate(words[:-1]):
        low = t.lower_
        if low in _MODALS:
            return None  # the future step heads the sentence
        if low in _PERFECT:
            if k > 0 and words[k - 1].lower_ in _RELATIVE:
                return None  # "..., which has improved ...": background
            rest = [w for w in words[k + 1 : k + 4] if w.lower_ not in _PASS_OVER]
            if rest and rest[0].lower_.endswith(("ed", "en", "wn", "ne", "ught", "ade", "ut")):
                return int(rest[0].i)
            return None
    return None


def _first_modal(words: list[Token]) -> int | None:
    """Index of the first modal, or of the 'to' of a terse 'X to do Y' step."""
    opens_with_verb = len(words) > 1 and (
        words[1].lower_ in _DETERMINERS | _NUMBERS
        or (words[0].i + 1 < len(words[0].doc) and words[0].doc[words[0].i + 1].like_num)
        or (words[0].lower_.endswith("ing") and len(words[0]) > 5)
    )
    finite = opens_with_verb  # the sentence already has its verb: a later "to" is a purpose
    for k, t in enumerate(words):
        low = t.lower_
        if low in _MODALS:
            if k > 0 and words[k - 1].lower_ in _RELATIVE:
                return None  # "... which will support": a purpose, not the commitment
            return int(t.i)
        if low in _AUXILIARIES:
            finite = True
        elif low == "to" and k > 0 and not finite:
            return int(t.i)
    return None


def _past(doc: Doc, i: int, hi: int) -> int | None:
    """The first word from token i on that is not an auxiliary or adverb."""
    while i < len(doc) and doc[i].idx < hi:
        t = doc[i]
        low = t.lower_
        if t.is_alpha and low not in _PASS_OVER and not (low.endswith("ly") and len(low) > 4):
            return i
        i += 1
    return None
