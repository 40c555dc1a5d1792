"""The errors of co-editing: a shared document that cannot be read as a report, a relay that refuses or is away."""

from __future__ import annotations


class CollabError(ValueError):
    """A shared document cannot be read as a report, or a report cannot be put in one; ``path`` names where.

    ``str()`` is ``"PATH: PROBLEM"``, e.g. ``blocks["3fa2c1d07b9e"].level: 7 is not between 1 and 3``.
    """

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


class EmptyRoomError(CollabError):
    """The shared document holds no report yet (nobody has shared one into the room)."""


class RelayError(Exception):
    """The relay cannot be used: unreachable, refused the connection, or closed it."""


class RelayRefusedError(RelayError):
    """The relay refused the connection: no token, a wrong token, or a token of another room (HTTP 401 or 403)."""
