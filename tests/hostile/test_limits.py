"""Absurd sizes are refused with the limit named before any parsing or linting."""

from __future__ import annotations

from pathlib import Path

from tests.cli.kit import lint
from tests.readers.readers_kit import COLUMNS, plan_docx


def test_twenty_thousand_recommendations_are_refused_at_once(here: Path) -> None:
    rows = ["Rec No\tConcern\tAction\tOwner\tTarget"]
    rows += [f"{i}\tItem {i} was broken.\tFix item {i}.\tGovernor\tMay 2026" for i in range(20_000)]
    (here / "many.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    run = lint("--no-cache", "many.txt")
    assert run.code == 2
    (line,) = run.stderr.strip().splitlines()
    assert "has 20001 lines, over the limit of 10000" in line and "--max-lines" in line


def test_a_word_table_with_too_many_rows_is_refused_before_it_is_parsed(here: Path) -> None:
    rows = [COLUMNS] + [[str(i), "Broken.", "Fix it.", "Governor", "May 2026"] for i in range(60)]
    (here / "plan.docx").write_bytes(plan_docx(rows))
    run = lint("--no-cache", "--max-lines", "50", "plan.docx")
    assert run.code == 2
    assert "has 61 table rows, over the limit of 50" in run.stderr
    assert lint("--no-cache", "--max-lines", "500", "plan.docx").code in (0, 1)


def test_a_very_long_action_is_linted(here: Path) -> None:
    words = "the wing will review staff rotas each week and report progress to the board".split()
    action = " ".join(words[i % len(words)] for i in range(30_000))
    text = f"Rec No\tConcern\tAction\tOwner\tTarget\n1\tCells were cold.\t{action}.\tGovernor\tMay 2026\n"
    (here / "long.txt").write_text(text, encoding="utf-8")
    run = lint("--no-cache", "long.txt")
    assert run.code in (0, 1)
