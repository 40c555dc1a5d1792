"""JSON as the format says it, not as Python's json module allows: each key once in an object.

Python's json keeps the last of two equal keys without a word, so a file
giving ``"sections"`` twice would open with half its report gone. Every JSON
file of ours that a person may have edited (a report, a recovery snapshot,
journal and sidecar, a language preset) is parsed with
``refuse_duplicate_keys`` as ``object_pairs_hook``. No Qt here.
"""

from __future__ import annotations

from typing import Any


class DuplicateKeyError(ValueError):
    """An object of the JSON text gives ``key`` more than once."""

    def __init__(self, key: str) -> None:
        super().__init__(f"the key {key!r} appears twice in one object")
        self.key = key


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The object of ``pairs`` (json's ``object_pairs_hook``); raise DuplicateKeyError when a key repeats."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return result
