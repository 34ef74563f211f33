"""``plancheck server``: a long-lived process that keeps the spaCy pipeline and the compiled
rules warm and answers lint requests over a local socket, as mypy's daemon does.

The socket is in the user's runtime folder (``checker.cli.entry.socket_path``), in a
folder only the user may enter, and is itself owner-only; on Linux every connection's
peer is checked to be this user. A request carries the command line, the working folder,
the environment that changes output and whether standard output is a terminal; the
server runs the very command a process of its own would (``checker.cli.main``), with
standard output and error captured, and answers with the exit code and both texts. A
request from another version or source of plancheck, or one whose user cache folder is
another (its cache secret differs), is refused, and the client lints by itself.

One request is served at a time. The server stops after ``--idle-timeout`` seconds
without a request, on ``plancheck server --stop``, or on SIGTERM/SIGINT, and removes its
socket.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import stat
import struct
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from checker import __version__
from checker.cache_keys import code_digest, user_cache_home
from checker.cli import entry
from checker.errors import PlancheckError

DEFAULT_IDLE = 3600.0  # seconds without a request before the server stops
_MAX_REQUEST = 1 << 20


class ServerError(PlancheckError):
    """The server cannot start (a server is running already, the folder is not ours)."""


class _Captured(io.StringIO):
    """Standard output or error of one request, a terminal when the client's is."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def private_folder(path: Path) -> None:
    """Make the socket's folder, owner-only; refuse one that another user could enter."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        raise ServerError(f"{folder}: not a folder of this user's; choose another socket")
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(folder, 0o700)


def _peer_is_us(conn: socket.socket) -> bool:
    """Is the connecting process this user's? (Linux; elsewhere the folder's mode guards.)"""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    creds = conn.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", creds)
    return bool(uid == os.getuid())


@contextlib.contextmanager
def _as_client(req: Mapping[str, Any]) -> Iterator[tuple[_Captured, _Captured]]:
    """The client's folder, environment and terminal, for the time of one request."""
    saved_cwd = os.getcwd()
    env: Mapping[str, Any] = req.get("env") or {}
    saved_env = {k: os.environ.get(k) for k in env}
    out, err = _Captured(bool(req.get("tty"))), _Captured(False)
    try:
        os.chdir(str(req["cwd"]))
        for key, value in env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = str(value)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            yield out, err
    finally:
        os.chdir(saved_cwd)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def lint(req: Mapping[str, Any]) -> dict[str, Any]:
    """Run ``plancheck lint`` as the client would have: exit code, output and errors."""
    import click

    from checker.cli.main import main

    argv = [str(a) for a in req.get("argv", [])]
    with _as_client(req) as (out, err):
        entry.typed = argv
        try:
            code: Any = main.main(args=argv, prog_name="plancheck", standalone_mode=False)
        except SystemExit as exc:
            code = exc.code
        except click.ClickException as exc:
            exc.show()
            code = exc.exit_code
        except click.exceptions.Abort:
            code = 1
        finally:
            entry.typed = None
    code = code if isinstance(code, int) else (0 if code is None else 1)
    return {"status": "ok", "code": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


class Server:
    """The listening socket and its loop."""

    def __init__(self, path: Path, idle: float = DEFAULT_IDLE) -> None:
        self.path = path
        self.idle = idle
        self.started = time.time()
        self.served = 0
        self.running = True
        self.sock: socket.socket | None = None

    def bind(self) -> None:
        private_folder(self.path)
        if self.path.exists() or self.path.is_symlink():
            if entry.call({"op": "status"}, timeout=2) is not None:
                raise ServerError(f"a plancheck server is running already at {self.path}")
            self.path.unlink()  # a socket left by a server that was killed
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # the socket is made owner-only
        try:
            sock.bind(str(self.path))
        finally:
            os.umask(old)
        os.chmod(self.path, 0o600)
        sock.listen(16)
        self.sock = sock

    def warm(self) -> None:
        """Build the pipeline and the default rules now, not on the first request."""
        from checker.run.scopes import Overrides, Resolver

        Resolver(None, Overrides()).scope(None).runner.engine.warm()

    def status(self) -> dict[str, Any]:
        return {
            "status": "ok",
            "pid": os.getpid(),
            "version": __version__,
            "socket": str(self.path),
            "uptime": round(time.time() - self.started, 1),
            "served": self.served,
        }

    def answer(self, req: Any) -> dict[str, Any]:
        if not isinstance(req, dict):
            return {"status": "error", "message": "not a request"}
        op = req.get("op")
        if op == "status":
            return self.status()
        if op == "stop":
            self.running = False
            return {"status": "ok", "stopped": os.getpid()}
        if op != "lint":
            return {"status": "error", "message": f"unknown request {op!r}"}
        if req.get("version") != __version__ or req.get("code") != code_digest():
            return {"status": "refused", "message": "another version of plancheck"}
        if req.get("cache_home") != str(user_cache_home()):
            return {"status": "refused", "message": "another user cache folder"}
        self.served += 1
        return lint(req)

    def serve(self) -> None:
        assert self.sock is not None
        self.sock.settimeout(min(self.idle, 60.0))
        last = time.monotonic()
        try:
            while self.running:
                try:
                    conn, _ = self.sock.accept()
                except TimeoutError:
                    if time.monotonic() - last >= self.idle:
                        break
                    continue
                last = time.monotonic()
                with conn:
                    self._one(conn)
        finally:
            self.close()

    def _one(self, conn: socket.socket) -> None:
        conn.settimeout(30)
        try:
            if not _peer_is_us(conn):
                return
            chunks, size = [], 0
            while chunk := conn.recv(1 << 16):
                chunks.append(chunk)
                size += len(chunk)
                if size > _MAX_REQUEST:
                    return
            try:
                req = json.loads(b"".join(chunks).decode("utf-8", "surrogateescape"))
            except ValueError:
                req = None
            try:
                reply = self.answer(req)
            except Exception as exc:  # a bug of ours: the client lints by itself
                reply = {"status": "error", "message": f"{type(exc).__name__}: {exc}"}
            conn.sendall(json.dumps(reply).encode("utf-8", "surrogateescape"))
        except OSError:
            return

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None
            with contextlib.suppress(OSError):
                self.path.unlink()


def run(idle: float, detach: bool) -> str:
    """Start serving (in the foreground, or detached once the socket is ready)."""
    if not hasattr(os, "getuid") or not hasattr(socket, "AF_UNIX"):
        raise ServerError("plancheck server needs Unix sockets (Linux, macOS)")
    server = Server(entry.socket_path(), idle)
    server.bind()
    if detach:
        ready_r, ready_w = os.pipe()
        if os.fork():
            os.close(ready_w)
            with os.fdopen(ready_r, "rb") as fh:
                ok = fh.read() == b"ok"
            server.sock = None  # the child serves it now
            if not ok:
                raise ServerError("the server stopped while starting; run it without --detach")
            return f"plancheck server {__version__} listening on {server.path}"
        os.close(ready_r)
        os.setsid()
        _quiet_standard_streams()
        try:
            server.warm()
        finally:
            os.write(ready_w, b"ok")
            os.close(ready_w)
        _serve_until_stopped(server)
        os._exit(0)
    print(f"plancheck server {__version__} listening on {server.path}", file=sys.stderr)
    server.warm()
    print("ready", file=sys.stderr)
    _serve_until_stopped(server)
    return "plancheck server stopped"


def _quiet_standard_streams() -> None:
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _serve_until_stopped(server: Server) -> None:
    def stop(_signum: int, _frame: Any) -> None:
        server.running = False
        server.close()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    server.serve()


def control(op: str) -> tuple[int, str]:
    """``--status`` / ``--stop``: (exit code, what to print)."""
    if not hasattr(os, "getuid"):
        return 1, "plancheck server needs Unix sockets (Linux, macOS)"
    answer = entry.call({"op": op}, timeout=10)
    where = entry.socket_path()
    if answer is None:
        return 1, f"no plancheck server is running at {where}"
    if op == "stop":
        return 0, f"plancheck server (pid {answer.get('stopped')}) stopped"
    return 0, "\n".join(f"{k}: {v}" for k, v in answer.items() if k != "status")
