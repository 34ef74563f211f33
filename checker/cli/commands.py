"""What the ``lint``, ``rules`` and ``rule`` commands do, once click has read the options.

Kept out of ``cli.py`` so that the command-line module stays a thin list of
commands and imports nothing heavy before a command runs.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from checker import __version__
from checker.errors import ConfigError, PlancheckError, one_line
from checker.models import FileReport
from checker.run.lint import LintRequest, Outcome, run_lint
from checker.run.replay import Printed
from checker.run.scopes import Overrides, Resolver, split_selectors

if TYPE_CHECKING:
    from checker.config import Settings
    from checker.engine.packs import Rule


def overrides_from(opts: Mapping[str, Any]) -> Overrides:
    values = {
        "fail_under": opts.get("fail_under"),
        "fail_on": opts.get("fail_on"),
        "max_file_size": opts.get("max_file_size"),
        "max_lines": opts.get("max_lines"),
        "format": opts.get("fmt"),
        "color": opts.get("color"),
    }
    return Overrides(
        select=split_selectors(opts["select"]) if opts.get("select") else None,
        ignore=split_selectors(opts.get("ignore") or ()),
        extend_select=split_selectors(opts.get("extend_select") or ()),
        values={k: v for k, v in values.items() if v is not None},
    )


def use_color(setting: str, output: Path | None) -> bool:
    if setting == "always":
        return True
    if setting == "never" or output is not None or "NO_COLOR" in os.environ:
        return False
    return sys.stdout.isatty()


def read_stdin(limit: int) -> bytes:
    """Standard input as bytes (the reader detects the encoding, as it does for files).

    At most ``limit`` + 1 bytes are read: one more than the limit is enough for the
    reader to refuse it as too large, and an endless stream cannot fill the memory."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: bytes = buffer.read(limit + 1)
        return data
    return sys.stdin.read(limit + 1).encode("utf-8")


def _progress_bar() -> Callable[[int, int], None] | None:
    """A count of files on standard error, for a batch linted in a terminal; never in a
    pipe, a redirect or a CI log."""
    if not sys.stderr.isatty() or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return None

    def show(done: int, total: int) -> None:
        if total < 3:
            return
        width = 24
        filled = width * done // total
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done == total else ""
        sys.stderr.write(f"\rlinting [{bar}] {done}/{total}{end}")
        sys.stderr.flush()

    return show


def lint_command(
    paths: tuple[str, ...], opts: Mapping[str, Any], printed: Printed | None = None
) -> int:
    """Run ``plancheck lint``; the exit code. ``printed`` records what went to standard
    output, and whether every file came from the cache (for a replay)."""
    overrides = overrides_from(opts)
    if opts["show_settings"]:
        return show_settings(paths, opts, overrides)
    if not paths:
        raise click.UsageError("give at least one plan, folder or glob ('-' reads standard input)")
    if opts["statistics"] and opts["quiet"]:
        raise click.UsageError("--statistics and --quiet cannot be used together")
    request = LintRequest(
        paths=paths,
        config=opts.get("config"),
        overrides=overrides,
        stdin_filename=opts.get("stdin_filename"),
        baseline=opts.get("baseline"),
        write_baseline=opts.get("write_baseline"),
        use_cache=not opts["no_cache"],
        cache_dir=opts.get("cache_dir"),
        jobs=opts.get("jobs", 0),
        force_exclude=opts.get("force_exclude", False),
        progress=_progress_bar(),
    )
    if opts["statistics"] and (opts.get("fmt") or "text") != "text":
        raise click.UsageError("--statistics is a view of the text report; drop it or -f")
    outcome = run_lint(request, read_stdin)
    emit(outcome, opts, printed)
    if printed is not None:
        files = outcome.report.files
        printed.from_cache = bool(files) and all(f.cached for f in files)
    for err in outcome.report.errors:
        click.echo(f"plancheck: error: {one_line(f'{err.source}: {err.message}', 1000)}", err=True)
    if outcome.report.errors:
        return 2
    if opts.get("exit_zero"):
        return 0
    return 1 if outcome.report.summary.gate == "fail" else 0


