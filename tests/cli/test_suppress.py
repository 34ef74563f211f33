"""Suppressions with reasons: in the config, or as a Word comment on the action."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.cli.kit import lint
from tests.readers.readers_kit import COLUMNS, plan_docx, save

PLAN = (
    "Action Plan Submitted: 3rd March 2026\n"
    "Rec No\tConcern\tAction\tOwner\tTarget\n"
    "4\tToo many were released homeless.\tMonthly housing surgery with the councils.\t"
    "Head of Reducing Reoffending\twithin 6 months\n"
)


# every test runs in its own current folder (the CLI tests' `work` fixture)
pytestmark = pytest.mark.usefixtures("work")


def _report(*args: str) -> dict:
    return json.loads(lint("--no-cache", "-f", "json", *args).stdout)


def _codes(report: dict) -> set[str]:
    f = report["files"][0]
    return {
        x["code"] for r in f["recommendations"] for a in r["actions"] for x in a["findings"]
    } | {x["code"] for x in f["findings"]}


def test_a_config_suppression_with_its_reason(tmp_path: Path) -> None:
    Path("plan.txt").write_text(PLAN, encoding="utf-8")
    assert "PC-T003" in _codes(_report("plan.txt"))
    Path("plancheck.toml").write_text(
        '[[suppress]]\ncodes = ["PC-T003"]\nrecommendation = "4"\naction = "Monthly housing"\n'
        'reason = "the councils set the date in their own plan"\n',
        encoding="utf-8",
    )
    report = _report("plan.txt")
    assert "PC-T003" not in _codes(report) and "PC-P010" not in _codes(report)
    (s,) = report["files"][0]["suppressed"]
    assert (s["code"], s["by"], s["reason"]) == (
        "PC-T003", "config", "the councils set the date in their own plan",
    )  # fmt: skip
    assert "Suppressed (1)" in lint("--no-cache", "plan.txt").stdout


def test_a_suppression_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    Path("plan.txt").write_text(PLAN, encoding="utf-8")
    Path("plancheck.toml").write_text(
        '[[suppress]]\ncodes = ["PC-T003"]\nrecommendation = "9"\nreason = "no longer needed"\n',
        encoding="utf-8",
    )
    report = _report("plan.txt")
    assert "PC-T003" in _codes(report) and "PC-P010" in _codes(report)


def test_a_suppression_needs_a_reason(tmp_path: Path) -> None:
    Path("plan.txt").write_text(PLAN, encoding="utf-8")
    Path("plancheck.toml").write_text('[[suppress]]\ncodes = ["PC-T003"]\n', encoding="utf-8")
    run = lint("--no-cache", "plan.txt")
    assert run.code == 2 and "reason" in run.stderr


def test_a_word_comment_on_the_action_suppresses_it(tmp_path: Path) -> None:
    rows = [COLUMNS, ["4", "Too many were released homeless.",
                      "Monthly housing surgery with the councils.", "Head of Reducing Reoffending",
                      "within 6 months"]]  # fmt: skip
    Path("plan.docx").write_bytes(plan_docx(rows))
    assert "PC-T003" in _codes(_report("plan.docx"))
    document = docx.Document("plan.docx")
    cell = document.tables[0].rows[1].cells[2]
    document.add_comment(
        cell.paragraphs[0].runs,
        text="plancheck: ignore PC-T003 — the councils set the date in their own plan",
        author="Deputy Governor",
    )
    Path("plan.docx").write_bytes(save(document))
    report = _report("plan.docx")
    assert "PC-T003" not in _codes(report) and "PC-P010" not in _codes(report)
    (s,) = report["files"][0]["suppressed"]
    assert (s["code"], s["by"]) == ("PC-T003", "comment")
