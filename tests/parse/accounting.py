"""Checks that a parsed plan accounts for every non-blank character of its text."""

from __future__ import annotations

from checker.models import Plan
from checker.parse import all_spans


def unaccounted(text: str, plan: Plan) -> list[str]:
    """Problems: characters no field claims, or claimed twice, or spans outside the text."""
    lines = text.split("\n")
    owner: dict[tuple[int, int], str] = {}
    problems: list[str] = []
    for name, span in all_spans(plan):
        if span.line != span.end_line or not 1 <= span.line <= len(lines):
            problems.append(f"{name}: span {span} is not within one line of the text")
            continue
        line = lines[span.line - 1]
        if span.end_column - 1 > len(line) or span.column < 1:
            problems.append(f"{name}: span {span} runs past the end of line {span.line}")
            continue
        for col in range(span.column, span.end_column):
            key = (span.line, col)
            if key in owner and not line[col - 1].isspace():
                problems.append(f"{name} and {owner[key]} both claim {key} {line[col - 1]!r}")
            owner[key] = name
    for n, line in enumerate(lines, start=1):
        for col, ch in enumerate(line, start=1):
            if not ch.isspace() and (n, col) not in owner:
                problems.append(f"{n}:{col} {ch!r} is in no field and not reported as unplaced")
    return problems