def emit(outcome: Outcome, opts: Mapping[str, Any], printed: Printed | None = None) -> None:
    """Format the report and write it to --output or standard output."""
    from checker.formatters import FormatContext, get

    settings = outcome.settings
    output: Path | None = opts.get("output")
    color = use_color(settings.color, output)
    context = FormatContext(
        color=color,
        quiet=opts["quiet"],
        statistics=opts["statistics"],
        baseline=outcome.baseline,
        hints=not opts.get("no_hints", False),
    )
    formatter = get(settings.format)
    try:
        text = formatter(outcome.report, context)
    except Exception as exc:  # a plugin's bug: one line naming it, exit 2, never a traceback
        name = settings.format
        raise PlancheckError(
            f"the '{name}' formatter failed: {type(exc).__name__}: {exc}"
        ) from None
    if not isinstance(text, str):
        raise PlancheckError(
            f"the '{settings.format}' formatter returned {type(text).__name__}, not text"
        )
    if output is None:
        click.echo(text, nl=False, color=color)
        if printed is not None:
            printed.text, printed.color = text, color
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{output}: cannot write the report: {exc.strerror or exc}") from None


def parse_command(
    paths: tuple[str, ...], fmt: str, stdin_filename: str | None, config: Path | None
) -> tuple[str, list[str]]:
    """``plancheck parse``: what was understood of each plan (text or JSON), and one line
    for each file that could not be read."""
    from checker.docs.schemas import PlanDocument
    from checker.parse import parse_document
    from checker.parse.render import render_plan
    from checker.readers.load import discover, read_source

    resolver = Resolver(config, Overrides())
    files, found_errors = discover(list(paths))
    errors = [str(e) for e in found_errors]
    plans = []
    for path in files:
        name = (stdin_filename or "-") if path == "-" else path
        settings = resolver.for_path(Path(name) if name != "-" else None).settings
        try:
            data = read_stdin(settings.max_file_size) if path == "-" else None
            doc = read_source(
                name, data, max_bytes=settings.max_file_size, max_lines=settings.max_lines
            )
        except PlancheckError as exc:
            errors.append(str(exc))
            continue
        plans.append(parse_document(doc, settings.columns))
    if fmt == "json":
        document = PlanDocument(version=__version__, files=tuple(plans))
        text = json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    else:
        text = "".join(render_plan(plan) + "\n" for plan in plans)
    return text, errors


def show_settings(paths: tuple[str, ...], opts: Mapping[str, Any], overrides: Overrides) -> int:
    """Print the settings in force for the first path (TOML, or JSON with --format json)."""
    from checker.cli.settings_view import as_json, as_toml

    target = paths[0] if paths else "."
    if target == "-":
        target = opts.get("stdin_filename") or "-"
    resolver = Resolver(opts.get("config"), overrides)
    config = resolver.config_for(Path(target) if target != "-" else None)
    scope = resolver.scope(config)
    render = as_json if opts.get("fmt") == "json" else as_toml
    click.echo(render(scope.settings, config, target), nl=False)
    return 0


def _rules(config: Path | None, pack: Path | None = None) -> tuple[list[Rule], Settings]:
    """The rules in force here, or those of one pack folder (with the config's severities
    and options), and the settings they were loaded with."""
    from checker.config import settings_for
    from checker.engine.registry import check_types, load_rules

    settings, found = settings_for(Path.cwd(), config)
    if pack is not None:
        from checker.engine.packs import load_pack

        rules = load_pack(pack, check_types(), settings.severity, settings.weights, settings.rules)
        return rules, settings
    return load_rules(settings, found.parent if found else None), settings


def check_rules(config: Path | None, pack: Path | None, cases: Path | None) -> tuple[str, int]:
    """``plancheck rules --check``: every problem of the rules, one line each, and a count."""
    from checker.engine.core import Engine
    from checker.engine.selftest import check_pack, load_cases

    rules, settings = _rules(config, pack)
    engine = Engine(rules, settings)
    problems = check_pack(engine, load_cases(cases) if cases is not None else ())
    examples = sum(len(r.spec.examples.bad) + len(r.spec.examples.good) for r in rules)
    what = f"{len(rules)} rule(s), {examples} example(s)"
    if cases is not None:
        what += f", the cases in {cases}"
    if not problems:
        return f"{what}: every rule behaves as its examples say\n", 0
    return "".join(p + "\n" for p in problems) + f"{what}: {len(problems)} problem(s)\n", 1


def rules_table(config: Path | None, fmt: str, pack: Path | None = None) -> str:
    """``plancheck rules``: one line per rule, or JSON."""
    rules, _ = _rules(config, pack)
    if fmt == "json":
        from checker.docs.ruletable import accuracy

        measured = accuracy().get("rules", {})
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "criterion": r.criterion,
                "severity": r.severity,
                "weight": r.weight,
                "summary": r.spec.summary,
                "accuracy": measured.get(r.code),
            }
            for r in rules
        ]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    width = max([len(r.name) for r in rules] + [4])
    lines = [f"{'code':<8}  {'name':<{width}}  crit  {'severity':<8}  summary"]
    for r in sorted(rules, key=lambda r: r.code):
        lines.append(
            f"{r.code:<8}  {r.name:<{width}}  {r.criterion:<4}  {r.severity:<8}  {r.spec.summary}"
        )
    return "\n".join(lines) + "\n"


