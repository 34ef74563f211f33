"""``plancheck rules``, ``rule CODE``, ``--version``, ``--help``, and what they must not import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker import __version__
from checker.config import Settings
from checker.engine.registry import load_rules
from tests.cli.kit import ROOT, cli


def test_version_and_help() -> None:
    run = cli(["--version"])
    assert (run.code, run.stdout.strip()) == (0, f"plancheck, version {__version__}")
    text = cli(["--help"]).stdout
    for command in ("lint", "parse", "rules", "rule", "init"):
        assert f"  {command} " in text
    lint_help = cli(["lint", "--help"]).stdout
    for option in (
        "--format",
        "--output",
        "--color",
        "--quiet",
        "--statistics",
        "--fail-under",
        "--fail-on",
        "--baseline",
        "--write-baseline",
        "--select",
        "--ignore",
        "--extend-select",
        "--config",
        "--show-settings",
        "--no-cache",
        "--cache-dir",
        "--jobs",
        "--max-file-size",
        "--stdin-filename",
    ):
        assert option in lint_help, option


def test_rules_table() -> None:
    run = cli(["rules"])
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "crit", "severity", "summary"]
    rules = load_rules(Settings())
    assert len(lines) == len(rules) + 1
    row = next(line for line in lines if line.startswith("PC-S001 "))
    assert row.split()[1:4] == ["vague-commitment", "S", "error"]


def test_rules_json() -> None:
    rows = json.loads(cli(["rules", "--format", "json"]).stdout)
    assert {"code", "name", "criterion", "severity", "weight", "summary"} <= set(rows[0])
    assert {r["code"] for r in rows} == {r.code for r in load_rules(Settings())}


@pytest.mark.parametrize("wanted", ["PC-S001", "pc-s001", "vague-commitment"])
def test_rule_page(wanted: str) -> None:
    run = cli(["rule", wanted])
    assert run.code == 0
    text = run.stdout
    assert text.startswith(
        "PC-S001 vague-commitment\ncriterion S | severity error | weight 2 | check phrase\n"
    )
    for heading in (
        "Why it matters",
        "Write instead",
        "Bad (the rule fires)",
        "Good (the rule is quiet)",
    ):
        assert f"\n{heading}\n" in text
    assert "We will explore moving part of the reception process" in text


def test_rule_page_json_and_unknown_rule() -> None:
    doc = json.loads(cli(["rule", "PC-T001", "--format", "json"]).stdout)
    assert doc["code"] == "PC-T001" and doc["examples"]["bad"]
    run = cli(["rule", "PC-S00"])
    assert run.code == 2
    assert run.stderr.startswith("plancheck: error: unknown rule 'PC-S00'; did you mean PC-S0")


NO_SPACY = """
import sys
from checker.cli.main import main
try:
    main(sys.argv[1:], prog_name="plancheck")
except SystemExit as exc:
    code = exc.code
print("SPACY-IMPORTED" if "spacy" in sys.modules else "NO-SPACY", code)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["rules"],
        ["rules", "--format", "json"],
        ["rule", "PC-S001"],
        ["lint", "--help"],
    ],
)
def test_light_commands_do_not_import_spacy(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", NO_SPACY, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.stdout.strip().splitlines()[-1] == "NO-SPACY 0", done.stdout + done.stderr


def test_console_script_reads_real_standard_input(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "plancheck"
    if not script.exists():
        pytest.skip("the plancheck console script is not installed beside this Python")
    data = (ROOT / "examples" / "bad-plan.txt").read_bytes()
    done = subprocess.run(
        [str(script), "lint", "-", "--quiet", "--no-cache", "--select", "T"],
        input=data,
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.decode().splitlines()[0].startswith("-:12:")


def test_rules_publish_their_measured_accuracy() -> None:
    rows = {r["code"]: r for r in json.loads(cli(["rules", "--format", "json"]).stdout)}
    measured = rows["PC-S001"]["accuracy"]
    assert measured is not None and set(measured) >= {"real", "authored"}
    assert 0.0 <= measured["authored"]["precision"] <= 1.0
    page = cli(["rule", "PC-S001"]).stdout
    assert "Measured on the dev set" in page and "authored plans:" in page
