"""Errors that end a run with exit code 2 and one clear line."""

from __future__ import annotations

import re

# C0 and C1 control characters and DEL: never printed raw (they can clear a screen,
# hide words or forge a CI log line); white space folds to one space.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def one_line(text: str, limit: int = 300) -> str:
    """A message fit for one line of a terminal or CI log: control characters shown as
    ``\\x1b``, white space (line ends included) folded, and kept short."""
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")  # a name's stray bytes
    text = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


class PlancheckError(Exception):
    """Base of the errors plancheck reports to the user as one line."""


class InputError(PlancheckError):
    """The input could not be read: missing, unreadable, the wrong kind, too large."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.message = message


class ConfigError(PlancheckError):
    """A configuration file or option is wrong; the message names the key."""


class PackError(PlancheckError):
    """A rule pack is invalid; the message names the file and the key."""
