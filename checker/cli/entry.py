"""The ``plancheck`` command's entry point: a repeated lint answered before anything is
imported, a lint handed to a running ``plancheck server`` when asked, else the click
command line.

A lint whose output was stored for replay (``checker.run.replay``) is answered here
without importing click either: the first run that stores a replay also notes, under a
key of the command line as typed (with the working folder, the date, the environment
that changes output, whether output is a terminal, plancheck's version and source),
which inputs and options click made of it. A later run with the same command line reads
that note, works out the replay's own key from it (every input's bytes, every config
file, the rule folders, the installed distributions) and prints the stored output, or,
on any miss or doubt, hands over to the command line, which lints as usual.

With ``--server`` or ``PLANCHECK_SERVER=1`` (or a socket path), a lint that is not a
replay goes to the server (``checker.cli.server``), which answers with the exit code and
the output a run here would have given. When no server answers, or it is another
version, or the lint reads standard input, the lint runs here.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

TYPE_CHECKING = False  # not imported from typing: a replayed run imports next to nothing
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

# the command line as typed, when this entry point ran (a replay's note is keyed by it)
typed: list[str] | None = None


def main() -> None:
    global typed
    argv = typed = sys.argv[1:]
    if argv[:1] == ["lint"]:
        answered = _replayed(argv)
        if answered is None and wants_server(argv):
            answered = served(argv)
        if answered is not None:
            code, text = answered
            sys.stdout.write(text)
            sys.stdout.flush()
            raise SystemExit(code)
    # a lint makes many objects that live until it ends (spaCy's, pydantic's, the plans and
    # their reports): at the default thresholds the collector walks them again and again
    # (9% of a 20-plan batch); mypy raises its thresholds for the same reason
    import gc

    gc.set_threshold(200_000, 30, 30)
    from checker.cli.main import main as cli

    cli()


def command_key(argv: Sequence[str]) -> str:
    """The key of a command line as typed, in this folder, today, in this environment."""
    from checker import __version__
    from checker.cache_keys import OUTPUT_ENV, code_digest, keyed

    parts = {
        "argv": list(argv),
        "cwd": os.getcwd(),
        "date": time.strftime("%Y-%m-%d"),
        "env": {k: os.environ.get(k) for k in OUTPUT_ENV},
        "tty": sys.stdout.isatty(),
        "version": __version__,
        "code": code_digest(),
    }
    return keyed(b"argv", json.dumps(parts, sort_keys=True).encode("utf-8", "surrogateescape"))


def _note_path(key: str) -> Path:
    from checker.cache_keys import default_folder

    return default_folder() / "replay" / "argv" / key[:40]


def remember(paths: Sequence[str], opts: Mapping[str, Any]) -> None:
    """Note which inputs and options the typed command line meant (after a replay was
    stored); nothing when the command line was not typed at this entry point."""
    from checker.cache_keys import write_atomic

    if typed is None:
        return
    note = json.dumps({"paths": list(paths), "opts": dict(opts)}, sort_keys=True, default=str)
    write_atomic(_note_path(command_key(typed)), note.encode("utf-8", "surrogateescape"))


def _replayed(argv: Sequence[str]) -> tuple[int, str] | None:
    """(exit code, output) of a stored run this command line repeats, or None."""
    try:
        note = json.loads(_note_path(command_key(argv)).read_text(encoding="utf-8"))
        paths, opts = note["paths"], note["opts"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(paths, list) or not isinstance(opts, dict):
        return None
    from checker.run.replay import lookup, replay_key

    key = replay_key(paths, opts)
    folder = opts.get("cache_dir")
    hit = lookup(key, Path(folder) if folder else None) if key is not None else None
    if hit is None:
        return None
    code, text, color = hit
    if not color and "\x1b" in text:
        return None  # click takes the styles out of uncoloured output: let it
    return code, text


# ---------------------------------------------------------------- the server's client

SOCKET_NAME = "server.sock"


def wants_server(argv: Sequence[str]) -> bool:
    """Did the user ask for the server (``--server`` before any ``--``, or the variable)?"""
    words = list(argv[: argv.index("--")] if "--" in argv else argv)
    return "--server" in words or os.environ.get("PLANCHECK_SERVER", "") not in ("", "0")


def socket_path() -> Path:
    """The server's socket: ``PLANCHECK_SERVER`` when it names a path, else in the user's
    runtime folder (``$XDG_RUNTIME_DIR/plancheck``), else in a folder of the user's own in
    the temporary folder."""
    given = os.environ.get("PLANCHECK_SERVER", "")
    if given not in ("", "0", "1"):
        return Path(given)
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if runtime and os.path.isdir(runtime):
        return Path(runtime) / "plancheck" / SOCKET_NAME
    import tempfile

    return Path(tempfile.gettempdir()) / f"plancheck-{os.getuid()}" / SOCKET_NAME


def request(argv: Sequence[str]) -> dict[str, Any]:
    """What the server needs to lint as this process would."""
    from checker import __version__
    from checker.cache_keys import OUTPUT_ENV, code_digest, user_cache_home

    return {
        "op": "lint",
        "version": __version__,
        "code": code_digest(),
        "cache_home": str(user_cache_home()),
        "argv": list(argv),
        "cwd": os.getcwd(),
        "env": {k: os.environ.get(k) for k in OUTPUT_ENV},
        "tty": sys.stdout.isatty(),
    }


def call(message: dict[str, Any], timeout: float | None = None) -> dict[str, Any] | None:
    """Send one message to the server; its answer, or None when none is running."""
    import socket

    path = socket_path()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(json.dumps(message).encode("utf-8", "surrogateescape"))
            sock.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := sock.recv(1 << 16):
                chunks.append(chunk)
    except OSError:
        return None
    try:
        answer = json.loads(b"".join(chunks).decode("utf-8", "surrogateescape"))
    except ValueError:
        return None
    return answer if isinstance(answer, dict) else None


def served(argv: Sequence[str]) -> tuple[int, str] | None:
    """(exit code, output) of the lint as the server ran it; None to lint here."""
    if "-" in argv or not hasattr(os, "getuid"):
        return None  # standard input is read here; and the server is for Unix sockets
    answer = call(request(argv))
    if answer is None or answer.get("status") != "ok":
        return None
    code, out, err = answer.get("code"), answer.get("stdout"), answer.get("stderr")
    if not (isinstance(code, int) and isinstance(out, str) and isinstance(err, str)):
        return None
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    return code, out
