"""Upgrading older ``.minutes`` files: ``MIGRATIONS[n]`` takes the JSON of format version n to version n + 1.

The loader (storage/minutes_file.py) applies them in turn to a file it has
parsed but not yet validated, then validates the result as the current
version; so a migration reads whatever the file holds and must cope with
anything. It changes only what it understands and leaves the rest for the
validator to name. A ``KeyError``, ``IndexError``, ``TypeError``,
``ValueError`` or ``AttributeError`` it raises is reported as a damaged
file. See docs/file-format.md, "Versioning and migrations". Nothing here
imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

Json = dict[str, Any]

#: Seeds the ids version 1 to 2 derives; never change it, or two copies of one old file migrated by two
#: versions of the program would no longer get the same ids.
_V2_ID_SEED = b"minutes-editor format 1 to 2 id\0"


def version_1_to_2(document: Json) -> Json:
    """Version 2 gives every section, session and body block a stable ``id``: derive them for a version-1 file.

    The ids are 12 hex digits, as ``report.new_id()`` gives, derived from the
    file's content and each part's place in it (``sections[3].blocks[2]``):
    two people migrating the same version-1 file get the same ids, and two
    different files get different ones. Parts that are not objects are left
    for the validator to name.
    """
    report = document.get("report")
    if not isinstance(report, dict):
        return document
    ids = _IdMaker(_content_digest(report))
    for s_index, section in _objects(report.get("sections")):
        where = f"sections[{s_index}]"
        ids.give(section, where)
        _give_blocks(ids, section.get("blocks"), f"{where}.blocks")
        for j, session in _objects(section.get("sessions")):
            ids.give(session, f"{where}.sessions[{j}]")
            _give_blocks(ids, session.get("blocks"), f"{where}.sessions[{j}].blocks")
    return document


def _sha256(data: bytes) -> Any:
    # Imported when first needed: hashlib loads OpenSSL, which the window's first frame does without.
    import hashlib

    return hashlib.sha256(data)


def _content_digest(report: Json) -> bytes:
    # The report's JSON with its keys sorted: the same for any layout of the same content.
    try:
        text = json.dumps(report, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    except (RecursionError, TypeError, ValueError):  # nested too deep to encode: the validator will say why
        text = ""
    digest: bytes = _sha256(text.encode("ascii")).digest()
    return digest


class _IdMaker:
    """Ids from a file's digest and a part's place, each used once in the file."""

    def __init__(self, salt: bytes) -> None:
        self.salt = salt
        self.used: set[str] = set()

    def give(self, part: Json, where: str) -> None:
        if "id" in part:  # version 1 had no ids: leave a stray one for the validator
            if isinstance(part["id"], str):
                self.used.add(part["id"])
            return
        attempt = 0
        while True:
            source = _V2_ID_SEED + self.salt + f"{where}#{attempt}".encode()
            candidate: str = _sha256(source).hexdigest()[:12]
            if candidate not in self.used:
                break
            attempt += 1  # two places whose 48-bit hashes meet: the second takes the next try
        self.used.add(candidate)
        part["id"] = candidate


def _give_blocks(ids: _IdMaker, blocks: object, where: str) -> None:
    for index, block in _objects(blocks):
        ids.give(block, f"{where}[{index}]")


def _objects(value: object) -> list[tuple[int, Json]]:
    # The objects of a list, with their places; anything else has none.
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def version_2_to_3(document: Json) -> Json:
    """Version 3 adds table blocks and action items (block types ``table`` and ``action``): nothing to change.

    A version-2 file holds neither, so its JSON is already that of version 3;
    a block of either type in one is damaged, and the validator says so
    (without its ``table`` or ``action``).
    """
    return document


#: Migrations from version N to N + 1, applied in turn to the file's JSON.
MIGRATIONS: dict[int, Callable[[Json], Json]] = {1: version_1_to_2, 2: version_2_to_3}
