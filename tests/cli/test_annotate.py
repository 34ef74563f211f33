"""plancheck annotate: a copy of the draft with a Word comment on each action with findings."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from tests.cli.kit import cli, lint
from tests.readers.readers_kit import COLUMNS, plan_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _anchors(path: Path) -> dict[str, str]:
    """Comment id -> the text of the table cell its range starts in ('' outside a cell)."""
    body = docx.Document(str(path)).element.body
    out = {}
    for start in body.iter(W + "commentRangeStart"):
        cell = next((a for a in start.iterancestors() if a.tag == W + "tc"), None)
        text = "".join(t.text or "" for t in cell.iter(W + "t")) if cell is not None else ""
        out[start.get(W + "id")] = " ".join(text.split())
    return out


def _check(draft: Path, tmp: Path) -> None:
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = tmp / "reviewed.docx"
    run = cli(["annotate", str(draft), "-o", str(out), "--no-cache"])
    assert run.code == 0, run.stderr
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before  # the draft is untouched
    report = json.loads(lint("--no-cache", "-f", "json", str(draft)).stdout)
    flagged = [
        a
        for f in report["files"]
        for r in f["recommendations"]
        for a in r["actions"]
        if a["findings"]
    ]
    comments = {c.comment_id: c for c in docx.Document(str(out)).comments}
    anchors = _anchors(out)
    assert len(comments) == len(flagged) + 1  # and one on the title with the plan's score
    by_action = {c.text.split(":")[0].removeprefix("plancheck "): i for i, c in comments.items()}
    for act in flagged:
        cid = by_action[act["id"]]
        assert comments[cid].author == "plancheck"
        start = " ".join(act["text"].split()[:3])
        assert start.lower() in anchors[str(cid)].lower(), (act["id"], anchors[str(cid)][:80])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        done = subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(out)],
            capture_output=True, timeout=180,
        )  # fmt: skip
        assert done.returncode == 0 and (tmp / "reviewed.pdf").is_file()


def test_annotate_our_own_draft(tmp_path: Path) -> None:
    rows = [
        COLUMNS,
        ["1", "Showers were broken.", "We will explore options for the showers.", "SMT", "Ongoing"],
        ["", "", "Replace 12 shower heads on B wing.", "Head of Estates", "May 2026"],
    ]
    draft = tmp_path / "draft.docx"
    draft.write_bytes(plan_docx(rows))
    _check(draft, tmp_path)


def test_annotate_an_authored_draft(shared: Path, tmp_path: Path) -> None:
    draft = tmp_path / "brackwater.docx"
    shutil.copy(shared / "corpus" / "authored" / "hmp-brackwater-2026-draft.docx", draft)
    _check(draft, tmp_path)


def test_annotate_refuses_to_overwrite_or_to_read_text(tmp_path: Path) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(plan_docx())
    run = cli(["annotate", str(draft), "-o", str(draft)])
    assert run.code == 2 and "annotate writes a copy" in run.stderr
    (tmp_path / "plan.txt").write_text("Rec No\tConcern\tAction\n", encoding="utf-8")
    run = cli(["annotate", str(tmp_path / "plan.txt"), "-o", str(tmp_path / "x.docx")])
    assert run.code == 2 and "takes a .docx" in run.stderr


# every test runs in its own current folder (the CLI tests' `work` fixture)
pytestmark = pytest.mark.usefixtures("work")
