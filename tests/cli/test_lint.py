"""``plancheck lint``: paths, standard input, exit codes, the text report and its options."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from tests.cli.kit import BAD, EXAMPLES, GOOD, lint

ANSI = re.compile(r"\x1b\[[0-9;]*m")
FINDING = re.compile(r"^\S+:\d+:\d+ PC-[A-Z]\d{3} .+ \((error|warning|info)\)$")


def test_good_plan_passes_and_bad_plan_fails(work: Path) -> None:
    good = lint(GOOD)
    assert good.code == 0, good.stdout + good.stderr
    assert "Gate: pass" in good.stdout
    bad = lint(BAD)
    assert bad.code == 1
    assert "Gate: FAIL" in bad.stdout
    failed = {c for c in "OTSMRA" if re.search(rf"\b{c}:FAIL\b", bad.stdout)}
    assert len(failed) >= 4, failed  # the bad example fails several criteria


def test_text_report_shape(work: Path) -> None:
    out = lint(BAD, "--no-cache").stdout
    assert out.startswith("bad-plan.txt  HMP Marshbrook, submitted 2025-11-14")
    assert "R1.A1 step 1  score 33.3  O:FAIL T:FAIL S:FAIL M:FAIL R:pass A:pass" in out
    assert "bad-plan.txt:12:98 PC-S001 'explore' commits to no result (error)" in out
    assert re.search(r"^Plan score \d+\.\d over 6 action\(s\)$", out, re.M)
    assert re.search(
        r"^Findings per criterion: O \d+  T \d+  S \d+  M \d+  R \d+  A \d+  P \d+$", out, re.M
    )
    assert re.search(r"^Weakest actions: R2\.A2 \d+\.\d, ", out, re.M)
    assert "\x1b[" not in out  # not a terminal: no colour


def test_folders_globs_and_several_files(work: Path) -> None:
    (work / "plans").mkdir()
    (work / "plans" / "one.txt").write_bytes((work / GOOD).read_bytes())
    (work / "plans" / "notes.bin").write_bytes(b"\x00\x01")  # not a plan suffix: skipped in folders
    run = lint("plans", "*.txt", "--format", "json")
    assert run.code == 1
    sources = [f["source"] for f in json.loads(run.stdout)["files"]]
    assert sources == ["plans/one.txt", BAD, GOOD]  # in the order given; a glob's sorted


def test_standard_input_with_a_name(work: Path) -> None:
    data = (work / BAD).read_bytes()
    run = lint("-", "--stdin-filename", "plans/from-stdin.txt", "--format", "json", stdin=data)
    assert run.code == 1
    report = json.loads(run.stdout)
    assert report["files"][0]["source"] == "plans/from-stdin.txt"
    findings = [
        f
        for r in report["files"][0]["recommendations"]
        for a in r["actions"]
        for f in a["findings"]
    ]
    assert all(f["source"] == "plans/from-stdin.txt" for f in findings)
    plain = lint("-", "--quiet", stdin=data)
    assert plain.stdout.startswith("-:")


def test_unreadable_files_among_good_ones(work: Path) -> None:
    (work / "plans").mkdir()
    (work / "plans" / GOOD).write_bytes((work / GOOD).read_bytes())
    (work / "plans" / "empty.txt").write_bytes(b"")
    (work / "plans" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    run = lint("plans", "plans/old.doc", "--format", "json")
    assert run.code == 2
    report = json.loads(run.stdout)
    assert [f["source"] for f in report["files"]] == [f"plans/{GOOD}"]
    assert {e["source"] for e in report["errors"]} == {"plans/empty.txt", "plans/old.doc"}
    lines = run.stderr.strip().splitlines()
    assert lines[0] == "plancheck: error: plans/empty.txt: is empty"
    assert lines[1].startswith("plancheck: error: plans/old.doc: is an old Word .doc file")
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "plancheck: error: missing.txt: does not exist"),
        ([], "plancheck: error: give at least one plan"),
        (["--fail-on", "bogus", GOOD], "plancheck: error: Invalid value for '--fail-on'"),
        (["--jobs", "-1", GOOD], "plancheck: error: Invalid value for '-j' / '--jobs'"),
        (["--format", "yaml", GOOD], "plancheck: error: unknown format 'yaml'"),
        (["--quiet", "--statistics", GOOD], "plancheck: error: --statistics and --quiet"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(work: Path, args: list[str], message: str) -> None:
    run = lint(*args)
    assert run.code == 2
    assert run.stderr.startswith(message), run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_max_file_size(work: Path) -> None:
    run = lint(GOOD, "--max-file-size", "100")
    assert run.code == 2
    assert "over the limit of 100 bytes" in run.stderr
    assert lint(GOOD, "--max-file-size", "1000000").code == 0
    (work / "plancheck.toml").write_text("max_file_size = 100\n", encoding="utf-8")
    assert "over the limit of 100 bytes" in lint(GOOD).stderr
    assert lint(GOOD, "--max-file-size", "1000000").code == 0


def test_output_file(work: Path) -> None:
    run = lint(BAD, "--format", "json", "--output", "report.json")
    assert run.code == 1
    assert run.stdout == ""
    assert (
        json.loads((work / "report.json").read_text(encoding="utf-8"))["summary"]["gate"] == "fail"
    )


def test_colour_always_never_auto(work: Path) -> None:
    always = lint(BAD, "--color", "always", "--no-cache").stdout
    assert "\x1b[31m" in always  # FAIL in red
    assert ANSI.sub("", always) == lint(BAD, "--color", "never", "--no-cache").stdout
    assert "\x1b[" not in lint(BAD, "--color", "auto").stdout  # CliRunner is not a terminal
    (work / "plancheck.toml").write_text('color = "always"\n', encoding="utf-8")
    assert "\x1b[" in lint(BAD).stdout
    assert "\x1b[" not in lint(BAD, "--color", "never").stdout


def test_quiet_prints_only_finding_lines(work: Path) -> None:
    bad = lint(BAD, "--quiet")
    assert bad.code == 1
    lines = bad.stdout.splitlines()
    assert len(lines) == 25
    assert all(FINDING.match(line) for line in lines), lines
    good = lint(GOOD, "-q")
    assert (good.code, good.stdout) == (0, "")


def test_statistics(work: Path) -> None:
    run = lint(BAD, "--statistics")
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["count", "code", "name", "severity"]
    assert lines[1].split() == ["4", "PC-M001", "nothing-measurable", "error"]
    assert any(line.split() == ["25", "total"] for line in lines)
    assert "R1.A1" not in run.stdout


def test_jobs_give_the_same_report_in_input_order(work: Path) -> None:
    for n in range(3):
        (work / f"copy{n}.txt").write_bytes((work / (BAD if n % 2 else GOOD)).read_bytes())
    names = [GOOD, BAD, "copy0.txt", "copy1.txt", "copy2.txt"]
    one = json.loads(lint(*names, "--format", "json", "--no-cache").stdout)
    many = lint(*names, "--format", "json", "--no-cache", "--jobs", "3")
    assert many.code == 1
    assert json.loads(many.stdout) == one
    assert [f["source"] for f in one["files"]] == names  # the order the inputs were given


def test_examples_are_linted_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    assert lint("examples/good-plan.txt", "--no-cache").code == 0
    assert lint("examples/bad-plan.txt", "--no-cache", "-q").code == 1


def test_findings_in_non_text_inputs_name_the_native_place(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from checker.cli.main import main

    plan = tmp_path / "plan.md"
    plan.write_text(
        "| Rec No | Concern | Action | Owner | Target |\n|---|---|---|---|---|\n"
        "| 1 | Meals were cold. | We will explore options. | Head of Catering | May 2026 |\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["lint", "--no-cache", str(plan)])
    assert result.exit_code == 1
    assert f"{plan} (line 3) PC-S001" in result.output


def test_a_progress_count_only_in_a_terminal_and_never_in_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from checker.cli import commands as lintcli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    monkeypatch.setattr(sys, "stderr", term)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    show = lintcli._progress_bar()
    assert show is not None
    for done in range(1, 5):
        show(done, 4)
    assert term.getvalue().endswith("linting [########################] 4/4\n")
    monkeypatch.setenv("CI", "true")
    assert lintcli._progress_bar() is None
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # a pipe: no bar
    assert lintcli._progress_bar() is None


def test_the_default_lints_a_few_files_in_one_process_and_a_batch_on_every_cpu() -> None:
    from checker.run.lint import MIN_PARALLEL, workers_for

    cpus = os.cpu_count() or 1
    assert workers_for(0, 1) == workers_for(0, MIN_PARALLEL - 1) == 1
    assert workers_for(0, MIN_PARALLEL) == min(cpus, MIN_PARALLEL)
    assert workers_for(0, 100) == cpus
    assert workers_for(3, 2) == 2 and workers_for(3, 100) == 3  # as asked, not more than files
    assert workers_for(1, 100) == 1
