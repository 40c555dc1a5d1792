"""The editor pane's section and session pages, built from their Designer forms (the title block is title_page.py).

Pages only show values and report edits through signals of their widgets;
the window turns edits into undo commands and calls ``show_*`` again after
undo or redo. These pages are built just after the window's first paint.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from minutes_editor.gui.body_editor import BodyPanel
from minutes_editor.gui.directions import follow_direction
from minutes_editor.gui.fields import EscapeToText
from minutes_editor.gui.forms import child, fill_with_form, put_in, set_text
from minutes_editor.gui.names import NameOverrides
from minutes_editor.gui.participants import ParticipantPicker
from minutes_editor.gui.shortcuts import UndoKeyFilter
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Direction, Section, SectionKind, Session


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
        form = fill_with_form(self, "section_page")
        self.heading = child(form, QLineEdit, "heading")
        self.subheading = child(form, QCheckBox, "subheading")
        self.participants_holder = child(form, QWidget, "participants_holder")
        self.picker = ParticipantPicker(overrides)
        put_in(self.participants_holder, self.picker)
        self.body = BodyPanel(actions)
        put_in(child(form, QWidget, "body_holder"), self.body)
        self.heading.installEventFilter(undo_filter)
        picker = self.picker
        fields = (self.heading, self.subheading, picker.search, picker.candidates, picker.chosen)
        EscapeToText(lambda _field: self.body.back_to_text(), self).watch(*fields)
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

    def release(self) -> None:
        """Let go of the shown section and its body (the report is closing)."""
        self.section = None
        self.body.release()

    def set_direction(self, direction: Direction) -> None:
        """Text fields follow the report's direction."""
        follow_direction(self.heading, direction)


class SessionPage(QWidget):
    """A session: title, goals (one a line, shown as the quoted line the report prints) and body."""

    def __init__(
        self, actions: list[QAction | None], undo_filter: UndoKeyFilter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("session_page")
        form = fill_with_form(self, "session_page")
        self.title = child(form, QLineEdit, "title")
        self.goals = child(form, QPlainTextEdit, "goals")
        self.goals_line = child(form, QLabel, "goals_line")
        self.body = BodyPanel(actions)
        put_in(child(form, QWidget, "body_holder"), self.body)
        self.title.installEventFilter(undo_filter)
        self.goals.installEventFilter(undo_filter)
        EscapeToText(lambda _field: self.body.back_to_text(), self).watch(self.title, self.goals)
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

    def release(self) -> None:
        """Let go of the shown session and its body (the report is closing)."""
        self.session = None
        self.body.release()

    def set_direction(self, direction: Direction) -> None:
        """Text fields follow the report's direction."""
        for widget in (self.title, self.goals, self.goals_line):
            follow_direction(widget, direction)
        self.goals.document().setDefaultTextOption(self.goals.document().defaultTextOption())
