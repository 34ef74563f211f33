"""A run whose inputs are all as they were when a fully cached run printed its report
replays that output, without pydantic, the models or spaCy (checker/run/replay.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cache import default_folder
from tests.cli.kit import BAD, GOOD, lint
from tests.cli.test_config import LOCAL_RULE, write


def replays() -> list[Path]:
    return sorted((default_folder() / "replay").rglob("*")) if default_folder().is_dir() else []


def files() -> list[Path]:
    return [p for p in replays() if p.is_file()]


def test_the_third_run_replays_the_second_byte_for_byte(work: Path) -> None:
    first = lint(GOOD, BAD, "-f", "json")
    assert not files()  # a run that linted something is not kept for replay
    second = lint(GOOD, BAD, "-f", "json")
    assert len(files()) == 1 and second.stdout != first.stdout  # cached: true
    (stored,) = files()
    entry = json.loads(stored.read_text(encoding="utf-8"))
    entry["stdout"] = entry["stdout"].replace('"cached": true', '"x": 1')
    stored.write_text(json.dumps(entry), encoding="utf-8")
    third = lint(GOOD, BAD, "-f", "json")
    assert third.code == second.code == 1
    assert '"x": 1' in third.stdout  # it was replayed (the entry as stored, edited here)
    stored.unlink()
    assert lint(GOOD, BAD, "-f", "json").stdout == second.stdout


def test_any_change_that_can_change_the_output_is_a_new_key(work: Path) -> None:
    def twice(*args: str) -> int:
        lint(*args)
        lint(*args)
        return len(files())

    assert twice(BAD) == 1
    assert twice(BAD, "-f", "json") == 2  # options
    assert twice(BAD, GOOD) == 3  # inputs, and their order
    (work / BAD).write_text((work / BAD).read_text() + "\n", encoding="utf-8")
    assert twice(BAD) == 4  # a file's bytes
    write(work / "plancheck.toml", "fail_under = 10\n")
    assert twice(BAD) == 5  # a config file appearing
    write(work / "local" / "LOC-S901.yaml", LOCAL_RULE)
    write(work / "plancheck.toml", 'packs = ["local"]\n')
    assert twice(BAD) == 6
    write(work / "local" / "LOC-S901.yaml", LOCAL_RULE.replace("textiles unit", "sewing room"))
    assert twice(BAD) == 7  # a rule of a pack the config names


def test_a_config_the_nearest_one_hides_is_not_in_the_key(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = work / "project"
    write(project / "plancheck.toml", "fail_under = 0\n")
    (project / BAD).write_bytes((work / BAD).read_bytes())
    monkeypatch.chdir(project)

    def twice() -> int:
        lint(BAD)
        lint(BAD)
        return len(files())

    assert twice() == 1
    # above the project's own config: not read by the lint, so not part of its key
    write(work / "pyproject.toml", "[tool.plancheck]\nfail_under = 100\n")
    assert twice() == 1
    write(project / "plancheck.toml", "fail_under = 1\n")
    assert twice() == 2


def test_runs_that_write_files_or_read_more_are_never_replayed(work: Path) -> None:
    for args in (
        ["-", "--stdin-filename", BAD],
        [str(work)],
        [BAD, "--output", "report.txt"],
        [BAD, "--no-cache"],
        [BAD, "--write-baseline", "base.json"],
    ):
        stdin = (work / BAD).read_text() if args[0] == "-" else None
        lint(*args, stdin=stdin)
        lint(*args, stdin=stdin)
        assert not files(), args


def test_a_replay_imports_neither_pydantic_nor_spacy(work: Path) -> None:
    code = (
        "import sys\n"
        "from checker.cli.main import main\n"
        "try:\n"
        f"    main(['lint', {BAD!r}, '-f', 'json'])\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('pydantic', 'spacy', 'yaml')]\n"
        "print(code, 'checker.models' in sys.modules, heavy, file=sys.stderr)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=work)
        for _ in range(3)
    ]
    assert runs[1].stdout == runs[2].stdout and runs[2].stdout
    assert runs[2].stderr.strip().splitlines()[-1] == "1 False []", runs[2].stderr


ENTRY = (
    "import atexit, sys\n"
    "def said():\n"
    "    heavy = [m for m in ('click', 'pydantic', 'spacy', 'yaml') if m in sys.modules]\n"
    "    print('imported:', heavy, file=sys.stderr)\n"
    "atexit.register(said)\n"
    "from checker.cli.entry import main\n"
    "main()\n"
)


def _typed(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The ``plancheck`` command as typed (its entry point), in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args], capture_output=True, text=True, cwd=work
    )


def test_a_typed_command_is_replayed_before_click_is_imported(work: Path) -> None:
    runs = [_typed(work, "lint", BAD, GOOD, "-f", "json") for _ in range(3)]
    assert [r.returncode for r in runs] == [1, 1, 1]
    assert runs[1].stdout == runs[2].stdout and '"cached": true' in runs[2].stdout
    assert "imported: ['click'" in runs[1].stderr  # the run that stored the replay
    assert "imported: []" in runs[2].stderr, runs[2].stderr
    (work / BAD).write_text((work / BAD).read_text() + "\n", encoding="utf-8")
    edited = _typed(work, "lint", BAD, GOOD, "-f", "json")
    assert "imported: ['click'" in edited.stderr  # an input changed: linted again


def test_a_command_typed_another_way_is_replayed_early_from_its_second_run(work: Path) -> None:
    for _ in range(2):  # the second run stores the replay, noted for this command line
        _typed(work, "lint", BAD, "-f", "json")
    other = [_typed(work, "lint", "-f", "json", BAD) for _ in range(2)]
    assert other[0].stdout == other[1].stdout and '"cached": true' in other[1].stdout
    assert "imported: ['click'" in other[0].stderr  # the replay found by the command line
    assert "imported: []" in other[1].stderr, other[1].stderr


def test_other_commands_go_to_the_command_line(work: Path) -> None:
    run = _typed(work, "--version")
    assert run.returncode == 0 and "plancheck" in run.stdout
    assert "imported: ['click']" in run.stderr
