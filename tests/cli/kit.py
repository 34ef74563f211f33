"""Shared helpers of the CLI and golden tests: run the CLI in-process, find the examples."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from checker.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOOD = "good-plan.txt"
BAD = "bad-plan.txt"


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def cli(args: Sequence[str], stdin: bytes | str | None = None) -> Run:
    """``plancheck ARGS`` in this process, as click's CliRunner runs it."""
    result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def lint(*args: str, stdin: bytes | str | None = None) -> Run:
    return cli(["lint", *args], stdin)


def copy_examples(folder: Path) -> None:
    for name in (GOOD, BAD):
        shutil.copy(EXAMPLES / name, folder / name)
