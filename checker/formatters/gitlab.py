"""``--format gitlab``: GitLab Code Quality JSON (a ``codequality`` report artifact).

A JSON array of issues, each with ``description``, ``check_name``,
``fingerprint``, ``severity`` (``major`` for errors, ``minor`` for warnings,
``info`` for advice) and ``location.path`` + ``location.lines.begin``. GitLab
needs fingerprints to be unique within a report: a repeated one (the same rule
on the same text twice in a file) gets a counter mixed in.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from checker.formatters import FormatContext, findings_of, message
from checker.models import Report

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issues(report: Report) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for f in findings_of(report):
        fingerprint = (
            f.fingerprint
            or hashlib.sha256(f"{f.source}{f.code}".encode("utf-8", "surrogateescape")).hexdigest()
        )
        n = seen.get(fingerprint, 0)
        seen[fingerprint] = n + 1
        if n:
            fingerprint = hashlib.sha256(f"{fingerprint}:{n}".encode()).hexdigest()[:20]
        line = f.spans[0].line if f.spans else 1
        where = next((s.where for s in f.spans if s.where), None)
        place = f" [{where}]" if where else ""  # a .docx or .pdf: the cell, in words
        out.append(
            {
                "description": f"{f.code} {message(f)}{place}",
                "check_name": f"{f.code} {f.name}",
                "fingerprint": fingerprint,
                "severity": SEVERITY[f.severity],
                "location": {"path": f.source, "lines": {"begin": line}},
            }
        )
    return out


def format_report(report: Report, context: FormatContext) -> str:
    return json.dumps(issues(report), indent=2, ensure_ascii=False) + "\n"
