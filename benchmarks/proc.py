"""Run a child process and measure it: wall time, exit code, peak RSS, its output.

``os.wait4`` reaps the child and returns that child's own resource usage, so the
peak resident set size (``ru_maxrss``) is the child's, not the largest of every
child this script ever ran (which is what ``RUSAGE_CHILDREN`` would give). For a
child that itself starts worker processes and waits for them, Linux reports the
largest single process among them (a peak, not a sum). For the sum, ``run(...,
sample_memory=True)`` reads every process of the child's process group from
``/proc`` every 20 ms and keeps the peak of their summed proportional set size
(PSS: a page shared by two processes counts half in each), which is what the
processes together hold.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Child:
    seconds: float
    returncode: int
    maxrss_kib: int  # Linux reports ru_maxrss in KiB
    stdout: str
    stderr: str
    timed_out: bool
    peak_pss_kib: int | None = None  # with sample_memory: the peak of the group's summed PSS

    def tail(self, lines: int = 6) -> str:
        text = (self.stderr.strip() or self.stdout.strip()).splitlines()
        return " | ".join(text[-lines:])


def run(
    cmd: Sequence[str],
    *,
    cwd: Path,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
    sample_memory: bool = False,
) -> Child:
    """Run ``cmd`` to its end (or until ``timeout``, when its process group is killed)."""
    killed: list[bool] = []
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd),
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            env=dict(env) if env is not None else None,
            start_new_session=True,  # its own process group: a timeout ends it and its workers
        )

        def stop() -> None:
            killed.append(True)
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, stop) if timeout else None
        if timer is not None:
            timer.start()
        peak: list[int] = []
        sampler = None
        if sample_memory:
            sampler = threading.Thread(target=_sample, args=(proc.pid, peak), daemon=True)
            sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer is not None:
                timer.cancel()
        if sampler is not None:
            sampler.join()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(
            seconds=seconds,
            returncode=proc.returncode,
            maxrss_kib=int(usage.ru_maxrss),
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            timed_out=bool(killed),
            peak_pss_kib=max(peak) if peak else None,
        )


def group_pss_kib(group: int) -> int | None:
    """The summed PSS (KiB) of the processes in a process group; None when none is left."""
    total, found = 0, False
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            # the fields after the command (which may hold spaces) in its parentheses
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[2]) != group:  # pgrp
                continue
            for line in Path(f"/proc/{entry}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    found = True
                    break
        except (OSError, ValueError, IndexError):
            continue  # a process that ended meanwhile
    return total if found else None


def _sample(group: int, peak: list[int]) -> None:
    """Every 20 ms until the group is gone: its summed PSS, appended to ``peak``."""
    misses = 0
    while misses < 3:
        value = group_pss_kib(group)
        if value is None:
            misses += 1
        else:
            misses = 0
            peak.append(value)
        time.sleep(0.02)
