"""The fields of an editor page one types in: Go > Next field steps through them, Escape goes back to the text.

A page's fields are the widgets of its focus chain that are shown, enabled
and take typing (a line, a text box, an editable combo box, a date or time).
Buttons, lists and widgets of a page not shown are never one: typing there
would go nowhere a user sees.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def takes_typing(widget: QWidget) -> bool:
    """Whether ``widget`` is a field that accepts text (not read-only)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox) and widget.isEditable()


def _inside_field(widget: QWidget, page: QWidget) -> bool:
    # The line edit inside a combo box or a time edit: the outer widget is the field.
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def page_fields(page: QWidget) -> list[QWidget]:
    """The fields of ``page`` one can type in now, in its focus (Tab) order."""
    candidates = [
        widget
        for widget in page.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and takes_typing(widget)
        and not _inside_field(widget, page)
    ]
    # The page's widgets stand together in the window's focus chain: walk it only while it is inside the page.
    # Walking the whole window's chain (200 widgets and more) made PySide6 6.11 drop its wrappers of objects the
    # walk never touched (the preview's document), once a footnote's row was deleted after it.
    # Widgets are known by their C++ address: a Python wrapper made by the walk may be gone before the sort.
    order: dict[int, int] = {}
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget) and _address(widget) not in order:
        order[_address(widget)] = len(order)
        widget = widget.nextInFocusChain()
    # A field the walk did not reach (made after the page, placed elsewhere in the chain) comes by its place.
    return sorted(candidates, key=lambda field: (order.get(_address(field), len(order)), _reading_place(field, page)))


def _address(widget: QWidget) -> int:
    address: int = shiboken6.getCppPointer(widget)[0]
    return address


def _reading_place(widget: QWidget, page: QWidget) -> tuple[int, int]:
    corner = widget.mapTo(page, widget.rect().topLeft())
    x = corner.x() if page.isLeftToRight() else page.width() - corner.x() - widget.width()
    return (corner.y(), x)


def step_field(page: QWidget, delta: int) -> QWidget | None:
    """Put the focus in the next (``delta`` 1) or previous (-1) field of ``page``, wrapping; returns it."""
    fields = page_fields(page)
    if not fields:
        return None
    focus = QApplication.focusWidget()
    current = [index for index, field in enumerate(fields) if focus is not None and field.isAncestorOf(focus)]
    current += [index for index, field in enumerate(fields) if field is focus]
    # Not in a field: the first one (or the last, going back).
    target = fields[(current[-1] + delta) % len(fields)] if current else fields[0 if delta > 0 else -1]
    # Not Tab's reason: a line would select all its text, and the next key would type over it.
    target.setFocus(Qt.FocusReason.OtherFocusReason)
    return target


class EscapeToText(QObject):
    """Escape in a side field of a page (a heading, a title, a note) goes back to the body text.

    ``back`` puts the focus in the body editor; it gets the field Escape was pressed in.
    """

    def __init__(self, back: Callable[[QWidget], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.back = back

    def watch(self, *fields: QWidget) -> None:
        """Send Escape in each of ``fields`` back to the text."""
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape without modifiers, in a watched field: back to the text."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QWidget)
        ):
            self.back(watched)
            return True
        return False


class LocaleDigits(QObject):
    """Typed digits reach a date or time edit as the digits of its locale ("1" as "١" in Arabic).

    A QDateTimeEdit showing Arabic-Indic digits takes a typed "1" but then
    compares the section's mixed text with what its locale writes: it never
    finds the hours complete, so the cursor stays in them and "1230" gives
    12:00 (the minutes typed over the hours). Most keyboards send Western
    digits in every layout (some Arabic-Indic ones), so each digit is sent
    on as the locale's own.
    """

    def watch(self, *edits: QWidget) -> None:
        """Translate the digits typed into each of ``edits``."""
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A key press of one digit of another system: send the locale's digit instead."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        text = event.text()
        zero = watched.locale().zeroDigit()
        if len(text) != 1 or not text.isdecimal() or len(zero) != 1:
            return False
        digit = chr(ord(zero) + int(text))
        if digit == text:
            return False
        translated = QKeyEvent(event.type(), event.key(), event.modifiers(), digit, event.isAutoRepeat(), event.count())
        QApplication.sendEvent(watched, translated)
        return True
