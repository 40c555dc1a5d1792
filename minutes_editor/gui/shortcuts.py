"""The one table of the window's actions and keyboard shortcuts; Help > Keyboard shortcuts lists it.

The table names its keys as text (``"Ctrl+E"``) or as Qt standard keys
(``Standard("Save")``, the platform's own key for saving) and makes
QKeySequence objects only when asked: the window's first frame builds its
actions without keys (they get them right after the first paint), which
spares it PySide6's QKeySequence type and its enums.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from minutes_editor.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QKeySequence

CONTEXT = "shortcuts"


class Standard(NamedTuple):
    """A Qt standard key (``QKeySequence.StandardKey``), by name: the platform decides its keys."""

    name: str


class Shortcut(NamedTuple):
    """An action of the window: its name, its keys and the menu text translators see."""

    name: str
    keys: tuple[str | Standard, ...]
    text: str
    group: str

    def sequences(self) -> list[QKeySequence]:
        """The key sequences of the action, standard keys resolved for this platform."""
        from PySide6.QtGui import QKeySequence

        result: list[QKeySequence] = []
        for key in self.keys:
            if isinstance(key, Standard):
                result.extend(QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, key.name))[:1])
            else:
                result.append(QKeySequence(key))
        return result

    def label(self) -> str:
        """The action's text in the interface language."""
        return QCoreApplication.translate(CONTEXT, self.text)


