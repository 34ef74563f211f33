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

from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from checker import __version__
from checker.cache_keys import RESULTS as RESULTS
from checker.cache_keys import code_digest as code_digest
from checker.cache_keys import default_folder as default_folder
from checker.cache_keys import keyed as keyed
from checker.cache_keys import machine_secret as machine_secret
from checker.cache_keys import packs_digest as packs_digest
from checker.cache_keys import user_cache_home as user_cache_home
from checker.cache_keys import write_atomic
from checker.config import Settings
from checker.models import FileReport, RuleInfo

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
        except OSError:
            return  # a read-only or full disk is no reason to fail the lint
        write_atomic(path, text.encode("utf-8", "surrogateescape"))

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
