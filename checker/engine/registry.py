"""Discovery of check types and rule packs, and rule selection.

Built-ins are found the way a third party's are: through the entry-point
groups ``plancheck.checks`` (a callable returning {type name: class}) and
``plancheck.packs`` (a callable returning a folder of rule files). Local packs
come from the ``packs`` setting. Selection works like flake8's: ``select`` and
``ignore`` take codes, code prefixes (``PC-S``) or criterion letters (``S``),
and the most specific match wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import Settings
from checker.engine.selection import specificity
from checker.errors import ConfigError, PackError
from checker.paths import data_dir

if TYPE_CHECKING:  # the check types and the pack loader are imported when rules are loaded
    from checker.checks.base import Check
    from checker.engine.packs import Rule


@cache
def check_types() -> dict[str, type[Check]]:
    from importlib.metadata import entry_points

    from checker.checks import builtin_check_types

    types = dict(builtin_check_types())
    for ep in entry_points(group="plancheck.checks"):
        if ep.value == "checker.checks:builtin_check_types":
            continue
        try:
            found = ep.load()()
        except Exception as exc:
            raise PackError(
                f"entry point plancheck.checks '{ep.name}' failed to load: {exc}"
            ) from None
        types.update(found)
    return types


def pack_dirs(settings: Settings, base: Path | None = None) -> list[Path]:
    """Built-in pack first, then entry-point packs, then local packs from settings."""
    from importlib.metadata import entry_points

    dirs = [data_dir("rules")]  # the built-in pack (checker.engine.packs:builtin_pack_dir)
    for ep in entry_points(group="plancheck.packs"):
        if ep.value == "checker.engine.packs:builtin_pack_dir":
            continue
        try:
            dirs.append(Path(ep.load()()))
        except Exception as exc:
            raise PackError(
                f"entry point plancheck.packs '{ep.name}' failed to load: {exc}"
            ) from None
    for folder in settings.packs:
        path = Path(folder)
        dirs.append(path if path.is_absolute() or base is None else base / path)
    return dirs


def load_rules(settings: Settings, base: Path | None = None) -> list[Rule]:
    """All rules of all packs, with settings' severities and weights; codes must be unique."""
    from checker.engine.packs import load_pack

    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for folder in pack_dirs(settings, base):
        for rule in load_pack(
            folder, check_types(), settings.severity, settings.weights, settings.rules
        ):
            if rule.code in seen:
                raise PackError(
                    f"{rule.path}: code {rule.code} is already used by {seen[rule.code]}"
                )
            seen[rule.code] = rule.path
            rules.append(rule)
    known = {n.upper() for r in rules for n in (r.code, r.name, *r.spec.aliases)}
    unknown = [key for key in settings.rules if key.upper() not in known]
    if unknown:
        raise ConfigError(
            f"settings: [rules] names no rule in force: {', '.join(unknown)} "
            "(see 'plancheck rules')"
        )
    return rules


def select(rules: list[Rule], settings: Settings, extra_ignore: Iterable[str] = ()) -> list[Rule]:
    """The rules in force: selected (default all) and not more specifically ignored."""
    chosen = [*(settings.select or ("ALL",)), *settings.extend_select]
    ignored = [*settings.ignore, *extra_ignore]
    out = []
    for rule in rules:
        s, i = specificity(rule, chosen), specificity(rule, ignored)
        if s >= 0 and s > i:
            out.append(rule)
    return out


def unknown_selectors(rules: list[Rule], selectors: Iterable[str]) -> list[str]:
    """Selectors that match no rule (a typo in --select is an error, not a silent no-op)."""
    return [
        s
        for s in selectors
        if s.strip() and s.strip().upper() != "ALL" and all(specificity(r, [s]) < 0 for r in rules)
    ]
