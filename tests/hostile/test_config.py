"""A broken config file is one clear line and exit 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.kit import EXAMPLES, GOOD, lint


@pytest.fixture
def plan(here: Path) -> Path:
    (here / GOOD).write_bytes((EXAMPLES / GOOD).read_bytes())
    return here / GOOD


def test_a_pyproject_whose_tool_is_a_value_is_not_a_plancheck_config(
    here: Path, plan: Path
) -> None:
    (here / "pyproject.toml").write_text("tool = 1\n", encoding="utf-8")
    assert lint("--no-cache", plan.name).code == 0


def test_tool_plancheck_that_is_not_a_table(here: Path, plan: Path) -> None:
    (here / "pyproject.toml").write_text('[tool]\nplancheck = "x"\n', encoding="utf-8")
    run = lint("--no-cache", plan.name)
    assert run.code == 2
    assert run.stderr.count("\n") == 1 and "tool.plancheck must be a table" in run.stderr


def test_a_config_that_is_not_utf8(here: Path, plan: Path) -> None:
    (here / "plancheck.toml").write_bytes(b'select = ["\xff"]\n')
    run = lint("--no-cache", plan.name)
    assert run.code == 2
    assert run.stderr.count("\n") == 1 and "is not UTF-8 text" in run.stderr