def rule_page(wanted: str, config: Path | None, fmt: str) -> str:
    """``plancheck rule CODE``: the rule's page, found by code or name."""
    from checker.docs.rule_page import rule_text

    rules, _ = _rules(config)
    key = wanted.strip().upper()
    found = [r for r in rules if key in {n.upper() for n in (r.code, r.name, *r.spec.aliases)}]
    if not found:
        names = [r.code for r in rules] + [r.name for r in rules]
        close = get_close_matches(wanted.strip(), names, n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see 'plancheck rules')"
        raise ConfigError(f"unknown rule '{wanted}'{hint}")
    r = found[0]
    from checker.docs.ruletable import accuracy

    measured = accuracy().get("rules", {}).get(r.code)
    options = {
        name: field.description or "" for name, field in r.check.options_model.model_fields.items()
    }
    if fmt == "json":
        doc = r.spec.model_dump(mode="json") | {
            "severity": r.severity,
            "weight": r.weight,
            "path": str(r.path),
            "accuracy": measured,
            "options": options,
        }
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    return rule_text(r.spec, r.severity, r.weight, options) + _accuracy_lines(measured)


def _accuracy_lines(measured: dict[str, Any] | None) -> str:
    """How the rule did on the dev set, for the rule page."""
    if not measured:
        return ""
    from checker.docs.ruletable import figure

    lines = ["", "Measured on the dev set (benchmarks/accuracy.py): precision / recall"]
    lines += [
        f"  {name} plans: {figure(measured[name])}"
        for name in ("real", "authored")
        if measured.get(name)
    ]
    return "\n".join(lines) + "\n"


def _lint_one(path: str, config: Path | None, use_cache: bool) -> tuple[FileReport, Outcome]:
    """Lint one plan for a command that needs exactly one report (PlancheckError if not)."""
    outcome = run_lint(LintRequest(paths=(path,), config=config, use_cache=use_cache), read_stdin)
    if outcome.report.errors:
        err = outcome.report.errors[0]
        raise PlancheckError(f"{err.source}: {err.message}")
    if len(outcome.report.files) != 1:
        raise PlancheckError(f"{path}: give one plan file, not a folder or pattern")
    return outcome.report.files[0], outcome


def annotate_command(draft: Path, output: Path, config: Path | None, use_cache: bool) -> str:
    """Lint a .docx and write its annotated copy; the line to print."""
    from checker.run.annotate import annotate, write_annotated

    if draft.suffix.lower() != ".docx":
        raise PlancheckError(f"{draft}: annotate writes Word comments, so it takes a .docx")
    if output.exists() and output.resolve() == draft.resolve():
        raise PlancheckError(f"{output}: is the draft itself; annotate writes a copy")
    file_report, outcome = _lint_one(str(draft), config, use_cache)
    data = draft.read_bytes()
    annotated = annotate(data, str(draft), file_report, outcome.report.rules)
    write_annotated(output, annotated)
    with_findings = sum(1 for r in file_report.recommendations for a in r.actions if a.findings)
    return f"wrote {output}: {with_findings} action(s) with comments, and the plan's score"


def diff_command(
    old: str, new: str, fmt: str, config: Path | None, use_cache: bool
) -> tuple[str, bool]:
    """Lint two drafts and compare them: (the report in ``fmt``, whether NEW is worse)."""
    from checker.run.diff import compare, render_text

    result = compare(_lint_one(old, config, use_cache)[0], _lint_one(new, config, use_cache)[0])
    if fmt == "json":
        return result.model_dump_json(indent=2) + "\n", result.worse
    if fmt == "html":
        from checker.formatters.html import format_diff

        return format_diff(result), result.worse
    return render_text(result), result.worse


def summary_command(
    paths: tuple[str, ...], fmt: str, config: Path | None, use_cache: bool, jobs: int
) -> tuple[str, int]:
    """Lint the plans and tabulate them: (the table in ``fmt``, the exit code)."""
    from checker.run import summary

    outcome = run_lint(
        LintRequest(paths=paths, config=config, use_cache=use_cache, jobs=jobs), read_stdin
    )
    for err in outcome.report.errors:
        click.echo(f"plancheck: error: {one_line(f'{err.source}: {err.message}', 1000)}", err=True)
    render = {"csv": summary.render_csv, "html": summary.render_html}.get(fmt, summary.render_text)
    return render(outcome.report), 2 if outcome.report.errors else 0
