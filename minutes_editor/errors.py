"""The base of errors about a user's file: a message for a person, and the file it concerns."""

from __future__ import annotations

from pathlib import Path


class UserFileError(Exception):
    """A file could not be used; ``str()`` is the message to show, prefixed by the file's name once known."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.detail = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path.name}: {self.detail}" if self.path else self.detail
