"""Reading one value of a shared Yjs document, trusting nothing: each reader checks it and names its path.

A bad value raises CollabError with the value's path
(``blocks["3fa2c1d07b9e"].level: 7 is not between 1 and 3``); ydoc_read.py
reads the whole document with these.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TypeVar

from pycrdt import Array, Map, Text

from minutes_editor.collab import layout as y
from minutes_editor.collab.errors import CollabError
from minutes_editor.model.report import Change, stamp_in_range

_E = TypeVar("_E", bound=StrEnum)

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?")
MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?([+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?"
)


def at(root: str, key: str) -> str:
    """The path of ``key`` in the root map ``root``."""
    return f"{root}[{json.dumps(key, ensure_ascii=False)}]"


def show(value: object) -> str:
    """A value as an error message shows it: short."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def kind_of(value: object) -> str:
    """What kind of value ``value`` is, in words."""
    names = {Map: "a map", Array: "an array", Text: "a text", dict: "an object", list: "a list", str: "a string"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def expected(path: str, what: str, value: object) -> CollabError:
    """The error saying ``path`` should hold ``what``."""
    return CollabError(path, f"expected {what}, found {kind_of(value)}")


def keys_of(value: dict[str, Any], path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> None:
    """Refuse a map with a key not ``allowed`` or without one ``required``."""
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise CollabError(path, f"{show(unknown[0])} is not part of the layout")
    for key in required:
        if key not in value:
            raise CollabError(f"{path}.{key}", "is missing")


def text(value: object, path: str, limit: int = y.MAX_STRING) -> str:
    """A string of at most ``limit`` bytes."""
    if not isinstance(value, str):
        raise expected(path, "a string", value)
    if len(value) > limit:
        raise CollabError(path, f"{len(value)} characters, more than {limit}")
    return value


def identifier(value: object, path: str) -> str:
    """A non-empty id."""
    written = text(value, path)
    if not written.strip():
        raise CollabError(path, "is empty")
    return written


def boolean(value: object, path: str) -> bool:
    """True or false."""
    if not isinstance(value, bool):
        raise expected(path, "true or false", value)
    return value


def integer(value: object, path: str, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` (Yjs sends numbers as doubles)."""
    # Yjs numbers are doubles: 2 arrives as 2.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise expected(path, "a whole number", value)
    if isinstance(value, float) and not value.is_integer():
        raise CollabError(path, f"{show(value)} is not a whole number")
    if not low <= value <= high:
        raise CollabError(path, f"{show(int(value))} is not between {low} and {high}")
    return int(value)


def enum_value(cls: type[_E], value: object, path: str) -> _E:
    """One of the values of ``cls``."""
    written = text(value, path)
    try:
        return cls(written)
    except ValueError:
        allowed = ", ".join(member.value for member in cls)
        raise CollabError(path, f"{show(written)} is not one of {allowed}") from None


def listed(value: object, path: str) -> list[Any]:
    """A list (a Y array or a JSON list) of at most the layout's limit of items."""
    if isinstance(value, Array):
        if len(value) > y.MAX_LIST:
            raise CollabError(path, f"{len(value)} items, more than {y.MAX_LIST}")
        value = value.to_py() or []
    if not isinstance(value, list):
        raise expected(path, "a list", value)
    if len(value) > y.MAX_LIST:
        raise CollabError(path, f"{len(value)} items, more than {y.MAX_LIST}")
    return value


def moment(value: object, path: str, pattern: re.Pattern[str], parse: Callable[[str], Any]) -> Any:
    """An ISO 8601 value matching ``pattern``, parsed by ``parse``; None for null."""
    if value is None:
        return None
    written = text(value, path)
    if not pattern.fullmatch(written):
        raise CollabError(path, f"{show(written)} is not an ISO 8601 value of the kind expected here")
    try:
        return parse(written)
    except ValueError as error:
        raise CollabError(path, f"{show(written)}: {error}") from None


def date(value: object, path: str) -> dt.date | None:
    """A date, or None."""
    result: dt.date | None = moment(value, path, DATE, dt.date.fromisoformat)
    return result


def time(value: object, path: str) -> dt.time | None:
    """A wall-clock time, or None."""
    result: dt.time | None = moment(value, path, TIME, dt.time.fromisoformat)
    return result


def stamp(value: object, path: str) -> dt.datetime | None:
    """A moment within the years a report may hold, or None."""
    result: dt.datetime | None = moment(value, path, MOMENT, dt.datetime.fromisoformat)
    if result is not None and not stamp_in_range(result):
        raise CollabError(path, f"{show(value)} is outside the years a report can hold")
    return result


def change(value: object, path: str) -> Change:
    """Who proposed a pending change, and when."""
    if not isinstance(value, dict):
        raise expected(path, "a change (author, date, move)", value)
    keys_of(value, path, ("author", "date", "move"), ("author",))
    return Change(
        author=text(value["author"], f"{path}.author"),
        date=stamp(value.get("date"), f"{path}.date"),
        move=text(value.get("move", ""), f"{path}.move"),
    )


def optional_change(value: object, path: str) -> Change | None:
    """A change, or None for null."""
    return None if value is None else change(value, path)


#: A section, session or footnote a reviewer proposed to add or remove whole.
PART_MARKS = ("inserted", "deleted")


def part_marks(values: dict[str, Any], path: str) -> dict[str, Any]:
    """The marks of a section, session or footnote proposed whole, as keyword arguments."""
    return {key: optional_change(values.get(key), f"{path}.{key}") for key in PART_MARKS}
