"""Fixtures of the CLI tests: each runs in a fresh folder holding copies of the examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.kit import copy_examples


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary current folder with good-plan.txt and bad-plan.txt in it."""
    copy_examples(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path
