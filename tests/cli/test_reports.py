"""The HTML report and the CSV export: complete, escaped, readable without a network."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest

from tests.cli.kit import BAD, GOOD, lint


def _actions(report: dict) -> list[dict]:
    return [a for f in report["files"] for r in f["recommendations"] for a in r["actions"]]


def test_html_is_well_formed_self_contained_and_has_a_grid_row_per_action(work: Path) -> None:
    page = lint("--no-cache", "-f", "html", GOOD, BAD).stdout
    html5lib.HTMLParser(strict=True).parse(page)  # raises on any parse error
    report = json.loads(lint("--no-cache", "-f", "json", GOOD, BAD).stdout)
    assert page.count('<tr class="action"') == len(_actions(report))
    assert "<script" not in page and not re.search(r"""(src|href)=["']?https?:""", page)
    assert 'class="index"' in page  # two plans: an index first
    assert "Owner: a role or named body is accountable" in page  # the legend
    assert "<mark>explore</mark>" in page  # the triggering word, marked
    assert "Instead:" in page


def test_html_escapes_the_plan(work: Path) -> None:
    plan = "Rec No\tConcern\tAction\tOwner\tTarget\n1\tCells <b>cold</b>.\tFit <script>x</script> radiators.\tGovernor\tMay 2026\n"
    (work / "odd.txt").write_text(plan, encoding="utf-8")
    page = lint("--no-cache", "-f", "html", "odd.txt").stdout
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page


def test_csv_has_one_row_per_action_and_never_a_formula(work: Path) -> None:
    report = json.loads(lint("--no-cache", "-f", "json", BAD).stdout)
    rows = list(csv.DictReader(io.StringIO(lint("--no-cache", "-f", "csv", BAD).stdout)))
    assert [r["action"] for r in rows] == [a["id"] for a in _actions(report)]
    first, act = rows[0], _actions(report)[0]
    assert [first[c] for c in "OTSMRA"] == [act["criteria"][c] for c in "OTSMRA"]
    assert first["findings"] == ";".join(sorted({f["code"] for f in act["findings"]}))
    plan = 'Rec No\tConcern\tAction\tOwner\tTarget\n1\tCold.\t=HYPERLINK("x") radiators.\t@Governor\tMay 2026\n'
    (work / "f.txt").write_text(plan, encoding="utf-8")
    (row,) = csv.DictReader(io.StringIO(lint("--no-cache", "-f", "csv", "f.txt").stdout))
    assert row["owner"] == "'@Governor"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_the_authored_plans_render_in_a_real_browser(shared: Path, tmp_path: Path) -> None:
    plans = sorted(str(p) for p in (shared / "corpus" / "authored").glob("*.docx"))
    page = tmp_path / "report.html"
    lint("--no-cache", "-f", "html", "-o", str(page), *plans)
    html5lib.HTMLParser(strict=True).parse(page.read_text(encoding="utf-8"))
    report = json.loads(lint("--no-cache", "-f", "json", *plans).stdout)
    assert CHROMIUM is not None
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert not [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln], dom.stderr[-2000:]
    assert dom.stdout.count('<tr class="action"') == len(_actions(report))
    shot = tmp_path / "report.png"
    subprocess.run(
        [CHROMIUM, *flags, "--window-size=1400,2000", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.stat().st_size > 10_000
