"""plancheck summary: one row per plan whose failure shares agree with the JSON reports."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest

from tests.cli.kit import cli, lint

CRITERIA = "OTSMRA"


def _plans(shared: Path) -> list[str]:
    corpus = shared / "corpus"
    return [
        str(p) for p in sorted(corpus.glob("*.txt")) + sorted((corpus / "authored").glob("*.docx"))
    ]


def test_the_summary_of_the_eight_dev_plans_agrees_with_their_reports(
    shared: Path, tmp_path: Path
) -> None:
    plans = _plans(shared)
    assert len(plans) == 8
    report = json.loads(lint("--no-cache", "-f", "json", *plans).stdout)
    expected = {}
    for f in report["files"]:
        acts = [a for r in f["recommendations"] for a in r["actions"]]
        expected[f["source"]] = {
            c: sum(a["criteria"][c] == "fail" for a in acts) / len(acts) for c in CRITERIA
        }
    run = cli(["summary", "--no-cache", "-f", "csv", *plans])
    assert run.code == 0, run.stderr
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == 8
    for row in rows:
        for c in CRITERIA:
            assert float(row[c]) == pytest.approx(expected[row["file"]][c], abs=0.0005)
    text = cli(["summary", *plans]).stdout.splitlines()
    assert len(text) == 9 and text[0].startswith("plan")
    page = cli(["summary", "-f", "html", *plans]).stdout
    html5lib.HTMLParser(strict=True).parse(page)
    assert page.count('<tr class="plan">') == 8
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        path = tmp_path / "summary.html"
        path.write_text(page, encoding="utf-8")
        dom = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
             "--v=0", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert dom.returncode == 0
        assert not [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln], dom.stderr[-2000:]
        assert dom.stdout.count('<tr class="plan">') == 8


def test_a_plan_that_cannot_be_read_is_named_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    run = cli(["summary", "--no-cache", str(tmp_path / "empty.txt")])
    assert run.code == 2 and "is empty" in run.stderr
