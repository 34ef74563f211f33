"""Settings as people read them: ``--show-settings``, ``plancheck init`` and the README table.

All three are made from the ``Settings`` model itself (its fields, defaults
and descriptions), so a new setting appears in each without anyone
remembering to add it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.config import Settings

README_START = "<!-- settings-table:start -->"
README_END = "<!-- settings-table:end -->"


def toml_value(value: Any) -> str:
    """A TOML literal for a settings value (None has none: callers leave the key out)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{json.dumps(str(k))} = {toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def as_toml(settings: Settings, origin: Path | None, target: str | None = None) -> str:
    """The settings in force, as a plancheck.toml that would give them back."""
    head = [f"# settings for {target}" if target else "# settings in force"]
    head.append(f"# from {origin}" if origin else "# from the defaults (no config file found)")
    lines = []
    for name, value in settings.model_dump(mode="json").items():
        if value is None:
            lines.append(f"# {name} is not set")
        else:
            lines.append(f"{name} = {toml_value(value)}")
    return "\n".join([*head, *lines]) + "\n"


def as_json(settings: Settings, origin: Path | None, target: str | None = None) -> str:
    doc = {
        "target": target,
        "config": str(origin) if origin else None,
        "settings": settings.model_dump(mode="json"),
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _default(name: str) -> str:
    value = Settings().model_dump(mode="json")[name]
    return "(not set)" if value is None else f"`{toml_value(value)}`"


def settings_table() -> str:
    """The README's table of config keys: key, default, meaning."""
    rows = ["| key | default | meaning |", "|---|---|---|"]
    for name, info in Settings.model_fields.items():
        meaning = (info.description or "").replace("|", "\\|")
        rows.append(f"| `{name}` | {_default(name)} | {meaning} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Refresh the table in README.md (``--check``: only say whether it is stale)."""
    import sys

    from checker.docs.readme import refresh

    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    command = "python -m checker.cli.settings_view"
    return refresh(README_START, README_END, settings_table(), check=check, command=command)


if __name__ == "__main__":
    raise SystemExit(main())
