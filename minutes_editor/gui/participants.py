"""The participation picker: search countries and organisations, add free entries, order by drag, see the sentence.

The picker never changes the report itself: it emits ``participants_changed``
with the new list and the window pushes an undo command, then calls
``show_participants`` with what the report now holds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui.names import KOSOVO, NameEntry, NameOverrides, all_entries, fold, standard_name
from minutes_editor.model.report import Direction, Participant, direction_of
from minutes_editor.storage.presets import load_preset

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent

_CODE = Qt.ItemDataRole.UserRole


def pasted_names(text: str, language: str) -> list[str]:
    """The names of a pasted list: one a line, or separated by commas or the language's joining words (و)."""
    # The importer's rule, Qt-free, which reads the participation sentence of a Word draft.
    from minutes_editor.importer.participants import split_list

    return [participant.name for participant in split_list(text, load_preset(language or "en"))]


class SearchField(QLineEdit):
    """The picker's search line: pasting a list of several names adds them all instead of searching."""

    #: A list of names was pasted (the clipboard's text).
    list_pasted = Signal(str)

    def __init__(self, is_list: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.is_list = is_list

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Paste: a list goes to the participants, anything else into the line."""
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            if self.is_list(text):
                self.list_pasted.emit(text)
                return
        super().keyPressEvent(event)


class ChosenList(QListWidget):
    """The chosen participants, in report order; reordered by drag, Alt+Up/Down, renamed with F2."""

    reordered = Signal()
    move_requested = Signal(int)

    def dropEvent(self, event: QDropEvent) -> None:
        """Let Qt move the row, then report the new order."""
        super().dropEvent(event)
        self.reordered.emit()

    #: Paste in the list: the clipboard's text, a list of names to add.
    list_pasted = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Up and Alt+Down move the current participant; Paste adds the names of a pasted list."""
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.list_pasted.emit(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)


class ParticipantPicker(QWidget):
    """Pick the participants of a participation section."""

    #: The user changed the list: the new participants, in order.
    participants_changed = Signal(list)
    #: Kosovo was added: the window offers the designation footnote.
    designation_needed = Signal(str)

    def __init__(self, overrides: NameOverrides, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("participant_picker")
        self.overrides = overrides
        self.language = ""
        self._entries: list[NameEntry] = []
        self._participants: list[Participant] = []

        self.search = SearchField(lambda text: len(pasted_names(text, self.language)) > 1)
        self.search.setObjectName("participant_search")
        self.search.setPlaceholderText(self.tr("Search countries and organisations, in either script…"))
        self.search.setClearButtonEnabled(True)
        self.candidates = QListWidget()
        self.candidates.setObjectName("participant_candidates")
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_free_button = QPushButton(self.tr("Add as &typed"))
        self.paste_button = QPushButton(self.tr("&Paste a list"))
        self.paste_button.setToolTip(self.tr("Add every name of a list copied from a registration sheet"))
        self.chosen = ChosenList()
        self.chosen.setObjectName("participant_list")
        self.chosen.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.chosen.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.chosen.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        self.sentence = QLabel()
        self.sentence.setObjectName("participants_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Countries and organisations")))
        left.addWidget(self.search)
        left.addWidget(self.candidates)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.add_free_button)
        add_row.addWidget(self.paste_button)
        left.addLayout(add_row)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Participants, in report order (drag to reorder, F2 to rename)")))
        right.addWidget(self.chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        right.addLayout(buttons)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.sentence, 1, 0, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 2)

        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._add_from_search)
        self.search.list_pasted.connect(self._paste_into_search)
        self.chosen.list_pasted.connect(self.add_list)
        self.candidates.itemActivated.connect(self._add_entry)
        self.add_button.clicked.connect(lambda: self._add_entry(self.candidates.currentItem()))
        self.add_free_button.clicked.connect(self._add_free)
        self.paste_button.clicked.connect(lambda: self.add_list(QGuiApplication.clipboard().text()))
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.chosen.move_requested.connect(self._move)
        self.chosen.reordered.connect(self._emit_from_list)
        self.chosen.itemChanged.connect(self._renamed)

    # ---------------------------------------------------------- showing

    def set_language(self, language: str) -> None:
        """Name the candidates in the report's language."""
        if language == self.language:
            return
        self.language = language
        direction = (
            Qt.LayoutDirection.RightToLeft
            if direction_of(language) is Direction.RTL
            else Qt.LayoutDirection.LeftToRight
        )
        for widget in (self.search, self.candidates, self.chosen, self.sentence):
            widget.setLayoutDirection(direction)
        self._reload_entries()

    def _reload_entries(self) -> None:
        self._entries = all_entries(self.language, self.overrides)
        self.candidates.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry.name)
            item.setData(_CODE, entry.code)
            item.setToolTip(", ".join(alias for alias in entry.aliases if alias))
            self.candidates.addItem(item)
        self._filter(self.search.text())

    def show_participants(self, participants: list[Participant]) -> None:
        """Show the report's participants and the sentence the report will print."""
        self._participants = [Participant(item.name, item.code) for item in participants]
        self.chosen.blockSignals(True)
        current = self.chosen.currentRow()
        self.chosen.clear()
        for participant in participants:
            item = QListWidgetItem(participant.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setData(_CODE, participant.code)
            self.chosen.addItem(item)
        if participants:
            self.chosen.setCurrentRow(min(max(current, 0), len(participants) - 1))
        self.chosen.blockSignals(False)
        self.sentence.setText(load_preset(self.language).list_join.join([item.name for item in participants]))

    def _filter(self, text: str) -> None:
        first_visible = None
        for row, entry in enumerate(self._entries):
            hidden = not entry.matches(text)
            self.candidates.item(row).setHidden(hidden)
            if not hidden and first_visible is None:
                first_visible = row
        if first_visible is not None:
            self.candidates.setCurrentRow(first_visible)

    # ---------------------------------------------------------- editing

    def _emit(self, participants: list[Participant]) -> None:
        self.participants_changed.emit(participants)

    def _add_from_search(self) -> None:
        item = self.candidates.currentItem()
        if item is not None and not item.isHidden() and self.search.text().strip():
            self._add_entry(item)
        else:
            self._add_free()

    def match(self, name: str) -> NameEntry | None:
        """The listed entry a typed name stands for (its name, an alias or the user's spelling), or None."""
        wanted = fold(name.strip().rstrip("."))
        candidates = [wanted]
        # An Arabic list joins names with a leading و ("والنمسا"): try without it too.
        if wanted.startswith("و") and len(wanted) > 2:
            candidates.append(wanted[1:])
        for candidate in candidates:
            for entry in self._entries:
                if candidate in (fold(entry.name), *(fold(alias) for alias in entry.aliases if alias)):
                    return entry
        return None

    def add_list(self, text: str) -> list[Participant]:
        """Add each name of a pasted list: matched names get their standard spelling, others stay as typed."""
        added: list[Participant] = []
        known = {participant.code for participant in self._participants if participant.code}
        names = {participant.name for participant in self._participants}
        for raw in pasted_names(text, self.language):
            name = raw.strip().rstrip(".").strip()
            if not name:
                continue
            entry = self.match(name)
            participant = Participant(entry.name, entry.code) if entry else Participant(name)
            if (participant.code and participant.code in known) or participant.name in names:
                continue
            added.append(participant)
            known.add(participant.code)
            names.add(participant.name)
        if added:
            self._emit([*self._participants, *added])
            if any(participant.code == KOSOVO for participant in added):
                self.designation_needed.emit(KOSOVO)
        return added

    def _paste_into_search(self, text: str) -> None:
        if self.add_list(text):
            self.search.clear()

    def _add_entry(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        code = str(item.data(_CODE))
        if any(participant.code == code for participant in self._participants):
            self.note.setText(self.tr("%1 is already listed.").replace("%1", item.text()))
            self.note.show()
            return
        self.note.hide()
        self._emit([*self._participants, Participant(item.text(), code)])
        self.search.clear()
        if code == KOSOVO:
            self.designation_needed.emit(code)

    def _add_free(self) -> None:
        name = self.search.text().strip()
        if name:
            self._emit([*self._participants, Participant(name)])
            self.search.clear()

    def _remove(self) -> None:
        row = self.chosen.currentRow()
        if 0 <= row < len(self._participants):
            self._emit(self._participants[:row] + self._participants[row + 1 :])

    def _move(self, step: int) -> None:
        row = self.chosen.currentRow()
        target = row + step
        if 0 <= row < len(self._participants) and 0 <= target < len(self._participants):
            items = list(self._participants)
            items.insert(target, items.pop(row))
            self.chosen.setCurrentRow(target)
            self._emit(items)
            self.chosen.setCurrentRow(target)

    def _emit_from_list(self) -> None:
        by_name = {(item.name, item.code): item for item in self._participants}
        order = []
        for row in range(self.chosen.count()):
            item = self.chosen.item(row)
            key = (item.text(), str(item.data(_CODE) or ""))
            order.append(by_name.get(key, Participant(*key)))
        if order != self._participants:
            self._emit(order)

    def _renamed(self, item: QListWidgetItem) -> None:
        row = self.chosen.row(item)
        if not 0 <= row < len(self._participants):
            return
        name = item.text().strip()
        old = self._participants[row]
        if not name or name == old.name:
            return
        if old.code:
            # Remember the user's spelling for next time; the standard name again forgets it.
            original = standard_name(self.language, old.code)
            self.overrides.set(self.language, old.code, None if name == original else name)
            self._reload_entries()
        items = list(self._participants)
        items[row] = Participant(name, old.code)
        self._emit(items)

    def rename(self, row: int, name: str) -> None:
        """Rename the participant at ``row`` as if edited in the list (for keyboard and tests)."""
        item = self.chosen.item(row)
        if item is not None:
            item.setText(name)
