"""The README's rule table, generated from the rule packs.

``python -m checker.ruletable`` rewrites the table between the markers in
README.md; a test fails when the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.config import Settings
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


def render(readme: str) -> str:
    """The README text with a fresh table between the markers."""
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{table()}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(__file__).resolve().parent.parent / "README.md"
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in args:
        if new != text:
            print("README.md rule table is stale: run python -m checker.ruletable")
            return 1
        return 0
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
