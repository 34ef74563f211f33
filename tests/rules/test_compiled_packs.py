"""Rule packs compiled once: a second load reads the stored rules, any change of a rule file
reads the pack anew, and a store that is not ours is never unpickled."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.cache_keys import build_folder
from checker.engine import packs
from checker.engine.packs import builtin_pack_dir, load_pack
from checker.engine.registry import check_types
from checker.errors import PackError


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(builtin_pack_dir(), folder)
    return folder


def _refuse(path: Path) -> None:
    raise AssertionError(f"{path} was read from its YAML")


def test_second_load_reads_no_yaml(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_pack(pack, check_types())
    monkeypatch.setattr(packs, "load_rule_file", _refuse)
    second = load_pack(pack, check_types())
    assert [(r.code, r.spec, r.severity, r.weight) for r in second] == [
        (r.code, r.spec, r.severity, r.weight) for r in first
    ]
    assert [type(r.check) for r in second] == [type(r.check) for r in first]


def test_an_edited_rule_file_is_read_again(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_pack(pack, check_types())
    path = sorted(pack.rglob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
    with pytest.raises(PackError, match="cannot read rule file"):
        load_pack(pack, check_types())


def test_settings_are_part_of_the_key(pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = load_pack(pack, check_types())
    code = rules[0].code
    again = load_pack(pack, check_types(), severity={code: "info"})
    assert next(r for r in again if r.code == code).severity == "info"


def test_a_store_not_signed_by_this_machine_is_not_loaded(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_pack(pack, check_types())
    stored = sorted(build_folder().glob("pack-*.pickle"))
    assert stored
    for path in stored:
        data = path.read_bytes()
        path.write_bytes(bytes(32) + data[32:])  # the pickle kept, the signature not
    calls: list[Path] = []
    real = packs.load_rule_file
    monkeypatch.setattr(packs, "load_rule_file", lambda p: calls.append(p) or real(p))
    load_pack(pack, check_types())
    assert calls  # read from the YAML again


def test_an_unwritable_build_folder_is_no_error(
    pack: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_pack(pack, check_types())
