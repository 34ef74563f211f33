"""Everything Word shows of a cell is read, whatever XML nodes sit inside its text."""

from __future__ import annotations

import io
import zipfile

from checker.parse import parse_document
from checker.readers.load import read_source
from tests.readers.readers_kit import plan_docx


def _with_xml(data: bytes, old: str, new: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                assert old in text
                body = text.replace(old, new, 1).encode("utf-8")
            dst.writestr(item, body)
    return out.getvalue()


def test_text_after_a_comment_or_instruction_inside_w_t_is_read() -> None:
    data = _with_xml(
        plan_docx(),
        "Recruit six officers.</w:t>",
        "Recruit six<!-- a note --> officers<?pi x?> by May.</w:t>",
    )
    plan = parse_document(read_source("plan.docx", data))
    texts = [a.text for r in plan.recommendations for a in r.actions]
    assert "Recruit six officers by May." in texts


def _lying_sizes(data: bytes, name: str, declared: int) -> bytes:
    """The zip with ``name``'s uncompressed size in both headers set to ``declared``."""
    import struct

    buf = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", buf, info.header_offset + 22, declared)  # local file header
    at = buf.find(b"PK\x01\x02")
    while at != -1:  # central directory entries
        length = struct.unpack_from("<H", buf, at + 28)[0]
        if bytes(buf[at + 46 : at + 46 + length]) == name.encode():
            struct.pack_into("<I", buf, at + 24, declared)
        at = buf.find(b"PK\x01\x02", at + 4)
    return bytes(buf)


def test_a_zip_whose_headers_understate_its_size_is_refused_early() -> None:
    import pytest

    from checker.errors import InputError

    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(plan_docx())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                body += b" " * (300 * 1024 * 1024)  # 300 MB of padding, a few hundred KB packed
            dst.writestr(item.filename, body)
    data = _lying_sizes(out.getvalue(), "word/document.xml", 4096)
    with pytest.raises(InputError, match=r"larger than it says|damaged"):
        read_source("bomb.docx", data)
