"""Config files, ``--config``, flags over config, selection, ``--show-settings`` and ``init``."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from checker.cli.starter import STARTER
from checker.config import Settings, load_file
from tests.cli.kit import BAD, GOOD, cli, lint

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def codes(run_stdout: str) -> set[str]:
    report = json.loads(run_stdout)
    return {
        f["code"]
        for fr in report["files"]
        for rec in fr["recommendations"]
        for act in rec["actions"]
        for f in act["findings"]
    } | {f["code"] for fr in report["files"] for f in fr["findings"]}


def findings(run_stdout: str) -> list[dict[str, object]]:
    report = json.loads(run_stdout)
    return [
        f
        for fr in report["files"]
        for rec in fr["recommendations"]
        for act in rec["actions"]
        for f in act["findings"]
    ]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ selection


def test_select_by_letter_prefix_code_and_name(work: Path) -> None:
    assert {c[3] for c in codes(lint(BAD, "-f", "json", "--select", "S").stdout)} == {"S"}
    got = codes(lint(BAD, "-f", "json", "--select", "PC-T001,PC-O").stdout)
    assert got == {"PC-O001", "PC-O002", "PC-O003"}  # no T001 finding in this plan
    got = codes(lint(BAD, "-f", "json", "--select", "vague-commitment").stdout)
    assert got == {"PC-S001"}


def test_ignore_and_extend_select(work: Path) -> None:
    got = codes(lint(BAD, "-f", "json", "--ignore", "S,M").stdout)
    assert got and not {c for c in got if c[3] in "SM"}
    got = codes(lint(BAD, "-f", "json", "--select", "O", "--extend-select", "PC-T002").stdout)
    assert got == {"PC-O001", "PC-O002", "PC-O003", "PC-T002"}
    # the most specific selector wins: ignore the S family but keep one rule of it
    got = codes(lint(BAD, "-f", "json", "--ignore", "S", "--select", "PC-S001").stdout)
    assert got == {"PC-S001"}


def test_unknown_selectors_are_usage_errors(work: Path) -> None:
    run = lint(BAD, "--select", "S,PC-Q123,nonsense")
    assert run.code == 2
    assert run.stderr.strip() == (
        "plancheck: error: unknown rule selector(s) PC-Q123, nonsense in"
        " --select/--ignore/--extend-select (see 'plancheck rules')"
    )
    write(work / "plancheck.toml", 'ignore = ["PC-Z999"]\n')
    run = lint(BAD)
    assert run.code == 2
    assert "plancheck.toml: unknown rule selector(s) PC-Z999" in run.stderr


def test_per_file_ignores(work: Path) -> None:
    write(work / "plancheck.toml", '[per_file_ignores]\n"bad-*.txt" = ["S", "PC-M001"]\n')
    got = codes(lint(BAD, "-f", "json").stdout)
    assert got and not {c for c in got if c[3] == "S" or c == "PC-M001"}


def test_per_file_ignores_match_paths_relative_to_the_config_folder(work: Path) -> None:
    (work / "plans" / "drafts").mkdir(parents=True)
    (work / "plans" / "drafts" / BAD).write_bytes((work / BAD).read_bytes())
    write(work / "plans" / "plancheck.toml", '[per_file_ignores]\n"drafts/*.txt" = ["S"]\n')
    got = codes(lint(f"plans/drafts/{BAD}", "-f", "json").stdout)
    assert got and not {c for c in got if c[3] == "S"}


# ------------------------------------------------------------------ config files


def test_nearest_config_wins(work: Path) -> None:
    write(work / "plancheck.toml", 'ignore = ["O"]\n')
    (work / "team").mkdir()
    (work / "team" / BAD).write_bytes((work / BAD).read_bytes())
    write(work / "team" / ".plancheck.toml", 'ignore = ["T"]\n')
    report = json.loads(lint(BAD, "team/" + BAD, "-f", "json").stdout)
    by_file = {
        fr["source"]: {
            f["code"][3] for r in fr["recommendations"] for a in r["actions"] for f in a["findings"]
        }
        for fr in report["files"]
    }
    assert "O" not in by_file[BAD] and "T" in by_file[BAD]
    assert "T" not in by_file["team/" + BAD] and "O" in by_file["team/" + BAD]


def test_pyproject_table_and_explicit_config(work: Path) -> None:
    write(work / "pyproject.toml", '[project]\nname = "x"\n\n[tool.plancheck]\nfail_on = "info"\n')
    assert lint(GOOD, "--fail-on", "error").code == 0
    write(work / "other.toml", 'select = ["O"]\n')
    assert codes(lint(BAD, "-f", "json", "--config", "other.toml").stdout) <= {
        "PC-O001",
        "PC-O002",
        "PC-O003",
    }
    run = lint(BAD, "--config", "missing.toml")
    assert (run.code, run.stderr.strip()) == (
        2,
        "plancheck: error: missing.toml: config file not found",
    )


def test_flags_override_config(work: Path) -> None:
    write(work / "plancheck.toml", 'fail_under = 99\nformat = "json"\n')
    run = lint(GOOD)
    assert run.stdout.startswith("{")  # the config's format
    assert lint(GOOD, "--fail-under", "50").code == 0
    assert lint(GOOD, "-f", "text").stdout.startswith(GOOD)


def test_unknown_config_key_names_it(work: Path) -> None:
    write(work / "plancheck.toml", "fail_undr = 50\n")
    run = lint(GOOD)
    assert run.code == 2
    assert (
        run.stderr.strip()
        == f"plancheck: error: {work / 'plancheck.toml'}: unknown key 'fail_undr'"
    )


def test_rule_settings_change_the_findings(work: Path) -> None:
    write(
        work / "plancheck.toml",
        'horizon_months = 1\n[severity]\n"PC-S001" = "warning"\n[weights]\n"PC-S001" = 0\n'
        '[rules.PC-S001]\nextend = ["roster"]\n[rules.collective-owner]\n'
        'extend = ["Head of Residence"]\n',
    )
    found = findings(lint(GOOD, "-f", "json").stdout)
    got = {(f["code"], f["severity"]) for f in found}
    assert ("PC-S001", "warning") in got  # "rostered" is now vague, and only a warning
    assert ("PC-O002", "error") in got  # the Head of Residence is now a collective
    assert ("PC-T006", "warning") in got  # every target is beyond a one-month horizon


def test_spacy_pipeline_that_is_not_installed(work: Path) -> None:
    write(work / "plancheck.toml", 'pipeline = "xx_no_such_pipeline"\n')
    run = lint(GOOD, "--no-cache")
    assert run.code == 2
    assert "spaCy pipeline 'xx_no_such_pipeline' is not installed" in run.stderr
    assert "Traceback" not in run.stderr


LOCAL_RULE = """\
code: LOC-S901
name: in-house-jargon
criterion: S
severity: warning
weight: 1
summary: The action uses in-house jargon that readers outside the prison cannot follow.
why: |
  An action plan is published; readers outside the establishment must be able
  to tell what each step means.
