"""Readers: one module per input kind, each turning a file into a Document.

A Document is what the parser reads: the response table as lines of
tab-separated cells (the shape a Word or PDF text export has), with, for inputs
that are not plain text, the native location of each line (``where``). Readers
of structured inputs (JSON, YAML) give a ready Plan instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from checker.models import Plan

# A paragraph break inside a table cell, for readers that know where one is (Word).
# The parser reads it as a space, except that a cell whose paragraphs line up one
# to one with the bulleted steps beside it gives each step its own line (stacked
# owners and targets). It is white space to ``str.split`` and ``re``'s ``\\s``.
PARAGRAPH = "\u2029"


@dataclass(frozen=True)
class Document:
    source: str
    reader: str
    text: str = ""
    where: Mapping[int, str] = field(default_factory=dict)
    plan: Plan | None = None
    # line numbers (1-based) where a new page begins: a text export's form feeds
    pages: tuple[int, ...] = ()
    # comments in the document (Word): (where, text, author), where as in ``where``
    comments: tuple[tuple[str, str, str], ...] = ()
