"""Word (.docx) reader: the response table as lines of tab-separated cells.

Each table row becomes one line. A cell merged across columns (w:gridSpan)
gives its text once and empty strings for the columns it covers, and a cell
merged down from the row above (w:vMerge continue) is empty, so every line of a
table keeps the table's column count. The paragraphs of a cell are joined with
``PARAGRAPH`` (one character, white space to the parser); a numbered or
bulleted paragraph (w:numPr, on the paragraph or its style) gets the number
Word would show ("1. ", counted per cell, list and level) or "• ". Tabs and
line breaks inside a cell become spaces.

Paragraphs outside tables (the header block before the first table, headings
between tables) are lines of their own with a blank line between them. Text is
taken from every w:t of a paragraph, so runs inside hyperlinks, content
controls, fields and tracked insertions are not lost. Page headers, footers,
footnotes and comments are not part of the plan and are not read.

The zip is checked before python-docx opens it, so a damaged file, another
file renamed .docx, or a zip bomb is refused with one line.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from checker.errors import InputError
from checker.readers import PARAGRAPH, Document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W = _W  # the WordprocessingML namespace, for annotate.py
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 100
RATIO_FLOOR = 10 * 1024 * 1024

# Elements whose text Word does not show as the paragraph's text.
_SKIP = {
    _W + "pPr",
    _W + "rPr",
    _W + "instrText",
    _W + "delText",
    _W + "del",
    _W + "moveFrom",
    _MC_FALLBACK,
}
_BLANKS = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ", "\x00": " "})

Element = Any  # an lxml element; lxml ships no type stubs
Counters = dict[tuple[str, int], int]  # (numId, level) -> the last number shown


def read_docx(data: bytes, source: str) -> Document:
    """Read a .docx: header paragraphs, then every table row as a tab-separated line."""
    check_zip(data, source)
    document = _open(data, source)
    numbering = _Numbering(document)
    body_counters: Counters = {}
    out = _Lines()
    tables = 0
    paragraphs = 0
    for block in _blocks(document.element.body):
        if block.tag == _W + "p":
            paragraphs += 1
            text = numbering.paragraph_text(block, body_counters)
            if text.strip():
                out.paragraph(text.strip(), f"paragraph {paragraphs}")
        else:
            tables += 1
            out.table(_rows(block, numbering), f"table {tables}")
    if tables == 0:
        raise InputError(
            source, "has no table: plancheck reads the response table of an action plan"
        )
    return Document(
        source=source,
        reader="docx",
        text=out.text(),
        where=out.where,
        comments=_comments(document),
    )


def _comments(document: Any) -> tuple[tuple[str, str, str], ...]:
    """Word comments anchored in a table row: ('table T, row R', text, author)."""
    try:
        by_id = {str(c.comment_id): c for c in document.comments}
    except Exception:  # no comments part, or one python-docx cannot read: no comments
        return ()
    if not by_id:
        return ()
    out = []
    for t, table in enumerate(body_tables(document), 1):
        for r, (tr, _slots) in enumerate(row_slots(table), 1):
            for start in tr.iter(_W + "commentRangeStart"):
                comment = by_id.get(str(start.get(_W + "id")))
                if comment is not None:
                    text = " ".join((comment.text or "").split())
                    out.append((f"table {t}, row {r}", text, comment.author or ""))
    return tuple(out)


def check_zip(data: bytes, source: str, suffix: str = ".docx", kind: str = "Word") -> None:
    """Refuse what is not a whole zip, or would unpack to far more than it weighs.

    Shared by the readers of zipped Office files (.docx, .xlsx): ``suffix`` and
    ``kind`` only change the words of the messages."""
    stream = io.BytesIO(data)
    if not zipfile.is_zipfile(stream):
        if data.startswith(b"PK\x03\x04"):
            raise InputError(source, f"is a damaged or truncated {suffix} (the zip is incomplete)")
        old = "an old .doc" if suffix == ".docx" else "an old .xls"
        raise InputError(
            source,
            f"is not a {kind} {suffix} file (it is not a zip archive: {old}, "
            f"or another kind of file renamed {suffix}?)",
        )
    try:
        with zipfile.ZipFile(stream) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise InputError(source, f"is a damaged or truncated {suffix} ({exc})") from None
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED or (total > RATIO_FLOOR and total > MAX_RATIO * len(data)):
        raise InputError(
            source,
            f"would unpack to {total // (1024 * 1024)} MB from {len(data)} bytes "
            "(a zip bomb?); refusing to open it",
        )
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise InputError(source, f"is a zip archive but not a {kind} document")
    _unpacks_as_declared(stream, infos, source)


def table_rows(data: bytes, source: str) -> int:
    """How many table rows the document holds, counted in its XML before it is parsed."""
    check_zip(data, source)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            body = archive.read("word/document.xml")
        except KeyError:
            return 0
    return body.count(b"<w:tr>") + body.count(b"<w:tr ")


def _unpacks_as_declared(stream: io.BytesIO, infos: list[zipfile.ZipInfo], source: str) -> None:
    """Unpack every member once, counting: headers can lie about sizes, so the sizes
    they declare (checked above) are not enough to stop a zip bomb."""
    total = 0
    try:
        with zipfile.ZipFile(stream) as archive:
            for info in infos:
                got = 0
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        got += len(chunk)
                        total += len(chunk)
                        if got > info.file_size or total > MAX_UNCOMPRESSED:
                            raise InputError(
                                source,
                                f"unpacks to more than its zip headers declare ({info.filename} "
                                "is larger than it says: a zip bomb?); refusing to open it",
                            )
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError) as exc:
        detail = " ".join(str(exc).split())[:200]
        raise InputError(source, f"is a damaged zip archive ({detail})") from None


def _open(data: bytes, source: str) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except (RecursionError, MemoryError):
        raise
    except Exception as exc:  # python-docx lets KeyError, lxml and zip errors through
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        raise InputError(source, f"is not a readable Word document ({detail})") from None


class _Lines:
    """Output lines and where each came from; blank lines part paragraphs and tables."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.where: dict[int, str] = {}
        self._last = ""

    def _add(self, line: str, where: str) -> None:
        self.lines.append(line)
        self.where[len(self.lines)] = where

    def paragraph(self, text: str, where: str) -> None:
        if self.lines:
            self.lines.append("")
        self._add(text, where)
        self._last = "paragraph"

    def table(self, rows: Iterator[tuple[int, list[str]]], where: str) -> None:
        # consecutive tables run on (a plan split over pages); after a paragraph, a blank line
        if self.lines and self._last == "paragraph":
            self.lines.append("")
        for number, cells in rows:
            if any(cell.strip() for cell in cells):
                self._add("\t".join(cells), f"{where}, row {number}")
        self._last = "table"

    def text(self) -> str:
        return "\n".join(self.lines) + "\n" if self.lines else ""


