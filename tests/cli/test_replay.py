"""A run whose inputs are all as they were when a fully cached run printed its report
replays that output, without pydantic, the models or spaCy (checker/run/replay.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
