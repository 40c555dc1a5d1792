"""The Qt Designer forms of ``ui/`` (shipped in the wheel under _data/ui), built at run time, and filling their fields.

Designer stays the tool for editing the forms; this module builds them
itself instead of through QUiLoader. PySide6's QUiLoader spends about 40 ms
of every start more than building the same widgets (it scans for Designer
plugins and wraps every named child in Python), and the window's first
frame is built from these forms. Our forms use a small part of the .ui
format, which is all this builder accepts: a widget or layout it does not
know raises FormError naming the file and the element. Enum and flag
properties are set by their key names (gui/directions.py says why), strings
go through the translator under the form's class name as lupdate collects
them. tests/gui/test_forms.py builds every form both ways and compares them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar, overload
from xml.parsers import expat

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.paths import ui_dir

_W = TypeVar("_W", bound=QWidget)
_MARGINS = ("leftMargin", "topMargin", "rightMargin", "bottomMargin")


class FormError(ValueError):
    """A form in ui/ uses something the builder does not know (a bug in the form or in this module)."""


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget of ``ui/NAME.ui``; its texts go through the translator under the form's class name."""
    path = ui_dir() / f"{name}.ui"
    try:
        root = _read(path)
    except (OSError, expat.ExpatError) as error:
        raise FormError(f"cannot read the form {path}: {error}") from error
    top = root.find("widget")
    if root.tag != "ui" or top is None:
        raise FormError(f"{path}: not a Designer form (no <ui><widget>)")
    builder = _Builder(str(path), root.findtext("class") or top.get("name", ""))
    widget = builder.widget(top, parent)
    builder.link_buddies()
    return widget


class _Element:
    """An element of a .ui file, as the builder reads it: tag, attributes, text and children in order.

    Read with expat rather than ElementTree: the window's first frame is built from these forms,
    and importing ElementTree cost every start 3M instructions more than this reader on expat,
    which ElementTree wraps anyway.
    """

    __slots__ = ("attrib", "children", "tag", "text")

    def __init__(self, tag: str, attrib: dict[str, str]) -> None:
        self.tag = tag
        self.attrib = attrib
        self.text = ""
        self.children: list[_Element] = []

    @overload
    def get(self, key: str) -> str | None: ...
    @overload
    def get(self, key: str, default: str) -> str: ...
    def get(self, key: str, default: str | None = None) -> str | None:
        return self.attrib.get(key, default)

    def __iter__(self) -> Iterator[_Element]:
        return iter(self.children)

    def __len__(self) -> int:
        return len(self.children)

    def __getitem__(self, index: int) -> _Element:
        return self.children[index]

    def find(self, tag: str, name: str | None = None) -> _Element | None:
        """The first child ``tag`` (whose ``name`` attribute is ``name``, if given)."""
        for child in self.children:
            if child.tag == tag and (name is None or child.attrib.get("name") == name):
                return child
        return None

    def findtext(self, tag: str, default: str = "") -> str:
        """The text of the first child ``tag``, or ``default`` without one."""
        child = self.find(tag)
        return default if child is None else child.text


def _read(path: Path) -> _Element:
    """The root element of the XML file at ``path``."""
    document = _Element("", {})
    open_elements = [document]

    def start(tag: str, attrib: dict[str, str]) -> None:
        element = _Element(tag, attrib)
        open_elements[-1].children.append(element)
        open_elements.append(element)

    def end(_tag: str) -> None:
        open_elements.pop()

    def text(data: str) -> None:
        open_elements[-1].text += data

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    with path.open("rb") as file:
        parser.ParseFile(file)
    return document.children[0]


