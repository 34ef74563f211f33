"""Rule packs: broken rule files are refused with errors naming the file and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.config import Settings
from checker.engine.packs import load_pack
from checker.engine.registry import check_types, load_rules, select, unknown_selectors
from checker.errors import PackError

GOOD = """\
code: ZZ-S901
name: says-maybe
criterion: S
severity: warning
summary: The action says maybe.
why: A maybe is not a commitment that anyone can check at the follow-up visit.
instead: Say what will happen.
check:
  type: phrase
  phrases: [maybe]
  message: "'{words}' is not a commitment"
examples:
  bad: ["Maybe a new rota."]
  good: ["A new rota from May."]
"""


def _pack(tmp_path: Path, text: str, name: str = "S901-says-maybe.yaml") -> Path:
    folder = tmp_path / "pack"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_good_local_pack_loads_and_joins_the_built_ins(tmp_path: Path) -> None:
    folder = _pack(tmp_path, GOOD)
    rules = load_rules(Settings(packs=(str(folder),)))
    assert "ZZ-S901" in {r.code for r in rules}
    chosen = select(rules, Settings(select=("ZZ",)))
    assert [r.code for r in chosen] == ["ZZ-S901"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("severity: warning", "severity: fatal"), "severity: 'fatal' is not one of"),
        (("code: ZZ-S901", "code: S901"), "code: 'S901' does not match"),
        (("name: says-maybe", "name: Says Maybe"), "name: 'Says Maybe' does not match"),
        (
            ("why: A maybe", "whyy: A maybe"),
            "Additional properties are not allowed ('whyy' was unexpected)",
        ),
        (('  bad: ["Maybe a new rota."]\n', "  bad: []\n"), "examples.bad: [] should be non-empty"),
        (("type: phrase", "type: fuzzy"), "check.type: unknown check type 'fuzzy'"),
        (
            ("  phrases: [maybe]", "  phrase: [maybe]"),
            "check.phrase: unknown key for check type 'phrase'",
        ),
        (
            ("  phrases: [maybe]", "  phrases: []"),
            "check.phrases: List should have at least 1 item",
        ),
        (("criterion: S", "criterion: Q"), "criterion: 'Q' is not one of"),
    ],
)
def test_broken_rule_files_name_file_and_key(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    old, new = change
    assert old in GOOD
    folder = _pack(tmp_path, GOOD.replace(old, new))
    with pytest.raises(PackError) as info:
        load_pack(folder, check_types())
    message = str(info.value)
    assert "S901-says-maybe.yaml" in message
    assert expected in message


def test_unreadable_yaml_and_non_mapping(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="cannot read rule file"):
        load_pack(_pack(tmp_path, "code: [unclosed"), check_types())
    with pytest.raises(PackError, match="must be a mapping"):
        load_pack(_pack(tmp_path, "- a list\n"), check_types())


def test_bad_pattern_in_a_rule_is_a_pack_error(tmp_path: Path) -> None:
    text = GOOD.replace(
        "  type: phrase\n  phrases: [maybe]",
        '  type: require\n  evidence:\n    x:\n      regex: "(unclosed"',
    )
    with pytest.raises(PackError, match="check"):
        load_pack(_pack(tmp_path, text), check_types())


def test_duplicate_codes_across_packs(tmp_path: Path) -> None:
    folder = _pack(tmp_path, GOOD.replace("ZZ-S901", "PC-S001"))
    with pytest.raises(PackError, match="already used"):
        load_rules(Settings(packs=(str(folder),)))


def test_missing_pack_folder() -> None:
    with pytest.raises(PackError, match="not found"):
        load_rules(Settings(packs=("/nonexistent/pack",)))


def test_selection_most_specific_wins() -> None:
    rules = load_rules(Settings())
    codes = lambda s: {r.code for r in select(rules, s)}  # noqa: E731
    assert codes(Settings(select=("S",))) == {r.code for r in rules if r.criterion == "S"}
    assert codes(Settings(select=("S",), ignore=("PC-S0",))) == set()
    only = codes(Settings(select=("S", "PC-S003"), ignore=("PC-S0",)))
    assert only == {"PC-S003"}
    assert "PC-M001" not in codes(Settings(ignore=("M",)))
    assert "PC-M001" in codes(Settings(select=("T",), extend_select=("PC-M001",)))
    assert codes(Settings(select=("vague-commitment",))) == {"PC-S001"}
    assert unknown_selectors(rules, ["PC-Q", "S", "nonsense-name"]) == ["PC-Q", "nonsense-name"]


@pytest.mark.parametrize(
    ("check", "error"),
    [
        (
            "  type: owner\n  kind: missing\n  separators: [/]",
            "check.separators: unknown key for kind 'missing' of check type 'owner'",
        ),
        (
            "  type: structure\n  kind: delegation\n  fact: submitted",
            "check.fact: unknown key for kind 'delegation' of check type 'structure'",
        ),
        (
            "  type: date\n  kind: beyond-horizon\n  statuses: [missing]",
            "check.statuses: unknown key for kind 'beyond-horizon' of check type 'date'",
        ),
        ("  type: structure\n  kind: header", "check.fact: Field required"),
        ("  type: owner\n  kind: absent", "does not match any of the expected tags"),
    ],
)
def test_a_key_is_accepted_only_for_the_kind_that_reads_it(
    tmp_path: Path, check: str, error: str
) -> None:
    text = GOOD.replace("  type: phrase\n  phrases: [maybe]", check)
    with pytest.raises(PackError, match=re.escape(error)):
        load_pack(_pack(tmp_path, text), check_types())
