"""Rule packs: folders of YAML rule files, validated, then built into Rule objects.

A rule file is checked twice before use: against ``schemas/rulepack.schema.json``
(jsonschema, so the message names the key path in the file) and then its
``check:`` block against the check type's own strict model. Any error is a
PackError naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from checker.checks.base import Check, Options
from checker.errors import ConfigError, PackError
from checker.paths import data_dir
from checker.rulespec import RuleSpec


def builtin_pack_dir() -> Path:
    """Entry point of the built-in pack (``plancheck.packs``)."""
    return data_dir("rules")


@dataclass(frozen=True)
class Rule:
    """A rule ready to run: its spec, its effective severity and weight, its check."""

    spec: RuleSpec
    check: Check
    path: Path
    severity: str
    weight: float

    @property
    def code(self) -> str:
        return self.spec.code

    @property
    def help_uri(self) -> str:
        """The rule's documentation page: the pack's own ``url``, or for plancheck's own
        rules their page in the repository at this release."""
        if self.spec.url:
            return self.spec.url
        if self.path.resolve().is_relative_to(builtin_pack_dir().resolve()):
            from checker import rule_doc_url

            return rule_doc_url(self.code)
        return ""

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def criterion(self) -> str:
        return self.spec.criterion


def _key_path(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top)"


def load_rule_file(path: Path) -> RuleSpec:
    """One rule file, validated (PackError names the file and the key)."""
    import yaml  # here: a pack read from its compiled store needs no YAML
    from jsonschema import Draft202012Validator

    from checker.paths import load_schema as load

    # libyaml's safe loader is ten times faster than the pure-Python one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PackError(f"{path}: cannot read rule file: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise PackError(f"{path}: a rule file must be a mapping of keys (code, name, check, ...)")
    validator = Draft202012Validator(load("rulepack.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        raise PackError(f"{path}: {_key_path(err.absolute_path)}: {err.message}")
    try:
        return RuleSpec.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - the schema catches these first
        first = exc.errors()[0]
        raise PackError(f"{path}: {_key_path(first['loc'])}: {first['msg']}") from None


def _options_for(
    spec: RuleSpec, options: Mapping[str, Mapping[str, Any]]
) -> tuple[str, Mapping[str, Any]] | None:
    """(the key the config used, its options) for this rule, or None."""
    for key in (spec.code, spec.name, *spec.aliases):
        for given, value in options.items():
            if given.upper() == key.upper():
                return given, value
    return None


def build_check(
    spec: RuleSpec,
    path: Path,
    types: Mapping[str, type[Check]],
    options: tuple[str, Mapping[str, Any]] | None = None,
) -> Check:
    kind = spec.check.get("type")
    if kind not in types:
        known = ", ".join(sorted(types))
        raise PackError(f"{path}: check.type: unknown check type {kind!r} (known: {known})")
    cls = types[str(kind)]
    try:
        params = cls.params_model.model_validate(spec.check)
    except ValidationError as exc:
        # an unknown key is the likeliest cause (a typo), so it is named before a missing one
        first = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        loc, of = list(first["loc"]), f"check type {kind!r}"
        if loc and loc[0] == spec.check.get("kind"):  # a union of kinds puts the kind first
            of = f"kind {loc.pop(0)!r} of {of}"
        key = _key_path(["check", *loc])
        if first["type"] == "extra_forbidden":
            raise PackError(f"{path}: {key}: unknown key for {of}") from None
        raise PackError(f"{path}: {key}: {first['msg']}") from None
    if data_dir("rules").resolve() not in path.resolve().parents:  # a user's pack; ours are tested
        _check_token_patterns(spec.check, path)
    opts = _validate_options(cls, kind, options)
    try:
        return cls(params, opts)
    except Exception as exc:  # a bad pattern or regex in the rule, not a bug of ours
        raise PackError(f"{path}: check: {exc}") from None


def _validate_options(
    cls: type[Check], kind: Any, options: tuple[str, Mapping[str, Any]] | None
) -> Options | None:
    """The config's options for one rule, checked against its check type's options model."""
    if options is None:
        return None
    given, raw = options
    if not isinstance(raw, Mapping):
        raise ConfigError(f"settings: rules.{given}: a table of options, e.g. extend = [...]")
    try:
        return cls.options_model.model_validate(dict(raw))
    except ValidationError as exc:
        first = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")[0]
        key = ".".join(str(p) for p in first["loc"])
        takes = ", ".join(cls.options_model.model_fields) or "no options"
        if first["type"] == "extra_forbidden":
            raise ConfigError(
                f"settings: rules.{given}.{key}: unknown option for a {kind!r} rule "
                f"(it takes: {takes})"
            ) from None
        raise ConfigError(f"settings: rules.{given}.{key}: {first['msg']}") from None


def _check_token_patterns(value: Any, path: Path, where: str = "check") -> None:
    """spaCy token patterns (every ``patterns`` list) checked against spaCy's own schema
    when the pack loads, not found broken on the first plan linted."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "patterns" and isinstance(item, list):
                from checker.spacy_lean import import_spacy

                import_spacy()
                from spacy.schemas import validate_token_pattern

                for i, pattern in enumerate(item):
                    errors = (
                        _yaml_booleans(pattern) or validate_token_pattern(pattern)
                        if isinstance(pattern, list)
                        else ["a pattern is a list of token specs"]
                    )
                    if errors:
                        raise PackError(f"{path}: {where}.patterns[{i}]: {errors[0]}")
            else:
                _check_token_patterns(item, path, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_token_patterns(item, path, f"{where}[{i}]")


def _yaml_booleans(pattern: list[Any]) -> list[str]:
    """Words YAML turned into true/false: unquoted on, off, yes, no in a pattern's lists."""
    for spec in pattern:
        if not isinstance(spec, dict):
            continue
        for attr, value in spec.items():
            if not isinstance(value, dict):
                continue
            values = [
                v for k in ("IN", "NOT_IN") if isinstance(value.get(k), list) for v in value[k]
            ]
            if any(isinstance(v, bool) for v in values):
                return [
                    f"{attr} lists true/false, which is how YAML reads on, off, yes and no "
                    'written without quotes: quote the word ("on")'
                ]
    return []


def rule_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise PackError(f"{folder}: rule pack folder not found")
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_pack(
    folder: Path,
    types: Mapping[str, type[Check]],
    severity: Mapping[str, str] | None = None,
    weights: Mapping[str, float] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Rule]:
    """Every rule of a pack folder, built, each with its options from the config
    (``options`` keyed by code, name or an alias)."""
    from checker.engine import compiled

    files = rule_files(folder)
    try:
        key = compiled.pack_key(
            files, folder, *compiled.settings_parts(severity, weights, options, types)
        )
    except OSError:  # a file that cannot be read: reading the pack says so, with its name
        key = None
    built = compiled.load(key) if key is not None else None
    if isinstance(built, list) and all(isinstance(r, Rule) for r in built):
        return built
    rules = []
    for path in files:
        spec = load_rule_file(path)
        check = build_check(spec, path, types, _options_for(spec, options or {}))
        rules.append(
            Rule(
                spec=spec,
                check=check,
                path=path,
                severity=(severity or {}).get(spec.code, spec.severity),
                weight=float((weights or {}).get(spec.code, spec.weight)),
            )
        )
    if key is not None:
        compiled.store(key, rules)
    return rules
