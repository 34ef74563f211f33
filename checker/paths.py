"""Where the data that ships with plancheck (rules/, schemas/) is found.

In a wheel they are inside the package (``checker/_data/``); in a source tree or
an editable install they are the top-level folders beside ``checker/``. Shipped
schemas are read here too, so that a reader can validate a plan without
importing the models that generate the other schemas.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TYPE_CHECKING = False  # typing is not imported on the way to a replay
if TYPE_CHECKING:
    from typing import Any

_HERE = Path(__file__).resolve().parent

# the config files plancheck looks for in each folder, nearest first
CONFIG_FILES = ("plancheck.toml", ".plancheck.toml", "pyproject.toml")


def data_dir(name: str) -> Path:
    """The shipped folder ``rules`` or ``schemas``."""
    packaged = _HERE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _HERE.parent / name


SCHEMA_VERSION = "1"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A schema shipped in ``schemas/``."""
    with (data_dir("schemas") / name).open(encoding="utf-8") as fh:
        schema: dict[str, Any] = json.load(fh)
    return schema
