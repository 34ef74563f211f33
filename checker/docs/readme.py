"""Generated sections of README.md: a body kept between two HTML-comment markers.

The rule table and the settings table are made from their sources; each module
calls ``refresh`` from its ``main`` (``--check`` only says whether it is stale),
and a test runs the check.
"""

from __future__ import annotations

from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def replace_between(text: str, start: str, end: str, body: str) -> str:
    """The text with what stands between the markers replaced by ``body``."""
    i, j = text.find(start), text.find(end)
    if i < 0 or j < i:
        raise ValueError(f"README.md has no {start} ... {end} markers")
    return f"{text[: i + len(start)]}\n{body.rstrip()}\n{text[j:]}"


def refresh(start: str, end: str, body: str, *, check: bool, command: str) -> int:
    """Write the section into README.md, or with ``check`` report a stale one (exit 1)."""
    text = README.read_text(encoding="utf-8")
    fresh = replace_between(text, start, end, body)
    if fresh == text:
        return 0
    if check:
        print(f"README.md: the section between {start} and {end} is stale (run {command})")
        return 1
    README.write_text(fresh, encoding="utf-8")
    return 0
