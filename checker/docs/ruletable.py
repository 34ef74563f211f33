"""The README's rule table and accuracy table, generated from the rule packs.

``python -m checker.docs.ruletable`` rewrites the rule table between the markers in
README.md; a test fails when the README is out of date. The accuracy table is
made from ``rules/accuracy.json``, which ``benchmarks/accuracy.py`` measures.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from checker.config import Settings
from checker.docs.readme import refresh
from checker.engine.registry import load_rules
from checker.paths import data_dir

START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
ACC_START, ACC_END = "<!-- accuracy-table:start -->", "<!-- accuracy-table:end -->"


def accuracy() -> dict[str, Any]:
    """Per-rule precision and recall on the dev set (``rules/accuracy.json``), or {}."""
    path = data_dir("rules") / "accuracy.json"
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def figure(row: dict[str, Any] | None) -> str:
    """One measured row as 'precision / recall (tp, fp, fn)'."""
    if not row:
        return "-"
    p, r = row.get("precision"), row.get("recall")
    fp = "-" if p is None else f"{p:.2f}"
    fr = "-" if r is None else f"{r:.2f}"
    return f"{fp} / {fr} ({row['tp']} tp, {row['fp']} fp, {row['fn']} fn)"


def accuracy_table() -> str:
    """Markdown table: each per-action rule's precision / recall, real and authored plans."""
    data = accuracy().get("rules", {})
    rows = [
        "| code | severity | real plans: P / R | authored plans: P / R |",
        "|---|---|---|---|",
    ]
    severities = {r.code: r.severity for r in load_rules(Settings())}
    for code in sorted(data):
        sev = severities.get(code, "?")
        cells = [code, sev, figure(data[code].get("real")), figure(data[code].get("authored"))]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def accuracy_main(argv: list[str]) -> int:
    return refresh(
        ACC_START,
        ACC_END,
        accuracy_table(),
        check="--check" in argv,
        command="python benchmarks/accuracy.py",
    )


def table() -> str:
    """Markdown table of the built-in rules."""
    rows = ["| code | name | criterion | severity | what it finds |", "|---|---|---|---|---|"]
    for rule in sorted(load_rules(Settings()), key=lambda r: r.code):
        summary = rule.spec.summary.replace("|", "\\|")
        cells = [rule.code, f"`{rule.name}`", rule.criterion, rule.severity, summary]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    rules = refresh(
        START, END, table(), check="--check" in args, command="python -m checker.docs.ruletable"
    )
    return rules or accuracy_main(args)


if __name__ == "__main__":
    raise SystemExit(main())
