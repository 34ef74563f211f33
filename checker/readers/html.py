"""HTML reader (.html, .htm): a plan saved as a web page, or published as one.

Text outside tables (the title block) becomes lines; each table's rows become
lines of tab-separated cells, ``colspan`` expanding to empty cells as Word's
gridSpan does; inside a cell, ``<br>``, paragraphs and list items are paragraph
breaks, so bullets and stacked owners read as in Word. Scripts, styles and
comments are not text. ``where`` says "table T, row R" for rows and "block B"
for the rest. Nothing is fetched: entities are not resolved from outside and no
external resource is loaded.
"""

from __future__ import annotations

from typing import Any

from checker.errors import InputError
from checker.readers import PARAGRAPH, Document
from checker.readers.text import decode

_SKIP = {"script", "style", "noscript", "template", "head"}
_BREAKS = {"br", "p", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "header", "section"}
_MAX_SPAN = 50  # a colspan can lie


def read_html(data: bytes, source: str) -> Document:
    from lxml import etree
    from lxml import html as lxml_html

    text, _encoding = decode(data, source)
    if not text.strip():
        raise InputError(source, "is empty")
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"is not readable HTML ({exc})") from None
    lines: list[str] = []
    where: dict[int, str] = {}
    counts = {"table": 0, "block": 0}
    body = root.find("body")
    _walk(body if body is not None else root, lines, where, counts)
    if counts["table"] == 0:
        raise InputError(
            source, "has no table: plancheck reads the response table of an action plan"
        )
    return Document(source=source, reader="html", text="\n".join(lines) + "\n", where=where)


def _walk(element: Any, lines: list[str], where: dict[int, str], counts: dict[str, int]) -> None:
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SKIP or not tag:
            continue
        if tag == "table":
            counts["table"] += 1
            if lines and lines[-1] != "":
                lines.append("")
            for r, tr in enumerate(child.iter("tr"), 1):
                if _inside_nested_table(tr, child):
                    continue
                cells: list[str] = []
                for cell in tr:
                    if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                        continue
                    cells.append(_cell_text(cell))
                    span = _span(cell.get("colspan"))
                    cells.extend([""] * (span - 1))
                if any(c.strip() for c in cells):
                    lines.append("\t".join(cells))
                    where[len(lines)] = f"table {counts['table']}, row {r}"
            lines.append("")
        elif tag in _BLOCKS and child.find(".//table") is None:
            text = " ".join(child.text_content().split())
            if text:
                counts["block"] += 1
                lines.append(text)
                where[len(lines)] = f"block {counts['block']}"
        else:
            _walk(child, lines, where, counts)


def _inside_nested_table(tr: Any, table: Any) -> bool:
    parent = tr.getparent()
    while parent is not None and parent is not table:
        if parent.tag == "table":
            return True
        parent = parent.getparent()
    return False


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), _MAX_SPAN))
    except ValueError:
        return 1


def _cell_text(cell: Any) -> str:
    """The cell's text, paragraphs and line breaks marked, tabs and runs of space folded."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in _BREAKS:
            parts.append(PARAGRAPH)
        if el.text and tag:
            parts.append(el.text)
        for sub in el:
            walk(sub)
            if sub.tail:
                parts.append(sub.tail)
        if tag in _BREAKS:
            parts.append(PARAGRAPH)

    if cell.text:
        parts.append(cell.text)
    for sub in cell:
        walk(sub)
        if sub.tail:
            parts.append(sub.tail)
    paragraphs = [" ".join(p.split()) for p in "".join(parts).split(PARAGRAPH)]
    return PARAGRAPH.join(p for p in paragraphs if p)
