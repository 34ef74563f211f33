"""Plain-text reader: a Word or PDF export saved as .txt, in whatever encoding it came.

Word's "Unicode text" is UTF-16 with a byte-order mark; older machines save
cp1252; most tools write UTF-8, sometimes with a BOM. Line ends may be \\r\\n
or a bare \\r. Form feeds (page breaks) and NULs are kept as spaces so that
every later line and column still points at the same character in the file.
"""

from __future__ import annotations

import codecs
import re

from checker.errors import InputError
from checker.readers import Document
from checker.readers.pipes import untable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Bytes -> (text, encoding name). Never raises on odd bytes: the last resort replaces them.

    Order: a byte-order mark; UTF-16 without one (NULs in every other byte, which
    UTF-8 would accept as text with spaces between the letters); UTF-8; cp1252,
    Word's default code page, when it decodes cleanly; charset-normalizer's guess.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name + " (BOM)"
            except UnicodeDecodeError as exc:
                message = f"starts with a {name} byte-order mark but is not {name}: {exc.reason}"
                raise InputError(source, message) from None
    wide = _utf32_without_bom(data) or _utf16_without_bom(data)
    if wide is not None:
        return wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            line = data[: exc.start].count(b"\n") + 1
            message = (
                f"is UTF-8 text except for byte 0x{data[exc.start]:02x} at offset {exc.start} "
                f"(line {line}), which is not UTF-8; save the file again as UTF-8"
            )
            raise InputError(source, message) from None
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252 (with replacements)"


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(data: bytes) -> bool:
    """Text with UTF-8's multi-byte characters and a stray byte or two that are not:
    decoding all of it as a one-byte code page would garble every such character
    ('£' as 'Â£'), so it is neither, and the reader says so."""
    good = sum(1 for m in _UTF8_SEQUENCE.finditer(data) if _decodes(m.group()))
    if good == 0:
        return False
    bad = len(data.decode("utf-8", errors="replace")) - len(data.decode("utf-8", errors="ignore"))
    return good >= bad


def _decodes(chunk: bytes) -> bool:
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf32_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-32 with no BOM: three NULs in every four bytes of ASCII text."""
    if len(data) < 8 or len(data) % 4:
        return None
    quarter = len(data) // 4
    for name, zero_at in (("utf-32-le", (1, 2, 3)), ("utf-32-be", (0, 1, 2))):
        zeros = sum(data[k::4].count(0) for k in zero_at)
        if zeros > 0.9 * 3 * quarter:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 with no BOM shows as a NUL in every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    for zeros, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if half >= 2 and zeros > 0.7 * half:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def normalise(text: str) -> str:
    """One line end (\\n); page breaks and NULs become spaces so positions stay put."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\f", " ").replace("\x00", " ").replace("\v", " ")


def looks_binary(data: bytes) -> bool:
    """Control bytes other than tab, line ends and form feed in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    boms = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
    if head.startswith(boms):
        return False
    if _utf16_without_bom(head[: len(head) - len(head) % 2]) is not None:
        return False
    bad = sum(1 for b in head if b < 32 and b not in (9, 10, 11, 12, 13, 0))
    return bad > 0.05 * len(head) or head.count(0) > 0.3 * len(head)


def read_text(data: bytes, source: str) -> Document:
    if looks_binary(data):
        kinds = ".txt, .docx, .pdf, .md, .csv, .tsv, .json and .yaml"
        raise InputError(source, f"is not a text file (binary content); plancheck reads {kinds}")
    text, _encoding = decode(data, source)
    body = untable(normalise(text))
    return Document(source=source, reader="text", text=body, pages=page_starts(text))


def page_starts(text: str) -> tuple[int, ...]:
    """The line numbers of the lines a form feed (a page break in a PDF export) begins."""
    out = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.startswith("\f") and number > 1:
            out.append(number)
    return tuple(out)
