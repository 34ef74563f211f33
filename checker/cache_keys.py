"""The cache's keys and where it lives: what a run needs before it knows whether it must
lint at all. Nothing here imports pydantic, the models or spaCy, so a run answered
from the cache (``checker.run.replay``) can compute its key cheaply."""

from __future__ import annotations

import hashlib
import hmac
import os
import sys
from functools import cache
from pathlib import Path

RESULTS = "results"  # the default folder's name under the user's cache folder
# the environment a run's output depends on (colour, the progress bar, the terminal's width):
# part of a replay's key, and what a client hands the server
OUTPUT_ENV = ("NO_COLOR", "CI", "TERM", "COLUMNS")
BUILD = "build"


def user_cache_home() -> Path:
    """The user's cache folder for plancheck (XDG on Linux, Library/Caches on macOS ...)."""
    if sys.platform.startswith("linux"):  # platformdirs' rule, without its import on every run
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(xdg or os.path.expanduser("~/.cache")) / "plancheck"
    import platformdirs

    return Path(platformdirs.user_cache_dir("plancheck", appauthor=False))


def default_folder() -> Path:
    return user_cache_home() / RESULTS


def build_folder() -> Path:
    """Where compiled rule packs and cut lemma tables are kept: build artefacts, kept
    (keyed by their inputs) even by a run with ``--no-cache``, which only turns off
    the results."""
    return user_cache_home() / BUILD


@cache
def machine_secret() -> bytes:
    """This user's random cache secret, made on first use; a process-local one when the
    cache folder cannot hold it (the cache then only serves this run)."""
    path = user_cache_home() / "secret"
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    secret = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secret.hex() + "\n")
        return secret
    except FileExistsError:  # another process made it first: use theirs
        try:
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return secret
    except OSError:
        return secret


def keyed(*parts: bytes) -> str:
    """An HMAC of the parts under the machine secret: a key only this machine can compute."""
    h = hmac.new(machine_secret(), digestmod=hashlib.sha256)
    for part in parts:
        h.update(part + b"\0")
    return h.hexdigest()


def packs_digest(folders: list[Path]) -> str:
    """A digest of every rule file's name and contents in the given pack folders."""
    h = hashlib.sha256()
    for folder in folders:
        h.update(str(folder).encode("utf-8", "surrogateescape") + b"\0")
        for rel, path in _files(folder, (".yaml", ".yml")):
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError:
                data = b"\0unreadable"
            h.update(rel.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
    return h.hexdigest()


def _files(folder: Path, suffixes: tuple[str, ...]) -> list[tuple[str, str]]:
    """(path relative to the folder, with '/', full path) of every file under it whose name
    ends in one of the suffixes, in order of the relative path (``os.walk``, not
    ``Path.rglob``: a replayed run walks the source and the rules on every call)."""
    out: list[tuple[str, str]] = []
    top = str(folder)
    for here, dirs, names in os.walk(top):
        dirs.sort()
        rel = os.path.relpath(here, top).replace(os.sep, "/")
        prefix = "" if rel == "." else rel + "/"
        out += [(prefix + n, os.path.join(here, n)) for n in names if n.endswith(suffixes)]
    return sorted(out)


@cache
def code_digest() -> str:
    """A digest of plancheck's own source, so an edited (unreleased) checkout never reads
    results an older build of the same version cached: each module's path, size and
    modification time (an edit changes them; reading every file's bytes cost a replayed
    run 8 ms of its 80)."""
    h = hashlib.sha256()
    for rel, path in _files(Path(__file__).resolve().parent, (".py",)):
        try:
            info = os.stat(path)
        except OSError:
            continue
        h.update(
            rel.encode("utf-8", "surrogateescape")
            + f"\0{info.st_size}\0{info.st_mtime_ns}\0".encode("ascii")
        )
    return h.hexdigest()


def installed() -> list[str]:
    """The distributions installed beside plancheck, by name and version (a plugin's packs,
    checks and formatters come with them)."""
    out: list[str] = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        out += sorted(n for n in names if n.endswith((".dist-info", ".egg-info", ".pth")))
    return out


def write_atomic(path: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all (a temporary file beside it, then renamed);
    False when it cannot be written, which is no reason to fail a lint."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
