"""Settings: ``[tool.plancheck]`` in pyproject.toml, or plancheck.toml / .plancheck.toml.

The nearest file above the linted file wins (as ruff does it); command-line
flags override it. Unknown keys are errors that name the key and the file.
``schemas/config.schema.json`` is generated from ``Settings``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.errors import ConfigError
from checker.models import ColumnRole, Severity
from checker.paths import CONFIG_FILES as CONFIG_FILES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class Suppression(BaseModel):
    """One suppression: these rules, for this recommendation (and action), because ..."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    codes: tuple[str, ...] = Field(
        min_length=1, description="rule codes, names, prefixes or letters"
    )
    recommendation: str | None = Field(default=None, description="its number as printed")
    action: str | None = Field(default=None, description="the start of the action's text")
    files: tuple[str, ...] = Field(default=(), description="globs; none: every file")
    reason: str = Field(min_length=3, description="why (required): shown in the report")


class Settings(BaseModel):
    """Everything a run can be told."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    select: tuple[str, ...] = Field(
        default=(), description="codes, prefixes or criterion letters to run (default all)"
    )
    ignore: tuple[str, ...] = Field(
        default=(), description="codes, prefixes or criterion letters to skip"
    )
    extend_select: tuple[str, ...] = Field(default=(), description="added to select")
    exclude: tuple[str, ...] = Field(
        default=(),
        description="globs of files or folders that folder and glob expansion skips"
        " (a file named on the command line is still read)",
    )
    per_file_ignores: dict[str, tuple[str, ...]] = Field(
        default_factory=dict, description="glob -> codes ignored in matching files"
    )
    suppress: tuple[Suppression, ...] = Field(
        default=(),
        description="findings taken out for one recommendation or action, each with its reason "
        "([[suppress]] codes, recommendation, action, files, reason)",
    )
    severity: dict[str, Severity] = Field(default_factory=dict, description="rule code -> severity")
    weights: dict[str, float] = Field(
        default_factory=dict, description="rule code or criterion letter (O T S M R A) -> weight"
    )
    horizon_months: int = Field(
        default=24,
        ge=1,
        le=120,
        description="targets further than this after submission need interim steps",
    )
    packs: tuple[str, ...] = Field(default=(), description="folders of extra rule files")
    rules: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="options for one rule, by code or name: [rules.vague-commitment] "
        'extend = ["scope out"]; the options a rule takes are on its page (plancheck rule CODE)',
    )
    pipeline: str | None = Field(
        default=None, description="a trained spaCy pipeline to use (must be installed)"
    )
    fail_under: float | None = Field(
        default=None, ge=0, le=100, description="fail when the plan score is lower"
    )
    fail_on: Severity = Field(
        default="error", description="fail on findings of this severity or worse"
    )
    max_file_size: int = Field(
        default=20 * 1024 * 1024, ge=1, description="bytes; larger files are refused"
    )
    max_lines: int = Field(
        default=10_000,
        ge=1,
        description="lines of text (or Word table rows); longer plans are refused, not linted "
        "for minutes (a real plan has a few hundred)",
    )
    columns: dict[str, ColumnRole] = Field(
        default_factory=dict,
        description="column headings to read as a role, for headings plancheck does not "
        'know: {"Milestone" = "action", "Champion" = "owner"}; matched ignoring case, '
        "numbering and punctuation. Roles: ref, concern, category, action, owner, target, "
        "status (kept, never read as actions or dates), other",
    )
    cache_dir: str | None = Field(
        default=None,
        description="where results are cached, relative to the config "
        "(default: the user's cache folder, e.g. ~/.cache/plancheck)",
    )
    color: str = Field(
        default="auto",
        pattern="^(auto|always|never)$",
        description="colour in the text report: auto (only on a terminal), always, never",
    )
    format: str = Field(
        default="text",
        description="output format: text, json, sarif, github, junit, gitlab, csv, html",
    )

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given (non-None) values replaced, validated again."""
        data = self.model_dump()
        data.update({k: v for k, v in changes.items() if v is not None})
        return validate(data, "command line")


# keys of 0.1 that became options of one rule
_MOVED = {
    "extra_vague_words": "[rules.vague-commitment] extend = [...]",
    "collective_owners": "[rules.collective-owner] extend = [...]",
}


def validate(data: dict[str, Any], where: str) -> Settings:
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"]) or "(top)"
        if err["type"] == "extra_forbidden":
            moved = _MOVED.get(key)
            hint = f" (it moved: write {moved})" if moved else ""
            raise ConfigError(f"{where}: unknown key '{key}'{hint}") from None
        raise ConfigError(f"{where}: {key}: {err['msg']}") from None


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start``.

    A pyproject.toml counts only when it has a [tool.plancheck] table.
    """
    here = start if start.is_dir() else start.parent
    for folder in [here.resolve(), *here.resolve().parents]:
        for name in CONFIG_FILES:
            path = folder / name
            if not path.is_file():
                continue
            if name != "pyproject.toml" or _tool_table(_read(path), path) is not None:
                return path
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: is not UTF-8 text, as TOML must be (byte {exc.start})"
        ) from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """pyproject.toml's [tool.plancheck] table; None when there is none."""
    tool = data.get("tool")
    if not isinstance(tool, dict) or "plancheck" not in tool:
        return None  # 'tool = 1' is someone else's mistake, not a plancheck config
    table = tool["plancheck"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.plancheck must be a table ([tool.plancheck]), not a value")
    return table


def load_file(path: Path) -> Settings:
    data = _read(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path) or {}
    data = {k.replace("-", "_"): v for k, v in data.items()}
    return validate(data, str(path))


def settings_for(target: Path | None, explicit: Path | None = None) -> tuple[Settings, Path | None]:
    """Settings for a file: an explicit --config, else the nearest file, else defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load_file(explicit), explicit
    found = find_config(target or Path.cwd())
    if found is None:
        return Settings(), None
    return load_file(found), found
