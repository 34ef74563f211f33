"""The closed set of check types that rules are written in.

Third parties add check types through the ``plancheck.checks`` entry-point
group, exactly as these built-ins are registered (see ``pyproject.toml``).
"""

from __future__ import annotations

from checker.checks.base import Check
from checker.checks.consistency import ConsistencyCheck
from checker.checks.date import DateCheck
from checker.checks.duplicate import DuplicateCheck
from checker.checks.overlap import OverlapCheck
from checker.checks.owner import OwnerCheck
from checker.checks.phrase import PatternCheck, PhraseCheck
from checker.checks.require import RequireCheck
from checker.checks.structure import StructureCheck

BUILTIN: tuple[type[Check], ...] = (
    PhraseCheck,
    PatternCheck,
    RequireCheck,
    OwnerCheck,
    DateCheck,
    ConsistencyCheck,
    OverlapCheck,
    DuplicateCheck,
    StructureCheck,
)


def builtin_check_types() -> dict[str, type[Check]]:
    """Entry point of the built-in check types: type name -> class."""
    return {c.type_name: c for c in BUILTIN}