instead: Say in plain words what will be done.
check:
  type: phrase
  field: action
  match: lower
  phrases: [textiles unit]
  message: "'{words}' is in-house jargon"
examples:
  bad: ["Forty places will be opened in the textiles unit."]
  good: ["Forty places will be opened in the sewing workshop."]
"""


def test_extra_rule_pack(work: Path) -> None:
    write(work / "local-rules" / "LOC-S901.yaml", LOCAL_RULE)
    write(work / "plancheck.toml", 'packs = ["local-rules"]\n')
    assert ("LOC-S901", "warning") in {
        (f["code"], f["severity"]) for f in findings(lint(GOOD, "-f", "json").stdout)
    }
    assert "LOC-S901" in cli(["rules"]).stdout
    assert "in-house jargon" in cli(["rule", "in-house-jargon"]).stdout
    # the same pack through --config, from a folder with no config of its own
    (work / "plancheck.toml").rename(work / "team.toml")
    assert "LOC-S901" not in cli(["rules"]).stdout
    assert "LOC-S901" in cli(["rules", "--config", "team.toml"]).stdout
    assert cli(["rule", "LOC-S901", "--config", "team.toml"]).code == 0


# ------------------------------------------------------------------ --show-settings


def test_show_settings_toml_round_trips(work: Path) -> None:
    write(work / "plancheck.toml", 'fail_under = 60\n[severity]\n"PC-S007" = "info"\n')
    run = lint("--show-settings", BAD, "--fail-on", "warning")
    assert run.code == 0
    assert run.stdout.splitlines()[:2] == [
        f"# settings for {BAD}",
        f"# from {work / 'plancheck.toml'}",
    ]
    shown = Settings.model_validate(tomllib.loads(run.stdout))
    assert shown.fail_under == 60 and shown.fail_on == "warning"
    assert shown.severity == {"PC-S007": "info"}


def test_show_settings_json_and_defaults(work: Path) -> None:
    run = lint("--show-settings", "--format", "json")
    doc = json.loads(run.stdout)
    assert doc["config"] is None and doc["target"] == "."
    assert Settings.model_validate(doc["settings"] | {"format": "text"}) == Settings()


# ------------------------------------------------------------------ init


def test_init_writes_a_valid_commented_starter(work: Path) -> None:
    run = cli(["init"])
    assert run.code == 0
    path = work / "plancheck.toml"
    assert path.read_text(encoding="utf-8") == STARTER
    assert load_file(path) == Settings()  # every key is commented out at its default
    refused = cli(["init"])
    assert refused.code == 2
    assert "already exists (use --force to overwrite it)" in refused.stderr
    path.write_text("# mine\n", encoding="utf-8")
    assert cli(["init", "--force"]).code == 0
    assert path.read_text(encoding="utf-8") == STARTER


SETTING_LINE = re.compile(r'^# ([a-z_]+ = |\[\[?[a-z_]+(\.[a-z-]+)?\]\]?$|"[^"]+" = )')


def test_init_in_a_folder_and_the_uncommented_starter_is_valid(work: Path) -> None:
    assert cli(["init", "sub"]).code == 0
    text = (work / "sub" / "plancheck.toml").read_text(encoding="utf-8")
    lines = [line[2:] if SETTING_LINE.match(line) else line for line in text.splitlines()]
    settings = Settings.model_validate(tomllib.loads("\n".join(lines)))
    assert settings.fail_under == 70 and settings.weights == {"PC-S001": 3, "M": 2}
    assert settings.rules["vague-commitment"] == {"extend": ["scope out", "revisit"]}
    assert set(tomllib.loads("\n".join(lines))) == set(Settings.model_fields)


@pytest.mark.parametrize("name", ["plancheck.toml", ".plancheck.toml"])
def test_config_file_names(work: Path, name: str) -> None:
    write(work / name, 'select = ["T"]\n')
    assert {c[3] for c in codes(lint(BAD, "-f", "json").stdout)} == {"T"}


def test_exclude_skips_expanded_files_but_not_named_ones(work: Path) -> None:
    write(work / "plancheck.toml", 'exclude = ["archive/", "*.yml"]\n')
    (work / "plans" / "archive").mkdir(parents=True)
    (work / "plans" / GOOD).write_bytes((work / GOOD).read_bytes())
    (work / "plans" / "archive" / "old.txt").write_bytes(b"")  # unreadable if it were read
    write(work / "plans" / "ci.yml", "jobs: {}\n")
    run = lint("plans", "plans/**/*.txt", "-f", "json")
    assert run.code == 0, run.stderr
    assert [f["source"] for f in json.loads(run.stdout)["files"]] == [f"plans/{GOOD}"]
    named = lint("plans", "plans/archive/old.txt")
    assert named.code == 2 and "plans/archive/old.txt: is empty" in named.stderr
    # pre-commit names every file: --force-exclude keeps excluded ones excluded
    forced = lint("--force-exclude", "plans/archive/old.txt", f"plans/{GOOD}", "-f", "json")
    assert forced.code == 0, forced.stderr
    assert [f["source"] for f in json.loads(forced.stdout)["files"]] == [f"plans/{GOOD}"]


def test_exit_zero_and_statistics_only_with_text(work: Path) -> None:
    assert lint(BAD).code == 1
    assert lint(BAD, "--exit-zero").code == 0
    assert lint(BAD, "--exit-zero", "gone.txt").code == 2  # an unreadable plan still says so
    run = lint(BAD, "--statistics", "-f", "json")
    assert run.code == 2 and "--statistics is a view of the text report" in run.stderr


def test_the_examples_folder_lints_as_a_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.cli.kit import EXAMPLES

    monkeypatch.chdir(EXAMPLES.parent)
    run = lint("examples/", "-f", "json", "--no-cache")
    assert run.code == 1, run.stderr  # the bad plan fails; the CI snippets are excluded
    doc = json.loads(run.stdout)
    assert [f["source"] for f in doc["files"]] == [
        "examples/bad-plan.txt",
        "examples/good-plan.txt",
    ]
    assert doc["errors"] == []


def test_an_unknown_selector_suggests_the_rule_meant(work: Path) -> None:
    run = lint(BAD, "--select", "S001,vague-comitment")
    assert run.code == 2
    assert (
        "did you mean 'PC-S001' for 'S001', 'vague-commitment' for 'vague-comitment'?" in run.stderr
    )


def test_per_file_ignores_take_every_kind_of_selector(work: Path) -> None:
    # one definition of selection: a rule's name and a criterion letter work per file too,
    # whatever the length of the rule's code prefix
    write(work / "local" / "LOC-S901.yaml", LOCAL_RULE)
    write(
        work / "plancheck.toml",
        'packs = ["local"]\nper_file_ignores = { "*.txt" = ["vague-commitment"] }\n',
    )
    codes = {f["code"] for f in findings(lint(BAD, "-f", "json").stdout)}
    assert "PC-S001" not in codes and "PC-S003" in codes
    plan = "Rec No\tConcern\tAction\tOwner\tTarget\n1\tIdle men.\tForty places will be opened in the textiles unit.\tHead of Industries\tMay 2026\n"
    write(work / "jargon.txt", plan)
    write(work / "plancheck.toml", 'packs = ["local"]\n')
    assert "LOC-S901" in {f["code"] for f in findings(lint("jargon.txt", "-f", "json").stdout)}
    write(work / "plancheck.toml", 'packs = ["local"]\nper_file_ignores = { "*.txt" = ["S"] }\n')
    codes = {f["code"] for f in findings(lint("jargon.txt", BAD, "-f", "json").stdout)}
    assert not any(c.split("-")[1].startswith("S") for c in codes), codes


ODD_HEADINGS = (
    "Milestone\tChampion\tWhen done\tWorkstream\n"
    "Open the library on Saturday mornings.\tLibrary Manager\tMay 2026\tReading\n"
)


def test_columns_name_headings_plancheck_does_not_know(work: Path) -> None:
    (work / "odd.txt").write_text(ODD_HEADINGS, encoding="utf-8")
    before = json.loads(lint("--format", "json", "--no-cache", "odd.txt").stdout)
    owners = [a["owner"] for r in before["files"][0]["recommendations"] for a in r["actions"]]
    assert "Library Manager" not in owners
    (work / "plancheck.toml").write_text(
        '[columns]\nmilestone = "action"\n"CHAMPION" = "owner"\n"Workstream:" = "concern"\n',
        encoding="utf-8",
    )
    after = json.loads(lint("--format", "json", "--no-cache", "odd.txt").stdout)
    (rec,) = after["files"][0]["recommendations"]
    (act,) = rec["actions"]
    assert (act["owner"], act["due"]) == ("Library Manager", "2026-05")
    shown = cli(["parse", "odd.txt"]).stdout
    assert "Milestone -> action | Champion -> owner | When done -> target" in shown


def test_a_column_role_plancheck_does_not_have_is_one_clear_error(work: Path) -> None:
    (work / "plancheck.toml").write_text('[columns]\nMilestone = "deed"\n', encoding="utf-8")
    run = lint(GOOD)
    assert run.code == 2
    assert "columns.Milestone" in run.stderr and "'action'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_rule_option_is_typed_by_its_check_type(work: Path) -> None:
    write(work / "plancheck.toml", '[rules.vague-commitment]\nextnd = ["roster"]\n')
    run = lint(GOOD, "--no-cache")
    assert run.code == 2
    assert "rules.vague-commitment.extnd: unknown option for a 'phrase' rule" in run.stderr
    assert "(it takes: extend)" in run.stderr
    write(work / "plancheck.toml", '[rules.PC-T001]\nextend = ["x"]\n')
    assert "it takes: no options" in lint(GOOD, "--no-cache").stderr
    write(work / "plancheck.toml", '[rules.vague-comitment]\nextend = ["x"]\n')
    assert "[rules] names no rule in force: vague-comitment" in lint(GOOD, "--no-cache").stderr


def test_a_key_that_moved_under_a_rule_says_where(work: Path) -> None:
    write(work / "plancheck.toml", 'extra_vague_words = ["roster"]\n')
    run = lint(GOOD, "--no-cache")
    assert run.code == 2
    assert "unknown key 'extra_vague_words' (it moved: write [rules.vague-commitment]" in run.stderr
