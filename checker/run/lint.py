"""``plancheck lint`` as a library: paths in, one Report (and the gate's verdict) out.

discover -> per file: its scope's settings, its bytes, the cache -> the misses
linted (in this process, or in several with ``jobs``) -> results in input order
-> baseline -> ``build_report``. A file that cannot be read is a FileError
beside the reports of the others, never the end of the run.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.cache import Cache, default_folder, entry_key, rules_key
from checker.config import Settings
from checker.errors import InputError, PlancheckError
from checker.models import FileError, FileReport, Report, RuleInfo
from checker.run.baseline import read_baseline, write_baseline
from checker.run.runner import Runner, build_report
from checker.run.scopes import Overrides, Resolver, Scope, config_settings, run_config


@dataclass(frozen=True)
class LintRequest:
    paths: Sequence[str]
    config: Path | None = None
    overrides: Overrides = field(default_factory=Overrides)
    stdin_filename: str | None = None
    baseline: Path | None = None
    write_baseline: Path | None = None
    use_cache: bool = True
    cache_dir: Path | None = None
    jobs: int = 0  # 0: one per CPU for a batch, one alone for a few files
    force_exclude: bool = False  # apply exclude to files named on the command line too
    progress: Callable[[int, int], None] | None = None  # (files done, files to lint)


@dataclass(frozen=True)
class Outcome:
    report: Report
    settings: Settings  # the run's own: format, gate, colour
    scopes: tuple[Scope, ...]
    baseline: frozenset[str] | None


@dataclass(frozen=True)
class Task:
    """One file to lint: picklable, for worker processes."""

    index: int
    source: str
    data: bytes | None  # None: let read_source read the file (it could not be read up front)
    settings_json: str
    base: str | None
    cache_dir: str | None
    max_bytes: int
    max_lines: int = 10_000


Result = tuple[int, FileReport | None, str | None]


def cache_folder(request: LintRequest, settings: Settings, base: Path | None) -> Path:
    """--cache-dir, else the config's cache_dir (beside the config), else the user's cache."""
    if request.cache_dir is not None:
        return request.cache_dir
    if settings.cache_dir:
        return (base or Path.cwd()) / settings.cache_dir
    return default_folder()


def file_bytes(source: str, max_bytes: int) -> bytes | None:
    """The file's bytes, or None when they cannot simply be read (read_source will say why)."""
    try:
        if os.path.isfile(source) and os.path.getsize(source) <= max_bytes:
            with open(source, "rb") as fh:
                data = fh.read(max_bytes + 1)
            if len(data) <= max_bytes:
                return data
    except OSError:
        pass
    return None


def lint_task(task: Task, runner: Runner | None = None) -> Result:
    """Read, parse and lint one file; errors come back as text, never raised."""
    from checker.readers.load import read_source

    try:
        if runner is None:
            runner = _worker_runner(task)
        doc = read_source(
            task.source, task.data, max_bytes=task.max_bytes, max_lines=task.max_lines
        )
        return task.index, runner.lint_document(doc), None
    except InputError as exc:
        return task.index, None, exc.message
    except PlancheckError as exc:
        return task.index, None, str(exc)
    except Exception as exc:  # a bug of ours must not take the other files down
        return task.index, None, f"internal error while linting: {type(exc).__name__}: {exc}"


_RUNNERS: dict[tuple[str, str | None], Runner] = {}


def _worker_runner(task: Task) -> Runner:
    key = (task.settings_json, task.base)
    if key not in _RUNNERS:
        settings = Settings.model_validate_json(task.settings_json)
        base = Path(task.base) if task.base else None
        cache = Path(task.cache_dir) if task.cache_dir else None
        _RUNNERS[key] = Runner(settings, base, cache)
    return _RUNNERS[key]


class Batch:
    """The files of one run: answered from the cache, or queued and then linted."""

    def __init__(self, resolver: Resolver, cache: Cache | None, folder: Path | None) -> None:
        self.resolver = resolver
        self.cache = cache
        self.folder = folder
        self.results: dict[int, FileReport] = {}
        self.failed: dict[int, FileError] = {}
        self.todo: list[tuple[Task, Scope, str | None]] = []

    def add(self, index: int, name: str, stdin: bytes | None = None) -> None:
        """One file (or standard input, reported as ``name``): a cache hit, or queued."""
        scope = self.resolver.for_path(Path(name) if name != "-" else None)
        data = stdin if stdin is not None else file_bytes(name, scope.settings.max_file_size)
        key = entry_key(name, data, scope.settings, scope.packs) if data is not None else None
        hit = self.cache.get(key) if self.cache is not None and key is not None else None
        if hit is not None:
            self.results[index] = hit
        else:
            self.todo.append((_task(index, name, data, scope, self.folder), scope, key))

    def lint(self, jobs: int, progress: Callable[[int, int], None] | None = None) -> None:
        """Lint what the cache did not have, and cache it."""
        for count, ((task, _, key), (index, done, message)) in enumerate(
            zip(self.todo, _run(self.todo, jobs), strict=True), start=1
        ):
            if progress is not None:
                progress(count, len(self.todo))
            if done is None:
                self.failed[index] = FileError(source=task.source, message=message or "not linted")
                continue
            self.results[index] = done
            if self.cache is not None and key is not None:
                self.cache.put(key, done)
        self.todo = []

    def reports(self) -> list[FileReport]:
        return [self.results[i] for i in sorted(self.results)]

    def errors(self) -> list[FileError]:
        return [self.failed[i] for i in sorted(self.failed)]


