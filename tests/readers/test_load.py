"""read_source (reader choice, standard input, limits) and discover (folders, globs)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from readers_kit import plan_docx

from checker.errors import InputError
from checker.readers.load import DEFAULT_MAX_BYTES, discover, read_source

TEXT = b"Rec No\tConcern\tAction\tOwner\tTarget\n1\tDamp cells\tFix the roof\tGovernor\tMay 26\n"


@pytest.mark.parametrize(
    ("name", "data", "reader"),
    [
        ("plan.txt", TEXT, "text"),
        ("plan.text", TEXT, "text"),
        ("plan.log", TEXT, "text"),
        ("plan", TEXT, "text"),
        ("plan.md", b"| a | b |\n|---|---|\n| 1 | 2 |\n", "markdown"),
        ("plan.markdown", b"| a | b |\n|---|---|\n| 1 | 2 |\n", "markdown"),
        ("plan.csv", b"a,b\n1,2\n", "csv"),
        ("plan.tsv", b"a\tb\n1\t2\n", "tsv"),
        ("plan.yml", b"source: x.txt\n", "yaml"),
        ("plan.json", b'{"source": "x.txt"}', "json"),
    ],
)
def test_reader_is_chosen_by_suffix(tmp_path: Path, name: str, data: bytes, reader: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_source(str(path)).reader == reader


def test_standard_input_without_a_name_is_text() -> None:
    doc = read_source("-", TEXT)
    assert doc.source == "-"
    assert doc.reader == "text"
    assert doc.text == TEXT.decode()


def test_standard_input_with_a_filename_uses_its_suffix() -> None:
    assert read_source("draft.docx", plan_docx()).reader == "docx"


def test_kind_overrides_the_suffix() -> None:
    assert read_source("-", b"a,b\n1,2\n", kind="csv").text == "a\tb\n1\t2\n"
    assert read_source("-", b"| a |\n|---|\n| 1 |\n", kind="md").reader == "markdown"


def test_unknown_kind_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown input kind 'odt'"):
        read_source("-", TEXT, kind="odt")


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT)
    with pytest.raises(InputError, match="max-file-size"):
        read_source(str(path), max_bytes=len(TEXT) - 1)
    assert read_source(str(path), max_bytes=len(TEXT)).text == TEXT.decode()
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_size_limit_applies_to_standard_input() -> None:
    with pytest.raises(InputError, match=r"is larger than the limit of 10 bytes"):
        read_source("-", TEXT, max_bytes=10)


def make_tree(root: Path) -> None:
    for name in [
        "a.txt",
        "b.docx",
        "notes.png",
        "sub/c.md",
        "sub/deeper/d.json",
        ".hidden/e.txt",
        "node_modules/f.txt",
        ".venv/g.txt",
        "__pycache__/h.txt",
        ".plancheck_cache/i.txt",
        "sub/.secret.txt",
        "sub/~$lock.docx",
    ]:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(TEXT)


def test_discover_walks_folders_and_skips_tool_folders(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, errors = discover([str(tmp_path)])
    assert errors == []
    assert [os.path.relpath(f, tmp_path) for f in files] == [
        "a.txt",
        "b.docx",
        os.path.join("sub", "c.md"),
        os.path.join("sub", "deeper", "d.json"),
    ]


def test_discover_keeps_explicit_files_and_removes_duplicates(tmp_path: Path) -> None:
    make_tree(tmp_path)
    png = str(tmp_path / "notes.png")
    a = str(tmp_path / "a.txt")
    files, errors = discover([png, a, str(tmp_path / "." / "a.txt"), "-"])
    assert errors == []
    assert files == [png, a, "-"]  # the order given, a duplicate once


def test_discover_expands_glob_patterns(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files, errors = discover([str(tmp_path / "**" / "*.?d"), str(tmp_path / "*.txt")])
    assert errors == []
    assert [os.path.relpath(f, tmp_path) for f in files] == [os.path.join("sub", "c.md"), "a.txt"]


def test_discover_reports_missing_paths_empty_globs_and_empty_folders(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "p.png").write_bytes(b"x")
    files, errors = discover(
        [
            str(tmp_path / "missing.txt"),
            str(tmp_path / "*.nothing"),
            str(tmp_path / "empty"),
            str(tmp_path / "pictures" / "*"),
        ]
    )
    assert files == []
    messages = [error.message for error in errors]
    assert messages[0] == "does not exist"
    assert messages[1] == "matches no files"
    assert messages[2].startswith("is a folder with no plan files")
    assert messages[3].startswith("matches no plan files")


def test_discover_then_read_good_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(TEXT)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 cut short")
    files, errors = discover([str(tmp_path)])
    assert errors == []
    read, failed = [], []
    for path in files:
        try:
            read.append(read_source(path).source)
        except InputError as exc:
            failed.append(os.path.basename(exc.source))
    assert read == [str(tmp_path / "good.txt")]
    assert failed == ["broken.docx", "empty.txt"]
