"""``plancheck server``: a warm process answers ``lint --server`` over an owner-only socket,
with the exit code and output a run of its own gives, byte for byte."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.kit import BAD, GOOD

ENTRY = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('imported:', [m for m in ('click', 'spacy') "
    "if m in sys.modules], file=sys.stderr))\n"
    "from checker.cli.entry import main\n"
    "main()\n"
)

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="unix sockets")


def typed(
    work: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args],
        capture_output=True,
        text=True,
        cwd=work,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def status(work: Path) -> subprocess.CompletedProcess[str]:
    return typed(work, "server", "--status")


@pytest.fixture
def server(
    work: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A server in the user's runtime folder (a folder of the test's own)."""
    runtime = tmp_path_factory.mktemp("run")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("PLANCHECK_SERVER", raising=False)
    proc = subprocess.Popen(
        [sys.executable, "-c", ENTRY, "server", "--idle-timeout", "120"],
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(600):
            if status(work).returncode == 0:
                break
            if proc.poll() is not None:
                pytest.fail(f"the server stopped: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.1)
        yield runtime / "plancheck" / "server.sock"
    finally:
        typed(work, "server", "--stop")
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def served(work: Path) -> int:
    lines = status(work).stdout.splitlines()
    return int(next(line.split(": ")[1] for line in lines if line.startswith("served:")))


@pytest.mark.parametrize("fmt", ["json", "text", "sarif"])
def test_the_server_answers_what_a_run_of_its_own_prints(
    work: Path, server: Path, fmt: str
) -> None:
    alone = typed(work, "lint", "--no-cache", "-f", fmt, BAD, GOOD)
    before = served(work)
    by_server = typed(work, "lint", "--server", "--no-cache", "-f", fmt, BAD, GOOD)
    assert served(work) == before + 1
    assert by_server.stdout == alone.stdout and by_server.returncode == alone.returncode == 1
    assert "imported: []" in by_server.stderr  # the client imported neither click nor spaCy
    by_variable = typed(
        work, "lint", "--no-cache", "-f", fmt, BAD, GOOD, env={"PLANCHECK_SERVER": "1"}
    )
    assert by_variable.stdout == alone.stdout and served(work) == before + 2


def test_errors_and_exit_codes_are_the_runs_own(work: Path, server: Path) -> None:
    alone = typed(work, "lint", "--no-cache", "missing.txt")
    by_server = typed(work, "lint", "--server", "--no-cache", "missing.txt")
    assert by_server.returncode == alone.returncode == 2
    assert alone.stderr.splitlines()[0] == by_server.stderr.splitlines()[0]
    usage = typed(work, "lint", "--server", "--no-such-option", BAD)
    assert usage.returncode == 2 and "no such option" in usage.stderr.lower()


def test_the_socket_is_the_users_alone(work: Path, server: Path) -> None:
    assert stat.S_IMODE(server.stat().st_mode) == 0o600
    assert stat.S_IMODE(server.parent.stat().st_mode) == 0o700
    assert stat.S_ISSOCK(server.stat().st_mode)


def test_another_version_is_refused_and_linted_here(
    work: Path, server: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checker.cli import entry

    ask = entry.request(["lint", BAD])
    assert entry.call({**ask, "code": "0" * 64})["status"] == "refused"  # type: ignore[index]
    assert entry.call({**ask, "cache_home": "/elsewhere"})["status"] == "refused"  # type: ignore[index]
    assert entry.call({"op": "nonsense"})["status"] == "error"  # type: ignore[index]


def test_a_second_server_on_the_same_socket_is_refused(work: Path, server: Path) -> None:
    again = typed(work, "server")
    assert again.returncode == 2
    assert "running already" in again.stderr


def test_stop_removes_the_socket(work: Path, server: Path) -> None:
    stopped = typed(work, "server", "--stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    for _ in range(100):
        if not server.exists():
            break
        time.sleep(0.1)
    assert not server.exists()
    assert status(work).returncode == 1


def test_with_no_server_the_lint_runs_here(work: Path, tmp_path: Path) -> None:
    env = {"PLANCHECK_SERVER": str(tmp_path / "none.sock")}  # a socket path of its own
    alone = typed(work, "lint", "--no-cache", "-f", "json", BAD)
    asked = typed(work, "lint", "--server", "--no-cache", "-f", "json", BAD, env=env)
    assert asked.stdout == alone.stdout and asked.returncode == 1
    assert json.loads(asked.stdout)["files"]
