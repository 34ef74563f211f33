"""A Word plan built from each corpus gold file parses back to the same structure.

The gold files hold the opening words of each action and concern, its owner and
its target as printed: enough to rebuild the table as a .docx, read it with the
docx reader and check that recommendations, actions, owners and dates survive.
"""

from __future__ import annotations

import json
from pathlib import Path

from readers_kit import plan_docx

from checker.parse import parse_document
from checker.readers.load import read_source

HEAD = [
    "1. Rec No",
    "2. Concerns",
    "3. Response Action Taken/Planned",
    "4. Responsible Owner",
    "5. Target Date",
]


def _sentence(text: str) -> str:
    return text if text.rstrip().endswith((".", ":", ";")) else text + "."


def _rows(gold: dict) -> list[list[str]]:
    rows = [HEAD]
    section = None
    for rec in gold["recommendations"]:
        if rec["section"] != section and rec["section"]:
            section = rec["section"]
            rows.append(["", f"{section.capitalize()} concerns", "", "", ""])
        for i, act in enumerate(rec["actions"]):
            first = i == 0
            rows.append(
                [
                    (rec["ref"] or "") if first else "",
                    _sentence(rec["concern_starts"]) if first else "",
                    _sentence(act["starts"]),
                    act["owner"] or "",
                    act["target"] or "",
                ]
            )
    return rows


def test_docx_from_gold_parses_back(shared: Path, tmp_path: Path) -> None:
    for gold_path in sorted((shared / "corpus").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        header = [
            f"Action Plan: {gold['establishment']}",
            "Action Plan Submitted: 1st December 2025",
        ]
        path = tmp_path / gold_path.name.replace(".gold.json", ".docx")
        path.write_bytes(plan_docx(_rows(gold), header))
        plan = parse_document(read_source(str(path)))
        recs = plan.recommendations
        assert [r.ref for r in recs] == [r["ref"] for r in gold["recommendations"]], path.name
        assert [r.section for r in recs] == [r["section"] for r in gold["recommendations"]]
        got = [(a.text, a.owner, a.due) for r in recs for a in r.actions]
        want = [
            (_sentence(a["starts"]), a["owner"], a["due"])
            for r in gold["recommendations"]
            for a in r["actions"]
        ]
        assert got == want, path.name
        assert plan.unplaced == ()
