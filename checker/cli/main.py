"""The command line: a thin click group over the library.

Exit codes, as ruff and pylint have them: 0 clean (the gate passed), 1 the gate
failed, 2 a usage error or input that could not be read (one line, no traceback).

Imports are lazy: ``plancheck --help``, ``--version``, ``rules`` and ``rule``
never import spaCy, and a lint run served from the cache does not either.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from checker import __version__
from checker.errors import ConfigError, PlancheckError, one_line

FORMATS_HELP = "text, json, sarif, github, junit, gitlab, csv, html (or a plugin's)"


class Group(click.Group):
    """Turns a PlancheckError or a usage error into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PlancheckError as exc:
            click.echo(f"plancheck: error: {one_line(str(exc), 1000)}", err=True)
            ctx.exit(2)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else ctx.command_path
            message = one_line(exc.format_message(), 1000)
            click.echo(f"plancheck: error: {message} (see '{where} --help')", err=True)
            ctx.exit(2)
        except click.ClickException as exc:
            click.echo(f"plancheck: error: {one_line(exc.format_message(), 1000)}", err=True)
            ctx.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="plancheck")
def main() -> None:
    """Lint prison action plans against the SMART criteria."""


F = TypeVar("F", bound=Callable[..., Any])

_config_option = click.option(
    "--config", type=click.Path(dir_okay=False, path_type=Path), help="config file to read"
)
_no_cache_option = click.option(
    "--no-cache", is_flag=True, help="neither read nor write the result cache"
)


def _format_option(*names: str) -> Callable[[F], F]:
    return click.option(
        "-f", "--format", "fmt", type=click.Choice(names), default=names[0], show_default=True
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format", "fmt", type=click.Choice(["json", "text"]), default="text", show_default=True
)
@click.option("--stdin-filename", default=None, help="name to give standard input ('-')")
@click.option(
    "--config",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="config file (its [columns] name unusual headings); default: the nearest one",
)
def parse(
    paths: tuple[str, ...], fmt: str, stdin_filename: str | None, config: Path | None
) -> None:
    """Print what plancheck understood of each plan: recommendations, actions, owners, dates.

    The text view starts with the table's columns and the role each heading was given."""
    from checker.cli.commands import parse_command

    text, errors = parse_command(paths, fmt, stdin_filename, config)
    click.echo(text, nl=False)
    for err in errors:
        click.echo(f"plancheck: error: {one_line(err, 1000)}", err=True)
    if errors:
        sys.exit(2)


# the options of ``lint``, as data, so that the command itself reads as what it does
LINT_OPTIONS: tuple[Callable[[Any], Any], ...] = (
    click.option(
        "-f",
        "--format",
        "fmt",
        default=None,
        help=f"output format: {FORMATS_HELP} [default: text]",
    ),
    click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="write the report to FILE",
    ),
    click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default=None,
        help="colour in the text report [default: auto: only on a terminal]",
    ),
    click.option(
        "-q", "--quiet", is_flag=True, help="print only the finding lines (nothing when clean)"
    ),
    click.option(
        "--statistics",
        is_flag=True,
        help="print counts per rule instead of the per-action report",
    ),
    click.option(
        "--force-exclude",
        is_flag=True,
        help="apply exclude to files named on the command line too (as pre-commit names them)",
    ),
    click.option(
        "--exit-zero",
        is_flag=True,
        help="exit 0 even when the gate fails (unreadable plans still exit 2)",
    ),
    click.option(
        "--no-hints",
        is_flag=True,
        help="text report: leave out what to write instead under each finding",
    ),
    click.option(
        "--fail-under",
        type=click.FloatRange(0, 100),
        default=None,
        metavar="SCORE",
        help="fail when a plan scores under SCORE (0-100)",
    ),
    click.option(
        "--fail-on",
        type=click.Choice(["error", "warning", "info"]),
        default=None,
        help="fail on findings of this severity or worse [default: error]",
    ),
    click.option(
        "--baseline",
        type=click.Path(dir_okay=False, path_type=Path),
        help="fail only on findings not in this baseline file",
    ),
    click.option(
        "--write-baseline",
        type=click.Path(dir_okay=False, path_type=Path),
        help="record today's findings in FILE (the gate then uses it)",
    ),
    click.option(
        "--select",
        multiple=True,
        metavar="CODES",
        help="rules to run: codes, prefixes or criterion letters, comma-separated",
    ),
    click.option(
        "--ignore", multiple=True, metavar="CODES", help="rules to skip (added to the config's)"
    ),
    click.option(
        "--extend-select",
        multiple=True,
        metavar="CODES",
        help="rules to run on top of the selection",
    ),
    click.option(
        "--config",
        type=click.Path(dir_okay=False, path_type=Path),
        help="use this config file for every plan (instead of the nearest one)",
    ),
    click.option(
        "--show-settings",
        is_flag=True,
        help="print the settings in force and where they came from",
    ),
    click.option("--no-cache", is_flag=True, help="neither read nor write the result cache"),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="where to keep the cache [default: the user's cache folder]",
    ),
    click.option(
        "-j",
        "--jobs",
        type=click.IntRange(0),
        default=0,
        show_default=True,
        help="processes to lint with (0: one per CPU, one alone for fewer than 4 files)",
    ),
    click.option(
        "--max-file-size",
        type=click.IntRange(1),
        default=None,
        metavar="BYTES",
        help="refuse plans larger than this",
    ),
    click.option(
        "--max-lines",
        type=click.IntRange(1),
        default=None,
        metavar="LINES",
        help="refuse plans with more lines of text (or Word table rows) than this",
    ),
    click.option(
        "--stdin-filename", default=None, help="the name to report standard input ('-') under"
    ),
    click.option(
        "--server",
        "use_server",
        is_flag=True,
        help="let a running 'plancheck server' lint (also PLANCHECK_SERVER=1); "
        "lints here when none is running",
    ),
)


