"""Action items in the window: Format > Action item, the status key, and the panel editing the current item's fields.

``install_action_items`` also adds File > New report from previous… (gui/next_report.py), which starts
the next meeting's report with the open action items.

``install_action_items(view)`` (built by ``complete()``) adds to the Format
menu and the body toolbars: Action item (Ctrl+Shift+I: the paragraph becomes
one, or back a paragraph), Action item done (Ctrl+Shift+Enter: its status
open or done; a click on its box does the same) and Action item details
(F4: the focus in the panel). Under each body editor a panel shows the
fields of the action item the cursor is in: its owners (names separated by
commas, completed from the report's participants or typed), its deadline (a
date with a calendar, or none) and whether it is done. A field changed in
the panel is written into the paragraph's format when the field is left
(gui/action_marks.py), one undo step of the report's one stack; Escape puts
the focus back in the text. The editor draws the fields (gui/block_marks.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QStringListModel, Qt
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from minutes_editor.gui.action_marks import LANGUAGE_PROPERTY, block_action, box_in_view, is_action, set_block_action
from minutes_editor.gui.commands import TextEditCommand
from minutes_editor.gui.shortcuts import shortcut
from minutes_editor.model.report import ActionItem, ActionStatus, BlockKind, Section

if TYPE_CHECKING:
    from minutes_editor.gui.body_editor import BodyEditor, BodyPanel
    from minutes_editor.gui.next_report import NextReportPart
    from minutes_editor.gui.parts import EditorView

#: Owners are separated by a comma (Latin or Arabic) or a semicolon.
_SEPARATORS = re.compile(r"[,،;؛]")


def split_owners(text: str) -> list[str]:
    """The names a typed list of owners holds: trimmed, none empty, each once."""
    return list(dict.fromkeys(name.strip() for name in _SEPARATORS.split(text) if name.strip()))


def owners_text(owners: list[str], language: str) -> str:
    """Owners as the panel shows them, separated by the report language's comma."""
    return ("، " if language.split("-", maxsplit=1)[0] in ("ar", "fa", "ur") else ", ").join(owners)


class OwnersCompleter(QCompleter):
    """Completes the name being typed after the last comma of a list of owners."""

    def splitPath(self, path: str) -> list[str]:
        """Only the last name of the list is completed."""
        return [_SEPARATORS.split(path)[-1].lstrip()]

    def pathFromIndex(self, index: object) -> str:
        """The list with its last name replaced by the one chosen."""
        chosen = super().pathFromIndex(index)  # type: ignore[arg-type]
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        cut = max((match.end() for match in _SEPARATORS.finditer(text)), default=0)
        head = text[:cut]
        return f"{head} {chosen}" if head else chosen


