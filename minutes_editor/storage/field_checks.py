"""The .minutes loader's errors and its checks of one value, each naming the field's path when it refuses it.

``_str``, ``_int``, ``_date``... read one JSON value as the format allows it
or raise ``InvalidFieldError`` (``sections[3].blocks[2].level: 7 is not
between 1 and 3``); minutes_file.py reads the report and block_fields.py
its bodies with them. See docs/file-format.md. Nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any, TypeVar

from minutes_editor.errors import UserFileError
from minutes_editor.model.language import MAX_TAG_LENGTH, is_language_tag
from minutes_editor.model.report import (
    EARLIEST_STAMP,
    LATEST_STAMP,
    ActionStatus,
    BlockKind,
    SectionKind,
    stamp_in_range,
)
from minutes_editor.phrases import Phrase, Value
from minutes_editor.storage import messages as m

Json = dict[str, Any]


class ReportFileError(UserFileError, ValueError):
    """A .minutes file could not be read; ``str()`` is the message for the user (its English, see errors.py)."""

    @classmethod
    def of(cls, template: str, path: Path | None = None, **values: Value) -> ReportFileError:
        """The error saying ``template`` (from storage/messages.py) filled with ``values``."""
        return cls(Phrase(template, values), path)


class NewerVersionError(ReportFileError):
    """The file was written by a newer Minutes Editor than this one."""


class InvalidFieldError(ReportFileError):
    """A field holds a value the format does not allow."""

    def __init__(self, field: str, problem: str | Phrase) -> None:
        self.field = field
        said = problem if isinstance(problem, Phrase) else Phrase(problem)
        #: The problem in English, without the field.
        self.problem = str(said)
        super().__init__(Phrase.of(m.AT_FIELD, field=field, problem=said))
        # Lets the error be pickled (e.g. back from a worker process).
        self.args = (field, said)

    @classmethod
    def at(cls, field: str, template: str, **values: Value) -> InvalidFieldError:
        """The error saying ``field`` has the problem ``template`` (storage/messages.py) filled with ``values``."""
        return cls(field, Phrase(template, values))


# ------------------------------------------------------- field validators


def _show(value: object) -> Value:
    # Shows a bad value in a message: short, and never recursing into a
    # nested value (a hostile file can nest lists a thousand deep). A value is
    # quoted as written; what cannot be is named by its kind, in words the window translates.
    if isinstance(value, str):
        text = repr(value)
    elif value is None or isinstance(value, bool):
        text = json.dumps(value)
    elif isinstance(value, int):
        # str() of a huge int is slow, and refused past 4,300 digits.
        if abs(value) >= 10**60:
            return Phrase(m.A_HUGE_NUMBER)
        text = str(value)
    elif isinstance(value, float):
        text = repr(value)
    else:
        return _type_name(value)
    return text if len(text) <= 40 else text[:37] + "..."


_KINDS = {
    dict: Phrase(m.AN_OBJECT),
    list: Phrase(m.A_LIST),
    str: Phrase(m.TEXT),
    bool: Phrase(m.TRUE_OR_FALSE),
    int: Phrase(m.A_NUMBER),
    float: Phrase(m.A_NUMBER),
}


def _type_name(value: object) -> Value:
    # "null" is JSON's own word; a type JSON cannot give (none today) is named as Python names it.
    return "null" if value is None else _KINDS.get(type(value), type(value).__name__)


def _keys(value: object, path: str, *, required: AbstractSet[str], optional: AbstractSet[str]) -> Json:
    if not isinstance(value, dict):
        raise InvalidFieldError.at(path or "file", m.EXPECTED_OBJECT, found=_type_name(value))
    for key in sorted(required):
        if key not in value:
            raise InvalidFieldError.at(_join(path, key), m.IS_MISSING)
    for key in value:
        if key not in required and key not in optional:
            name = key if key.isidentifier() else str(_show(key))  # a hostile key may hold newlines or be huge
            raise InvalidFieldError.at(_join(path, name), m.NOT_A_FIELD)
    return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _items(value: object, path: str) -> list[tuple[int, Any]]:
    if not isinstance(value, list):
        raise InvalidFieldError.at(path, m.EXPECTED_LIST, found=_type_name(value))
    return list(enumerate(value))


#: Half of a UTF-16 surrogate pair on its own: JSON can escape it ("\\ud800")
#: but it is not a character, and UTF-8 cannot encode it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidFieldError.at(path, m.EXPECTED_TEXT, found=_type_name(value))
    if not value.isascii():
        found = _LONE_SURROGATE.search(value)
        if found:
            code = f"\\u{ord(found.group()):04x}"
            raise InvalidFieldError.at(path, m.LONE_SURROGATE, code=code, position=found.start())
    return value


def _bool(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidFieldError.at(path, m.EXPECTED_BOOL, found=_show(value))
    return value


def _int(value: object, path: str, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidFieldError.at(path, m.EXPECTED_WHOLE_NUMBER, found=_show(value))
    if not low <= value <= high:
        raise InvalidFieldError.at(path, m.NOT_BETWEEN, value=_show(value), low=low, high=high)
    return value


_E = TypeVar("_E", BlockKind, SectionKind, ActionStatus)


def _enum(cls: type[_E], value: object, path: str) -> _E:
    # Called for every block: look the value up, build the message only on failure.
    members: dict[str, _E] | None = _MEMBERS.get(cls)
    if members is None:
        members = _MEMBERS[cls] = {member.value: member for member in cls}
    if isinstance(value, str) and value in members:
        return members[value]
    raise InvalidFieldError.at(path, m.NOT_ONE_OF, value=_show(value), choices=", ".join(members))


_MEMBERS: dict[type[Any], dict[str, Any]] = {}


#: What an id of a section, session, block or comment may be (report.new_id() gives 12 hex digits).
_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def _id(value: object, path: str) -> str:
    if isinstance(value, str) and _ID.fullmatch(value):
        return value
    text = _str(value, path)
    raise InvalidFieldError.at(path, m.NOT_AN_ID, value=_show(text))


def _identifier(value: object, path: str) -> str:
    text = _str(value, path)
    if not text.strip():
        raise InvalidFieldError.at(path, m.IS_EMPTY)
    return text


def _language(value: object, path: str) -> str:
    # Well-formed BCP 47 (model/language.py), bounded: the tag picks a preset, names Word's language, and
    # must never be a name too long for anything that uses it.
    text = _str(value, path)
    if len(text) > MAX_TAG_LENGTH:
        raise InvalidFieldError.at(path, m.TAG_TOO_LONG, length=len(text), limit=MAX_TAG_LENGTH)
    if not is_language_tag(text):
        raise InvalidFieldError.at(path, m.NOT_A_LANGUAGE, value=_show(value))
    return text


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{6})?)?"
    r"(Z|[+-][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?"
)


def _date(value: object, path: str) -> dt.date | None:
    # Only the one form the format writes: Python's fromisoformat alone would
    # also take week dates and the basic form (20211014).
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _DATE.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError.at(path, m.NOT_A_DATE, value=_show(value)) from error


def _time(value: object, path: str) -> dt.time | None:
    # A wall-clock time without an offset: the title block's "timezone" names the zone.
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _TIME.fullmatch(text):
            raise ValueError(text)
        return dt.time.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError.at(path, m.NOT_A_TIME, value=_show(value)) from error


def _datetime(value: object, path: str) -> dt.datetime | None:
    if value is None:
        return None
    text = _str(value, path)
    try:
        if not _DATETIME.fullmatch(text):
            raise ValueError(text)
        moment = dt.datetime.fromisoformat(text)
    except ValueError as error:
        raise InvalidFieldError.at(path, m.NOT_A_DATETIME, value=_show(value)) from error
    if not stamp_in_range(moment):
        # Year 1 at +01:00 is year 0 in UTC: the .docx writer's conversion would overflow on export.
        raise InvalidFieldError.at(
            path,
            m.STAMP_OUT_OF_RANGE,
            value=_show(value),
            earliest=EARLIEST_STAMP.date().isoformat(),
            latest=LATEST_STAMP.date().isoformat(),
        )
    return moment


def _section_level(value: object, path: str) -> int:
    return _int(value, path, 1, 2)