def _lint_options(func: Any) -> Any:
    for option in reversed(LINT_OPTIONS):
        func = option(func)
    return func


@main.command()
@click.argument("paths", nargs=-1)
@_lint_options
def lint(paths: tuple[str, ...], **opts: Any) -> None:
    """Lint plans (files, folders, globs, or - for standard input) and report per action.

    Exit status: 0 the gate passed, 1 it failed, 2 a usage error or a plan
    that could not be read (the others are still linted and reported).
    """
    from checker.run.replay import Printed, lookup, replay_key, store

    opts.pop("use_server", None)  # the entry point used the server if it could
    key = replay_key(paths, opts)
    if key is not None:
        hit = lookup(key, opts.get("cache_dir"))
        if hit is not None:  # every input as it was when a fully cached run printed this
            code, text, color = hit
            from checker.cli.entry import remember

            # noted for this command line as typed: answered before click next time
            remember(paths, opts)
            click.echo(text, nl=False, color=color)
            sys.exit(code)
    from checker.cli.commands import lint_command

    printed = Printed()
    code = lint_command(paths, opts, printed)
    if key is not None and printed.text is not None and printed.from_cache and code in (0, 1):
        store(key, opts.get("cache_dir"), code, printed.text, printed.color)
        from checker.cli.entry import remember

        remember(paths, opts)
    sys.exit(code)


@main.command()
@click.option("--stop", is_flag=True, help="stop the running server")
@click.option("--status", is_flag=True, help="say whether a server is running, and its figures")
@click.option("--detach", is_flag=True, help="serve in the background once ready")
@click.option(
    "--idle-timeout",
    type=click.FloatRange(1),
    default=3600.0,
    show_default=True,
    metavar="SECONDS",
    help="stop after this long without a request",
)
def server(stop: bool, status: bool, detach: bool, idle_timeout: float) -> None:
    """Keep the pipeline and rules warm and lint for 'plancheck lint --server' (or with
    PLANCHECK_SERVER=1 set) over a socket only this user can reach. The output is what
    a run of its own prints."""
    from checker.cli import server as serving

    if stop and status:
        raise click.UsageError("--stop and --status cannot be used together")
    if stop or status:
        code, text = serving.control("stop" if stop else "status")
        click.echo(text, err=code != 0)
        sys.exit(code)
    click.echo(serving.run(idle_timeout, detach), err=True)


@main.command()
@click.argument(
    "pack", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--check",
    is_flag=True,
    help="run every rule's own examples (and --cases) and exit 1 when one misbehaves",
)
@click.option(
    "--cases",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="a folder of extra case files for --check (rule:, fire:, pass:)",
)
@_config_option
def rules(
    pack: Path | None, fmt: str, check: bool, cases: Path | None, config: Path | None
) -> None:
    """List the rules in force (or those of the rule pack folder PACK): code, name,
    criterion, severity, summary. With --check, test them instead, as pack authors and CI do."""
    from checker.cli.commands import check_rules, rules_table

    if check:
        text, code = check_rules(config, pack, cases)
        click.echo(text, nl=False)
        sys.exit(code)
    if cases is not None:
        raise click.UsageError("--cases goes with --check")
    click.echo(rules_table(config, fmt, pack), nl=False)


@main.command()
@click.argument("code")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_config_option
def rule(code: str, fmt: str, config: Path | None) -> None:
    """Explain one rule (by code or name): why it matters, what to write instead, examples."""
    from checker.cli.commands import rule_page

    click.echo(rule_page(code, config, fmt), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_format_option("text", "csv", "html")
@_config_option
@_no_cache_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(0),
    default=0,
    help="processes (0: one per CPU, one alone for fewer than 4 files)",
)
def summary(
    paths: tuple[str, ...], fmt: str, config: Path | None, no_cache: bool, jobs: int
) -> None:
    """One row per plan: its score and the share of its actions failing each criterion."""
    from checker.cli.commands import summary_command

    text, code = summary_command(paths, fmt, config, not no_cache, jobs)
    click.echo(text, nl=False)
    sys.exit(code)


@main.command()
@click.argument("old")
@click.argument("new")
@_format_option("text", "json", "html")
@_config_option
@_no_cache_option
def diff(old: str, new: str, fmt: str, config: Path | None, no_cache: bool) -> None:
    """What changed from one draft to the next; exit 1 when NEW has a finding OLD did not."""
    from checker.cli.commands import diff_command

    text, worse = diff_command(old, new, fmt, config, not no_cache)
    click.echo(text, nl=False)
    sys.exit(1 if worse else 0)


@main.command()
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="the annotated copy to write (never the draft itself)",
)
@_config_option
@_no_cache_option
def annotate(draft: Path, output: Path, config: Path | None, no_cache: bool) -> None:
    """Write a copy of a Word draft with each action's findings as a Word comment."""
    from checker.cli.commands import annotate_command

    click.echo(annotate_command(draft, output, config, not no_cache))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--force", is_flag=True, help="overwrite an existing plancheck.toml")
def init(directory: Path, force: bool) -> None:
    """Write a commented starter plancheck.toml (in DIRECTORY, default here)."""
    from checker.cli.starter import STARTER

    target = directory / "plancheck.toml"
    if target.exists() and not force:
        raise ConfigError(f"{target} already exists (use --force to overwrite it)")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        target.write_text(STARTER, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write: {exc.strerror or exc}") from None
    click.echo(f"wrote {target}")
