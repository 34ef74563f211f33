"""Benchmarks: is plancheck fast enough to run on every commit?

Run from the repository root::

    .venv/bin/python benchmarks/run.py            # the full set (tens of minutes)
    .venv/bin/python benchmarks/run.py --quick    # a rough pass (a few minutes)

It prints the machine, then a Markdown table: each row a median of several
timed runs on this machine, the figure it is compared with, their ratio, the
target and whether the target is met. benchmarks/README.md says what each row
measures. Inputs are the real plans in ../shared/corpus (read, never copied into
the repository); everything made at run time (bigger plans, the 100-plan folder,
proselint's virtualenv, write-good's node_modules, caches) goes under
benchmarks/.work/, which git ignores.

No figure here is asserted anywhere: a benchmark reports, it does not test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import proc
import scale

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_WORK = HERE / ".work"
PREFERRED_PLAN = "hmp-liverpool-2025.txt"  # parses cleanly, so its copies do too
DUPLICATE_RULE = "PC-P002"  # the pairwise duplicate-action check, timed apart in one row
ENV = {**os.environ, "NO_COLOR": "1"}

Check = Callable[[proc.Child], str | None]  # None: the run is good; else why not


# ------------------------------------------------------------------ results


@dataclass
class Timing:
    label: str
    seconds: list[float] = field(default_factory=list)
    error: str | None = None  # why there is no figure
    lower_bound: bool = False  # stopped at the time limit: the figure is a lower bound
    rss_kib: int | None = None
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def n(self) -> str:
        if not self.seconds:
            return "0"
        return f"{len(self.seconds)}" + (" (stopped)" if self.lower_bound else "")


@dataclass
class Row:
    what: str
    figure: str
    n: str
    versus: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""


def fmt_s(seconds: float) -> str:
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def fmt_t(t: Timing) -> str:
    if not t.ok:
        return "n/a"
    return ("> " if t.lower_bound else "") + fmt_s(t.median)


def compare(what: str, t: Timing, base: Timing | None, versus: str, target: float | None) -> Row:
    """A row for ``t``, its ratio to ``base`` and the verdict against ``target`` (a ratio)."""
    row = Row(what, fmt_t(t), t.n, versus)
    if base is not None:
        row.versus = f"{versus}: {fmt_t(base)} (n={base.n})" if versus else fmt_t(base)
    row.target = f"≤ {target:g}x" if target is not None else "(info)"
    if base is None:
        row.target = ""
        return row
    if not t.ok or not base.ok or base.lower_bound:
        row.ratio, row.verdict = "n/a", "n/a" if target is not None else ""
        return row
    ratio = t.median / base.median
    row.ratio = ("> " if t.lower_bound else "") + f"{ratio:.2f}x"
    if target is None:
        return row
    if t.lower_bound:
        row.verdict = "not met" if ratio > target else "unknown (stopped)"
    else:
        row.verdict = "met" if ratio <= target else "not met"
    return row


# ------------------------------------------------------------------ running things


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work: Path = args.work
        self.cwd = self.work / "cwd"  # an empty folder: no config or cache of the repo's is found
        # plans made under .work take their settings from the nearest config above them: an
        # empty one here gives them the defaults, as the corpus plans get, whatever the
        # repository's pyproject.toml may say
        config = self.work / "plancheck.toml"
        if not config.exists():
            config.write_text("# benchmarks/run.py: the default settings for the plans made here\n")
        self.notes: list[str] = []
        self.timings: dict[str, Timing] = {}
        self.plancheck = self._plancheck_cmd()
        self.lint_help = self._lint_help()
        self.has_no_cache = "--no-cache" in self.lint_help
        self.has_cache_dir = "--cache-dir" in self.lint_help
        self.has_jobs = "--jobs" in self.lint_help

    def say(self, text: str) -> None:
        print(text, flush=True)

    def _plancheck_cmd(self) -> list[str]:
        script = Path(sys.executable).parent / "plancheck"
        if script.exists():
            return [str(script)]
        code = "import sys; from checker.cli.main import main; sys.argv[0] = 'plancheck'; main()"
        return [sys.executable, "-c", code]

    def _lint_help(self) -> str:
        self.cwd.mkdir(parents=True, exist_ok=True)
        child = proc.run([*self.plancheck, "lint", "--help"], cwd=self.cwd, timeout=120, env=ENV)
        return child.stdout if child.returncode == 0 else ""

    def lint_cmd(self, *extra: str, cache: bool = False) -> list[str]:
        flags = [] if cache or not self.has_no_cache else ["--no-cache"]
        return [*self.plancheck, "lint", *flags, "--format", "json", *extra]

    def repeat(
        self,
        label: str,
        cmd: Sequence[str],
        check: Check,
        *,
        cwd: Path | None = None,
        repeats: int | None = None,
    ) -> Timing:
        """Time ``cmd`` in a fresh process, up to --repeats times within --budget seconds."""
        self.say(f"  timing {label} ...")
        timing = Timing(label)
        started = time.perf_counter()
        for i in range(max(1, repeats or self.args.repeats)):
            if i and time.perf_counter() - started >= self.args.budget:
                break
            child = proc.run(cmd, cwd=cwd or self.cwd, timeout=self.args.timeout, env=ENV)
            if child.timed_out:
                if not timing.seconds:
                    timing.seconds, timing.lower_bound = [child.seconds], True
                self.notes.append(
                    f"{label}: a run was stopped at the {self.args.timeout:g} s limit"
                )
                break
            why = check(child)
            if why is not None:
                timing.error = why
                timing.seconds = []
                self.notes.append(f"{label}: n/a, {why}")
                break
            timing.seconds.append(child.seconds)
            timing.rss_kib = max(timing.rss_kib or 0, child.maxrss_kib)
        self.timings[label] = timing
        if timing.ok:
            self.say(f"    median {fmt_t(timing)} of {timing.n}")
        return timing

    def pair(
        self,
        first: tuple[str, Sequence[str], Check],
        second: tuple[str, Sequence[str], Check],
        *,
        repeats: int | None = None,
        memory: bool = False,
        env: dict[str, str] | None = None,
    ) -> tuple[Timing, Timing]:
        """Time two commands taking turns (first, second, first, ...), each in a fresh
        process, so that both meet the same machine; with ``memory``, each run's peak
        summed PSS over its processes is kept too (``Timing.info['pss_kib']``)."""
        timings = (Timing(first[0]), Timing(second[0]))
        self.say(f"  timing {first[0]} and {second[0]}, taking turns ...")
        started = time.perf_counter()
        for i in range(max(1, repeats or self.args.repeats)):
            if i and time.perf_counter() - started >= self.args.budget:
                break
            for timing, (label, cmd, check) in zip(timings, (first, second), strict=True):
                if timing.error is not None or (timing.lower_bound and timing.seconds):
                    continue
                child = proc.run(
                    cmd,
                    cwd=self.cwd,
                    timeout=self.args.timeout,
                    env=env or ENV,
                    sample_memory=memory,
                )
                if child.timed_out:
                    timing.seconds.append(child.seconds)
                    timing.lower_bound = True
                    self.notes.append(
                        f"{label}: a run was stopped at the {self.args.timeout:g} s limit"
                    )
                    continue
                why = check(child)
                if why is not None:
                    timing.error, timing.seconds = why, []
                    self.notes.append(f"{label}: n/a, {why}")
                    continue
                timing.seconds.append(child.seconds)
                timing.rss_kib = max(timing.rss_kib or 0, child.maxrss_kib)
                if child.peak_pss_kib is not None:
                    timing.info.setdefault("pss_kib", []).append(child.peak_pss_kib)
        for timing in timings:
            self.timings[timing.label] = timing
            if timing.ok:
                self.say(f"    {timing.label}: median {fmt_t(timing)} of {timing.n}")
        return timings

    def worker(self, label: str, *argv: str) -> tuple[proc.Child, list[dict[str, Any]]]:
        cmd = [sys.executable, str(HERE / "worker.py"), *argv]
        child = proc.run(cmd, cwd=self.cwd, timeout=self.args.timeout, env=ENV)
        events = []
        for line in child.stdout.splitlines():
            if line.startswith("{"):
                with contextlib.suppress(ValueError):
                    events.append(json.loads(line))
        if child.timed_out:
            self.notes.append(f"{label}: stopped at the {self.args.timeout:g} s limit")
        return child, events


def plancheck_check(files: int) -> Check:
    def check(child: proc.Child) -> str | None:
        if child.returncode not in (0, 1):  # 1 is the gate failing, which is a finished lint
            return f"plancheck exited {child.returncode}: {child.tail()}"
        try:
            report = json.loads(child.stdout)
        except ValueError:
            return f"plancheck printed no JSON report: {child.tail()}"
        got = report.get("summary", {}).get("files")
        if got != files:
            return f"plancheck reported {got} file(s), not {files}: {child.tail()}"
        return None

    return check


def exit_ok(*codes: int) -> Check:
    def check(child: proc.Child) -> str | None:
        if child.returncode not in codes:
            return f"exit {child.returncode}: {child.tail()}"
        return None

    return check


# ------------------------------------------------------------------ the machine


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} (1, 5, 15 min)"


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError):
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count() or 0

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    git = "unknown"
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
        git = head + (" with uncommitted changes" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return [
        f"date: {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"machine: nproc {nproc}, CPU {cpu}{mem}, {platform.system()} {platform.release()}",
        f"python: {platform.python_implementation()} {platform.python_version()} "
        f"({sys.executable})",
        f"spaCy {version('spacy')}, spacy-lookups-data {version('spacy-lookups-data')}, "
        f"pydantic {version('pydantic')}, plancheck {version('plancheck')} (git {git})",
        f"load average at start: {load_average()}",
    ]


# ------------------------------------------------------------------ the other linters


def install_proselint(bench: Bench) -> tuple[list[str] | None, str]:
    """proselint in its own virtualenv under .work; (command, version) or (None, why not)."""
    venv = bench.work / "proselint-venv"
    exe, python = venv / "bin" / "proselint", venv / "bin" / "python"
    if bench.args.reinstall and venv.exists():
        shutil.rmtree(venv)
    if not exe.exists():
        bench.say(f"  installing proselint into {venv} (python -m venv, pip install) ...")
        pkg = ["proselint"]
        steps = [
            [sys.executable, "-m", "venv", str(venv)],
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pkg],
        ]
        for step in steps:
            child = proc.run(step, cwd=bench.work, timeout=900, env=ENV)
            if child.returncode != 0 or child.timed_out:
                return None, f"'{' '.join(step[:4])} ...' failed: {child.tail(3)}"
    if not exe.exists():
        return None, "pip finished but installed no proselint command"
    helptext = proc.run([str(exe), "--help"], cwd=bench.work, timeout=120, env=ENV).stdout
    # proselint 0.16 has subcommands ("proselint check FILE"); older ones take files directly
    cmd = [str(exe), "check"] if "check" in helptext.split("commands:")[-1] else [str(exe)]
    code = "import importlib.metadata as m; print(m.version('proselint'))"
    ver = proc.run([str(python), "-c", code], cwd=bench.work, timeout=120, env=ENV)
    return cmd, ver.stdout.strip() or "unknown version"


def install_write_good(bench: Bench) -> tuple[list[str] | None, str]:
    """write-good from npm into .work/write-good; (command, version) or (None, why not)."""
    folder = bench.work / "write-good"
    exe = folder / "node_modules" / ".bin" / "write-good"
    if bench.args.reinstall and folder.exists():
        shutil.rmtree(folder)
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        return None, "node is not on PATH"
    if not exe.exists():
        if npm is None:
            return None, "npm is not on PATH"
        bench.say(f"  installing write-good into {folder} (npm install write-good) ...")
        folder.mkdir(parents=True, exist_ok=True)
        manifest = folder / "package.json"  # so that npm installs here, not in a parent folder
        if not manifest.exists():
            manifest.write_text('{"name": "plancheck-bench-write-good", "private": true}\n')
        step = [npm, "install", "--no-audit", "--no-fund", "write-good"]
        child = proc.run(step, cwd=folder, timeout=900, env=ENV)
        if child.returncode != 0 or child.timed_out:
            return None, f"npm install write-good failed: {child.tail(3)}"
    if not exe.exists():
        return None, "npm finished but installed no write-good command"
    ver = proc.run([str(exe), "--version"], cwd=folder, timeout=120, env=ENV).stdout.strip()
    nodever = proc.run([node, "--version"], cwd=folder, timeout=120, env=ENV).stdout.strip()
    return [str(exe), "--parse"], f"{ver or 'unknown version'} (node {nodever})"


def proselint_check(child: proc.Child) -> str | None:
    # exit 1 means "found something"; a file it could not read is only a line on stderr
    if child.returncode not in (0, 1) or "Error" in child.stderr:
        return f"proselint exited {child.returncode}: {child.tail()}"
    return None


def write_good_check(child: proc.Child) -> str | None:
    # with --parse: 0 nothing found, 255 suggestions found; a crash is 1 with a stack trace
    if child.returncode not in (0, 255) or child.stderr.strip():
        return f"write-good exited {child.returncode}: {child.tail()}"
    return None


# ------------------------------------------------------------------ the measurements


class External:
    """proselint and write-good, installed once for the rows that compare with them."""

    def __init__(self, bench: Bench) -> None:
        self.cmds: dict[str, tuple[list[str], Check]] = {}
        self.missing: dict[str, str] = {}
        for tool, install, check in (
            ("proselint", install_proselint, proselint_check),
            ("write-good", install_write_good, write_good_check),
        ):
            if bench.args.skip_external:
                self.missing[tool] = "skipped (--skip-external)"
                continue
            cmd, detail = install(bench)
            if cmd is None:
                bench.say(f"  {tool}: not available: {detail}")
                bench.notes.append(f"{tool}: n/a, {detail}")
                self.missing[tool] = detail
                continue
            bench.say(f"  {tool} {detail}")
            bench.notes.append(
                f"{tool} {detail}: `{Path(cmd[0]).name} {' '.join(cmd[1:])} FILE...`"
            )
            self.cmds[tool] = (cmd, check)


def n_a(what: str, why: str, target: str) -> Row:
    return Row(what, "n/a", "0", why, "n/a", target, "n/a")


def bench_cold(bench: Bench, plan: Path) -> list[Row]:
    bench.say("cold CLI vs import spacy")
    cold, spacy = bench.pair(
        ("cold CLI, 1 plan", bench.lint_cmd(str(plan)), plancheck_check(1)),
        ("python -c 'import spacy'", [sys.executable, "-c", "import spacy"], exit_ok(0)),
    )
    return [
        compare(
            f"cold: `plancheck lint --no-cache --format json {plan.name}`",
            cold,
            spacy,
            "`python -c 'import spacy'`",
            1.0,
        )
    ]


def _hit_check(child: proc.Child) -> str | None:
    why = plancheck_check(1)(child)
    if why is not None:
        return why
    files = json.loads(child.stdout).get("files") or [{}]
    if files[0].get("cached") is not True:
        return "the run was not served from the cache (cached: false)"
    return None


def bench_cache(bench: Bench, plan: Path, external: External) -> list[Row]:
    bench.say("cache hit vs proselint on the same plan")
    what = f"cache hit: `plancheck lint --cache-dir DIR --format json {plan.name}`, filled"
    folder = bench.work / "cache"
    if folder.exists():
        shutil.rmtree(folder)
    cmd = bench.lint_cmd("--cache-dir", str(folder), str(plan), cache=True)
    for _ in range(3):  # fill the cache; the run after that keeps its output for replay
        fill = proc.run(cmd, cwd=bench.cwd, timeout=bench.args.timeout, env=ENV)
        if plancheck_check(1)(fill) is not None:
            return [n_a(what, f"the cache could not be filled: {fill.tail()}", "≤ 0.08 s")]
    if "proselint" not in external.cmds:
        hit = bench.repeat("cache hit, 1 plan", cmd, _hit_check)
        row = compare(what, hit, None, "", None)
        row.versus = f"proselint: n/a, {external.missing.get('proselint')}"
    else:
        tool, check = external.cmds["proselint"]
        hit, theirs = bench.pair(
            ("cache hit, 1 plan", cmd, _hit_check),
            ("proselint, 1 plan", [*tool, str(plan)], check),
        )
        row = compare(what, hit, theirs, "`proselint check` on the same plan", 1.0)
    row.target = "≤ 0.08 s and below proselint"
    if hit.ok and not hit.lower_bound:
        fast = hit.median <= 0.08
        below = row.ratio.endswith("x") and float(row.ratio.rstrip("x").lstrip("> ")) < 1.0
        row.verdict = "met" if fast and below else "not met"
    return [row]


def make_plans(bench: Bench, corpus_plans: list[Path], count: int) -> list[Path]:
    folder = bench.work / f"plans{count}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    out = []
    for i in range(count):
        source = corpus_plans[i % len(corpus_plans)]
        target = folder / f"plan-{i + 1:03d}-{source.name}"
        shutil.copyfile(source, target)
        out.append(target)
    return out


def bench_batch(bench: Bench, files: list[Path], external: External) -> list[Row]:
    count = len(files)
    bench.say(f"{count} plans in one call vs proselint and write-good")
    names = [str(f) for f in files]
    rows: list[Row] = []
    ours_cmd = bench.lint_cmd(*names)
    for tool, target in (("proselint", 0.5), ("write-good", 0.4)):
        what = f"{count} plans, one `plancheck lint --no-cache` call (default --jobs)"
        if tool not in external.cmds:
            rows.append(n_a(what, f"{tool}: {external.missing.get(tool)}", f"≤ {target:g}x"))
            continue
        cmd, check = external.cmds[tool]
        ours, theirs = bench.pair(
            (f"plancheck, {count} plans (vs {tool})", ours_cmd, plancheck_check(count)),
            (f"{tool}, {count} plans", [*cmd, *names], check),
        )
        rows.append(compare(what, ours, theirs, f"{tool} on the same files", target))
    if "proselint" in external.cmds:
        cmd, check = external.cmds["proselint"]
        one, theirs = bench.pair(
            (
                f"plancheck --jobs 1, {count} plans",
                bench.lint_cmd("--jobs", "1", *names),
                plancheck_check(count),
            ),
            (f"proselint, {count} plans (vs --jobs 1)", [*cmd, *names], check),
        )
        rows.append(
            compare("  the same with `--jobs 1`", one, theirs, "proselint on the same files", None)
        )
    return rows


def _worker_timing(
    bench: Bench, key: tuple[proc.Child, list[dict[str, Any]]], label: str, pick: str, event: str
) -> Timing:
    child, events = key
    t = Timing(label, [e[pick] for e in events if e.get("event") == event])
    done = next((e for e in events if e.get("event") == "done"), None)
    if done is None:
        t.lower_bound = child.timed_out
        if not child.timed_out:
            t.error = f"the worker failed (exit {child.returncode}): {child.tail()}"
            t.seconds = []
    else:
        t.info = done
    bench.timings[label] = t
    return t


def bench_warm(bench: Bench, plans: list[Path]) -> list[Row]:
    """A plan of about 10,000 tokens (the corpus plans' recommendations in turn), linted
    warm in one process, against spaCy's bare tokenizer over the same texts, the two
    taking turns."""
    args = bench.args
    folder = bench.work / "scale"
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in plans]
    big = folder / "joined-10k-tokens.txt"
    big.write_text(scale.join(texts, 8000), encoding="utf-8")  # about 1.25 tokens a word
    bench.say(f"warm lint of {big.name} in one process vs the bare spaCy tokenizer")
    argv = ["warm", str(big), "--repeats", str(args.repeats), "--budget", str(args.budget)]
    run = bench.worker("warm lint", *argv)
    total = _worker_timing(bench, run, "warm lint: read + parse + lint", "total", "lint")
    parse = _worker_timing(bench, run, "warm: parse only", "parse", "lint")
    rules = _worker_timing(bench, run, "warm: rules only (lint_plan)", "lint", "lint")
    pipe = _worker_timing(
        bench, run, "tokenizer: nlp.pipe over the annotated texts", "pipe", "tokenizer"
    )
    shape = total.info
    if total.error:
        bench.notes.append(f"warm lint: n/a, {total.error}")
    elif not shape.get("cleared_doc_memo"):
        bench.notes.append(
            "warm lint: the engine's per-text Doc memo was not found, so repeats after the "
            "first may have skipped spaCy"
        )
    texts = f"{shape.get('texts', '?')} texts, {shape.get('tokens', '?')} tokens"
    versus = f'`spacy.blank("en")` `nlp.pipe` over the same {texts}'
    what = f"warm lint of {big.name} ({shape.get('whole_tokens', '?')} tokens) in one process"
    rows = [compare(what, total, pipe, versus, 10.0)]
    rows.append(compare("  of which parse (parse_document)", parse, pipe, "same", None))
    rows.append(compare("  of which the rules (Runner.lint_plan)", rules, pipe, "same", None))
    return rows


def bench_scale(bench: Bench, plan: Path) -> list[Row]:
    bench.say("plan size: " + ", ".join(f"{n}x" for n in bench.args.sizes))
    args = bench.args
    bench.notes.append(
        "plan sizes: the copies repeat the corpus plan's sentences, so spaCy meets no new text "
        f"and every copied action is a duplicate of its twin for {DUPLICATE_RULE}"
    )
    folder = bench.work / "scale"
    folder.mkdir(parents=True, exist_ok=True)
    text = plan.read_text(encoding="utf-8")
    base_shape: tuple[int, int] | None = None
    rows: list[Row] = []
    first: Timing | None = None
    for times in args.sizes:
        target_file = folder / f"{plan.stem}-{times}x.txt"
        target_file.write_text(scale.grow(text, times), encoding="utf-8")
        label = f"plan {times}x"
        bench.say(f"  timing {label} ({target_file.stat().st_size / 1024:.0f} KiB) ...")
        # sizes always start at 1, so the 1x file is there to warm the runner with
        argv = ["scale", str(target_file), "--warmup", str(folder / f"{plan.stem}-1x.txt")]
        argv += ["--repeats", str(args.repeats), "--budget", str(args.budget)]
        child, events = bench.worker(label, *argv)
        t = Timing(label, [e["total"] for e in events if e.get("event") == "lint"])
        shape = next((e for e in events if e.get("event") == "shape"), {})
        if child.timed_out and not t.seconds:
            spent = child.seconds - float(shape.get("since_start", child.seconds))
            t.seconds, t.lower_bound = [max(spent, 0.0)], True
        elif child.timed_out:
            t.lower_bound = False  # finished repeats are real figures; the last was stopped
        elif child.returncode != 0:
            t.error = f"the worker failed (exit {child.returncode}): {child.tail()}"
            t.seconds = []
            bench.notes.append(f"{label}: n/a, {t.error}")
        bench.timings[label] = t
        if t.ok:
            bench.say(f"    median {fmt_t(t)} of {t.n}")
        recs, acts = shape.get("recommendations"), shape.get("actions")
        if times == 1 and recs is not None:
            base_shape = (recs, acts)
        elif base_shape is not None and (recs, acts) != (
            base_shape[0] * times,
            base_shape[1] * times,
        ):
            bench.notes.append(
                f"{label}: parsed as {recs} recommendations / {acts} actions, not exactly "
                f"{times}x the 1x plan's {base_shape[0]} / {base_shape[1]}"
            )
        what = f"plan size {times}x: {recs} recs, {acts} actions (read+parse+lint, warm)"
        if first is None:
            first = t
            rows.append(compare(what, t, None, "", None))
        else:
            rows.append(compare(what, t, first, "1x", 10.5 if times == 10 else None))
            if times != 10:
                rows[-1].target = f"(info; linear: {times}x)"
    return rows


def bench_memory(bench: Bench, files: list[Path]) -> list[Row]:
    """Peak memory of `--jobs 2` summed over all its processes (PSS), against one process."""
    count = len(files)
    bench.say(f"peak memory: {count} plans with --jobs 2 against --jobs 1")
    names = [str(f) for f in files]
    two, one = bench.pair(
        (
            f"plancheck --jobs 2, {count} plans (memory)",
            bench.lint_cmd("--jobs", "2", *names),
            plancheck_check(count),
        ),
        (
            f"plancheck --jobs 1, {count} plans (memory)",
            bench.lint_cmd("--jobs", "1", *names),
            plancheck_check(count),
        ),
        repeats=min(3, bench.args.repeats),
        memory=True,
    )
    what = f"peak memory of {count} plans, `--jobs 2` summed over all processes (PSS)"
    a, b = two.info.get("pss_kib"), one.info.get("pss_kib")
    if not (two.ok and one.ok and a and b):
        return [n_a(what, "no memory figures (is /proc readable?)", "≤ 1.6x")]
    peak_two, peak_one = statistics.median(a), statistics.median(b)
    ratio = peak_two / peak_one
    return [
        Row(
            what,
            f"{peak_two / 1024:.0f} MiB",
            str(len(a)),
            f"`--jobs 1`, one process: {peak_one / 1024:.0f} MiB (n={len(b)})",
            f"{ratio:.2f}x",
            "≤ 1.6x",
            "met" if ratio <= 1.6 else "not met",
        )
    ]


def _server_env(bench: Bench) -> dict[str, str]:
    runtime = bench.work / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    return {**ENV, "XDG_RUNTIME_DIR": str(runtime)}


def bench_server(bench: Bench, plan: Path, external: External) -> list[Row]:
    """A lint answered by a running `plancheck server`, against import spacy and proselint;
    its output is compared with a run of its own."""
    bench.say("a lint answered by plancheck server")
    what = f"`plancheck lint --server --no-cache --format json {plan.name}`, server running"
    env = _server_env(bench)
    server = subprocess.Popen(
        [*bench.plancheck, "server", "--idle-timeout", "900"],
        cwd=bench.cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            if server.poll() is not None:
                return [n_a(what, f"the server stopped (exit {server.returncode})", "(info)")]
            status = proc.run([*bench.plancheck, "server", "--status"], cwd=bench.cwd, env=env)
            if status.returncode == 0:
                break
            time.sleep(0.1)
        else:
            return [n_a(what, "the server did not start", "(info)")]
        cmd = bench.lint_cmd("--server", str(plan))
        alone = proc.run(bench.lint_cmd(str(plan)), cwd=bench.cwd, env=env)
        served = proc.run(cmd, cwd=bench.cwd, env=env)
        same = alone.stdout == served.stdout and alone.returncode == served.returncode
        bench.notes.append(
            "server: its output is "
            + ("byte-identical to" if same else "NOT the same as")
            + " a run of its own (JSON report of one plan)"
        )
        ours, spacy = bench.pair(
            ("lint --server, 1 plan", cmd, plancheck_check(1)),
            (
                "python -c 'import spacy' (vs server)",
                [sys.executable, "-c", "import spacy"],
                exit_ok(0),
            ),
            env=env,
        )
        rows = [compare(what, ours, spacy, "`python -c 'import spacy'`", None)]
        if "proselint" in external.cmds:
            tool, check = external.cmds["proselint"]
            ours2, theirs = bench.pair(
                ("lint --server, 1 plan (vs proselint)", cmd, plancheck_check(1)),
                ("proselint, 1 plan (vs server)", [*tool, str(plan)], check),
                env=env,
            )
            rows.append(
                compare("  the same", ours2, theirs, "`proselint check` on the same plan", None)
            )
        return rows
    finally:
        proc.run([*bench.plancheck, "server", "--stop"], cwd=bench.cwd, env=env)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


# ------------------------------------------------------------------ the report


def table(rows: list[Row]) -> str:
    head = ["measurement", "median", "n", "compared with", "ratio", "target", "verdict"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        cells = [r.what, r.figure, r.n, r.versus, r.ratio, r.target, r.verdict]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Time plancheck against its targets; print a Markdown table of ratios."
    )
    p.add_argument("--quick", action="store_true", help="3 repeats, 20 plans, sizes 1x and 10x")
    p.add_argument("--repeats", type=int, help="runs per timing (default 5; --quick 3)")
    p.add_argument(
        "--budget",
        type=float,
        help="seconds after which a timing starts no further repeat (default 900; --quick 60)",
    )
    p.add_argument(
        "--timeout", type=float, help="stop one run after this many seconds (default 1800)"
    )
    p.add_argument("--plans", type=int, help="plans in the batch rows (default 100; --quick 20)")
    p.add_argument("--sizes", help="plan sizes, comma-separated multiples (default 1,10)")
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of plans (*.txt)")
    p.add_argument(
        "--plan", help=f"the corpus plan for the one-plan rows (default {PREFERRED_PLAN})"
    )
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch folder")
    p.add_argument(
        "--skip-external", action="store_true", help="do not install or run proselint, write-good"
    )
    p.add_argument("--reinstall", action="store_true", help="install proselint, write-good anew")
    p.add_argument("--json", type=Path, help="also write every timing to this JSON file")
    args = p.parse_args(argv)
    quick = args.quick
    args.repeats = args.repeats or (3 if quick else 5)
    args.budget = args.budget if args.budget is not None else (60.0 if quick else 900.0)
    args.timeout = args.timeout or (600.0 if quick else 1800.0)
    args.plans = args.plans or (20 if quick else 100)
    sizes = args.sizes or "1,10"
    args.sizes = sorted({int(s) for s in sizes.split(",") if s.strip()} | {1})
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    print("# plancheck benchmarks")
    for line in machine():
        print(line)
    corpus = args.corpus
    plans = sorted(p for p in corpus.glob("*.txt")) if corpus.is_dir() else []
    if not plans:
        print(
            f"\nno corpus plans (*.txt) at {corpus}: nothing measured. The benchmarks read the "
            "real plans from ../shared/corpus beside the repository; pass --corpus DIR to use "
            "another folder.",
            file=sys.stderr,
        )
        return 2
    names = {p.name: p for p in plans}
    plan = names.get(args.plan or PREFERRED_PLAN) or (plans[0] if not args.plan else None)
    if plan is None:
        print(f"no plan named {args.plan} in {corpus}", file=sys.stderr)
        return 2
    args.work.mkdir(parents=True, exist_ok=True)
    bench = Bench(args)
    print(
        f"settings: {args.repeats} repeats per timing (fewer once a timing has used "
        f"{args.budget:g} s; the n column says how many ran), a {args.timeout:g} s limit per "
        f"run, {args.plans} plans in the batch rows, sizes {args.sizes}"
        + (", --quick" if args.quick else "")
    )
    print(
        f"plancheck: {' '.join(bench.plancheck)}; lint options found: "
        + ", ".join(
            f"{flag} {'yes' if have else 'no'}"
            for flag, have in (
                ("--no-cache", bench.has_no_cache),
                ("--cache-dir", bench.has_cache_dir),
                ("--jobs", bench.has_jobs),
            )
        )
    )
    print(f"corpus: {corpus} ({len(plans)} plans); one-plan rows use {plan.name}\n")

    started = time.perf_counter()
    bench.say("the other linters")
    external = External(bench)
    files = make_plans(bench, plans, args.plans)
    rows = bench_cold(bench, plan)
    rows += bench_cache(bench, plan, external)
    rows += bench_batch(bench, files, external)
    rows += bench_warm(bench, plans)
    rows += bench_scale(bench, plan)
    rows += bench_memory(bench, files)
    rows += bench_server(bench, plan, external)

    print(f"\n## Results ({fmt_s(time.perf_counter() - started)} in all)\n")
    print(f"load average at the end: {load_average()}\n")
    print(table(rows))
    print()
    print(
        "Each figure is the median of n runs on this machine; a ratio is the row's median over "
        "the median it is compared with. '> x' marks a run stopped at the time limit (a lower "
        "bound)."
    )
    for note in bench.notes:
        print(f"- {note}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "rows": [asdict(r) for r in rows],
                    "timings": {k: asdict(v) for k, v in bench.timings.items()},
                    "notes": bench.notes,
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
