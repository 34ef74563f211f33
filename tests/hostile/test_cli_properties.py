"""Property: whatever bytes arrive under whatever name, the CLI answers 0, 1 or 2.

Plan-like text and random bytes go in under every suffix plancheck reads; out must
come exit 0/1 (a report) or 2 (exactly one 'plancheck: error:' line), never a
traceback, and a text plan's JSON report must account for its response table.
``HYPOTHESIS_PROFILE=long`` runs thousands of examples for a soak.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli.main import main

SUFFIXES = [
    ".txt",
    ".md",
    ".csv",
    ".tsv",
    ".json",
    ".yaml",
    ".docx",
    ".xlsx",
    ".html",
    ".pdf",
    ".xyz",
]
CELLS = st.sampled_from(
    ["1", "2.3", "S12", "Agreed", "Partly agreed", "Governor", "Head of Safety (NHS)",
     "March 2026", "Mar-26", "TBC", "Ongoing", "Complete", "31/12/2026", "•", "1.", "[note]",
     "The wing will be painted.", "review", "by:", "Priority concerns", "Key", "\x1b[2J", "",
     "Rec No", "Concern", "Action", "Owner", "Target date", "café £5", "\u2029", "{x}"]
)  # fmt: skip
LINES = st.lists(st.lists(CELLS, min_size=1, max_size=7).map("\t".join), max_size=12)
PLANLIKE = LINES.map(lambda rows: "Rec No\tConcern\tAction\tOwner\tTarget\n" + "\n".join(rows))
relaxed = settings(
    deadline=None,
    max_examples=max(25, settings().max_examples // 4),  # 25 by default, 1250 when long
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-properties")


def _lint(path: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        main, ["lint", "--no-cache", "-f", "json", str(path)], catch_exceptions=True
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback: the property fails with it
    return result.exit_code, result.stdout, result.stderr


def _answered(code: int, stdout: str, stderr: str) -> dict | None:
    assert code in (0, 1, 2), (code, stderr)
    assert "Traceback" not in stderr
    if code == 2:
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("plancheck: error: "), stderr
        return None
    report: dict = json.loads(stdout)
    return report


@relaxed
@given(data=st.binary(max_size=2000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_under_any_name(folder: Path, data: bytes, suffix: str) -> None:
    path = folder / f"random{suffix}"
    path.write_bytes(data)
    _answered(*_lint(path))


@relaxed
@given(text=PLANLIKE, suffix=st.sampled_from([".txt", ".tsv", ".md"]))
def test_plan_like_text_is_answered_and_its_table_accounted_for(
    folder: Path, text: str, suffix: str
) -> None:
    path = folder / f"plan{suffix}"
    path.write_text(text, encoding="utf-8")
    report = _answered(*_lint(path))
    if report is None or suffix != ".txt":
        return
    from checker.parse import parse_document
    from checker.readers.load import read_source
    from tests.parse.accounting import unaccounted

    doc = read_source(str(path))
    assert unaccounted(doc.text, parse_document(doc)) == []
