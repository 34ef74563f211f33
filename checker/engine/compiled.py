"""Rule packs compiled once: the built rules of a pack folder, kept on disk keyed by
everything that goes into building them.

Reading a pack means parsing YAML, validating every file against the JSON Schema and
every ``check:`` block against its check type's model: a third of a cold run, for
files that change a few times a year. So the built rules are pickled into the user's
cache folder (``build/``, beside the cut lemma table) under a key that holds the pack's
files (names and bytes), the config's severities, weights and rule options, the check
types in force, plancheck's version and source, and the installed distributions
(plugins bring check types). Any change is a new key, and the pack is read anew.

The stored bytes are signed with the machine's cache secret and checked before they are
unpickled: a file planted in the cache folder is never loaded. A store that cannot be
written or read is no error: the pack is simply read from its files.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import pickle
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from checker import __version__
from checker.cache_keys import (
    build_folder,
    code_digest,
    installed,
    keyed,
    machine_secret,
    write_atomic,
)

_SIGNATURE = 32  # bytes of HMAC-SHA256 in front of the pickle


def pack_key(files: Iterable[Path], folder: Path, *parts: Any) -> str:
    """The key of a pack folder's built rules under the given settings and check types."""
    h = hashlib.sha256()
    for part in (__version__, code_digest(), str(folder), *installed()):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    h.update(json.dumps(parts, sort_keys=True, default=repr).encode("utf-8") + b"\0")
    for path in files:
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return keyed(b"pack", h.hexdigest().encode("ascii"))


def _path(key: str) -> Path:
    return build_folder() / f"pack-{key[:40]}.pickle"


def load(key: str) -> Any | None:
    """What was stored under the key, or None (absent, unreadable or not signed by us)."""
    try:
        data = _path(key).read_bytes()
    except OSError:
        return None
    sig, body = data[:_SIGNATURE], data[_SIGNATURE:]
    if not hmac.compare_digest(sig, hmac.digest(machine_secret(), body, "sha256")):
        return None
    try:
        return pickle.loads(body)  # signed with this machine's secret, checked above
    except Exception:  # an older layout of our own classes: read the pack anew
        return None


def store(key: str, value: Any) -> None:
    """Keep the value under the key (atomically; a folder that cannot be written is no error)."""
    try:
        body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # a plugin's check that cannot be pickled: it is simply rebuilt
        return
    write_atomic(_path(key), hmac.digest(machine_secret(), body, "sha256") + body)


def settings_parts(
    severity: Mapping[str, str] | None,
    weights: Mapping[str, float] | None,
    options: Mapping[str, Mapping[str, Any]] | None,
    types: Mapping[str, type],
) -> list[Any]:
    """What of the settings and check types goes into a pack's key."""
    return [
        dict(severity or {}),
        {k: float(v) for k, v in (weights or {}).items()},
        {k: dict(v) if isinstance(v, Mapping) else v for k, v in (options or {}).items()},
        sorted(f"{name}={cls.__module__}.{cls.__qualname__}" for name, cls in types.items()),
    ]
