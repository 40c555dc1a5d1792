"""The editor pane's pages: title block form, section page and session page, built from their Designer forms.

Pages only show values and report edits through signals of their widgets;
the window turns edits into undo commands and calls ``show_*`` again after
undo or redo.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from minutes_editor.gui.body_editor import BodyPanel, is_undo_key
from minutes_editor.gui.forms import child, load_form
from minutes_editor.gui.names import NameOverrides
from minutes_editor.gui.participants import ParticipantPicker
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Direction, Section, SectionKind, Session, TitleBlock

#: Time zones offered in the title block; any other can be typed.
TIME_ZONES = ("CET", "CEST", "UTC", "GMT", "EET", "EEST", "بتوقيت وسط أوروبا", "بتوقيت غرينتش")


def _fill_with_form(page: QWidget, name: str) -> QWidget:
    """Load Designer form ``name`` and make it fill ``page``, edge to edge."""
    form = load_form(name, page)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


def _put_in(holder: QWidget, widget: QWidget) -> None:
    """Place ``widget`` in a placeholder of a form (a widget the form gave a layout)."""
    layout = holder.layout()
    if layout is not None:
        layout.addWidget(widget)


class UndoKeyFilter(QObject):
    """Sends undo and redo keys past a field's own history to the window's one undo stack."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refuse the override so the window's shortcut fires instead."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and is_undo_key(event):
            event.ignore()
            return True
        return False


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


def direction_of_layout(direction: Direction) -> Qt.LayoutDirection:
    """The Qt layout direction of a report direction."""
    return Qt.LayoutDirection.RightToLeft if direction is Direction.RTL else Qt.LayoutDirection.LeftToRight


