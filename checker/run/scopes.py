"""Which settings and rules apply to which file: one Scope per config file in use.

The nearest config file above a linted file governs it (``--config`` governs
every file); command-line flags are laid over each. A Scope loads its rules
once and builds its Runner (and so the spaCy pipeline) only when a file under
it is not in the cache. Selectors that match no rule are errors naming them,
whether they came from the command line or a config file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from checker.cache import packs_digest
from checker.config import Settings, find_config, load_file
from checker.engine.registry import load_rules, pack_dirs, select, unknown_selectors
from checker.errors import ConfigError

T = TypeVar("T")

if TYPE_CHECKING:
    from checker.engine.packs import Rule
    from checker.run.runner import Runner


@dataclass(frozen=True)
class Overrides:
    """What the command line says about settings. ``--select`` replaces; the others add."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    values: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, settings: Settings) -> Settings:
        changes = dict(self.values)
        if self.select is not None:
            changes["select"] = self.select
        if self.ignore:
            changes["ignore"] = (*settings.ignore, *self.ignore)
        if self.extend_select:
            changes["extend_select"] = (*settings.extend_select, *self.extend_select)
        return settings.with_overrides(**changes) if changes else settings

    def selectors(self) -> list[str]:
        return [*(self.select or ()), *self.ignore, *self.extend_select]


# Rules and runners by what they are made of: a one-off run makes each once anyway, and
# ``plancheck server`` keeps its pipelines and compiled rules from request to request.
_KEPT: dict[tuple[str, ...], Any] = {}
KEEP = 8


def _kept(key: tuple[str, ...], make: Callable[[], T]) -> T:
    if key not in _KEPT:
        while len(_KEPT) >= KEEP:
            del _KEPT[next(iter(_KEPT))]
        _KEPT[key] = make()
    value: T = _KEPT[key]
    return value


def split_selectors(values: Iterable[str]) -> tuple[str, ...]:
    """``--select S,PC-T001 --select M`` -> ("S", "PC-T001", "M")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


class Scope:
    """The settings of one config file (flags applied), its rules, and a Runner made on demand."""

    def __init__(
        self, settings: Settings, config: Path | None, cache_dir: Path | None = None
    ) -> None:
        self.settings = settings
        self.config = config
        self.base = config.parent if config is not None else None
        self.cache_dir = cache_dir
        self.packs = packs_digest(pack_dirs(settings, self.base))
        self._runner: Runner | None = None

    # Rules are parsed and validated on first use only: a run whose files are all in the
    # cache needs the packs' digest (above), not the rules themselves.
    @cached_property
    def rules(self) -> list[Rule]:
        return _kept(("rules", *self._key), lambda: load_rules(self.settings, self.base))

    @cached_property
    def _key(self) -> tuple[str, ...]:
        """What the rules and the runner are made of (a long-lived process keeps them)."""
        return (self.settings.model_dump_json(), str(self.base), self.packs, str(self.cache_dir))

    @cached_property
    def selected(self) -> list[Rule]:
        return select(self.rules, self.settings)

    @property
    def runner(self) -> Runner:
        if self._runner is None:
            from checker.run.runner import Runner

            self._runner = _kept(
                ("runner", *self._key),
                lambda: Runner(self.settings, self.base, self.cache_dir, rules=self.selected),
            )
        return self._runner

    def excludes(self, source: str) -> bool:
        """True when the ``exclude`` globs match the file, relative to the config's folder."""
        if not self.settings.exclude:
            return False
        path = Path(source).resolve()
        try:
            rel = path.relative_to((self.base or Path.cwd()).resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        parts = PurePosixPath(rel).parts
        for pattern in self.settings.exclude:
            pat = pattern.rstrip("/")
            if fnmatch(rel, pat) or fnmatch(rel, pat + "/*") or any(fnmatch(p, pat) for p in parts):
                return True
        return False

    def check_selectors(self, from_cli: Iterable[str]) -> None:
        s = self.settings
        codes = [c for cs in s.per_file_ignores.values() for c in cs]
        wanted = [*s.select, *s.ignore, *s.extend_select, *codes]
        if not wanted:
            return
        unknown = list(dict.fromkeys(unknown_selectors(self.rules, wanted)))
        if not unknown:
            return
        cli = set(from_cli)
        flagged = [u for u in unknown if u in cli]
        hint = self._did_you_mean(flagged or unknown)
        if flagged:
            raise ConfigError(
                f"unknown rule selector(s) {', '.join(flagged)} in"
                f" --select/--ignore/--extend-select{hint} (see 'plancheck rules')"
            )
        where = self.config or "settings"
        raise ConfigError(
            f"{where}: unknown rule selector(s) {', '.join(unknown)}{hint} (see 'plancheck rules')"
        )

    def _did_you_mean(self, unknown: list[str]) -> str:
        """'S001' for 'PC-S001', 'vague-commitmnt' for 'vague-commitment'."""
        from difflib import get_close_matches

        names = [r.code for r in self.rules] + [r.name for r in self.rules]
        out = []
        for u in unknown:
            exact = [r.code for r in self.rules if r.code.upper().endswith("-" + u.upper())]
            close = exact or get_close_matches(u, names, n=1, cutoff=0.75)
            if close:
                out.append(f"'{close[0]}' for '{u}'")
        return f"; did you mean {', '.join(out)}?" if out else ""


def run_config(explicit: Path | None, paths: Iterable[str]) -> Path | None:
    """The config that governs the run as a whole: --config, else the config found from
    the current folder, else the one found from the first path."""
    if explicit is not None:
        return explicit
    found = find_config(Path.cwd())
    if found is None:
        first = next((p for p in paths if p != "-"), None)
        found = find_config(Path(first)) if first else None
    return found


def config_settings(config: Path | None, overrides: Overrides) -> Settings:
    """A config file's settings (the defaults for none) with the command line laid over."""
    if config is not None and not config.is_file():
        raise ConfigError(f"{config}: config file not found")
    return overrides.apply(load_file(config) if config is not None else Settings())


class Resolver:
    """Scopes by config file, made once each."""

    def __init__(
        self, explicit: Path | None, overrides: Overrides, cache_dir: Path | None = None
    ) -> None:
        if explicit is not None and not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        self.explicit = explicit
        self.overrides = overrides
        self.cache_dir = cache_dir
        self._scopes: dict[Path | None, Scope] = {}

    def config_for(self, target: Path | None) -> Path | None:
        if self.explicit is not None:
            return self.explicit
        return find_config(target if target is not None else Path.cwd())

    def scope(self, config: Path | None) -> Scope:
        if config not in self._scopes:
            scope = Scope(config_settings(config, self.overrides), config, self.cache_dir)
            scope.check_selectors(self.overrides.selectors())
            self._scopes[config] = scope
        return self._scopes[config]

    def for_path(self, target: Path | None) -> Scope:
        return self.scope(self.config_for(target))

    def run_scope(self, paths: Iterable[str]) -> Scope:
        """The scope that governs the run as a whole (format, gate, cache)."""
        return self.scope(run_config(self.explicit, paths))

    def scopes(self) -> list[Scope]:
        return list(self._scopes.values())
