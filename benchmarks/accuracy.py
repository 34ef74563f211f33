"""Per-rule accuracy on the dev set: how often each rule is right, published with the rules.

Run from the repository root, with ``../shared`` beside it::

    .venv/bin/python benchmarks/accuracy.py           # measure, write rules/accuracy.json
                                                      # and the README's accuracy table
    .venv/bin/python benchmarks/accuracy.py --check   # exit 1 when either is stale

For every plan with a gold file (the real plans in ``../shared/corpus``, and the
``.docx`` variant of each authored plan), ``plancheck lint --format json`` is run
and its actions are matched to the gold actions with the evaluator's own matcher
(``../shared/eval/evaluate.py``, imported, not copied). For each rule:

* precision: of the matched actions it fires on, the share whose gold label fails
  the rule's criterion;
* recall: of the matched actions whose gold label fails that criterion, the share
  it fires on (several rules share a criterion, so recalls need not add up).

Real and authored plans are counted apart. Plan-level rules (criterion P) have
no per-action gold and are not measured. The figures are of the development set:
they say how a rule does on the plans it was written against, not on new ones.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OUT = ROOT / "rules" / "accuracy.json"
PLANCHECK = [str(Path(sys.executable).with_name("plancheck"))]


def _evaluator() -> Any:
    spec = importlib.util.spec_from_file_location("evaluate", SHARED / "eval" / "evaluate.py")
    if spec is None or spec.loader is None:
        raise SystemExit("../shared/eval/evaluate.py is missing")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_sets() -> dict[str, list[Path]]:
    corpus = SHARED / "corpus"
    return {
        "real": sorted(corpus.glob("*.gold.json")),
        "authored": sorted((corpus / "authored").glob("*.docx.gold.json")),
    }


def _report(plan: Path) -> dict[str, Any]:
    cmd = [*PLANCHECK, "lint", "--no-cache", "--format", "json", str(plan)]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if run.returncode not in (0, 1):
        raise SystemExit(f"plancheck failed on {plan.name}: {run.stderr.strip()}")
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def count(ev: Any, golds: list[Path]) -> dict[str, dict[str, int]]:
    """Per rule: tp (fires, gold fails), fp (fires, gold passes), fn (gold fails, silent)."""
    rules = _per_action_rules()
    tally: dict[str, dict[str, int]] = {r["code"]: {"tp": 0, "fp": 0, "fn": 0} for r in rules}
    for gpath in golds:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        report = _report(gpath.with_name(gold["file"]))
        preds = [a for r in ev.report_recommendations(report) for a in r.get("actions", [])]
        gold_actions = [a for r in gold["recommendations"] for a in r["actions"]]
        for g, p in ev.match_actions(gold_actions, preds):
            fired = {f["code"] for f in p.get("findings", [])}
            for rule in rules:
                label = g["labels"].get(rule["criterion"])
                if label is None:
                    continue
                row = tally[rule["code"]]
                if rule["code"] in fired:
                    row["fp" if label else "tp"] += 1
                elif not label:
                    row["fn"] += 1
    return tally


def _per_action_rules() -> list[dict[str, Any]]:
    """Every rule that judges one action (not P, not info), from ``plancheck rules``."""
    cmd = [*PLANCHECK, "rules", "--format", "json"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=True)
    return [r for r in json.loads(run.stdout) if r["criterion"] != "P" and r["severity"] != "info"]


def _ratio(a: int, b: int) -> float | None:
    return None if b == 0 else round(a / b, 3)


def measure() -> dict[str, Any]:
    ev = _evaluator()
    sets = dev_sets()
    out: dict[str, Any] = {
        "about": "per-rule precision and recall on the dev set (benchmarks/accuracy.py)",
        "plans": {name: [p.name for p in paths] for name, paths in sets.items()},
        "rules": {},
    }
    for name, paths in sets.items():
        for code, row in sorted(count(ev, paths).items()):
            entry = out["rules"].setdefault(code, {})
            entry[name] = {
                **row,
                "precision": _ratio(row["tp"], row["tp"] + row["fp"]),
                "recall": _ratio(row["tp"], row["tp"] + row["fn"]),
            }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the stored figures are stale")
    args = ap.parse_args(argv)
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus is not beside the repository: nothing to measure")
        return 0
    fresh = json.dumps(measure(), indent=2, sort_keys=True) + "\n"
    sys.path.insert(0, str(ROOT))
    from checker.docs.ruletable import accuracy_main

    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != fresh:
            print("rules/accuracy.json is stale: run .venv/bin/python benchmarks/accuracy.py")
            return 1
        return accuracy_main(["--check"])
    OUT.write_text(fresh, encoding="utf-8")
    return accuracy_main([])


if __name__ == "__main__":
    raise SystemExit(main())
