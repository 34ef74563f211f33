"""Linting plans with one scope's rules (``Runner``), and the run's report with the
gate's verdict (``build_report``).

``lint.py`` drives a whole run (files, scopes, cache, workers); a ``Scope`` holds
one config's settings and rules; a ``Runner`` lints plan after plan with them
through one ``Engine``, built on first use so that a run served from the cache
never builds it. The gate (``fail_on``, ``fail_under``, a baseline) is decided
here so that every output format reports the same verdict.
"""

from __future__ import annotations

import contextlib
import fnmatch
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from checker import __version__
from checker.config import Settings
from checker.models import FileError, FileReport, Plan, Report, RuleInfo, Summary
from checker.run.baseline import fixed_count
from checker.scoring import mean

# The engine, the parser and the rule packs are imported where they are first used: a run
# served from the cache (and `plancheck --help`) needs build_report, not them.
if TYPE_CHECKING:
    from checker.engine.core import Engine
    from checker.engine.packs import Rule
    from checker.readers import Document

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Runner:
    """Rules loaded and selected once; plans linted one after another."""

    def __init__(
        self,
        settings: Settings,
        base: Path | None = None,
        cache_dir: Path | None = None,
        *,
        rules: list[Rule] | None = None,
    ) -> None:
        """``rules``: the rules in force, already selected (as a Scope holds them); when
        not given, the packs the settings name are loaded and selected here."""
        self.settings = settings
        self.base = base
        self.cache_dir = cache_dir
        if rules is None:
            from checker.engine.registry import load_rules, select

            rules = select(load_rules(settings, base), settings)
        self.rules = rules
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """Built on first use: a run served wholly from the cache never builds it."""
        if self._engine is None:
            from checker.engine.core import Engine

            self._engine = Engine(self.rules, self.settings, self.cache_dir)
        return self._engine

    def file_ignores(self, source: str) -> tuple[str, ...]:
        """The selectors per_file_ignores gives this file: each glob is matched against the
        path relative to the config file's folder (as exclude is), the path as given and
        the file's name."""
        names = {source, Path(source).name}
        with contextlib.suppress(ValueError, OSError):  # outside the config's folder
            names.add(
                Path(source).resolve().relative_to((self.base or Path.cwd()).resolve()).as_posix()
            )
        out: list[str] = []
        for pattern, codes in self.settings.per_file_ignores.items():
            if any(fnmatch.fnmatch(name, pattern) for name in names):
                out.extend(codes)
        return tuple(out)

    def lint_plan(self, plan: Plan) -> FileReport:
        return self.engine.lint(plan, self.file_ignores(plan.source))

    def lint_document(self, doc: Document) -> FileReport:
        from checker.parse import parse_document

        return self.lint_plan(parse_document(doc, self.settings.columns))


def build_report(
    files: Sequence[FileReport],
    errors: Iterable[FileError],
    settings: Settings,
    baseline: Mapping[str, str] | None = None,
    rules: Sequence[RuleInfo] = (),
) -> Report:
    """The whole run's report, with the summary and the gate's verdict. ``baseline``:
    fingerprint -> the file it was recorded for."""
    findings = [f for fr in files for f in fr.all_findings()]
    gating = [f for f in findings if baseline is None or f.fingerprint not in baseline]
    scores = [fr.score for fr in files if fr.score is not None]
    score = mean(scores)
    reasons: list[str] = []
    threshold = SEVERITY_RANK[settings.fail_on]
    bad = [f for f in gating if SEVERITY_RANK[f.severity] >= threshold]
    if bad:
        new = " new" if baseline is not None else ""
        reasons.append(f"{len(bad)}{new} finding(s) of severity {settings.fail_on} or worse")
    if settings.fail_under is not None:
        low = [fr for fr in files if fr.score is not None and fr.score < settings.fail_under]
        for fr in low:
            reasons.append(f"{fr.source}: score {fr.score} is under {settings.fail_under}")
    summary = Summary(
        files=len(files),
        actions=sum(len(r.actions) for fr in files for r in fr.recommendations),
        findings=len(findings),
        by_severity=dict(sorted(Counter(f.severity for f in findings).items())),
        by_criterion=dict(sorted(Counter(f.criterion for f in findings).items())),
        by_rule=dict(sorted(Counter(f.code for f in findings).items())),
        score=score,
        gate="fail" if reasons else "pass",
        gate_reasons=tuple(reasons),
        baselined=None if baseline is None else len(findings) - len(gating),
        fixed=None
        if baseline is None
        else fixed_count(
            dict(baseline), {fr.source for fr in files}, {f.fingerprint for f in findings}
        ),
    )
    return Report(
        version=__version__,
        files=tuple(files),
        errors=tuple(errors),
        summary=summary,
        rules=tuple(rules),
    )
