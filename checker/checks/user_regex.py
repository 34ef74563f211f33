"""Regular expressions written in rule packs: checked when the pack loads, bounded when run.

A pack is chosen by the nearest config file, so a pull request can bring one in;
a pattern such as ``(a+)+$`` must not hang a CI job. Patterns are compiled with the
``regex`` module (the standard ``re`` has no time limit) when the rule loads, so a
bad one is a pack error with exit code 2, and every match runs under a time limit:
one that trips ends the run with an error naming the rule and its file.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any

import regex
from pydantic import AfterValidator

from checker.errors import PlancheckError

TIMEOUT = 0.5  # seconds per match; a sane pattern takes microseconds on a cell


class PatternTimeout(PlancheckError):
    """A pack's pattern took longer than TIMEOUT (the engine names the rule)."""


class UserPattern:
    """One pattern from a pack, case-insensitive, with bounded search and fullmatch."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: Any = None

    def compiled(self) -> Any:
        """Compiled on first use: a rule pack read from its compiled store holds many
        patterns a run may never reach."""
        if self._compiled is None:
            try:
                self._compiled = regex.compile(self.source, regex.IGNORECASE | regex.VERSION0)
            except regex.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
        return self._compiled

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (user_pattern, (self.source,))

    def search(self, text: str, pos: int = 0) -> Any:
        return self._bounded(lambda: self.compiled().search(text, pos, timeout=TIMEOUT), text)

    def fullmatch(self, text: str) -> Any:
        return self._bounded(lambda: self.compiled().fullmatch(text, timeout=TIMEOUT), text)

    def finditer(self, text: str) -> list[Any]:
        found: list[Any] = self._bounded(
            lambda: list(self.compiled().finditer(text, timeout=TIMEOUT)), text
        )
        return found

    def _bounded(self, run: Any, text: str) -> Any:
        try:
            return run()
        except TimeoutError:
            raise PatternTimeout(
                f"the pattern {self.source!r} took over {TIMEOUT} s on a text of "
                f"{len(text)} characters (catastrophic backtracking?); simplify it"
            ) from None


@lru_cache(maxsize=4096)
def user_pattern(source: str) -> UserPattern:
    """The compiled pattern (compiled once per process)."""
    return UserPattern(source)


def _valid(source: str) -> str:
    user_pattern(source).compiled()  # raises ValueError, which the pack loader reports with the key
    return source


# A parameter that holds a regular expression: validated when the rule loads.
Pattern = Annotated[str, AfterValidator(_valid)]
