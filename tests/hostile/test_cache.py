"""A cache from a repository, another machine or a damaged file never changes a verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.cache import LAYOUT, machine_secret
from tests.cli.kit import BAD, EXAMPLES, lint


@pytest.fixture
def plan(here: Path) -> Path:
    (here / BAD).write_bytes((EXAMPLES / BAD).read_bytes())
    return here / BAD


def _new_machine(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    machine_secret.cache_clear()


def test_a_committed_cache_edited_to_pass_is_not_trusted(
    here: Path,
    plan: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    (here / "plancheck.toml").write_text('cache_dir = ".plancheck_cache"\n', encoding="utf-8")
    first = lint("-f", "json", plan.name)
    assert first.code == 1
    results = (here / ".plancheck_cache" / LAYOUT).rglob("*.json")
    entries = [p for p in results if p.parent.name != "rules"]
    assert entries and (here / ".plancheck_cache" / ".gitignore").read_text().endswith("*\n")
    for path in entries:  # forge: every action passes, no findings
        report = json.loads(path.read_text(encoding="utf-8"))
        for rec in report["recommendations"]:
            for act in rec["actions"]:
                act["findings"] = []
        report["findings"] = []
        path.write_text(json.dumps(report), encoding="utf-8")
    for path in (here / ".plancheck_cache" / LAYOUT / "rules").glob("*.json"):
        path.write_text("[]", encoding="utf-8")  # forge: no rules in force
    _new_machine(monkeypatch, tmp_path_factory.mktemp("other-machine"))  # a clone elsewhere
    again = lint("-f", "json", plan.name)
    assert again.code == 1
    assert json.loads(again.stdout)["rules"]
    assert [f["cached"] for f in json.loads(again.stdout)["files"]] == [False]
    assert json.loads(again.stdout)["summary"] == json.loads(first.stdout)["summary"]


def test_a_lemma_table_of_the_wrong_shape_is_a_miss(here: Path, plan: Path) -> None:
    expected = lint("--no-cache", "-f", "json", plan.name).stdout
    lint("--cache-dir", "c", plan.name)
    tables = list((here / "c").glob("lemmas-*.json"))
    assert tables
    for path in tables:
        path.write_text("[1, 2, 3]", encoding="utf-8")
    for path in (here / "c" / LAYOUT).rglob("*.json"):
        path.unlink()  # results gone: the lemma tables are read again
    run = lint("--cache-dir", "c", "-f", "json", plan.name)
    assert run.code == 1
    strip = [{**f, "cached": False} for f in json.loads(run.stdout)["files"]]
    assert strip == json.loads(expected)["files"]
