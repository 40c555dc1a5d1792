"""The Qt Designer forms of ``ui/`` (in the wheel under _data/ui), loaded by Qt's QUiLoader, and filling their fields.

Designer is the tool for editing the forms and Qt's own loader reads them,
the whole .ui format included: properties are applied in the order the file
gives them (title_block.ui makes its date and time edits left to right
before giving their display formats, which a right-to-left edit would
reverse). Texts go through the translator under the form's class name, as
lupdate collects them. The loader is C++: it sets enum properties without
PySide6's ``Qt`` namespace and makes spacers without its QSizePolicy type,
so the window's first frame can be built from these forms.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from minutes_editor.paths import ui_dir

_W = TypeVar("_W", bound=QWidget)
_LOADERS: list[QUiLoader] = []


class FormError(RuntimeError):
    """A form in ui/ cannot be loaded (a missing file or a broken form: a bug, not something a user did)."""


def _loader() -> QUiLoader:
    """The one loader for every form, made without Designer's plugins.

    A QUiLoader loads every Designer plugin in the library paths' ``designer``
    folders when it is made (PySide6 ships three: Qt Quick, Qt WebEngine and its
    own for widgets written in Python), about 26M instructions of the start. Our
    forms use only Qt's own widgets, so the loader is made while the library
    paths are empty, then they are put back.
    """
    if not _LOADERS:
        library_paths = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            _LOADERS.append(QUiLoader())
        finally:
            QCoreApplication.setLibraryPaths(library_paths)
    return _LOADERS[0]


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget of ``ui/NAME.ui``; its texts go through the translator under the form's class name."""
    path = ui_dir() / f"{name}.ui"
    if not path.is_file():  # (Qt would call it a premature end of document)
        raise FormError(f"no form {path}")
    loader = _loader()
    try:
        return loader.load(str(path), parent)
    except RuntimeError as error:  # PySide6's own words ("Unable to open/read ui device") for any failure
        raise FormError(f"cannot load the form {path}: {loader.errorString()}") from error


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
