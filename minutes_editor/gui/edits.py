"""Field and structure edits of the open report: every one an undo command on its one stack.

``ReportEdits`` wires the title block page and the section and session pages
to undoable field edits (``set_field``), and adds, removes, renames and moves
sections and sessions, and fills the "Add a section" menu. A change that breaks a rule of the report is refused
by its operation and said in the status bar. It takes the window as an
``EditorView`` (gui/parts.py), never the main window; the window is also the
``Views`` its commands refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from minutes_editor.gui.outline import section_title
from minutes_editor.model import operations as ops
from minutes_editor.model.report import (
    Footnote,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    TitleBlock,
)
from minutes_editor.model.rules import OperationRefusedError, Rule
from minutes_editor.model.tracking import edited_content, field_record, tracked_change, visible_text
from minutes_editor.phrases import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCursor

    from minutes_editor.gui.commands import OperationCommand
    from minutes_editor.gui.parts import EditorView

_Owner = TypeVar("_Owner", TitleBlock, Section, Session, Footnote)
_Value = TypeVar("_Value")

#: The kinds of section the "Add a section" menu offers, by their names in it.
SECTION_KIND_NAMES = {
    SectionKind.OBJECTIVES: QT_TRANSLATE_NOOP("ReportEdits", "Meeting objectives"),
    SectionKind.PARTICIPATION: QT_TRANSLATE_NOOP("ReportEdits", "Participation"),
    SectionKind.OPENING_REMARKS: QT_TRANSLATE_NOOP("ReportEdits", "Opening remarks"),
    SectionKind.SETTING_THE_SCENE: QT_TRANSLATE_NOOP("ReportEdits", "Setting the scene"),
    SectionKind.DISCUSSION: QT_TRANSLATE_NOOP("ReportEdits", "Discussion (with sessions)"),
    SectionKind.TAKEAWAYS: QT_TRANSLATE_NOOP("ReportEdits", "Key takeaways"),
    SectionKind.GENERIC: QT_TRANSLATE_NOOP("ReportEdits", "Other section"),
}


class ReportEdits(QObject):
    """The window's field and structure edits, each pushed on the open report's undo stack."""

    def __init__(self, view: EditorView, update_notes: Callable[[], None]) -> None:
        super().__init__(view.as_window())
        self.view = view
        self._update_notes = update_notes  # the notes beside the shown body, after a note's edit
        # The "Add a section" menu: its title in the first frame, its items after the first paint.
        self.section_menu = QMenu(self.tr("Add a &section"), view.as_window())

    def fill_section_menu(self) -> None:
        """Put an item for every kind of section in the "Add a section" menu."""
        for kind, name in SECTION_KIND_NAMES.items():
            action = self.section_menu.addAction(QCoreApplication.translate("ReportEdits", name))
            action.setObjectName(f"add_section_{kind.value}")
            action.triggered.connect(lambda _checked=False, kind=kind: self.add_section(kind))

    # ================================================================ what commands refresh (commands.Views)

    def structure_changed(self, select: object | None) -> None:
        """Rebuild the outline after a structural command and show ``select``."""
        self.view.outline.rebuild(self.view.document.report, self.view.preset, select)
        part = self.view.outline.current_part()
        if part is not None:
            self.view.show_part(part)
        self.view.schedule_preview()

    def field_changed(self, target: object, field: ops.Field[Any, Any]) -> None:
        """Refresh what shows ``field`` of ``target`` after a field command (done, undone or redone)."""
        report = self.view.document.report
        preset = self.view.preset
        if target is report.title:
            self.view.title_page.show_title(report.title, preset)
            if field is ops.MEETING:
                self.view.outline.rebuild(report, preset)
            if self.view.outline.current_part() is not report.title and field is not ops.MEETING:
                self.view.outline.select(report.title)
        elif isinstance(target, Section):
            if field is ops.HEADING or field is ops.LEVEL:
                self.view.outline.rebuild(report, preset, target)
            if self.view.outline.current_part() is not target:
                self.view.outline.select(target)
            first = bool(report.sections) and report.sections[0] is target
            self.view.section_page.show_section(target, preset, first)
        elif isinstance(target, Session):
            if field is ops.SESSION_TITLE:
                self.view.outline.rebuild(report, preset, target)
            if self.view.outline.current_part() is not target:
                self.view.outline.select(target)
            self.view.session_page.show_session(target, preset)
        elif isinstance(target, Footnote):
            self._update_notes()
        self.view.schedule_preview()

    def reveal_body(self, owner: object) -> QTextCursor | None:
        """Show ``owner``'s body (for undoing typing there) and return its editor's cursor."""
        if not isinstance(owner, Section | Session):
            return None
        if self.view.outline.current_part() is not owner:
            self.view.outline.select(owner)
        editor = self.view.current_editor()
        if editor is None or editor.owner is not owner:
            return None
        return editor.textCursor()

    def show_cursor(self, owner: object, cursor: QTextCursor) -> None:
        """Put the shown body editor's cursor where an undo or redo happened."""
        editor = self.view.current_editor()
        if editor is not None and editor.owner is owner:
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()

    # ================================================================ field edits

    def set_field(self, target: _Owner, field: ops.Field[_Owner, _Value], value: _Value, *, merge: bool = True) -> bool:
        """Push an undoable change of ``field`` of ``target``; typing into one field merges into one step.

        False when nothing changed, or when the change breaks a rule of the report (said in the status bar).
        While Track changes is on, the first edit of a field records its old value as a pending change.
        """
        if field.get(target) == value:
            return False
        key = f"{id(target)}.{field.name}" if merge else None
        text = self.tr("Edit %1").replace("%1", field.name.replace("_", " "))
        from minutes_editor.gui.commands import FieldCommand

        document = self.view.document
        report = document.report
        record = None
        if document.tracked_by and not isinstance(target, Footnote):
            record = field_record(report, target, field, value, tracked_change(document.tracked_by))
        operation = ops.SetField(target, field, value)
        return self.push(FieldCommand(self, report, operation, text, merge_key=key, record=record))

    def push(self, command: OperationCommand) -> bool:
        """Push ``command`` if its operation may be applied; else say why in the status bar and return False."""
        try:
            command.operation.check(self.view.document.report)
        except OperationRefusedError as refusal:
            self.view.as_window().statusBar().showMessage(self._refusal_text(refusal), 5000)
            return False
        self.view.document.undo_stack.push(command)
        return True

    def _refusal_text(self, refusal: OperationRefusedError) -> str:
        if refusal.rule is Rule.FIRST_SECTION_LEVEL:
            return self.tr("The first section cannot be a sub-heading.")
        return str(refusal)

    def connect_title_page(self) -> None:
        """Make every edit of the title block page an undoable field edit."""
        title = self.view.title_page
        report: Callable[[], Report] = lambda: self.view.document.report  # noqa: E731 - the report changes with the document
        title.meeting.textEdited.connect(lambda text: self.set_field(report().title, ops.MEETING, text))
        title.subtitle.textEdited.connect(lambda text: self.set_field(report().title, ops.SUBTITLE, text))
        title.location.textEdited.connect(lambda text: self.set_field(report().title, ops.LOCATION, text))
        title.timezone.editTextChanged.connect(lambda text: self.set_field(report().title, ops.TIMEZONE, text))
        title.status.editTextChanged.connect(lambda text: self.set_field(report().title, ops.STATUS, text))
        for widget in (title.has_date, title.date):
            signal = widget.toggled if widget is title.has_date else title.date.dateChanged
            signal.connect(lambda *_args: self.set_field(report().title, ops.DATE, title.date_value(), merge=False))
        title.has_times.toggled.connect(lambda *_args: self._set_times())
        title.start_time.timeChanged.connect(lambda *_args: self._set_times())
        title.end_time.timeChanged.connect(lambda *_args: self._set_times())

    def connect_body_pages(self) -> None:
        """Make every edit of the section and session pages (but their bodies) an undoable field edit."""
        section = self.view.section_page
        section.heading.textEdited.connect(self._heading_edited)
        section.subheading.toggled.connect(self._subheading_toggled)
        section.picker.participants_changed.connect(self._participants_changed)
        session = self.view.session_page
        session.title.textEdited.connect(
            lambda text: session.session is not None and self.set_field(session.session, ops.SESSION_TITLE, text)
        )
        session.goals.textChanged.connect(
            lambda: session.session is not None and self.set_field(session.session, ops.GOALS, session.goals_value())
        )
        for panel in (section.body, session.body):
            panel.notes.note_edited.connect(self._note_edited)

    def _set_times(self) -> None:
        start, end = self.view.title_page.time_values()
        title = self.view.document.report.title
        stack = self.view.document.undo_stack
        if (title.start_time, title.end_time) == (start, end):
            return
        stack.beginMacro(self.tr("Edit times"))
        self.set_field(title, ops.START_TIME, start, merge=False)
        self.set_field(title, ops.END_TIME, end, merge=False)
        stack.endMacro()

    def _heading_edited(self, text: str) -> None:
        section = self.view.section_page.section
        if section is not None:
            self.set_field(section, ops.HEADING, text if text.strip() else None)

    def _subheading_toggled(self, checked: bool) -> None:
        section = self.view.section_page.section
        if section is None:
            return
        if not self.set_field(section, ops.LEVEL, 2 if checked else 1, merge=False):
            # Refused (the first section cannot be a sub-heading): the box shows the level again.
            sections = self.view.document.report.sections
            self.view.section_page.show_section(section, self.view.preset, bool(sections) and sections[0] is section)

    def _participants_changed(self, participants: list[Participant]) -> None:
        section = self.view.section_page.section
        if section is not None:
            self.set_field(section, ops.PARTICIPANTS, list(participants), merge=False)

    def _note_edited(self, footnote_id: str, text: str) -> None:
        note = self.view.store.pool.get(footnote_id)
        if note is not None and visible_text(note.content) != text:
            # The line shows the note without its deletions: its spans keep their emphasis and marks.
            author = self.view.document.tracked_by
            me = tracked_change(author) if author else None
            self.set_field(note, ops.NOTE_CONTENT, edited_content(note.content, text, me))

    # ================================================================ structure

    def _current_section(self) -> Section | None:
        part = self.view.outline.current_part()
        if isinstance(part, Section):
            return part
        if isinstance(part, Session):
            return self._section_of(part)
        return None

    def _section_of(self, session: Session) -> Section | None:
        for section in self.view.document.report.sections:
            if any(candidate is session for candidate in section.sessions):
                return section
        return None

    @staticmethod
    def _index(items: list[Any], item: object) -> int:
        return next(index for index, candidate in enumerate(items) if candidate is item)

    def add_section(self, kind: SectionKind = SectionKind.GENERIC) -> Section:
        """Add a section of ``kind`` after the current one (or at the end) and select it."""
        report = self.view.document.report
        current = self._current_section()
        index = self._index(report.sections, current) + 1 if current is not None else len(report.sections)
        if isinstance(self.view.outline.current_part(), TitleBlock):
            index = 0
        section = Section(kind, level=2 if kind is SectionKind.TAKEAWAYS and index > 0 else 1)
        text = self.tr("Add section")
        from minutes_editor.gui.commands import InsertCommand

        self.push(InsertCommand(self, report, ops.InsertSection(index, section), text=text))
        return section

    def add_session(self) -> Session | None:
        """Add a session after the current one, in the current (or last) discussion section."""
        report = self.view.document.report
        part = self.view.outline.current_part()
        section = self._current_section()
        if section is None or section.kind is not SectionKind.DISCUSSION:
            section = next((s for s in reversed(report.sections) if s.kind is SectionKind.DISCUSSION), None)
        if section is None:
            section = self.add_section(SectionKind.DISCUSSION)
            part = section
        index = (
            self._index(section.sessions, part) + 1
            if isinstance(part, Session) and part in section.sessions
            else len(section.sessions)
        )
        session = Session("")
        from minutes_editor.gui.commands import InsertCommand

        insert = ops.InsertSession(section, index, session)
        self.push(InsertCommand(self, report, insert, text=self.tr("Add session")))
        self.view.session_page.title.setFocus()
        return session

    def remove_part(self) -> None:
        """Remove the selected section or session (undo brings it back)."""
        from minutes_editor.gui.commands import RemoveCommand

        report = self.view.document.report
        part = self.view.outline.current_part()
        if isinstance(part, Section):
            index = self._index(report.sections, part)
            self.push(RemoveCommand(self, report, ops.RemoveSection(index), self.tr("Remove section")))
        elif isinstance(part, Session):
            section = self._section_of(part)
            if section is not None:
                index = self._index(section.sessions, part)
                remove = ops.RemoveSession(section, index)
                self.push(RemoveCommand(self, report, remove, self.tr("Remove session")))

    def rename_part(self) -> None:
        """Put the cursor in the selected part's heading or title, selected for typing over."""
        part = self.view.outline.current_part()
        field = {
            TitleBlock: self.view.title_page.meeting,
            Section: self.view.section_page.heading,
            Session: self.view.session_page.title,
        }
        widget = field.get(type(part))
        if widget is not None:
            if isinstance(part, Section) and not widget.text():
                widget.setText(section_title(part, self.view.preset))
                widget.textEdited.emit(widget.text())
            widget.setFocus()
            widget.selectAll()

    def move_part(self, step: int) -> None:
        """Move the selected section or session up (-1) or down (1)."""
        report = self.view.document.report
        part = self.view.outline.current_part()
        if isinstance(part, Section):
            index = self._index(report.sections, part)
            self.request_move(part, report, index + step + (1 if step > 0 else 0))
        elif isinstance(part, Session):
            section = self._section_of(part)
            if section is not None:
                index = self._index(section.sessions, part)
                self.request_move(part, section, index + step + (1 if step > 0 else 0))

    def request_move(self, part: object, owner: object, index: int) -> None:
        """Move ``part`` so that it stands before the item now at ``index`` of ``owner``'s list."""
        report = self.view.document.report
        if isinstance(part, Section) and owner is report:
            source_owner: object = report
            attribute = "sections"
        elif isinstance(part, Session) and isinstance(owner, Section):
            found = self._section_of(part)
            if found is None:
                return
            source_owner = found
            attribute = "sessions"
        else:
            return
        source_items: list[Any] = getattr(source_owner, attribute)
        source_index = self._index(source_items, part)
        target_items: list[Any] = getattr(owner, attribute)
        if source_owner is owner and index > source_index:
            index -= 1
        index = min(max(index, 0), len(target_items) - (1 if source_owner is owner else 0))
        if source_owner is owner and index == source_index:
            return
        from minutes_editor.gui.commands import MoveCommand

        if isinstance(source_owner, Section) and isinstance(owner, Section):
            move: ops.MoveSection | ops.MoveSession = ops.MoveSession(source_owner, source_index, owner, index)
            text = self.tr("Move session")
        else:
            move = ops.MoveSection(source_index, index)
            text = self.tr("Move section")
        self.push(MoveCommand(self, report, move, text))
