"""Run a child process and measure it: wall time, exit code, peak RSS, its output.

``os.wait4`` reaps the child and returns that child's own resource usage, so the
peak resident set size (``ru_maxrss``) is the child's, not the largest of every
child this script ever ran (which is what ``RUSAGE_CHILDREN`` would give). For a
child that itself starts worker processes and waits for them, Linux reports the
largest single process among them (a peak, not a sum).
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

    def tail(self, lines: int = 6) -> str:
        text = (self.stderr.strip() or self.stdout.strip()).splitlines()
        return " | ".join(text[-lines:])


def run(
    cmd: Sequence[str],
    *,
    cwd: Path,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
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
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer is not None:
                timer.cancel()
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
        )
