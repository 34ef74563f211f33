"""Where the data that ships with plancheck (rules/, schemas/) is found.

In a wheel they are inside the package (``checker/_data/``); in a source tree or
an editable install they are the top-level folders beside ``checker/``.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The shipped folder ``rules`` or ``schemas``."""
    packaged = _HERE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _HERE.parent / name
