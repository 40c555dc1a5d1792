"""Record: the base of the report model's classes, a dataclass whose equality and repr are shared.

A subclass declares its fields as a dataclass does, and is one::

    class Span(Record):
        text: str
        bold: bool = False

``dataclasses.fields``, ``asdict`` and ``replace`` work on it, and type
checkers read it as a dataclass (``dataclass_transform``).

Why not ``@dataclass`` itself: Python 3.11's dataclass writes the source of
``__init__``, ``__repr__`` and ``__eq__`` for each class and compiles them one
by one, at every start of the program. For the model's nine classes that is
about 16 million instructions, where the whole window adds about 250 million
to a bare PySide6 window before its first paint. ``__eq__`` and ``__repr__``
do the same for every record, so they are written once here (compiled into
this module's bytecode cache) and read the fields from the class; only
``__init__``, which loading a long report calls hundreds of thousands of
times, is still made for each class.
"""

from __future__ import annotations

from dataclasses import Field, dataclass, field, fields
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, ClassVar, dataclass_transform


@dataclass_transform(field_specifiers=(field,))
class Record:
    """A dataclass with field-by-field equality and a dataclass's repr, both shared by every record."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]
    #: Reads the fields that take part in equality, in order (made for each subclass).
    _compared: ClassVar[attrgetter[Any]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(repr=False, eq=False)(cls)
        cls._compared = attrgetter(*(item.name for item in fields(cls) if item.compare))

    def __eq__(self, other: object) -> bool:
        # As a dataclass's: the same class, and the compared fields equal, in order.
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._compared(self) == self._compared(other))

    __hash__ = None  # type: ignore[assignment]  # mutable, so unhashable, as a dataclass with eq

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{item.name}={getattr(self, item.name)!r}" for item in fields(self) if item.repr)
        return f"{self.__class__.__qualname__}({shown})"
