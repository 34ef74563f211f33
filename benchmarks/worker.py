"""In-process timings, run by ``run.py`` in a fresh child process (one per measurement).

Each command prints JSON lines on standard output: one ``{"event": ...}`` line per
timed repeat as soon as it is done (so a parent that has to stop a slow run
still has the repeats that finished), then a ``{"event": "done", ...}`` line.

``warm PLAN [--repeats N] [--budget S] [--ignore CODES]``
    Build ``Runner(Settings())`` once, lint PLAN once to warm it (spaCy
    pipeline, lemma table, rules), then per repeat: ``read_source`` (read),
    ``parse_document`` (parse) and ``Runner.lint_plan`` (lint), and straight after
    it the bare spaCy tokenizer: ``spacy.blank("en")`` and ``nlp.pipe`` over the
    same texts the engine annotates (each action's text, owner and target and its
    recommendation's concern, each distinct text once), and, for reference,
    ``nlp.tokenizer`` over the whole file's text (the two take turns).

``scale PLAN --warmup PLAN_1X [--repeats N] [--budget S]``
    As ``warm``, but the warm-up lint is of PLAN_1X (the 1x plan), and
    only read + parse + lint of PLAN is timed.

The engine keeps one spaCy Doc per distinct text it has seen. Linting the same
plan again would then skip spaCy altogether, which no real second plan does, so
that memo is emptied before every timed repeat (``cleared_doc_memo`` in the
output says whether the attribute was found).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

STARTED = time.perf_counter()


def emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


def _forget_docs(runner: Any) -> bool:
    """Empty the engine's per-text Doc memo; False when this version has none."""
    engine = getattr(runner, "_engine", None) or getattr(runner, "engine", None)
    annotator = getattr(engine, "annotator", None)
    docs = getattr(annotator, "_docs", None)
    if isinstance(docs, dict):
        docs.clear()
        return True
    return False


def _annotated_texts(plan: Any) -> list[str]:
    texts: list[str] = []
    for rec, act in plan.actions():
        texts.append(act.text)
        if act.owner:
            texts.append(act.owner)
        if act.target:
            texts.append(act.target)
        texts.append(rec.concern)
    return list(dict.fromkeys(texts))


def _lint_once(runner: Any, path: Path) -> dict[str, float]:
    from checker.parse import parse_document
    from checker.readers.load import read_source

    t0 = time.perf_counter()
    doc = read_source(str(path))
    t1 = time.perf_counter()
    plan = parse_document(doc)
    t2 = time.perf_counter()
    report = runner.lint_plan(plan)
    t3 = time.perf_counter()
    if report is None:
        raise RuntimeError("lint_plan returned nothing")
    return {"read": t1 - t0, "parse": t2 - t1, "lint": t3 - t2, "total": t3 - t0}


def _runner(ignore: tuple[str, ...] = ()) -> Any:
    from checker.config import Settings
    from checker.run.runner import Runner

    return Runner(Settings(ignore=ignore) if ignore else Settings())


def _rounds(repeats: int, budget: float) -> Iterator[int]:
    """Up to ``repeats`` rounds, none started once ``budget`` seconds are spent (one at least)."""
    start = time.perf_counter()
    for i in range(max(1, repeats)):
        if i and time.perf_counter() - start >= budget:
            return
        yield i


def warm(path: Path, repeats: int, budget: float, ignore: tuple[str, ...]) -> None:
    from checker.parse import parse_document
    from checker.readers.load import read_source

    runner = _runner(ignore)
    t0 = time.perf_counter()
    runner.lint_document(read_source(str(path)))
    emit(event="warmup", seconds=time.perf_counter() - t0)

    import spacy

    document = read_source(str(path))
    plan = parse_document(document)
    texts = _annotated_texts(plan)
    whole = getattr(document, "text", "") or path.read_text(encoding="utf-8", errors="replace")
    nlp = spacy.blank("en")
    docs = list(nlp.pipe(texts, batch_size=256))  # warm-up
    whole_doc = nlp.tokenizer(whole)
    cleared = False
    # the lint and the bare tokenizer take turns, so that both see the same machine
    for _ in _rounds(repeats, budget):
        cleared = _forget_docs(runner)
        emit(event="lint", **_lint_once(runner, path))
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=256))
        t1 = time.perf_counter()
        whole_doc = nlp.tokenizer(whole)
        t2 = time.perf_counter()
        emit(event="tokenizer", pipe=t1 - t0, whole=t2 - t1)
    emit(
        event="done",
        cleared_doc_memo=cleared,
        texts=len(texts),
        tokens=sum(len(d) for d in docs),
        whole_tokens=len(whole_doc),
        actions=sum(1 for _ in plan.actions()),
        recommendations=len(plan.recommendations),
    )


def scale(path: Path, warmup: Path, repeats: int, budget: float) -> None:
    from checker.parse import parse_document
    from checker.readers.load import read_source

    runner = _runner()
    runner.lint_document(read_source(str(warmup)))
    plan = parse_document(read_source(str(path)))
    emit(
        event="shape",
        recommendations=len(plan.recommendations),
        actions=sum(1 for _ in plan.actions()),
        since_start=time.perf_counter() - STARTED,  # what a stopped run spent before timing
    )
    cleared = False
    for _ in _rounds(repeats, budget):
        cleared = _forget_docs(runner)
        emit(event="lint", **_lint_once(runner, path))
    emit(event="done", cleared_doc_memo=cleared)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="in-process timings for benchmarks/run.py")
    parser.add_argument("command", choices=["warm", "scale"])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--warmup", type=Path, help="scale: the plan to warm the runner with")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--budget", type=float, default=float("inf"), help="seconds")
    parser.add_argument("--ignore", default="", help="rule codes to leave out, comma-separated")
    args = parser.parse_args(argv)
    ignore = tuple(c.strip() for c in args.ignore.split(",") if c.strip())
    if args.command == "warm":
        warm(args.plan, args.repeats, args.budget, ignore)
    else:
        scale(args.plan, args.warmup or args.plan, args.repeats, args.budget)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