class _Builder:
    """Builds one form: widgets, layouts and properties, then the labels' buddies."""

    def __init__(self, source: str, context: str) -> None:
        self.source = source
        self.context = context
        self.named: dict[str, QWidget] = {}
        self.buddies: list[tuple[QLabel, str]] = []

    def fail(self, element: _Element, problem: str) -> FormError:
        attributes = "".join(f' {key}="{value}"' for key, value in element.attrib.items())
        return FormError(f"{self.source}: <{element.tag}{attributes}>: {problem}")

    def _class(self, element: _Element, base: type) -> type:
        kind = getattr(QtWidgets, element.get("class", ""), None)
        if not (isinstance(kind, type) and issubclass(kind, base)):
            raise self.fail(element, f"not a {base.__name__} class of QtWidgets")
        return kind

    def widget(self, element: _Element, parent: QWidget | None) -> QWidget:
        # By keyword: a positional parent makes PySide6 try overloads taking a Qt enum first (QSplitter's
        # orientation), which builds the whole Qt namespace.
        widget: QWidget = self._class(element, QWidget)(parent=parent)
        name = element.get("name", "")
        widget.setObjectName(name)
        self.named[name] = widget
        columns: list[str] = []
        for item in element:
            if item.tag == "property":
                self.property(widget, item)
            elif item.tag == "layout":
                self.layout(item, widget)
            elif item.tag == "widget":
                child = self.widget(item, widget)
                if isinstance(widget, QSplitter | QStackedWidget):
                    widget.addWidget(child)
            elif item.tag == "column" and isinstance(widget, QTreeWidget):
                columns.append(str(self.value(item.find("property", name="text"), item)))
            else:
                raise self.fail(item, f"not supported inside a {type(widget).__name__}")
        if columns and isinstance(widget, QTreeWidget):
            widget.setHeaderLabels(columns)
        return widget

    def layout(self, element: _Element, parent: QWidget | None) -> QLayout:
        kind = self._class(element, QLayout)
        layout: QLayout = kind(parent) if parent is not None else kind()
        layout.setObjectName(element.get("name", ""))
        current = layout.contentsMargins()
        margins = [current.left(), current.top(), current.right(), current.bottom()]
        for item in element:
            if item.tag == "property":
                name = item.get("name", "")
                if name in _MARGINS:
                    margins[_MARGINS.index(name)] = int(self.value(item, item))  # type: ignore[call-overload]
                else:
                    self.property(layout, item)
            elif item.tag == "item":
                self.item(layout, item)
            else:
                raise self.fail(item, "not supported inside a layout")
        layout.setContentsMargins(*margins)
        stretch = element.get("stretch")
        if stretch:
            if not isinstance(layout, QBoxLayout):
                raise self.fail(element, "stretch is only for box layouts")
            for index, factor in enumerate(stretch.split(",")):
                layout.setStretch(index, int(factor))
        return layout

    def item(self, layout: QLayout, element: _Element) -> None:
        if len(element) != 1:
            raise self.fail(element, "an item holds exactly one widget, layout or spacer")
        content = element[0]
        if isinstance(layout, QFormLayout):
            row, column = int(element.get("row", "-1")), int(element.get("column", "-1"))
            if row < 0 or column not in (0, 1):
                raise self.fail(element, "a form layout item needs a row and a column of 0 or 1")
            role = QFormLayout.ItemRole.LabelRole if column == 0 else QFormLayout.ItemRole.FieldRole
            if content.tag == "widget":
                layout.setWidget(row, role, self.widget(content, layout.parentWidget()))
            elif content.tag == "layout":
                layout.setLayout(row, role, self.layout(content, None))
            else:
                raise self.fail(content, "not supported in a form layout")
            return
        if not isinstance(layout, QBoxLayout):
            raise self.fail(element, f"items of a {type(layout).__name__} are not supported")
        if content.tag == "widget":
            layout.addWidget(self.widget(content, layout.parentWidget()))
        elif content.tag == "layout":
            layout.addLayout(self.layout(content, None))
        elif content.tag == "spacer":
            self.spacer(layout, content)
        else:
            raise self.fail(content, "not supported in a box layout")

    def spacer(self, layout: QBoxLayout, element: _Element) -> None:
        orientation = "Qt::Horizontal"
        for item in element:
            if item.tag == "property" and item.get("name") == "orientation":
                orientation = item.findtext("enum", "")
            elif item.tag == "property":
                raise self.fail(item, "only a spacer's orientation is supported")
        # As QUiLoader makes a spacer without a sizeHint: no size, expanding along its orientation.
        vertical = orientation.endswith("Vertical")
        if vertical == isinstance(layout, QVBoxLayout):
            # Along the layout: Qt's stretch is that very spacer, made without PySide6 building
            # the QSizePolicy type and its enums (3.5M instructions of the window's start).
            layout.addStretch()
            return
        from PySide6.QtWidgets import QSizePolicy, QSpacerItem

        expanding, minimum = QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum
        layout.addItem(QSpacerItem(0, 0, minimum, expanding) if vertical else QSpacerItem(0, 0, expanding, minimum))

    def property(self, target: QObject, element: _Element) -> None:
        name = element.get("name", "")
        value = self.value(element, element)
        if name == "buddy" and isinstance(target, QLabel):
            self.buddies.append((target, str(value)))
            return
        if not target.setProperty(name, value):
            raise self.fail(element, f"{type(target).__name__} has no property {name!r} taking {value!r}")

    def value(self, element: _Element | None, where: _Element) -> object:
        if element is None or len(element) != 1:
            raise self.fail(where, "a property holds exactly one value")
        value = element[0]
        text = value.text or ""
        if value.tag == "string":
            if value.get("notr") == "true":
                return text
            return QCoreApplication.translate(self.context, text, value.get("comment"))
        if value.tag == "cstring":
            return text
        if value.tag == "bool":
            return text == "true"
        if value.tag == "number":
            return int(text)
        if value.tag in ("enum", "set"):
            # "QAbstractItemView::EditKeyPressed|QAbstractItemView::SelectedClicked" -> "EditKeyPressed|SelectedClicked"
            return "|".join(key.rsplit("::", 1)[-1] for key in text.split("|"))
        if value.tag == "size":
            return QSize(int(value.findtext("width", "0")), int(value.findtext("height", "0")))
        raise self.fail(value, "this kind of value is not supported")

    def link_buddies(self) -> None:
        for label, name in self.buddies:
            buddy = self.named.get(name)
            if buddy is None:
                raise FormError(f"{self.source}: the buddy {name!r} of {label.objectName()!r} is not in the form")
            label.setBuddy(buddy)


def child(form: QWidget, kind: type[_W], name: str) -> _W:
    """The child widget ``name`` of a loaded form; a missing one is a bug in the form."""
    widget = form.findChild(kind, name)
    if widget is None:
        raise LookupError(f"the form {form.objectName()} has no {kind.__name__} named {name!r}")
    return widget


def fill_with_form(page: QWidget, name: str) -> QWidget:
    """Load Designer form ``name`` and make it fill ``page``, edge to edge."""
    form = load_form(name, page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


def put_in(holder: QWidget, widget: QWidget) -> None:
    """Place ``widget`` in a placeholder of a form (a widget the form gave a layout)."""
    layout = holder.layout()
    if layout is not None:
        layout.addWidget(widget)


def set_text(widget: QLineEdit, text: str) -> None:
    """Show ``text`` without emitting edits and without moving the cursor when nothing changed."""
    if widget.text() != text:
        widget.blockSignals(True)
        widget.setText(text)
        widget.blockSignals(False)


def set_combo_text(widget: QComboBox, text: str) -> None:
    """Show ``text`` in an editable combo box without emitting edits."""
    if widget.currentText() != text:
        widget.blockSignals(True)
        widget.setEditText(text)
        widget.blockSignals(False)
