"""A lint whose every input is unchanged since a run served wholly from the cache is
answered by replaying that run's output, without importing pydantic, the models or
spaCy (a cache hit otherwise spends most of its time building model classes).

The replay is stored only after a run in which every file came from the result
cache, so what it prints is byte for byte what such a run prints (``cached: true``
included). Its key, an HMAC under the machine's cache secret like every cache
key, holds everything that can change the output: plancheck's version and source,
the built-in rules, the command line as given, the working folder, each input's
path and bytes, every config file at or above each input and the working folder
(present or not, and its bytes), the files of the rule folders those configs name,
the installed distributions (plugins bring packs, checks and formatters), the
date, and whether output goes to a terminal. Runs that read standard input, write
files (``--output``, ``--write-baseline``), compare with a baseline or name a
folder or glob are never replayed: they take the ordinary path.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from checker import __version__
from checker.cache_keys import (
    OUTPUT_ENV,
    code_digest,
    default_folder,
    installed,
    keyed,
    packs_digest,
    write_atomic,
)
from checker.paths import CONFIG_FILES, data_dir

TYPE_CHECKING = False  # typing is not imported on the way to a replay
if TYPE_CHECKING:
    from typing import Any

FOLDER = "replay"


class Printed:
    """What a run printed to standard output, for storing as a replay (a plain class:
    ``dataclasses`` costs a replayed run more than the rest of its imports)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.color = False
        self.from_cache = False  # every file of the run was served from the result cache


# the options under which a run's output depends on more than the key can see
_NOT_REPLAYED = ("output", "baseline", "write_baseline", "show_settings", "no_cache")


def replay_key(paths: Sequence[str], opts: Mapping[str, Any]) -> str | None:
    """The key of this run's replay; None when the run is not one that is replayed."""
    if not paths or any(opts.get(name) for name in _NOT_REPLAYED):
        return None
    if any(p == "-" or not os.path.isfile(p) for p in paths):
        return None
    h = hashlib.sha256()

    def add(*parts: str | bytes) -> None:
        for part in parts:
            h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogateescape"))
            h.update(b"\0")

    cwd = Path.cwd()
    add(__version__, code_digest(), _builtin_rules(), str(cwd), time.strftime("%Y-%m-%d"))
    add(json.dumps([list(paths), dict(opts)], sort_keys=True, default=str))
    add(str(sys.stdout.isatty()))
    add(*(f"{k}={os.environ.get(k, '')}" for k in OUTPUT_ENV))
    folders: set[Path] = {cwd}
    for p in paths:
        path = Path(p)
        try:
            add(p, path.read_bytes())
        except OSError:
            return None
        folders.add(path.resolve().parent)
    config = opts.get("config")
    if config:
        _add_config(add, Path(config))
    seen: set[Path] = set()
    for folder in sorted(folders):
        for above in (folder, *folder.parents):
            if above in seen:
                break  # the walk from here up was taken for another folder
            seen.add(above)
            # a plancheck.toml or .plancheck.toml is the config of every folder under it
            # (the nearest config wins, whole): none above it can change the output
            if any(_add_config(add, above / name) for name in CONFIG_FILES[:2]):
                break
            _add_config(add, above / "pyproject.toml")
    add(*installed())
    return keyed(h.hexdigest().encode("ascii"))


def _add_config(add: Any, path: Path) -> bool:
    """Put a config file's bytes (or its absence) in the key; whether it was there."""
    try:
        data = path.read_bytes()
    except OSError:
        add(str(path), "absent")
        return False
    add(str(path), data, _packs_of(path, data))
    return True


def lookup(key: str, cache_dir: Path | None) -> tuple[int, str, bool] | None:
    """(exit code, what was printed, whether in colour) of the run stored under the key."""
    try:
        data = json.loads(_path(key, cache_dir).read_text(encoding="utf-8"))
        code, out, color = data["code"], data["stdout"], data["color"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (isinstance(code, int) and isinstance(out, str) and isinstance(color, bool)):
        return None
    return code, out, color


def store(key: str, cache_dir: Path | None, code: int, stdout: str, color: bool) -> None:
    """Keep a run's output for replay (atomically; a cache that cannot be written is no error)."""
    text = json.dumps({"code": code, "stdout": stdout, "color": color}, ensure_ascii=False)
    write_atomic(_path(key, cache_dir), text.encode("utf-8", "surrogateescape"))


def _path(key: str, cache_dir: Path | None) -> Path:
    return (cache_dir if cache_dir is not None else default_folder()) / FOLDER / key[:2] / key


def _builtin_rules() -> str:
    return packs_digest([data_dir("rules")])


def _packs_of(path: Path, data: bytes) -> str:
    """A digest of the rule folders a config file names (``packs``), relative to it."""
    if b"packs" not in data:  # no key of that name: no folders (and no TOML parser loaded)
        return packs_digest([])
    try:
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        table = tomllib.loads(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return "unreadable"
    if path.name == "pyproject.toml":
        table = table.get("tool", {}).get("plancheck", {})
    packs = table.get("packs", []) if isinstance(table, dict) else []
    if not isinstance(packs, list):
        return "unreadable"
    return packs_digest([path.parent / str(p) for p in packs])
