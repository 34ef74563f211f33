"""The README's rule table, generated from the rule packs.

``python -m checker.ruletable`` rewrites the table between the markers in
README.md; a test fails when the README is out of date.
"""

from __future__ import annotations

import sys

from checker.config import Settings
from checker.readme import refresh
from checker.registry import load_rules

START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


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
    return refresh(
        START, END, table(), check="--check" in args, command="python -m checker.ruletable"
    )


if __name__ == "__main__":
    raise SystemExit(main())