FILE = QT_TRANSLATE_NOOP("shortcuts", "File")
EDIT = QT_TRANSLATE_NOOP("shortcuts", "Edit")
FORMAT = QT_TRANSLATE_NOOP("shortcuts", "Format")
REPORT = QT_TRANSLATE_NOOP("shortcuts", "Report")
MOVE = QT_TRANSLATE_NOOP("shortcuts", "Move around")
REVIEW = QT_TRANSLATE_NOOP("shortcuts", "Review")
VIEW = QT_TRANSLATE_NOOP("shortcuts", "View")
TABLE = QT_TRANSLATE_NOOP("shortcuts", "Table")
HELP = QT_TRANSLATE_NOOP("shortcuts", "Help")

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut("new", (Standard("New"),), QT_TRANSLATE_NOOP("shortcuts", "&New report…"), FILE),
    Shortcut("open", (Standard("Open"),), QT_TRANSLATE_NOOP("shortcuts", "&Open…"), FILE),
    Shortcut("save", (Standard("Save"),), QT_TRANSLATE_NOOP("shortcuts", "&Save"), FILE),
    Shortcut("save_as", ("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("shortcuts", "Save &as…"), FILE),
    Shortcut("export", ("Ctrl+E",), QT_TRANSLATE_NOOP("shortcuts", "&Export to Word…"), FILE),
    Shortcut("export_pdf", (), QT_TRANSLATE_NOOP("shortcuts", "Export to P&DF…"), FILE),
    Shortcut("print", (Standard("Print"),), QT_TRANSLATE_NOOP("shortcuts", "&Print…"), FILE),
    Shortcut("print_preview", ("Ctrl+Shift+P",), QT_TRANSLATE_NOOP("shortcuts", "Print pre&view…"), FILE),
    Shortcut("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("shortcuts", "&Quit"), FILE),
    Shortcut("undo", (Standard("Undo"),), QT_TRANSLATE_NOOP("shortcuts", "&Undo"), EDIT),
    Shortcut("redo", ("Ctrl+Y", "Ctrl+Shift+Z"), QT_TRANSLATE_NOOP("shortcuts", "&Redo"), EDIT),
    Shortcut("quick_name", ("Ctrl+K",), QT_TRANSLATE_NOOP("shortcuts", "Insert a &name…"), EDIT),
    Shortcut("insert_time", ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("shortcuts", "Insert the current &time"), EDIT),
    Shortcut("insert_footnote", ("Ctrl+Alt+F",), QT_TRANSLATE_NOOP("shortcuts", "Insert a &footnote"), EDIT),
    Shortcut("find_replace", ("Ctrl+F", "Ctrl+H"), QT_TRANSLATE_NOOP("shortcuts", "&Find and replace…"), EDIT),
    Shortcut("bold", ("Ctrl+B",), QT_TRANSLATE_NOOP("shortcuts", "&Bold"), FORMAT),
    Shortcut("italic", ("Ctrl+I",), QT_TRANSLATE_NOOP("shortcuts", "&Italic"), FORMAT),
    Shortcut("underline", ("Ctrl+U",), QT_TRANSLATE_NOOP("shortcuts", "&Underline"), FORMAT),
    Shortcut("paragraph", ("Ctrl+0",), QT_TRANSLATE_NOOP("shortcuts", "&Paragraph"), FORMAT),
    Shortcut("bullet", ("Ctrl+Shift+L",), QT_TRANSLATE_NOOP("shortcuts", "B&ullet"), FORMAT),
    Shortcut("label", ("Ctrl+Shift+B",), QT_TRANSLATE_NOOP("shortcuts", "&Lead-in label"), FORMAT),
    Shortcut("action_item", ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("shortcuts", "&Action item"), FORMAT),
    Shortcut(
        "action_done",
        ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"),
        QT_TRANSLATE_NOOP("shortcuts", "Action item &done"),
        FORMAT,
    ),
    Shortcut("action_fields", ("F4",), QT_TRANSLATE_NOOP("shortcuts", "Action item de&tails"), FORMAT),
    Shortcut("indent", ("Tab",), QT_TRANSLATE_NOOP("shortcuts", "Bullet one level deeper"), FORMAT),
    Shortcut("outdent", ("Shift+Tab",), QT_TRANSLATE_NOOP("shortcuts", "Bullet one level up"), FORMAT),
    Shortcut("new_bullet", ("Return",), QT_TRANSLATE_NOOP("shortcuts", "New bullet (on a bullet)"), FORMAT),
    Shortcut("add_section", ("Ins",), QT_TRANSLATE_NOOP("shortcuts", "Add a &section"), REPORT),
    Shortcut("add_session", ("Ctrl+Shift+N",), QT_TRANSLATE_NOOP("shortcuts", "Add a s&ession"), REPORT),
    Shortcut("remove", ("Del",), QT_TRANSLATE_NOOP("shortcuts", "&Remove the selected part"), REPORT),
    Shortcut("rename", ("F2",), QT_TRANSLATE_NOOP("shortcuts", "Re&name the selected part"), REPORT),
    Shortcut("move_up", ("Alt+Up",), QT_TRANSLATE_NOOP("shortcuts", "Move the selected part &up"), REPORT),
    Shortcut("move_down", ("Alt+Down",), QT_TRANSLATE_NOOP("shortcuts", "Move the selected part &down"), REPORT),
    Shortcut("check_report", ("F7",), QT_TRANSLATE_NOOP("shortcuts", "&Check the report"), REPORT),
    Shortcut("next_part", ("Ctrl+PgDown", "F6"), QT_TRANSLATE_NOOP("shortcuts", "&Next part"), MOVE),
    Shortcut("previous_part", ("Ctrl+PgUp", "Shift+F6"), QT_TRANSLATE_NOOP("shortcuts", "&Previous part"), MOVE),
    Shortcut("next_field", ("Ctrl+Down",), QT_TRANSLATE_NOOP("shortcuts", "Next &field"), MOVE),
    Shortcut("outline", ("Ctrl+1",), QT_TRANSLATE_NOOP("shortcuts", "Go to the &outline"), MOVE),
    Shortcut("editor", ("Ctrl+2",), QT_TRANSLATE_NOOP("shortcuts", "Go to the &editor"), MOVE),
    Shortcut("review_pane", ("Ctrl+Shift+R",), QT_TRANSLATE_NOOP("shortcuts", "Review &pane"), REVIEW),
    Shortcut("track_changes", ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("shortcuts", "&Track changes"), REVIEW),
    Shortcut("next_change", ("Ctrl+Alt+PgDown",), QT_TRANSLATE_NOOP("shortcuts", "&Next change"), REVIEW),
    Shortcut("previous_change", ("Ctrl+Alt+PgUp",), QT_TRANSLATE_NOOP("shortcuts", "Pre&vious change"), REVIEW),
    Shortcut("accept_change", ("Ctrl+Alt+A",), QT_TRANSLATE_NOOP("shortcuts", "&Accept this change"), REVIEW),
    Shortcut("reject_change", ("Ctrl+Alt+R",), QT_TRANSLATE_NOOP("shortcuts", "&Reject this change"), REVIEW),
    Shortcut("add_comment", ("Ctrl+Alt+M",), QT_TRANSLATE_NOOP("shortcuts", "New &comment"), REVIEW),
    # Ctrl+= too: on many keyboards + needs Shift. Reset has no key: Ctrl+0 makes a paragraph.
    Shortcut("zoom_in", ("Ctrl++", "Ctrl+="), QT_TRANSLATE_NOOP("shortcuts", "Zoom &in"), VIEW),
    Shortcut("zoom_out", ("Ctrl+-",), QT_TRANSLATE_NOOP("shortcuts", "Zoom &out"), VIEW),
    Shortcut("zoom_reset", (), QT_TRANSLATE_NOOP("shortcuts", "&Reset zoom"), VIEW),
    Shortcut("insert_table", ("Ctrl+Alt+Shift+T",), QT_TRANSLATE_NOOP("shortcuts", "Insert a &table…"), TABLE),
    Shortcut("table_row_above", (), QT_TRANSLATE_NOOP("shortcuts", "Insert a row &above"), TABLE),
    Shortcut("table_row_below", (), QT_TRANSLATE_NOOP("shortcuts", "Insert a row &below"), TABLE),
    Shortcut("table_column_before", (), QT_TRANSLATE_NOOP("shortcuts", "Insert a column be&fore"), TABLE),
    Shortcut("table_column_after", (), QT_TRANSLATE_NOOP("shortcuts", "Insert a column af&ter"), TABLE),
    Shortcut("table_delete_row", (), QT_TRANSLATE_NOOP("shortcuts", "Delete the &row"), TABLE),
    Shortcut("table_delete_column", (), QT_TRANSLATE_NOOP("shortcuts", "Delete the &column"), TABLE),
    Shortcut("table_delete", (), QT_TRANSLATE_NOOP("shortcuts", "Delete the &table"), TABLE),
    Shortcut("table_header", (), QT_TRANSLATE_NOOP("shortcuts", "&Header row"), TABLE),
    Shortcut("shortcuts", ("F1",), QT_TRANSLATE_NOOP("shortcuts", "&Keyboard shortcuts"), HELP),
)

#: Actions that act only while the outline has focus (Insert and Delete mean other things in text).
OUTLINE_KEYS = frozenset({"add_section", "remove", "rename", "move_up", "move_down"})


def shortcut(name: str) -> Shortcut:
    """The table entry called ``name``."""
    for entry in SHORTCUTS:
        if entry.name == name:
            return entry
    raise KeyError(name)


def is_undo_key(event: QKeyEvent) -> bool:
    """Whether a key event is one of the platform's undo or redo keys (or Ctrl+Y)."""
    # Not at import: the window's first frame does without these (gui/directions.py, the module docstring).
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True

    return event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier


class UndoKeyFilter(QObject):
    """Sends undo and redo keys past a field's own history to the window's one undo stack."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refuse the override so the window's shortcut fires instead."""
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        from PySide6.QtGui import QKeyEvent  # not at import (see the module docstring); only for this event

        if isinstance(event, QKeyEvent) and is_undo_key(event):
            event.ignore()
            return True
        return False
