"""A content cache of lint results, as ruff keeps one, that cannot be forged.

A file's result (its FileReport as JSON) is stored under a key made of
everything that can change it: the file's bytes and the name it was given,
the settings in force (``model_dump_json``, less those that only change
the output or the gate), the contents of every rule file
of the packs in use, plancheck's version and a digest of its source. Any change to one of them is a
different key, so entries never need invalidating; old ones are simply not
read again (deleting the folder empties it).

The cache lives in the user's cache folder (``~/.cache/plancheck`` on Linux), not
in the linted tree, and every key is an HMAC under this machine's own random secret
(a file beside it, readable by the user only): an entry committed to a repository,
or written by anyone without the secret, sits at a path no run looks up, so a
forged "no findings" entry cannot pass a gate. Any cache folder carries a
``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``.

Entries are written atomically (a temporary file, then ``os.replace``), and an
entry that cannot be read or validated is treated as a miss. A hit returns the
report marked ``cached=True`` without importing spaCy or building the engine.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from functools import cache
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from checker import __version__
from checker.config import Settings
from checker.models import FileReport, RuleInfo

RESULTS = "results"  # the default folder's name under the user's cache folder
LAYOUT = "v1"  # bump when the entry format changes
_RULE_TABLE = TypeAdapter(tuple[RuleInfo, ...])
# settings that change how a run is reported or judged, never a file's result:
# a run with --format json can use what a text run cached
NOT_IN_KEY = frozenset(
    {
        "format",
        "color",
        "cache_dir",
        "fail_on",
        "fail_under",
        "max_file_size",
        "max_lines",
        "exclude",
    }
)
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by plancheck.\n"
)


def user_cache_home() -> Path:
    """The user's cache folder for plancheck (XDG on Linux, Library/Caches on macOS ...)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("plancheck", appauthor=False))


def default_folder() -> Path:
    return user_cache_home() / RESULTS


@cache
def machine_secret() -> bytes:
    """This user's random cache secret, made on first use; a process-local one when the
    cache folder cannot hold it (the cache then only serves this run)."""
    path = user_cache_home() / "secret"
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        pass
    secret = secrets.token_bytes(32)
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
        if not folder.is_dir():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml")):
            try:
                data = path.read_bytes()
            except OSError:
                data = b"\0unreadable"
            h.update(
                path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape")
                + b"\0"
                + data
                + b"\0"
            )
    return h.hexdigest()


@cache
def code_digest() -> str:
    """A digest of plancheck's own source, so an edited (unreleased) checkout never reads
    results an older build of the same version cached. Hashing ~60 small files costs ~2 ms."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        try:
            h.update(
                path.relative_to(root).as_posix().encode("utf-8", "surrogateescape")
                + b"\0"
                + path.read_bytes()
            )
        except OSError:
            continue
    return h.hexdigest()


def rules_key(scopes: list[tuple[Settings, str]]) -> str:
    """The key of a run's rule table: each scope's settings and its packs' digest."""
    parts = [__version__, code_digest(), LAYOUT]
    for settings, packs in scopes:
        parts += [settings.model_dump_json(exclude=set(NOT_IN_KEY)), packs]
    return keyed(*(p.encode("utf-8", "surrogateescape") for p in parts))


def entry_key(source: str, data: bytes, settings: Settings, packs: str) -> str:
    """The key of one file's result."""
    shown = settings.model_dump_json(exclude=set(NOT_IN_KEY))
    parts = (__version__, code_digest(), LAYOUT, source, shown, packs)
    return keyed(*(p.encode("utf-8", "surrogateescape") for p in parts), data)


class Cache:
    """Results on disk under ``folder``; every method fails quietly (a cache is never an error)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.entries = folder / LAYOUT

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def get(self, key: str) -> FileReport | None:
        try:
            text = self._path(key).read_text(encoding="utf-8")
            report = FileReport.model_validate_json(text)
        except (OSError, UnicodeDecodeError, ValueError, ValidationError):
            return None
        return report.model_copy(update={"cached": True})

    def put(self, key: str, report: FileReport) -> None:
        self._write(self._path(key), report.model_copy(update={"cached": False}).model_dump_json())

    def _write(self, path: Path, text: str) -> None:
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full disk is no reason to fail the lint

    def get_rules(self, key: str) -> tuple[RuleInfo, ...] | None:
        """The rule table stored under ``key`` (see ``rules_key``), None when there is none."""
        try:
            text = (self.entries / "rules" / f"{key}.json").read_text(encoding="utf-8")
            return _RULE_TABLE.validate_json(text)
        except (OSError, UnicodeDecodeError, ValueError, ValidationError):
            return None

    def put_rules(self, key: str, rules: tuple[RuleInfo, ...]) -> None:
        self._write(self.entries / "rules" / f"{key}.json", _RULE_TABLE.dump_json(rules).decode())

    def _prepare(self) -> None:
        """Mark the folder as a cache for backup tools and git, once."""
        if (self.folder / "CACHEDIR.TAG").exists():
            return
        mark_cache_folder(self.folder)


def mark_cache_folder(folder: Path) -> None:
    """CACHEDIR.TAG for backup tools, a .gitignore of everything for git."""
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / ".gitignore").exists():
        (folder / ".gitignore").write_text("# created by plancheck\n*\n", encoding="utf-8")
    (folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
