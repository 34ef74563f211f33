"""Patterns in a rule pack cannot hang a run, and a bad one is found when the pack loads."""

from __future__ import annotations

from pathlib import Path

from tests.cli.kit import lint

RULE = """\
code: LOC-O901
name: odd-owner
criterion: O
severity: warning
weight: 1
summary: The owner is one the team does not use.
why: |
  The team keeps a list of owners it does not accept.
instead: Name an owner from the establishment's structure chart.
check:
  type: owner
  kind: collective
  collective: ["{pattern}"]
  message: "'{{words}}' is not an owner we use"
examples:
  bad:
    - text: Fit radiators on every landing.
      owner: aa
  good:
    - text: Fit radiators on every landing.
      owner: Head of Estates
"""
PLAN = "Rec No\tConcern\tAction\tOwner\tTarget\n1\tCells were cold.\tFit radiators.\t{owner}\tMay 2026\n"


def _pack(here: Path, pattern: str, owner: str) -> None:
    (here / "rules").mkdir()
    (here / "rules" / "LOC-O901.yaml").write_text(RULE.format(pattern=pattern), encoding="utf-8")
    (here / "plancheck.toml").write_text('packs = ["rules"]\n', encoding="utf-8")
    (here / "plan.txt").write_text(PLAN.format(owner=owner), encoding="utf-8")


def test_a_catastrophic_pattern_is_stopped_and_named(here: Path) -> None:
    _pack(here, "(a|aa)+$", "a" * 80 + "!")
    run = lint("--no-cache", "plan.txt")
    assert run.code == 2
    (line,) = run.stderr.strip().splitlines()
    assert "LOC-O901" in line and "LOC-O901.yaml" in line and "took over" in line


def test_a_pattern_that_does_not_compile_is_a_pack_error_when_the_pack_loads(here: Path) -> None:
    _pack(here, "(unclosed", "Governor")
    run = lint("--no-cache", "plan.txt")
    assert run.code == 2
    (line,) = run.stderr.strip().splitlines()
    assert "LOC-O901" in line and "regular expression" in line


PHRASE_RULE = """\
code: LOC-S902
name: odd-words
criterion: S
severity: warning
weight: 1
summary: Words the team does not use.
why: |
  The team keeps a list of words it does not accept.
instead: Say what will be done.
check:
  type: {type}
  field: action
{body}
examples:
  bad: ["The wing will synergise the regime."]
  good: ["The wing will open at 8am."]
"""


def _rule(here: Path, kind: str, body: str) -> None:
    (here / "rules").mkdir()
    text = PHRASE_RULE.format(type=kind, body=body)
    (here / "rules" / "LOC-S902.yaml").write_text(text, encoding="utf-8")
    (here / "plancheck.toml").write_text('packs = ["rules"]\n', encoding="utf-8")
    (here / "plan.txt").write_text(PLAN.format(owner="Governor"), encoding="utf-8")


def test_an_unknown_message_placeholder_is_a_pack_error_when_it_loads(here: Path) -> None:
    _rule(here, "phrase", '  phrases: [synergise]\n  message: "{wrods} is jargon"')
    run = lint("--no-cache", "plan.txt")
    assert run.code == 2
    (line,) = run.stderr.strip().splitlines()
    assert "LOC-S902.yaml" in line and "unknown placeholder {wrods}" in line


def test_a_bad_token_pattern_is_a_pack_error_when_it_loads(here: Path) -> None:
    _rule(here, "pattern", '  patterns: [[{LEMMA: {IN: 5}}]]\n  message: "{words} is jargon"')
    run = lint("--no-cache", "plan.txt")
    assert run.code == 2, run.stdout
    (line,) = run.stderr.strip().splitlines()
    assert "LOC-S902.yaml" in line


def test_a_word_yaml_read_as_true_is_named_with_the_fix(here: Path) -> None:
    _rule(
        here, "pattern", '  patterns: [[{LOWER: {IN: [on, upon]}}]]\n  message: "{words} is jargon"'
    )
    run = lint("--no-cache", "plan.txt")
    assert run.code == 2, run.stdout
    (line,) = run.stderr.strip().splitlines()
    assert "LOC-S902.yaml" in line and 'quote the word ("on")' in line
