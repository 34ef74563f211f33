"""Rules, their examples, their test cases and the example plans use our own sentences.

The corpus is test data: a rule that carries a dev plan's wording learns that plan by
heart and fails on plans by other writers. Seven words in a row shared with a corpus
plan are a copy (the column headings of the HMPPS template are a format, not wording).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
RUN = 7
HEADINGS = "rec no concerns response action taken planned responsible owner target date"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _ours() -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / "rules").rglob("*.yaml")) + sorted(
        (ROOT / "tests" / "rules" / "cases").rglob("*.yaml")
    ):
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            yield path.relative_to(ROOT).as_posix(), text
    for path in sorted((ROOT / "examples").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for cell in line.split("\t"):
                yield path.relative_to(ROOT).as_posix(), cell


def test_nothing_we_wrote_repeats_a_corpus_plan(shared: Path) -> None:
    corpus: set[tuple[str, ...]] = set()
    plans = [*(shared / "corpus").glob("*.txt"), *(shared / "corpus" / "authored").glob("*.txt")]
    assert plans
    for plan in plans:
        words = _words(plan.read_text(encoding="utf-8", errors="replace"))
        corpus.update(tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    template = " ".join(_words(HEADINGS))
    copies = []
    for where, text in _ours():
        words = _words(text)
        for i in range(len(words) - RUN + 1):
            run = tuple(words[i : i + RUN])
            if run in corpus and " ".join(run) not in template:
                copies.append(f"{where}: {' '.join(run)!r} in {text[:80]!r}")
                break
    assert copies == []
