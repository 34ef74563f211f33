"""A content cache of lint results, as ruff keeps one.

A file's result (its FileReport as JSON) is stored under a key made of
everything that can change it: the file's bytes and the name it was given,
the settings in force (``model_dump_json``, less those that only change
the output or the gate), the contents of every rule file
of the packs in use, plancheck's version and a digest of its source. Any change to one of them is a
different key, so entries never need invalidating; old ones are simply not
read again (``rm -r .plancheck_cache`` empties it).

Entries are written atomically (a temporary file, then ``os.replace``), and an
entry that cannot be read or validated is treated as a miss. A hit returns the
report marked ``cached=True`` without importing spaCy or building the engine.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from checker import __version__
from checker.config import Settings
from checker.models import FileReport

DEFAULT_DIR = ".plancheck_cache"
LAYOUT = "v1"  # bump when the entry format changes
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


def entry_key(source: str, data: bytes, settings: Settings, packs: str) -> str:
    """The key of one file's result."""
    h = hashlib.sha256()
    shown = settings.model_dump_json(exclude=set(NOT_IN_KEY))
    for part in (__version__, code_digest(), LAYOUT, source, shown, packs):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    h.update(data)
    return h.hexdigest()


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
        path = self._path(key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(report.model_copy(update={"cached": False}).model_dump_json())
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full disk is no reason to fail the lint

    def _prepare(self) -> None:
        """Mark the folder as a cache for backup tools and git, once."""
        if (self.folder / "CACHEDIR.TAG").exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "CACHEDIR.TAG").write_text(_TAG, encoding="utf-8")
        (self.folder / ".gitignore").write_text("# created by plancheck\n*\n", encoding="utf-8")
