"""Baselines: accept today's findings, fail only on new ones.

``--write-baseline FILE`` records every finding of the run by its fingerprint
(rule + recommendation number + the words that triggered it; never the file's
name, line numbers or the rest of the action's wording, so that a renamed draft,
edits elsewhere in the plan or a light rewording do not make old findings new).
``--baseline FILE`` hands those fingerprints to the gate, which then fails
only on findings that are not in it. The file is JSON, sorted, so that it
diffs well under version control.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker import __version__
from checker.errors import ConfigError
from checker.formatters import findings_of
from checker.models import Report

FORMAT = "plancheck-baseline/1"


def baseline_document(report: Report) -> dict[str, Any]:
    entries = {
        f.fingerprint: {
            "fingerprint": f.fingerprint,
            "code": f.code,
            "source": f.source,
            "action": f.action,
            "message": f.message,
        }
        for f in findings_of(report)
        if f.fingerprint
    }
    ordered = sorted(entries.values(), key=lambda e: (e["source"], e["code"], e["fingerprint"]))
    return {"format": FORMAT, "tool": "plancheck", "version": __version__, "findings": ordered}


def write_baseline(path: Path, report: Report) -> dict[str, str]:
    """Write the run's findings to ``path``; what was written, as ``read_baseline`` gives it."""
    doc = baseline_document(report)
    try:
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the baseline: {exc.strerror or exc}") from None
    return {e["fingerprint"]: e["source"] for e in doc["findings"]}


def read_baseline(path: Path) -> dict[str, str]:
    """Fingerprint -> the file it was recorded for, for every finding a baseline file holds
    (ConfigError, exit 2, when it is not one)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: baseline file not found (write one with --write-baseline)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc}") from None
    except ValueError as exc:
        raise ConfigError(f"{path}: the baseline is not valid JSON: {exc}") from None
    if (
        not isinstance(doc, dict)
        or doc.get("format") != FORMAT
        or not isinstance(doc.get("findings"), list)
    ):
        raise ConfigError(f'{path}: not a plancheck baseline (expected "format": "{FORMAT}")')
    out: dict[str, str] = {}
    for n, entry in enumerate(doc["findings"]):
        fp = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fp, str) or not fp:
            raise ConfigError(f"{path}: findings[{n}]: no fingerprint")
        out[fp] = str(entry.get("source") or "")
    return out


def fixed_count(entries: dict[str, str], linted: set[str], found: set[str]) -> int:
    """How many of the baseline's findings no longer fire: those recorded for a file this
    run linted whose fingerprint no finding of the run has. A finding recorded under
    another file name (a renamed draft, a plan not linted now) is never counted fixed:
    the count may say too little, never too much."""
    return sum(1 for fp, source in entries.items() if source in linted and fp not in found)
