"""``plancheck parse``: what the parser understood, as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from checker.paths import load_schema
from tests.cli.kit import BAD, GOOD, cli
from tests.cli.test_config import write

PLAN = (
    "Rec No\tConcern\tAction\tOwner\tTarget date\n"
    "1\tShowers on B wing were broken.\tRepair every shower on B wing.\tHead of Estates\t"
    "March 2026\n"
    "\t\tTest the showers weekly.\tResidential Manager\tOngoing\n"
)


def test_text_shows_columns_actions_owners_and_how_each_date_was_read(work: Path) -> None:
    write(work / "plan.txt", PLAN)
    run = cli(["parse", "plan.txt"])
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "plan.txt"
    assert "columns: Rec No -> ref | Concern -> concern | Action -> action" in lines[1]
    assert "    R1.A1 Repair every shower on B wing." in lines
    assert "        owner: Head of Estates | target: March 2026 -> 2026-03" in lines
    assert "        owner: Residential Manager | target: Ongoing -> open-ended" in lines


def test_json_is_one_plan_per_file_and_valid_against_the_plan_schema(work: Path) -> None:
    write(work / "plan.txt", PLAN)
    run = cli(["parse", "--format", "json", "plan.txt", GOOD])
    assert run.code == 0, run.stderr
    document = json.loads(run.stdout)
    jsonschema.validate(document, load_schema("plan.schema.json"))
    assert [f["source"] for f in document["files"]] == ["plan.txt", GOOD]
    (rec,) = document["files"][0]["recommendations"]
    assert [a["owner"] for a in rec["actions"]] == ["Head of Estates", "Residential Manager"]


def test_standard_input_is_parsed_under_the_name_given(work: Path) -> None:
    run = cli(["parse", "-", "--stdin-filename", "draft.txt"], stdin=PLAN)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("draft.txt\n")


def test_a_file_that_cannot_be_read_is_one_line_and_exit_2_the_others_still_parsed(
    work: Path,
) -> None:
    (work / "empty.txt").write_bytes(b"")
    run = cli(["parse", "empty.txt", BAD])
    assert run.code == 2
    assert run.stderr.strip().splitlines() == ["plancheck: error: empty.txt: is empty"]
    assert run.stdout.startswith(BAD)


def test_standard_input_over_the_size_limit_is_refused(work: Path) -> None:
    write(work / "plancheck.toml", "max_file_size = 100\n")
    run = cli(["parse", "-"], stdin=PLAN * 3)
    assert run.code == 2
    assert "-: is larger than the limit of 100 bytes" in run.stderr