class TitlePage(QWidget):
    """The title block form: meeting, subtitle, date, times, time zone, location and status."""

    def __init__(self, undo_filter: UndoKeyFilter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("title_page")
        form = _fill_with_form(self, "title_block")
        self.meeting = child(form, QLineEdit, "meeting")
        self.subtitle = child(form, QLineEdit, "subtitle")
        self.has_date = child(form, QCheckBox, "has_date")
        self.date = child(form, QDateEdit, "date")
        self.has_times = child(form, QCheckBox, "has_times")
        self.start_time = child(form, QTimeEdit, "start_time")
        self.end_time = child(form, QTimeEdit, "end_time")
        self.timezone = child(form, QComboBox, "timezone")
        self.location = child(form, QLineEdit, "location")
        self.status = child(form, QComboBox, "status")
        self.date_line = child(form, QLabel, "date_line")
        self.location_line = child(form, QLabel, "location_line")
        # Qt draws the sections of a date or time edit in reverse order in a right-to-left layout
        # ("14-10-2021" for 2021-10-14): these fields read left to right in every language.
        for widget in (self.date, self.start_time, self.end_time):
            widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.timezone.addItems(list(TIME_ZONES))
        self.timezone.setCurrentIndex(-1)
        self.date.setDate(QDate.currentDate())
        self.start_time.setTime(QTime(10, 0))
        self.end_time.setTime(QTime(13, 0))
        for widget in (self.meeting, self.subtitle, self.location, self.timezone.lineEdit(), self.status.lineEdit()):
            widget.installEventFilter(undo_filter)
        self.text_fields: list[QWidget] = [self.meeting, self.subtitle, self.location, self.timezone, self.status]
        self._lines_of: tuple[TitleBlock, LanguagePreset] | None = None
        self._lines_timer = QTimer(self)
        self._lines_timer.setSingleShot(True)
        self._lines_timer.setInterval(0)
        self._lines_timer.timeout.connect(self.update_lines)

    def show_title(self, title: TitleBlock, preset: LanguagePreset) -> None:
        """Show the title block's values and the lines the report will print."""
        set_text(self.meeting, title.meeting)
        set_text(self.subtitle, title.subtitle)
        widgets = (self.has_date, self.date, self.has_times, self.start_time, self.end_time)
        for widget in widgets:
            widget.blockSignals(True)
        self.has_date.setChecked(title.date is not None)
        self.date.setEnabled(title.date is not None)
        if title.date is not None:
            self.date.setDate(QDate(title.date.year, title.date.month, title.date.day))
        has_times = title.start_time is not None or title.end_time is not None
        self.has_times.setChecked(has_times)
        self.start_time.setEnabled(has_times)
        self.end_time.setEnabled(has_times)
        if title.start_time is not None:
            self.start_time.setTime(QTime(title.start_time.hour, title.start_time.minute))
        if title.end_time is not None:
            self.end_time.setTime(QTime(title.end_time.hour, title.end_time.minute))
        for widget in widgets:
            widget.blockSignals(False)
        if self.status.count() != len(preset.status_words) or [
            self.status.itemText(i) for i in range(self.status.count())
        ] != list(preset.status_words):
            self.status.blockSignals(True)
            self.status.clear()
            self.status.addItems(list(preset.status_words))
            self.status.blockSignals(False)
        set_combo_text(self.timezone, title.timezone)
        set_combo_text(self.status, title.status)
        set_text(self.location, title.location)
        # Writing the date line loads the language's CLDR data (tens of ms the first time):
        # do it just after, so opening a report shows the window first.
        self._lines_of = (title, preset)
        self._lines_timer.start()

    def update_lines(self) -> None:
        """Show the date and location lines as the report writes them."""
        if self._lines_of is None:
            return
        title, preset = self._lines_of
        self.date_line.setText(preset.date_line_text(title))
        self.location_line.setText(preset.location_line_text(title))

    def date_value(self) -> dt.date | None:
        """The date the form holds, or None when unticked."""
        if not self.has_date.isChecked():
            return None
        value = self.date.date()
        return dt.date(value.year(), value.month(), value.day())

    def time_values(self) -> tuple[dt.time | None, dt.time | None]:
        """Start and end times, or None when unticked."""
        if not self.has_times.isChecked():
            return None, None
        start, end = self.start_time.time(), self.end_time.time()
        return dt.time(start.hour(), start.minute()), dt.time(end.hour(), end.minute())

    def set_direction(self, direction: Direction) -> None:
        """Text fields follow the report's direction."""
        for widget in self.text_fields:
            widget.setLayoutDirection(direction_of_layout(direction))
        for label in (self.date_line, self.location_line):
            label.setLayoutDirection(direction_of_layout(direction))
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class SectionPage(QWidget):
    """A section: heading, sub-heading flag, the participant picker (participation only) and the body."""

    def __init__(
        self,
        actions: list[QAction | None],
        overrides: NameOverrides,
        undo_filter: UndoKeyFilter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("section_page")
        form = _fill_with_form(self, "section_page")
        self.heading = child(form, QLineEdit, "heading")
        self.subheading = child(form, QCheckBox, "subheading")
        self.participants_holder = child(form, QWidget, "participants_holder")
        self.picker = ParticipantPicker(overrides)
        _put_in(self.participants_holder, self.picker)
        self.body = BodyPanel(actions)
        _put_in(child(form, QWidget, "body_holder"), self.body)
        self.heading.installEventFilter(undo_filter)
        self.section: Section | None = None

    def show_section(self, section: Section, preset: LanguagePreset, first: bool) -> None:
        """Show a section's heading and whether it is a sub-heading; the picker only for participation."""
        self.section = section
        self.heading.setPlaceholderText(preset.heading(section.kind))
        set_text(self.heading, section.heading or "")
        self.subheading.blockSignals(True)
        self.subheading.setChecked(section.level == 2)
        self.subheading.setEnabled(not first or section.level == 2)
        self.subheading.blockSignals(False)
        participation = section.kind is SectionKind.PARTICIPATION
        self.participants_holder.setVisible(participation)
        if participation:
            self.picker.set_language(preset.code)
            self.picker.show_participants(section.participants)

    def set_direction(self, direction: Direction) -> None:
        """Text fields follow the report's direction."""
        self.heading.setLayoutDirection(direction_of_layout(direction))


class SessionPage(QWidget):
    """A session: title, goals (one a line, shown as the quoted line the report prints) and body."""

    def __init__(
        self, actions: list[QAction | None], undo_filter: UndoKeyFilter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("session_page")
        form = _fill_with_form(self, "session_page")
        self.title = child(form, QLineEdit, "title")
        self.goals = child(form, QPlainTextEdit, "goals")
        self.goals_line = child(form, QLabel, "goals_line")
        self.body = BodyPanel(actions)
        _put_in(child(form, QWidget, "body_holder"), self.body)
        self.title.installEventFilter(undo_filter)
        self.goals.installEventFilter(undo_filter)
        self.session: Session | None = None

    def goals_value(self) -> list[str]:
        """The goals typed, one a line, blank lines left out."""
        return [line.strip() for line in self.goals.toPlainText().split("\n") if line.strip()]

    def show_session(self, session: Session, preset: LanguagePreset) -> None:
        """Show a session's title and goals."""
        self.session = session
        set_text(self.title, session.title)
        if self.goals_value() != session.goals:
            self.goals.blockSignals(True)
            self.goals.setPlainText("\n".join(session.goals))
            self.goals.blockSignals(False)
        self.goals_line.setText(preset.goals_line(session.goals))

    def set_direction(self, direction: Direction) -> None:
        """Text fields follow the report's direction."""
        for widget in (self.title, self.goals, self.goals_line):
            widget.setLayoutDirection(direction_of_layout(direction))
        self.goals.document().setDefaultTextOption(self.goals.document().defaultTextOption())
