"""Hostile input: every case ends in a Document with known properties or one clear InputError.

Each case writes one file into a fresh folder and reads it through
``read_source``, the way the CLI does. An error case lists words its message
must contain; every error message must be one line, start with the file's name,
and never be a library's traceback.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from _pytest.mark import ParameterSet
from readers_kit import PNG, image_only_pdf, paragraphs_docx, plan_document, plan_docx, plan_pdf

from checker.errors import InputError
from checker.readers import Document, load
from checker.readers.load import DEFAULT_MAX_BYTES, discover, read_source

TABLE = "Rec No\tConcern\tAction\tOwner\tTarget\n1\tDamp cells\tFix the roof\tGovernor\tMay 26\n"
UK_TEXT = (
    "Rec No\tConcern\tAction\n"
    "1\tThe £2,000 fund – for family days – was not spent\tSpend it on visits\n"
    "2\tCafé staff ‘left early’\tChange the rota\n"
)
# Typical of a plan saved as "Text (Windows)": curly quotes, en dashes, a pound sign.
WINDOWS_TEXT = (
    "The prison’s “first night” centre was closed – staff were moved to the wings. "
    "The Governor’s team will reopen it by March 2026 and report to the board.\n"
)
DIRECTORY = b"<directory>"


@dataclass(frozen=True)
class Case:
    id: str
    name: str  # the file written (and read) in the test's folder
    content: Callable[[], bytes] | None  # None: nothing is written there
    error: tuple[str, ...] = ()  # words the InputError must contain; () means a Document
    text_has: tuple[str, ...] = ()  # for a Document: pieces its text must contain
    check: Callable[[Document], bool] | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def const(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def no_char(*chars: str) -> Callable[[Document], bool]:
    return lambda doc: not any(char in doc.text for char in chars)


def truncated_docx() -> bytes:
    data = plan_docx()
    return data[: len(data) // 2]


def docx_with_broken_xml() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(plan_docx()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            broken = info.filename == "word/document.xml"
            archive.writestr(info, b"<w:document><w:body" if broken else source.read(info))
    return buffer.getvalue()


def zip_with(files: dict[str, bytes]) -> Callable[[], bytes]:
    def build() -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                archive.writestr(name, data)
        return buffer.getvalue()

    return build


def empty_table_docx() -> bytes:
    return plan_docx(rows=[["", "", ""], ["", "", ""]], header=(" ",))


def billion_laughs() -> bytes:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    return "\n".join(lines).encode()


def many_aliases() -> bytes:
    return ("base: &x 1\nitems:\n" + "".join("  - *x\n" for _ in range(150))).encode()


def schema_break() -> bytes:
    value = plan_document()
    del value["files"][0]["recommendations"][2]["actions"][0]["text"]
    return json.dumps(value).encode()


def two_plans() -> bytes:
    value = plan_document()
    value["files"] = value["files"] * 2
    return json.dumps(value).encode()


def line_count(n: int) -> Callable[[Document], bool]:
    return lambda doc: len(doc.text.rstrip("\n").split("\n")) == n


CASES = [
    # emptiness
    Case("empty-file", "plan.txt", const(b""), error=("is empty",)),
    Case("only-whitespace", "plan.txt", const(b"  \n\t\r\n \f \n"), error=("is empty",)),
    Case("only-nuls", "plan.txt", const(b"\0" * 64), error=("is empty",)),
    Case(
        "utf16-bom-and-spaces",
        "plan.txt",
        const(codecs.BOM_UTF16_LE + " \n \n".encode("utf-16-le")),
        error=("is empty",),
    ),
    Case("empty-docx-name", "plan.docx", const(b""), error=("is empty",)),
    Case("whitespace-markdown", "plan.md", const(b"\n\n   \n"), error=("is empty",)),
    Case("docx-empty-table", "plan.docx", empty_table_docx, error=("is empty",)),
    # not text at all
    Case(
        "binary-junk",
        "plan.txt",
        const(random.Random(7).randbytes(4096)),
        error=("binary", ".docx"),
    ),
    Case("png-as-txt", "plan.txt", const(PNG), error=("binary",)),
    Case("png-unknown-suffix", "scan.png", const(PNG), error=("binary",)),
    Case("png-as-docx", "plan.docx", const(PNG), error=("not a Word .docx", "zip")),
    Case("png-as-csv", "plan.csv", const(PNG), error=("binary",)),
    Case("png-as-json", "plan.json", const(PNG), error=("binary",)),
    # broken Word files
    Case("truncated-docx", "plan.docx", truncated_docx, error=("damaged or truncated",)),
    Case(
        "zip-bomb",
        "plan.docx",
        zip_with({"word/document.xml": bytes(12 << 20)}),
        error=("zip bomb",),
    ),
    Case(
        "zip-not-docx", "plan.docx", zip_with({"notes.txt": b"hi"}), error=("not a Word document",)
    ),
    Case(
        "zip-content-types-only",
        "plan.docx",
        zip_with({"[Content_Types].xml": b"<Types/>"}),
        error=("not a readable Word document",),
    ),
    Case("docx-broken-xml", "plan.docx", docx_with_broken_xml, error=("not a readable Word",)),
    Case(
        "docx-no-table",
        "plan.docx",
        lambda: paragraphs_docx("A plan", "no table"),
        error=("has no table",),
    ),
    # size
    Case(
        "over-size-limit",
        "plan.txt",
        const(TABLE.encode()),
        error=("over the limit", "max-file-size", "--max-file-size"),
        max_bytes=32,
    ),
    Case(
        "one-megabyte-line",
        "plan.txt",
        const(b"word " * 209_716),
        check=lambda doc: doc.text.count("\n") == 0 and len(doc.text) > 1_048_000,
    ),
    # encodings and line ends
    Case(
        "mixed-utf8-and-cp1252",
        "plan.txt",
        const("Café owner: Governor\n".encode() + "£50 budget – agreed\n".encode("cp1252")),
        text_has=("Governor", "50 budget", "agreed"),
        check=line_count(2),
    ),
    Case(
        "utf8-bom",
        "plan.txt",
        const(codecs.BOM_UTF8 + UK_TEXT.encode()),
        check=lambda doc: doc.text == UK_TEXT,
    ),
    Case(
        "utf16-le-bom",
        "plan.txt",
        const(codecs.BOM_UTF16_LE + UK_TEXT.encode("utf-16-le")),
        check=lambda doc: doc.text == UK_TEXT,
    ),
    Case(
        "utf16-be-bom",
        "plan.txt",
        const(codecs.BOM_UTF16_BE + UK_TEXT.encode("utf-16-be")),
        check=lambda doc: doc.text == UK_TEXT,
    ),
    Case(
        "utf16-le-no-bom",
        "plan.txt",
        const(TABLE.encode("utf-16-le")),
        check=lambda doc: doc.text == TABLE,
    ),
    Case(
        "utf32-bom", "plan.txt", const(UK_TEXT.encode("utf-32")), check=lambda d: d.text == UK_TEXT
    ),
    Case(
        "utf8-bom-then-bad-bytes",
        "plan.txt",
        const(codecs.BOM_UTF8 + b"Rec No \xff\xfe\xfa owner"),
        error=("byte-order mark",),
    ),
    Case("cp1252", "plan.txt", const(UK_TEXT.encode("cp1252")), check=lambda d: d.text == UK_TEXT),
    Case(
        "cp1252-ascii-survives",
        "plan.txt",
        const(WINDOWS_TEXT.encode("cp1252")),
        text_has=("The prison", "first night", "by March 2026 and report to the board."),
        check=line_count(1),
    ),
    Case(
        "crlf",
        "plan.txt",
        const(TABLE.replace("\n", "\r\n").encode()),
        check=lambda d: d.text == TABLE,
    ),
    Case(
        "bare-cr",
        "plan.txt",
        const(TABLE.replace("\n", "\r").encode()),
        check=lambda d: d.text == TABLE,
    ),
    Case(
        "form-feeds",
        "plan.txt",
        const(b"Rec No\tConcern\n1\tDamp\fcells\n\f2\tNoise\n"),
        text_has=("Damp cells", " 2\tNoise"),
        check=no_char("\f"),
    ),
    Case(
        "nuls-inside",
        "plan.txt",
        const(b"Rec No\tConcern\n1\tDamp\0cells\n"),
        text_has=("Damp cells",),
        check=no_char("\0"),
    ),
    Case(
        "vertical-tabs",
        "plan.txt",
        const(TABLE.encode() + b"2\tNoisy\vpipes at night\tFix\vthe boiler\tEstates\tJuly 26\n"),
        text_has=("Noisy pipes", "Fix the boiler"),
        check=no_char("\v"),
    ),
    Case("short-vertical-tab", "plan.txt", const(b"1\tDamp\vcells\n"), text_has=("Damp cells",)),
    Case("header-no-rows", "plan.txt", const(TABLE.split("\n")[0].encode()), check=line_count(1)),
    # the wrong kind of file
    Case(
        "old-word-doc",
        "plan.doc",
        const(b"\xd0\xcf\x11\xe0 old word"),
        error=("not supported", ".docx", ".txt"),
    ),
    Case("excel-xlsx-damaged", "plan.xlsx", const(b"PK\x03\x04"), error=("damaged", ".xlsx")),
    Case("excel-xls", "plan.xls", const(b"\xd0\xcf\x11\xe0"), error=("Excel", "not supported")),
    Case("rich-text", "plan.rtf", const(b"{\\rtf1 hello}"), error=("Rich Text", "not supported")),
    # JSON
    Case(
        "bad-json", "plan.json", const(b'{"source": "x.txt",'), error=("not valid JSON", "line 1")
    ),
    Case(
        "json-breaks-schema",
        "plan.json",
        schema_break,
        error=("files[0].recommendations[2].actions[0]: 'text' is a required property",),
    ),
    Case("json-two-plans", "plan.json", two_plans, error=("holds 2 plans", "one file per plan")),
    Case("json-empty-files", "plan.json", const(b'{"files": []}'), error=("no plan",)),
    Case("json-list", "plan.json", const(b"[1, 2]"), error=("holds list, not a plan",)),
    Case(
        "json-empty-object", "plan.json", const(b"{}"), error=("'source' is a required property",)
    ),
    Case(
        "json-huge-integer",
        "plan.json",
        const(b'{"source": ' + b"9" * 5000 + b"}"),
        error=("not valid JSON",),
    ),
    Case(
        "json-deep",
        "plan.json",
        const(b"[" * 100_000 + b"]" * 100_000),
        error=("nested too deeply",),
    ),
    Case(
        "json-utf16",
        "plan.json",
        const(json.dumps({"source": "northfield.txt"}).encode("utf-16")),
        check=lambda doc: doc.plan is not None and doc.plan.source == "northfield.txt",
    ),
    # YAML
    Case(
        "yaml-tab",
        "plan.yaml",
        const(b"source: x.txt\n\theader: {}\n"),
        error=("not valid YAML", "line 2"),
    ),
    Case("yaml-billion-laughs", "plan.yaml", billion_laughs, error=("YAML aliases",)),
    Case("yaml-many-aliases", "plan.yml", many_aliases, error=("more than 100 YAML aliases",)),
    Case("yaml-self-reference", "plan.yaml", const(b"&loop [*loop]"), error=("refers to itself",)),
    Case("yaml-deep", "plan.yaml", const(b"[" * 5000 + b"]" * 5000), error=("nested too deeply",)),
    Case("yaml-only-separator", "plan.yaml", const(b"---\n"), error=("holds nothing, not a plan",)),
    Case("yaml-scalar", "plan.yaml", const(b"just words\n"), error=("holds str, not a plan",)),
    # Markdown, CSV, TSV
    Case(
        "markdown-no-table", "plan.md", const(b"# Plan\n\nProse only.\n"), error=("has no table",)
    ),
    Case("csv-header-only", "plan.csv", const(b"Rec No,Concern,Action\n"), check=line_count(1)),
    Case(
        "tsv-ragged",
        "plan.tsv",
        const(b"A\tB\tC\n1\n2\t3\t4\t5\n"),
        check=lambda doc: doc.text == "A\tB\tC\n1\t\t\n2\t3\t4\t5\n",
    ),
    Case(
        "csv-unclosed-quote",
        "plan.csv",
        const(b'A,B\n1,"never closed\n2,still here\n'),
        text_has=("never closed", "2,still here"),
    ),
    Case("csv-nuls", "plan.csv", const(b"A,B\n1,x\0y\n"), text_has=("x y",), check=no_char("\0")),
    # PDF
    Case(
        "pdf-image-only", "scan.pdf", image_only_pdf, error=("has no text layer", "scanned image")
    ),
    Case("pdf-not-a-pdf", "plan.pdf", const(b"hello, I am text"), error=("not a PDF",)),
    Case("pdf-truncated", "plan.pdf", lambda: plan_pdf()[:700], error=("not a readable PDF",)),
    Case(
        "pdf-header-then-junk",
        "plan.pdf",
        const(b"%PDF-1.7\n" + random.Random(3).randbytes(3000)),
        error=("not a readable PDF",),
    ),
    # paths
    Case("missing-path", "nowhere.txt", None, error=("does not exist",)),
    Case("a-directory", "folder.txt", const(DIRECTORY), error=("is a directory",)),
]


def case_id(case: Case | ParameterSet) -> str:
    return case.id if isinstance(case, Case) else case.values[0].id


@pytest.mark.parametrize("case", CASES, ids=[case_id(case) for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    path = tmp_path / case.name
    if case.content is not None:
        data = case.content()
        if data == DIRECTORY:
            path.mkdir()
        else:
            path.write_bytes(data)
    if case.error:
        with pytest.raises(InputError) as caught:
            read_source(str(path), max_bytes=case.max_bytes)
        message = str(caught.value)
        assert message.startswith(f"{path}: ")
        assert "\n" not in message
        assert "Traceback" not in message
        for words in case.error:
            assert words in message
    else:
        doc = read_source(str(path), max_bytes=case.max_bytes)
        assert doc.source == str(path)
        for piece in case.text_has:
            assert piece in doc.text
        if case.check is not None:
            assert case.check(doc)


def test_there_are_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({case_id(case) for case in CASES}) == len(CASES)


def test_cp1252_text_decodes_exactly(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(WINDOWS_TEXT.encode("cp1252"))
    assert read_source(str(path)).text == WINDOWS_TEXT


def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(TABLE.encode())
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        with pytest.raises(InputError, match="permission denied"):
            read_source(str(path))
    finally:
        path.chmod(0o600)


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path for root, who can read a chmod 000 file: open() itself refuses."""
    path = tmp_path / "locked.txt"
    path.write_bytes(TABLE.encode())

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(load, "open", refuse, raising=False)
    with pytest.raises(InputError) as caught:
        read_source(str(path))
    assert caught.value.message == "permission denied"