class ActionPanel(QWidget):
    """The fields of the action item the cursor of one body editor is in, shown under the editor."""

    def __init__(self, part: ActionItems, editor: BodyEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("action_panel")
        self.part = part
        self.editor = editor
        self._cursor: QTextCursor | None = None
        self.language = "en"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        title = QLabel(self.tr("Action item:"))
        owners_label = QLabel(self.tr("Owners"))
        self.owners = QLineEdit()
        self.owners.setObjectName("action_owners")
        self.owners.setPlaceholderText(self.tr("Names, separated by commas"))
        owners_label.setBuddy(self.owners)
        self.names = QStringListModel(self)
        completer = OwnersCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owners.setCompleter(completer)
        self.has_deadline = QCheckBox(self.tr("Deadline"))
        self.has_deadline.setObjectName("action_has_deadline")
        self.deadline = QDateEdit()
        self.deadline.setObjectName("action_deadline")
        self.deadline.setCalendarPopup(True)
        # Left to right before its format is given: see title_page.py (a right-to-left one reverses its sections).
        self.deadline.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.deadline.setDisplayFormat("d MMMM yyyy")
        self.deadline.setDate(QDate.currentDate())
        self.deadline.setEnabled(False)
        from minutes_editor.gui.fields import LocaleDigits

        LocaleDigits(self).watch(self.deadline)  # digits typed as the locale's own: see LocaleDigits
        self.done = QCheckBox(self.tr("Done"))
        self.done.setObjectName("action_done")
        layout.addWidget(title)
        layout.addWidget(owners_label)
        layout.addWidget(self.owners, 2)
        layout.addWidget(self.has_deadline)
        layout.addWidget(self.deadline)
        layout.addWidget(self.done)
        self.setStyleSheet("#action_panel { background: #f1f4f8; }")
        self.owners.editingFinished.connect(self.apply)
        self.has_deadline.toggled.connect(self._deadline_toggled)
        self.deadline.editingFinished.connect(self.apply)
        calendar = self.deadline.calendarWidget()
        if calendar is not None:
            calendar.clicked.connect(lambda _date: self.apply())
            calendar.activated.connect(lambda _date: self.apply())
        self.done.toggled.connect(lambda _on: self.apply())
        for field in (self.owners, self.has_deadline, self.deadline, self.done):
            field.installEventFilter(self)
        self.hide()

    # ---------------------------------------------------------- showing

    def follow(self) -> None:
        """Show the fields of the action item the editor's cursor is in, or hide when it is in none."""
        block = self.editor.textCursor().block()
        document, language = self.editor.document(), self.part.view.report.language
        if document.property(LANGUAGE_PROPERTY) != language:  # the box and details are drawn in it
            document.setProperty(LANGUAGE_PROPERTY, language)
        if self.editor.owner is None or not is_action(block):
            self._cursor = None
            focus = QApplication.focusWidget()
            if focus is None or not self.isAncestorOf(focus):  # not while its field is being left
                self.hide()
            return
        self._cursor = QTextCursor(block)
        if language != self.language:
            self.set_language(language, self.part.view.preset.date_locale)
        names = participant_names(self.part.view.report.sections)
        if names != self.names.stringList():
            self.names.setStringList(names)
        self.show_item(block_action(block))
        self.show()

    def show_item(self, item: ActionItem) -> None:
        """Put ``item``'s fields in the panel (the one being typed in is left alone)."""
        widgets = (self.owners, self.has_deadline, self.deadline, self.done)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if not self.owners.hasFocus() and split_owners(self.owners.text()) != item.owners:
                self.owners.setText(owners_text(item.owners, self.language))
            self.has_deadline.setChecked(item.deadline is not None)
            self.deadline.setEnabled(item.deadline is not None)
            if item.deadline is not None and not self.deadline.hasFocus():
                self.deadline.setDate(QDate(item.deadline.year, item.deadline.month, item.deadline.day))
            self.done.setChecked(item.status is ActionStatus.DONE)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def set_language(self, language: str, date_locale: str) -> None:
        """Show the deadline in the report's language (``date_locale``: its CLDR locale, as its dates are written)."""
        self.language = language
        self.deadline.setLocale(QLocale(date_locale))

    # ---------------------------------------------------------- changing

    def item(self) -> ActionItem:
        """The action item the panel's fields describe."""
        deadline = None
        if self.has_deadline.isChecked():
            value = self.deadline.date()
            deadline = dt.date(value.year(), value.month(), value.day())
        status = ActionStatus.DONE if self.done.isChecked() else ActionStatus.OPEN
        return ActionItem(split_owners(self.owners.text()), deadline, status)

    def apply(self) -> None:
        """Write the panel's fields into the action item it shows (one undo step), if they changed it."""
        cursor = self._cursor
        if cursor is None or cursor.document() is not self.editor.document() or not is_action(cursor.block()):
            return
        self.part.change(cursor.block(), self.item())

    def _deadline_toggled(self, on: bool) -> None:
        self.deadline.setEnabled(on)
        if on and self._cursor is not None and block_action(self._cursor.block()).deadline is None:
            self.deadline.setDate(QDate.currentDate().addDays(14))  # a fortnight: the usual time to the next step
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in a field puts the focus back in the text (the field's change written first)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.apply()
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def focus_fields(self) -> None:
        """Put the focus in the owners field (F4)."""
        self.follow()
        if self._cursor is not None:
            self.owners.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.owners.selectAll()


class ActionItems(QObject):
    """The action items' actions and panels of one window."""

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        registry = view.registry
        self.actions: dict[str, QAction] = {}
        handlers = {
            "action_item": self.toggle_kind,
            "action_done": self.toggle_done,
            "action_fields": self.focus_fields,
        }
        for name, handler in handlers.items():
            action = QAction(shortcut(name).label(), window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts(shortcut(name).sequences())
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            registry.add(name, action, "format", after="label" if name == "action_item" else None)
            self.actions[name] = action
        self.panels: list[ActionPanel] = []
        self.next_report: NextReportPart | None = None  # File > New report from previous… (install_action_items)
        for panel in (view.section_page.body, view.session_page.body):
            self._attach(panel)

    def _attach(self, body: BodyPanel) -> None:
        editor = body.editor
        panel = ActionPanel(self, editor, body)
        layout = body.layout()
        assert layout is not None  # BodyPanel's column: toolbar, banner, editor and notes
        layout.addWidget(panel)
        # In the body's toolbar after the paragraph types.
        listed = body.toolbar.actions()
        label = self.view.registry["label"]
        if label in listed and listed.index(label) + 1 < len(listed):
            body.toolbar.insertAction(listed[listed.index(label) + 1], self.actions["action_item"])
        else:
            body.toolbar.addAction(self.actions["action_item"])
        editor.cursorPositionChanged.connect(panel.follow)
        editor.textChanged.connect(panel.follow)
        editor.viewport().installEventFilter(self)
        self.panels.append(panel)

    def _editor(self) -> BodyEditor | None:
        editor = self.view.current_editor()
        return editor if editor is not None and editor.owner is not None else None

    def panel_of(self, editor: BodyEditor) -> ActionPanel:
        """The panel under ``editor``."""
        return next(panel for panel in self.panels if panel.editor is editor)

    # ---------------------------------------------------------- actions

    def toggle_kind(self) -> None:
        """Make the current paragraphs action items, or, if the cursor is in one, paragraphs again."""
        editor = self._editor()
        if editor is None:
            return
        back = is_action(editor.textCursor().block())
        editor.set_kind(BlockKind.PARAGRAPH if back else BlockKind.ACTION)
        editor.setFocus()

    def toggle_done(self) -> None:
        """Mark the current action item done, or open again."""
        editor = self._editor()
        if editor is None:
            return
        block = editor.textCursor().block()
        if is_action(block):
            item = block_action(block)
            done = item.status is ActionStatus.DONE
            self.change(block, ActionItem(item.owners, item.deadline, ActionStatus.OPEN if done else ActionStatus.DONE))

    def focus_fields(self) -> None:
        """Put the focus in the fields of the current action item."""
        editor = self._editor()
        if editor is not None:
            self.panel_of(editor).focus_fields()

    def change(self, block: object, item: ActionItem) -> bool:
        """Give an action item's paragraph the fields of ``item``, as one undo step; False if they are its own."""
        from PySide6.QtGui import QTextBlock

        assert isinstance(block, QTextBlock)
        if block_action(block) == item:
            return False
        document = block.document()
        set_block_action(block, item)
        stack = self.view.document.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if isinstance(top, TextEditCommand) and top.document is document:
            top.setText(self.tr("Change an action item"))
        self._repaint(document)
        return True

    def _repaint(self, document: QTextDocument) -> None:
        for panel in self.panels:
            if panel.editor.document() is document:
                panel.editor.viewport().update()
                panel.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click on an action item's box toggles its status."""
        if event.type() != QEvent.Type.MouseButtonPress or not isinstance(event, QMouseEvent):
            return False
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        editor = next((panel.editor for panel in self.panels if panel.editor.viewport() is watched), None)
        if editor is None or editor.owner is None:
            return False
        position = event.position()
        block = editor.cursorForPosition(position.toPoint()).block()
        if not is_action(block):
            return False
        box = box_in_view(editor, block)
        if box is None or not box.adjusted(-3, -3, 3, 3).contains(position):
            return False
        item = block_action(block)
        status = ActionStatus.OPEN if item.status is ActionStatus.DONE else ActionStatus.DONE
        self.change(block, ActionItem(item.owners, item.deadline, status))
        return True


def participant_names(sections: list[Section]) -> list[str]:
    """The names of a report's participants, each once."""
    return list(dict.fromkeys(p.name for section in sections for p in section.participants))


def install_action_items(view: EditorView) -> ActionItems:
    """Add action items' actions and panels to ``view``, and File > New report from previous… (gui/next_report.py)."""
    from minutes_editor.gui.next_report import NextReportPart

    part = ActionItems(view)
    part.next_report = NextReportPart(view)
    return part
