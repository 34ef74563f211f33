"""Errors that end a run with exit code 2 and one clear line."""

from __future__ import annotations


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
