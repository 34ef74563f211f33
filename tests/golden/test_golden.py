"""Golden outputs: every format for every example plan, compared byte for byte.

The expected files live in ``tests/golden/expected/`` as ``<example>.<format>``.
When an output changes on purpose, refresh them explicitly and review the diff:

    .venv/bin/pytest tests/golden --update-golden

A missing or different file fails the test; nothing is ever rewritten silently.
plancheck's version is replaced by ``<version>`` so a release does not touch them.
The plans are linted as they are in the repository: ``examples/plancheck.toml``
is the nearest config and governs them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checker import __version__
from tests.cli.kit import BAD, EXAMPLES, GOOD, lint

EXPECTED = Path(__file__).resolve().parent / "expected"
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab")
EXIT = {GOOD: 0, BAD: 1}
_VERSION = re.compile(r'("(?:version|semanticVersion)": )"' + re.escape(__version__) + '"')


def normalise(text: str) -> str:
    return _VERSION.sub(r'\1"<version>"', text)


@pytest.fixture
def examples_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of examples/ (plans and plancheck.toml, which governs them), as in the repository,
    under a current folder with no config of its own."""
    (tmp_path / "examples").mkdir()
    for name in (GOOD, BAD, "plancheck.toml"):
        shutil.copy(EXAMPLES / name, tmp_path / "examples" / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", [GOOD, BAD])
def test_golden(example: str, fmt: str, examples_here: Path, update_golden: bool) -> None:
    run = lint(f"examples/{example}", "--format", fmt, "--no-cache", "--color", "never")
    assert run.code == EXIT[example], run.stderr
    assert run.stderr == ""
    got = normalise(run.stdout)
    path = EXPECTED / f"{Path(example).stem}.{fmt}"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
    if not path.exists():
        pytest.fail(
            f"{path.name} is missing: run pytest tests/golden --update-golden and review it"
        )
    expected = path.read_text(encoding="utf-8")
    assert got == expected, f"{path.name} differs: if the change is meant, run with --update-golden"


def test_no_stray_golden_files() -> None:
    wanted = {f"{Path(e).stem}.{fmt}" for e in (GOOD, BAD) for fmt in FORMATS}
    assert {p.name for p in EXPECTED.iterdir()} == wanted
