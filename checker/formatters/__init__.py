"""Output formats: one module per format, found through a registry.

A formatter is a function ``(report, context) -> str``. The built-ins are named
here as ``"module:function"`` strings and imported only when chosen, so that
``plancheck --help`` imports none of them. Third parties add formats through the
``plancheck.formatters`` entry-point group (name -> such a function); a
built-in name cannot be replaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import cast

from checker.errors import PlancheckError
from checker.models import Finding, Report

ENTRY_POINT_GROUP = "plancheck.formatters"

BUILTIN: dict[str, str] = {
    "text": "checker.formatters.text:format_report",
    "json": "checker.formatters.json:format_report",
    "sarif": "checker.formatters.sarif:format_report",
    "github": "checker.formatters.github:format_report",
    "junit": "checker.formatters.junit:format_report",
    "gitlab": "checker.formatters.gitlab:format_report",
    "csv": "checker.formatters.csv:format_report",
    "html": "checker.formatters.html:format_report",
}

# how plancheck's severities read in formats with their own scale
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


@dataclass(frozen=True)
class FormatContext:
    """What a formatter may need besides the report."""

    color: bool = False
    quiet: bool = False
    statistics: bool = False
    baseline: frozenset[str] | None = None
    hints: bool = True  # text: what to write instead, under each finding
    extra: dict[str, str] = field(default_factory=dict)

    def in_baseline(self, finding: Finding) -> bool:
        return self.baseline is not None and finding.fingerprint in self.baseline


Formatter = Callable[[Report, FormatContext], str]


def names() -> list[str]:
    """Every format name: the built-ins, then those of installed plugins."""
    from importlib.metadata import entry_points

    out = list(BUILTIN)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in out:
            out.append(ep.name)
    return out


def get(name: str) -> Formatter:
    """The formatter called ``name`` (PlancheckError, exit 2, when there is none)."""
    if name in BUILTIN:
        module, _, func = BUILTIN[name].partition(":")
        return cast(Formatter, getattr(import_module(module), func))
    from importlib.metadata import entry_points  # only for plugins: it costs ~45 ms to import

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == name:
            try:
                return cast(Formatter, ep.load())
            except Exception as exc:
                raise PlancheckError(
                    f"entry point {ENTRY_POINT_GROUP} '{name}' failed to load: {exc}"
                ) from None
    raise PlancheckError(f"unknown format '{name}' (formats: {', '.join(names())})")


_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def code_span(text: str) -> str:
    """Text as a Markdown code span (a backtick inside would end it early)."""
    return "`" + text.replace("`", "'") + "`"


def shown(text: str) -> str:
    """Plan text made safe to print: control characters (escape sequences that clear a
    screen, a line end that would start a forged CI log command) shown as ``\\x1b``
    or ``\\n``; a file name's undecodable bytes as ``\\udcff``."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return _UNSAFE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def message(f: Finding) -> str:
    """The finding's message, with the words that triggered it when it does not quote them."""
    low = f.message.lower()
    missing = [w for w in f.words if w.lower() not in low]
    if not missing:
        return f.message
    return f.message + " [" + ", ".join(f'"{w}"' for w in f.words) + "]"


def shorten(text: str, limit: int) -> str:
    """White space folded, and cut at ``limit`` characters with '...'."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def instead_by_code(report: Report) -> dict[str, str]:
    """Rule code -> what to write instead, for the rules in force that say it."""
    return {r.code: r.instead for r in report.rules if r.instead}


def findings_of(report: Report) -> list[Finding]:
    """Every finding of the report in document order: per file, plan findings last."""
    return [f for fr in report.files for f in fr.all_findings()]
