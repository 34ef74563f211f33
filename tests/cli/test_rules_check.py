"""``plancheck rules --check [PACK]``: a pack author's test run, and rule names kept as aliases."""

from __future__ import annotations

from pathlib import Path

from tests.cli.kit import GOOD, cli, lint
from tests.cli.test_config import LOCAL_RULE, write


def test_the_built_in_pack_and_its_cases_hold() -> None:
    run = cli(["rules", "--check", "--cases", "tests/rules/cases"])
    assert run.code == 0, run.stdout
    assert run.stdout.strip().endswith("every rule behaves as its examples say")


def test_a_pack_whose_examples_hold_passes(work: Path) -> None:
    write(work / "pack" / "S901-in-house-jargon.yaml", LOCAL_RULE)
    run = cli(["rules", "--check", "pack"])
    assert run.code == 0, run.stdout
    assert run.stdout.startswith("1 rule(s), 2 example(s)")


def test_a_bad_example_that_does_not_fire_a_misnamed_file_and_a_failing_case_are_named(
    work: Path,
) -> None:
    broken = LOCAL_RULE.replace('bad: ["Forty', 'bad: ["Forty places in the sewing room.", "Forty')
    write(work / "pack" / "jargon.yaml", broken)
    write(
        work / "cases" / "S901.yaml",
        "rule: LOC-S901\nfire: [Staff will tidy the textiles unit.]\n"
        "pass: [Staff will tidy the textiles unit daily.]\n",
    )
    run = cli(["rules", "--check", "pack", "--cases", "cases"])
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert any("jargon.yaml: name the file S901-in-house-jargon.yaml" in x for x in lines)
    assert any("bad example does not fire" in x and "sewing room" in x for x in lines)
    assert any("pass case fires" in x and "daily" in x for x in lines)
    assert lines[-1] == "1 rule(s), 3 example(s), the cases in cases: 3 problem(s)"


def test_a_case_file_that_is_not_one_is_one_line_and_exit_2(work: Path) -> None:
    write(work / "pack" / "S901-in-house-jargon.yaml", LOCAL_RULE)
    write(work / "cases" / "x.yaml", "- just a list\n")
    run = cli(["rules", "--check", "pack", "--cases", "cases"])
    assert run.code == 2
    assert "x.yaml: not a case file" in run.stderr and "Traceback" not in run.stderr


def test_a_renamed_rule_is_still_selected_by_its_old_name(work: Path) -> None:
    renamed = LOCAL_RULE.replace(
        "name: in-house-jargon", "name: unexplained-jargon\naliases: [in-house-jargon]"
    )
    write(work / "local-rules" / "S901-unexplained-jargon.yaml", renamed)
    write(work / "plancheck.toml", 'packs = ["local-rules"]\n')
    chosen = lint(GOOD, "-f", "json", "--select", "in-house-jargon")
    assert chosen.code in (0, 1), chosen.stderr
    assert [r["code"] for r in _rules(chosen.stdout)] == ["LOC-S901"]
    ignored = lint(GOOD, "-f", "json", "--ignore", "in-house-jargon")
    assert "LOC-S901" not in [r["code"] for r in _rules(ignored.stdout)]


def _rules(stdout: str) -> list[dict[str, object]]:
    import json

    rules: list[dict[str, object]] = json.loads(stdout)["rules"]
    return rules
