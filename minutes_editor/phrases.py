"""Messages as a template and its values, so the window can show them in its own language; no Qt here.

A phrase is an English template with ``{name}`` fields and, when it counts
something, Qt's ``%n``; its values are the user's own text or a program's
detail (kept as written), numbers, or other phrases. ``str(phrase)`` is the
English sentence, which the command line prints. The window renders the same
phrase with ``render(translate)``, looking each template up in its Qt
catalogue. The import notes (``minutes_editor.importer.notes``) and the file
errors (``minutes_editor.errors``) are phrases.

Templates are marked with ``QT_TRANSLATE_NOOP`` so that pyside6-lupdate, which
reads source text and imports nothing, puts them in the catalogue. A fourth
argument, a number, marks a template with ``%n`` as a plural message (lupdate
takes it as ``translate``'s ``n``), so translators give each plural form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol, Self, TypeAlias


def QT_TRANSLATE_NOOP(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: N802
    """Mark ``text`` for lupdate and return it unchanged (Qt's macro of the same name, without importing Qt)."""
    del context, disambiguation, n  # read by lupdate from the source text only
    return text


# Looks a template up for a count (None when it counts nothing) and returns it with %n filled in.
Translate = Callable[[str, "int | None"], str]
_FIELD = re.compile(r"\{([a-z_]+)\}")


def english(template: str, count: int | None) -> str:
    """The template as written, its ``%n`` filled in: the English sentence, as the command line prints it."""
    return template if count is None else template.replace("%n", str(count))


class Renderable(Protocol):
    """A value that renders itself in the interface's language (a phrase, a list of values)."""

    def render(self, translate: Translate = english) -> str:
        """The value as text, its templates looked up with ``translate``."""
        ...


Value: TypeAlias = str | int | Renderable


@dataclass(frozen=True)
class Phrase:
    """A template and the values of its ``{name}`` fields; ``count`` fills its ``%n`` and picks the plural form."""

    template: str
    values: Mapping[str, Value] = field(default_factory=dict, hash=False)
    count: int | None = None

    @classmethod
    def of(cls, template: str, count: int | None = None, **values: Value) -> Self:
        """``template`` with its field values, and its count when it has ``%n``."""
        return cls(template, values, count)

    def render(self, translate: Translate = english) -> str:
        """The phrase with ``translate`` applied to its template and to every phrase among its values."""
        text = translate(self.template, self.count)

        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            # A field the values lack stays as written: a mistyped translation shows, it does not crash the window.
            return render_value(self.values[name], translate) if name in self.values else match.group(0)

        return _FIELD.sub(fill, text)

    def __str__(self) -> str:
        return self.render()


def render_value(value: Value, translate: Translate = english) -> str:
    """A value as text: phrases (and lists of them) rendered with ``translate``, words and numbers as they are."""
    if isinstance(value, str | int):
        return str(value)
    return value.render(translate)