def _blocks(container: Element) -> Iterator[Element]:
    """Paragraphs and tables in order, looking inside content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag in (_W + "p", _W + "tbl"):
            yield child
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _blocks(child)


def _rows(table: Element, numbering: _Numbering) -> Iterator[tuple[int, list[str]]]:
    for number, (_tr, slots) in enumerate(row_slots(table), 1):
        cells = ["" if tc is None or _continues(tc) else _cell_text(tc, numbering) for tc in slots]
        yield number, cells


def row_slots(table: Element) -> Iterator[tuple[Element, list[Element | None]]]:
    """Each row and its cells as the reader lays them out, one slot per grid column: a
    w:tc where a cell starts, None for gridBefore / gridAfter and the rest of a gridSpan.
    (Annotating a draft walks the same slots back from a line's column to its cell.)"""
    for tr in _children(table, "tr"):
        row_props = _first(tr, "trPr")
        slots: list[Element | None] = [None] * _count(row_props, "gridBefore", 0)
        for tc in _children(tr, "tc"):
            span = _count(_first(tc, "tcPr"), "gridSpan", 1)
            slots.append(tc)
            slots.extend([None] * (max(span, 1) - 1))
        slots.extend([None] * _count(row_props, "gridAfter", 0))
        yield tr, slots


def body_tables(document: Any) -> list[Element]:
    """The document's tables in the reader's order (w:tbl elements)."""
    return [b for b in _blocks(document.element.body) if b.tag == _W + "tbl"]


def row_texts(document: Any, table: Element) -> list[list[str]]:
    """The cell texts of each row exactly as the reader writes them."""
    numbering = _Numbering(document)
    return [cells for _number, cells in _rows(table, numbering)]


def _children(element: Element, name: str) -> Iterator[Element]:
    """Children named w:NAME, looking through content controls and custom XML."""
    for child in element:
        if child.tag == _W + name:
            yield child
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            yield from _children(child, name)


def _first(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return element.find(_W + name)


def _val(element: Element | None) -> str | None:
    if element is None:
        return None
    value = element.get(_W + "val")
    return None if value is None else str(value)


def _count(props: Element | None, name: str, default: int) -> int:
    """A grid count (w:gridBefore, w:gridAfter, w:gridSpan); capped, since a file can lie."""
    value = _val(_first(props, name))
    try:
        return max(0, min(int(value), 64)) if value is not None else default
    except ValueError:
        return default


def _continues(tc: Element) -> bool:
    """A cell merged down from the one above, or (old Word) across from the one before."""
    props = _first(tc, "tcPr")
    vmerge = _first(props, "vMerge")
    if vmerge is not None and _val(vmerge) in (None, "continue"):
        return True
    hmerge = _first(props, "hMerge")
    return hmerge is not None and _val(hmerge) in (None, "continue")


def _cell_text(tc: Element, numbering: _Numbering) -> str:
    counters: Counters = {}
    parts: list[str] = []
    for block in _blocks(tc):
        if block.tag == _W + "p":
            parts.append(numbering.paragraph_text(block, counters))
        else:  # a table inside the cell: its cells in reading order
            for _number, cells in _rows(block, numbering):
                parts.extend(cells)
    return PARAGRAPH.join(part for part in (p.strip() for p in parts) if part)


def _plain_text(p: Element) -> str:
    """What Word shows of a paragraph, tabs and breaks as spaces."""
    parts: list[str] = []

    def walk(element: Element, top: bool) -> None:
        tag = element.tag
        if not isinstance(tag, str) or tag in _SKIP:
            return
        if tag == _W + "t":
            # text after an XML comment, processing instruction or entity inside w:t is
            # that node's tail: Word shows it, so it is read
            parts.append("".join([element.text or "", *(c.tail or "" for c in element)]))
            return
        if tag in (_W + "tab", _W + "ptab", _W + "br", _W + "cr"):
            parts.append(" ")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "p" and not top:  # a paragraph in a text box inside this one
            parts.append(" ")
        for child in element:
            walk(child, False)

    walk(p, True)
    return "".join(parts).translate(_BLANKS)


_ROMAN: tuple[tuple[int, str], ...] = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _label(fmt: str, n: int) -> str:
    """The marker Word shows for the n-th item of a list in format fmt."""
    if fmt == "bullet":
        return "• "
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter") and n >= 1:
        letters = ""
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return (letters.upper() if fmt == "upperLetter" else letters) + ". "
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        roman = ""
        for value, digits in _ROMAN:
            while n >= value:
                roman, n = roman + digits, n - value
        return (roman.upper() if fmt == "upperRoman" else roman) + ". "
    return f"{n}. "


class _Numbering:
    """Resolves a paragraph's list membership to the marker Word would show."""

    def __init__(self, document: Any) -> None:
        self._styles = _styles_element(document)
        self._numbering = _numbering_element(document)

    def paragraph_text(self, p: Element, counters: Counters) -> str:
        """The paragraph's text, with the list marker Word shows before it (if any)."""
        text = _plain_text(p)
        found = self._list_of(p)
        if found is None:
            return text
        num_id, level = found
        fmt, start = self._level_format(num_id, level)
        for key in [k for k in counters if k[0] == num_id and k[1] > level]:
            del counters[key]  # a higher-level item restarts the levels below it
        n = counters.get((num_id, level), start - 1) + 1
        counters[(num_id, level)] = n
        if not text.strip():
            return text
        return _label(fmt, n) + text.lstrip()

    def _list_of(self, p: Element) -> tuple[str, int] | None:
        """(numId, level) of a numbered paragraph, from its own numPr or its style's."""
        props = _first(p, "pPr")
        num_id, level = _num_pr(_first(props, "numPr"))
        style_id = _val(_first(props, "pStyle"))
        for _depth in range(10):
            if num_id is not None or style_id is None or self._styles is None:
                break
            style = _style(self._styles, style_id)
            if style is None:
                break
            style_props = _first(style, "pPr")
            style_num, style_level = _num_pr(_first(style_props, "numPr"))
            num_id = style_num
            level = level if level is not None else style_level
            style_id = _val(_first(style, "basedOn"))
        if num_id is None or num_id == "0":
            return None
        return num_id, level or 0

    def _level_format(self, num_id: str, level: int) -> tuple[str, int]:
        """(numFmt, start) of a list level; decimal from 1 when Word's definitions are missing."""
        if self._numbering is None:
            return "decimal", 1
        nums = _children(self._numbering, "num")
        num = next((n for n in nums if _id(n, "numId") == num_id), None)
        abstract_id = _val(_first(num, "abstractNumId"))
        start_override = None
        for override in _children(num, "lvlOverride") if num is not None else ():
            if _id(override, "ilvl") == str(level):
                start_override = _val(_first(override, "startOverride"))
        abstract = next(
            (
                a
                for a in _children(self._numbering, "abstractNum")
                if _id(a, "abstractNumId") == abstract_id
            ),
            None,
        )
        lvl = None
        if abstract is not None:
            levels = _children(abstract, "lvl")
            lvl = next((x for x in levels if _id(x, "ilvl") == str(level)), None)
        fmt = _val(_first(lvl, "numFmt")) or "decimal"
        start = start_override or _val(_first(lvl, "start")) or "1"
        try:
            return fmt, int(start)
        except ValueError:
            return fmt, 1


def _num_pr(num_pr: Element | None) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num_id = _val(_first(num_pr, "numId"))
    level = _val(_first(num_pr, "ilvl"))
    try:
        return num_id, None if level is None else max(0, min(int(level), 8))
    except ValueError:
        return num_id, 0


def _id(element: Element, attribute: str) -> str | None:
    value = element.get(_W + attribute)
    return None if value is None else str(value)


def _style(styles: Element, style_id: str) -> Element | None:
    return next((s for s in _children(styles, "style") if _id(s, "styleId") == style_id), None)


def _styles_element(document: Any) -> Element | None:
    try:
        return document.styles.element
    except (KeyError, ValueError, AttributeError):
        return None


def _numbering_element(document: Any) -> Element | None:
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except (KeyError, ValueError):
        return None
    return getattr(part, "element", None)
