"""Read any input into a Document: pick the reader, and turn every failure into one line.

``read_source`` is the one door user input comes through. It checks what the
operating system can tell before reading (missing, a folder, permission, size),
picks the reader by the file's suffix (or by ``kind``), and makes sure that
whatever goes wrong inside a reader or the library under it reaches the user as
an ``InputError`` naming the file, never as a traceback.

``discover`` turns the paths on a command line (files, folders, glob patterns)
into the list of plan files to read.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from checker.errors import InputError, one_line
from checker.readers import Document
from checker.readers.text import read_text

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_LINES = 10_000

Reader = Callable[[bytes, str], Document]

# suffix -> kind; a kind names a reader
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".xlsm": "xlsx",
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".tsv": "tsv",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
}
KINDS: tuple[str, ...] = (
    "text", "docx", "xlsx", "html", "pdf", "markdown", "csv", "tsv", "json", "yaml",
)  # fmt: skip
_KIND_ALIASES = {"txt": "text", "md": "markdown", "yml": "yaml"}

# Formats people do save plans in, which plancheck cannot read: say so instead of
# reading their bytes as text.
_UNSUPPORTED: dict[str, str] = {
    ".doc": "an old Word .doc file",
    ".dot": "an old Word template",
    ".docm": "a macro-enabled Word file",
    ".dotx": "a Word template",
    ".rtf": "a Rich Text file",
    ".odt": "an OpenDocument text file",
    ".xls": "an old Excel .xls workbook",
    ".ods": "an OpenDocument spreadsheet",
    ".ppt": "a PowerPoint file",
    ".pptx": "a PowerPoint file",
    ".pages": "an Apple Pages file",
    ".numbers": "an Apple Numbers file",
    ".zip": "a zip archive",
}
READS = ".txt, .docx, .xlsx, .html, .pdf, .md, .csv, .tsv, .json and .yaml"

_SKIP_DIRS = {".venv", "venv", "node_modules", "__pycache__", ".plancheck_cache"}
_BLANK = b" \t\r\n\f\v\x00"


def read_source(
    source: str,
    data: bytes | None = None,
    *,
    kind: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Document:
    """Read one plan: the file at ``source``, or ``data`` (standard input) named ``source``.

    ``kind`` overrides the reader the suffix would choose. Raises ``InputError``
    with one line for anything that stops the file being read.
    """
    if data is None:
        data = _read_file(source, max_bytes)
    elif len(data) > max_bytes:  # standard input is read only to one byte past the limit
        raise InputError(source, _too_large(None, max_bytes))
    chosen = _kind(source, kind)
    # a name the file system gave as bytes that are not UTF-8 is reported as 'bad\xff.txt'
    source = source.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if not data.strip(_BLANK):
        raise InputError(source, "is empty")
    if chosen == "docx":  # count the rows before python-docx builds them all
        from checker.readers.docx import table_rows

        _check_lines(source, table_rows(data, source), max_lines, "table rows")
    doc = _run(_reader(chosen), data, source, chosen)
    lines = doc.text.count("\n") + (not doc.text.endswith("\n"))
    _check_lines(source, lines, max_lines, "lines")
    if doc.plan is None and not doc.text.strip():
        raise InputError(source, "is empty (it holds no text)")
    return doc


def _kind(source: str, kind: str | None) -> str:
    if kind is not None:
        name = _KIND_ALIASES.get(kind.lower().lstrip("."), kind.lower().lstrip("."))
        if name not in KINDS:
            raise InputError(source, f"unknown input kind {kind!r}; kinds: {', '.join(KINDS)}")
        return name
    if source == "-":
        return "text"
    suffix = Path(source).suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(
            source,
            f"is {_UNSUPPORTED[suffix]} ({suffix}), which is not supported; plancheck reads "
            f"{READS}: save the plan as .docx or .txt",
        )
    return SUFFIXES.get(suffix, "text")


def _read_file(source: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(source)
    except FileNotFoundError:
        if os.path.islink(source):
            raise InputError(source, "is a broken link (its target does not exist)") from None
        raise InputError(source, "does not exist") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except (OSError, ValueError) as exc:
        raise InputError(source, f"cannot be read: {_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(source, "is a directory, not a plan file")
    if info.st_size > max_bytes:
        raise InputError(source, _too_large(info.st_size, max_bytes))
    try:
        with open(source, "rb") as fh:
            # read one byte past the limit: special files report no size
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read: {_reason(exc)}") from None
    if len(data) > max_bytes:
        raise InputError(source, _too_large(None, max_bytes))
    return data


def _check_lines(source: str, count: int, limit: int, what: str) -> None:
    if count > limit:
        raise InputError(
            source,
            f"has {count} {what}, over the limit of {limit} (a plan has a few hundred); "
            "raise it with max-lines in the config or --max-lines",
        )


def _too_large(size: int | None, limit: int) -> str:
    got = "is larger than" if size is None else f"is {_human(size)}, over"
    return (
        f"{got} the limit of {_human(limit)}; raise it with max-file-size "
        "in the config or --max-file-size"
    )


def _human(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB ({size} bytes)"
    if size >= 1024:
        return f"{size / 1024:.1f} KB ({size} bytes)"
    return f"{size} bytes"


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return one_line(str(reason))


def _reader(kind: str) -> Reader:
    # imported on use: a run over .txt files never imports python-docx or PyYAML
    if kind == "docx":
        from checker.readers.docx import read_docx

        return read_docx
    if kind == "html":
        from checker.readers.html import read_html

        return read_html
    if kind == "xlsx":
        from checker.readers.xlsx import read_xlsx

        return read_xlsx
    if kind == "pdf":
        from checker.readers.pdf import read_pdf

        return read_pdf
    if kind == "markdown":
        from checker.readers.markdown import read_markdown

        return read_markdown
    if kind in ("csv", "tsv"):
        from checker.readers.csv import read_csv, read_tsv

        return read_csv if kind == "csv" else read_tsv
    if kind in ("json", "yaml"):
        from checker.readers.structured import read_json, read_yaml

        return read_json if kind == "json" else read_yaml
    return read_text


def _run(reader: Reader, data: bytes, source: str, kind: str) -> Document:
    """Call the reader; any exception from it or its library becomes an InputError."""
    try:
        return reader(data, source)
    except InputError:
        raise
    except RecursionError:
        raise InputError(source, f"is nested too deeply to read as {kind}") from None
    except MemoryError:
        raise InputError(source, f"needs more memory than there is to read as {kind}") from None
    except Exception as exc:  # a library's own error on odd input: one line, never a traceback
        detail = one_line(f"{type(exc).__name__}: {exc}")
        raise InputError(source, f"could not be read as {kind}: {detail}") from None


def discover(paths: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Expand folders and glob patterns into plan files: (unique files, errors).

    Files come in the order they were given; a folder's or a pattern's files in
    sorted order where the folder or pattern stands.

    Files named explicitly are kept whatever their suffix (reading them says
    what is wrong); folders and patterns contribute only files with a suffix
    plancheck reads, skipping hidden folders and tool folders.
    """
    found: dict[str, str] = {}
    errors: list[InputError] = []

    def keep(path: str) -> None:
        found.setdefault(os.path.normpath(path), path)

    for given in paths:
        if given == "-" or os.path.isfile(given):
            keep(given)
        elif os.path.isdir(given):
            files = sorted(_walk(given, errors))
            if not files:
                errors.append(InputError(given, f"is a folder with no plan files ({READS})"))
            for path in files:
                keep(path)
        elif glob.has_magic(given):
            matches = _glob(given, errors)
            if matches is None:
                errors.append(InputError(given, "matches no files"))
            elif not matches:
                errors.append(InputError(given, f"matches no plan files ({READS})"))
            for path in sorted(matches or ()):
                keep(path)
        elif os.path.lexists(given):
            errors.append(InputError(given, "is not a file or folder plancheck can read"))
        else:
            errors.append(InputError(given, "does not exist"))
    return list(found.values()), errors


def _is_plan_name(name: str) -> bool:
    # "~$plan.docx" is the lock file Word leaves beside an open document
    if name.startswith((".", "~$")):
        return False
    return Path(name).suffix.lower() in SUFFIXES


def _walk(folder: str, errors: list[InputError]) -> Iterator[str]:
    def unreadable(exc: OSError) -> None:
        name = exc.filename or folder
        errors.append(InputError(str(name), f"cannot be listed: {_reason(exc)}"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(files):
            if _is_plan_name(name):
                yield os.path.join(root, name)


def _glob(pattern: str, errors: list[InputError]) -> list[str] | None:
    """Plan files a pattern names; None when it matches nothing at all."""
    matches = glob.glob(pattern, recursive=True)
    if not matches:
        return None
    out: list[str] = []
    for match in matches:
        parts = Path(match).parts
        if any(part in _SKIP_DIRS for part in parts[:-1]):
            continue
        if os.path.isdir(match):
            out.extend(_walk(match, errors))
        elif os.path.isfile(match) and _is_plan_name(os.path.basename(match)):
            out.append(match)
    return out