def test_folder_with_no_plans(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(PNG)
    files, errors = discover([str(tmp_path)])
    assert files == []
    assert len(errors) == 1
    assert "no plan files" in str(errors[0])


def test_folder_with_unreadable_files_among_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(TABLE.encode())
    (tmp_path / "good.md").write_bytes(b"| a | b |\n|---|---|\n| 1 | 2 |\n")
    (tmp_path / "image.docx").write_bytes(PNG)
    (tmp_path / "blank.csv").write_bytes(b"\n\n")
    locked = tmp_path / "locked.txt"
    locked.write_bytes(TABLE.encode())
    locked.chmod(0)
    try:
        readable = os.access(locked, os.R_OK)  # root reads it all the same
        files, errors = discover([str(tmp_path)])
        assert errors == []
        assert len(files) == 5
        outcomes: dict[str, str] = {}
        for path in files:
            try:
                outcomes[os.path.basename(path)] = read_source(path).reader
            except InputError as exc:
                outcomes[os.path.basename(path)] = "error: " + exc.message
    finally:
        locked.chmod(0o600)
    assert outcomes["good.txt"] == "text"
    assert outcomes["good.md"] == "markdown"
    assert outcomes["image.docx"].startswith("error: is not a Word .docx file")
    assert outcomes["blank.csv"] == "error: is empty"
    assert outcomes["locked.txt"] == ("text" if readable else "error: permission denied")