def run_lint(request: LintRequest, read_stdin: Callable[[int], bytes]) -> Outcome:
    """Lint every plan the request names; the whole run's report."""
    from checker.readers.load import discover

    # the cache folder is known before any scope is made: each scope's pipeline keeps its
    # lemma table there too
    config = run_config(request.config, request.paths)
    folder = None
    if request.use_cache:
        settings = config_settings(config, request.overrides)
        folder = cache_folder(request, settings, config.parent if config is not None else None)
    resolver = Resolver(request.config, request.overrides, folder)
    run_scope = resolver.run_scope(request.paths)
    baseline = read_baseline(request.baseline) if request.baseline else None

    files, found_errors = discover(list(request.paths))
    batch = Batch(resolver, Cache(folder) if folder is not None else None, folder)
    named = {os.path.normpath(p) for p in request.paths}
    for index, source in enumerate(files):
        if source == "-":
            name = request.stdin_filename or "-"
            limit = resolver.for_path(Path(name) if name != "-" else None).settings.max_file_size
            batch.add(index, name, read_stdin(limit))
        elif (
            os.path.normpath(source) in named and not request.force_exclude
        ) or not resolver.for_path(Path(source)).excludes(source):
            batch.add(index, source)
    batch.lint(request.jobs, request.progress)

    reports = batch.reports()
    errors = [FileError(source=e.source, message=e.message) for e in found_errors] + batch.errors()
    settings = run_scope.settings
    rules = rule_table(resolver.scopes(), batch.cache)
    report = build_report(reports, errors, settings, baseline, rules)
    if request.write_baseline is not None:
        baseline = write_baseline(request.write_baseline, report)
        report = build_report(reports, errors, settings, baseline, rules)
    return Outcome(
        report=report,
        settings=settings,
        scopes=tuple(resolver.scopes()),
        baseline=None if baseline is None else frozenset(baseline),
    )


def _task(index: int, name: str, data: bytes | None, scope: Scope, folder: Path | None) -> Task:
    return Task(
        index=index,
        source=name,
        data=data,
        settings_json=scope.settings.model_dump_json(),
        base=str(scope.base) if scope.base else None,
        cache_dir=str(folder) if folder else None,
        max_bytes=scope.settings.max_file_size,
        max_lines=scope.settings.max_lines,
    )


# With jobs=0 (the default: one process per CPU), fewer files than this are linted in
# this process: forking and feeding workers costs more than two or three plans take.
MIN_PARALLEL = 4


def workers_for(jobs: int, files: int) -> int:
    """How many processes lint ``files`` cache misses: ``jobs`` when given, else one per
    CPU for a batch of at least MIN_PARALLEL files; never more than there are files."""
    if jobs == 0:
        jobs = (os.cpu_count() or 1) if files >= MIN_PARALLEL else 1
    return max(1, min(jobs, files))


def _run(todo: list[tuple[Task, Scope, str | None]], jobs: int) -> Iterator[Result]:
    """Lint the cache misses, yielding each result in order as soon as it is there (so it
    is cached at once, and an interrupted run keeps what it did); in worker processes
    when there are several. Where processes fork (Linux), the pipeline and the compiled
    rules of every scope are built here first and the workers are forked from this
    process, so they share those pages instead of each building its own."""
    workers = workers_for(jobs, len(todo))
    if workers <= 1:
        for task, scope, _ in todo:
            yield lint_task(task, scope.runner)
        return
    context = _fork_context()
    if context is not None:
        for task, scope, _ in todo:
            key = (task.settings_json, task.base)
            if key not in _RUNNERS:
                _RUNNERS[key] = scope.runner
                scope.runner.engine.warm()
        gc.collect()
        gc.freeze()  # the workers' collections then leave the shared objects' pages alone
    try:
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        ) as pool:
            yield from pool.map(lint_task, [task for task, _, _ in todo])
    finally:
        if context is not None:
            gc.unfreeze()


def _fork_context() -> Any:
    """The fork start method where it is safe and there (Linux), else None (the default)."""
    if not sys.platform.startswith("linux"):
        return None
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def _watch_parent(parent: int) -> None:
    """In a worker: exit when the parent is gone (killed), rather than run on orphaned."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(3)

    threading.Thread(target=watch, name="plancheck-parent-watch", daemon=True).start()


def rule_table(scopes: Sequence[Scope], cache: Cache | None) -> tuple[RuleInfo, ...]:
    """Every rule in force in some scope, as the report carries it. Kept in the cache beside
    the results, so that a run served from the cache never parses the rule files."""
    key = rules_key([(s.settings, s.packs) for s in scopes])
    table = cache.get_rules(key) if cache is not None else None
    if table is None:
        from checker.docs.rule_page import rule_info

        seen: dict[str, RuleInfo] = {}
        for scope in scopes:
            for rule in scope.selected:
                if rule.code not in seen:
                    seen[rule.code] = rule_info(
                        rule.spec, rule.severity, rule.weight, rule.help_uri
                    )
        table = tuple(seen[code] for code in sorted(seen))
        if cache is not None:
            cache.put_rules(key, table)
    return table
