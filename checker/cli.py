"""The command line: a thin click group over the library.

Exit codes, as ruff and pylint have them: 0 clean (the gate passed), 1 the gate
failed, 2 a usage error or input that could not be read (one line, no traceback).
"""

from __future__ import annotations

import json
import sys

import click

from checker import __version__
from checker.errors import PlancheckError


class Group(click.Group):
    """Turns any PlancheckError into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except PlancheckError as exc:
            click.echo(f"plancheck: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="plancheck")
def main() -> None:
    """Lint prison action plans against the SMART criteria."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
@click.option("--stdin-filename", default=None, help="name to give standard input ('-')")
def parse(paths: tuple[str, ...], fmt: str, stdin_filename: str | None) -> None:
    """Print what plancheck understood of each plan: recommendations, actions, owners, dates."""
    from checker.parse import parse_document
    from checker.parse.render import render_plan
    from checker.readers.load import discover, read_source
    from checker.schemas import PlanDocument

    files, errors = discover(list(paths))
    plans = []
    for path in files:
        if path == "-":
            doc = read_source(stdin_filename or "-", sys.stdin.buffer.read())
        else:
            try:
                doc = read_source(path)
            except PlancheckError as exc:
                errors.append(exc)  # type: ignore[arg-type]
                continue
        plans.append(parse_document(doc))
    if fmt == "json":
        document = PlanDocument(version=__version__, files=tuple(plans))
        click.echo(json.dumps(document.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        for plan in plans:
            click.echo(render_plan(plan))
    for err in errors:
        click.echo(f"plancheck: error: {err}", err=True)
    if errors:
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True)
def lint(paths: tuple[str, ...], fmt: str) -> None:
    """Lint plans and report per action."""
    from pathlib import Path

    from checker.config import settings_for
    from checker.readers.load import read_source
    from checker.runner import Runner, build_report

    settings, _ = settings_for(Path(paths[0]))
    runner = Runner(settings)
    files = [runner.lint_document(read_source(p)) for p in paths]
    report = build_report(files, [], settings)
    if fmt == "json":
        click.echo(report.model_dump_json(indent=2))
    else:
        for fr in report.files:
            for rec in fr.recommendations:
                for act in rec.actions:
                    click.echo(f"{act.id} {act.score} {act.criteria}")
                    for f in act.findings:
                        click.echo(f"   {f.code} {f.message}")
    sys.exit(1 if report.summary.gate == "fail" else 0)
