"""The result cache: hits, misses, where it lives, corrupt entries, and what a hit must not load."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cache import LAYOUT, default_folder
from checker.engine.core import Engine
from checker.rulespec import RuleSpec
from tests.cli.kit import BAD, GOOD, lint
from tests.cli.test_config import LOCAL_RULE, write


def entries(folder: Path) -> list[Path]:
    """The cached results (the run's rule table is kept beside them, in rules/)."""
    return sorted(p for p in (folder / LAYOUT).rglob("*.json") if p.parent.name != "rules")


def cached_flags(stdout: str) -> list[bool]:
    return [f["cached"] for f in json.loads(stdout)["files"]]


def test_second_run_is_served_from_the_cache(work: Path) -> None:
    first = lint(GOOD, BAD, "-f", "json")
    assert cached_flags(first.stdout) == [False, False]
    assert len(entries(default_folder())) == 2
    assert (default_folder() / "CACHEDIR.TAG").is_file()
    second = lint(GOOD, BAD, "-f", "json")
    assert second.code == first.code == 1
    assert cached_flags(second.stdout) == [True, True]
    strip = [{**f, "cached": False} for f in json.loads(second.stdout)["files"]]
    assert strip == json.loads(first.stdout)["files"]
    assert "(cached)" in lint(BAD).stdout.splitlines()[0]
    assert not list((default_folder()).rglob(".tmp-*"))  # writes were atomic


def test_a_hit_builds_no_engine(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lint(GOOD, BAD)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the engine was built on a cache hit")

    # on the class itself, so the test holds wherever the run imports it from
    monkeypatch.setattr(Engine, "__init__", refuse)
    assert cached_flags(lint(GOOD, BAD, "-f", "json").stdout) == [True, True]


def test_a_hit_reads_no_rule_file_yet_reports_the_rules(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = json.loads(lint(GOOD, BAD, "-f", "json").stdout)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a rule file was read on a cache hit")

    monkeypatch.setattr(RuleSpec, "model_validate", refuse)  # every rule file is built by it
    second = json.loads(lint(GOOD, BAD, "-f", "json").stdout)
    assert second["rules"] == first["rules"]
    assert "PC-S001" in {r["code"] for r in second["rules"]}


HIT_WITHOUT_SPACY = """
import sys
from checker.cli.main import main
try:
    main(["lint", "good-plan.txt", "bad-plan.txt", "--quiet"], prog_name="plancheck")
except SystemExit as exc:
    code = exc.code
print("SPACY-IMPORTED" if "spacy" in sys.modules else "NO-SPACY", code)
"""


def test_a_hit_does_not_import_spacy(work: Path) -> None:
    lint(GOOD, BAD)  # fills the cache
    done = subprocess.run(
        [sys.executable, "-c", HIT_WITHOUT_SPACY],
        capture_output=True,
        text=True,
        cwd=work,
        check=False,
    )
    assert done.stdout.strip().splitlines()[-1] == "NO-SPACY 1", done.stdout + done.stderr


def test_what_makes_a_miss(work: Path) -> None:
    lint(BAD)
    assert cached_flags(lint(BAD, "-f", "json").stdout) == [True]
    assert cached_flags(lint(BAD, "-f", "json", "--select", "S").stdout) == [False]  # settings
    (work / BAD).write_text((work / BAD).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cached_flags(lint(BAD, "-f", "json").stdout) == [False]  # content
    write(work / "local" / "LOC-S901.yaml", LOCAL_RULE)
    write(work / "plancheck.toml", 'packs = ["local"]\n')
    assert cached_flags(lint(BAD, "-f", "json").stdout) == [False]
    assert cached_flags(lint(BAD, "-f", "json").stdout) == [True]
    write(
        work / "local" / "LOC-S901.yaml", LOCAL_RULE.replace("severity: warning", "severity: info")
    )
    assert cached_flags(lint(BAD, "-f", "json").stdout) == [False]  # a rule file changed


def test_corrupt_entries_are_ignored(work: Path) -> None:
    lint(GOOD, BAD)
    for path in entries(default_folder()):
        path.write_text('{"source": "truncated', encoding="utf-8")
    run = lint(GOOD, BAD, "-f", "json")
    assert run.code == 1
    assert cached_flags(run.stdout) == [False, False]
    assert cached_flags(lint(GOOD, BAD, "-f", "json").stdout) == [True, True]  # rewritten


def test_no_cache_and_cache_dir(work: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert cached_flags(lint(GOOD, "-f", "json", "--no-cache").stdout) == [False]
    assert not (default_folder()).exists()
    elsewhere = tmp_path_factory.mktemp("cache")
    lint(GOOD, "--cache-dir", str(elsewhere))
    assert len(entries(elsewhere)) == 1
    assert cached_flags(lint(GOOD, "-f", "json", "--cache-dir", str(elsewhere)).stdout) == [True]
    assert not (default_folder()).exists()


def test_cache_lives_in_the_user_cache_or_beside_the_config(
    work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(work / "plancheck.toml", "horizon_months = 30\n")
    (work / "sub").mkdir()
    monkeypatch.chdir(work / "sub")
    assert lint("../" + GOOD).code == 0
    assert len(entries(default_folder())) == 1
    assert not list(work.rglob("CACHEDIR.TAG"))  # nothing written into the linted tree
    monkeypatch.chdir(work)
    write(work / "plancheck.toml", 'cache_dir = "build/plancheck"\n')
    lint(GOOD)
    assert len(entries(work / "build" / "plancheck")) == 1
