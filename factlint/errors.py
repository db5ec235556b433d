"""Errors the user can act on. The CLI prints them on one line and exits with status 2."""

from __future__ import annotations

from factlint.printable import printable


class FactlintError(Exception):
    """An error caused by the user's input, rules or configuration, never a bug in factlint.

    `location` is what the user opens to fix it: `path`, `path:line` or `path:line:column`.
    """

    def __init__(self, message: str, location: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        # One line whatever a file name holds: control characters are escaped.
        text = f"{self.location}: {self.message}" if self.location else self.message
        return printable(text)


class InputError(FactlintError):
    """A document could not be read; the other documents are still linted."""


class RuleFileError(FactlintError):
    """A rule file is malformed; reported before any document is read."""


class ConfigError(FactlintError):
    """The configuration file or command-line options are invalid."""
