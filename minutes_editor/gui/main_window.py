"""The main window: outline on the start side, the editor of the selected part, the live preview.

Every change goes through the open ReportDocument's one undo stack: field
edits and structural edits as commands of ``commands.py``, typing in a body
as the body document's own undo steps relayed by ``BodyStore``. The preview
is rebuilt from ``render.flow.flatten`` on a short timer after the last
change, never inside a keystroke.

The window starts in two steps. Its first frame holds what the first sight
of a report needs: the outline, the title block page, menus and toolbar.
That code leaves PySide6's ``Qt`` namespace alone (gui/directions.py says
why) and imports no more than it needs. ``complete`` builds the rest (the
section and session pages with their body editors, the body store, the
preview, the writing aids) just after the first paint, or at once when
something asks for one of them first.

Hooks for other parts of the application (autosave, settings):
``document_closing(ReportDocument)`` fires before the open report and its
body documents are deleted (whoever holds one lets go then);
``document_replaced(ReportDocument)`` fires when another report is opened or
created; ``document.changed`` fires on every edit (typing included);
``document.read()`` returns the report with the typed text brought in (read
it so, never ``document.report`` straight); ``open_path``, ``save``, ``save_as``, ``export_docx`` and
``maybe_save`` run the File menu's actions without dialogs where a path is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QMouseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from minutes_editor.gui import start_finished
from minutes_editor.gui.actions import ActionRegistry
from minutes_editor.gui.directions import follow_direction, is_rtl_language, set_layout_direction
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.forms import child, load_form
from minutes_editor.gui.outline import Outline, section_title
from minutes_editor.gui.session import DocumentSession
from minutes_editor.gui.shortcuts import UndoKeyFilter
from minutes_editor.gui.title_page import TitlePage
from minutes_editor.model import operations as ops
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    BlockKind,
    Footnote,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
    plain_text,
)
from minutes_editor.model.rules import OperationRefusedError, Rule
from minutes_editor.phrases import QT_TRANSLATE_NOOP
from minutes_editor.storage.presets import load_preset

_Owner = TypeVar("_Owner", TitleBlock, Section, Session, Footnote)
_Value = TypeVar("_Value")

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCursor

    from minutes_editor.gui.bodies import BodyStore
    from minutes_editor.gui.body_editor import BodyEditor, BodyPanel
    from minutes_editor.gui.commands import OperationCommand
    from minutes_editor.gui.dialogs import QuickInsert, ShortcutsDialog
    from minutes_editor.gui.names import NameOverrides
    from minutes_editor.gui.pages import SectionPage, SessionPage
    from minutes_editor.gui.preview import PreviewRenderer
    from minutes_editor.gui.writing_aids import WritingAids
    from minutes_editor.render.flow import Origin

APP_NAME = "Minutes Editor"
#: Milliseconds after the last change before the preview and footnote numbers are refreshed.
PREVIEW_DELAY_MS = 300
#: Milliseconds a window that is never painted (hidden, in tests) waits for its after-paint work.
FIRST_PAINT_WAIT_MS = 300
#: Milliseconds after the first paint before that work starts: one frame at 60 Hz, for the painted
#: window to be flushed to the screen before the rest of the window is built.
AFTER_PAINT_MS = 16

_SECTION_KIND_NAMES = {
    SectionKind.OBJECTIVES: QT_TRANSLATE_NOOP("MainWindow", "Meeting objectives"),
    SectionKind.PARTICIPATION: QT_TRANSLATE_NOOP("MainWindow", "Participation"),
    SectionKind.OPENING_REMARKS: QT_TRANSLATE_NOOP("MainWindow", "Opening remarks"),
    SectionKind.SETTING_THE_SCENE: QT_TRANSLATE_NOOP("MainWindow", "Setting the scene"),
    SectionKind.DISCUSSION: QT_TRANSLATE_NOOP("MainWindow", "Discussion (with sessions)"),
    SectionKind.TAKEAWAYS: QT_TRANSLATE_NOOP("MainWindow", "Key takeaways"),
    SectionKind.GENERIC: QT_TRANSLATE_NOOP("MainWindow", "Other section"),
}


class MainWindow(QMainWindow):
    """The editor's main window; one report open at a time."""

    #: The open report (its ReportDocument) is about to be deleted: whoever holds one of its body
    #: documents, cursors or highlighters lets go now. ``store`` is still the closing report's.
    document_closing = Signal(object)
    #: Another report was opened or created (the new ReportDocument): autosave follows it.
    document_replaced = Signal(object)
    #: The preview was refreshed (tests and benchmarks wait for it).
    preview_refreshed = Signal()
    # A body document was shown in an editor (the spell checker underlines in it).
    body_shown = Signal(object)
    #: The window has been painted for the first time (before the work that waits for it starts).
    first_painted = Signal()

    def __init__(
        self, interface_language: str = "en", settings: Any | None = None, document: ReportDocument | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.interface_language = interface_language
        set_layout_direction(self, is_rtl_language(interface_language))
        self.settings = settings
        self.undo_filter = UndoKeyFilter(self)
        self.registry = ActionRegistry(self)
        self.actions_by_name: dict[str, QAction] = self.registry.actions_by_name
        self._last_text_widget: QWidget | None = None
        self._quick: QuickInsert | None = None
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self._completed = False
        self._store: BodyStore | None = None

        # The document session: the open report and its file life cycle (gui/session.py).
        first = document if document is not None else ReportDocument(Report(language="en"))
        self.session = DocumentSession(self, settings, first)
        self.session.document_closing.connect(self.document_closing)
        self.session.document_shown.connect(self._show_document)
        self.session.document_replaced.connect(self.document_replaced)
        self.session.saved.connect(lambda _path: self.store.stop_merging())
        self.session.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))

        form = load_form("main_window", self)
        self.setCentralWidget(form)
        self.splitter = child(form, QSplitter, "splitter")
        self.tree = child(form, QTreeWidget, "outline")
        self.editor_stack = child(form, QStackedWidget, "editor_stack")
        self.preview = child(form, QTextBrowser, "preview")
        child(form, QLabel, "outline_label").setBuddy(self.tree)
        self.preview.setToolTip(self.tr("Double-click a paragraph to edit it"))
        self.outline = Outline(self.tree, self)
        self._create_actions()
        self.title_page = TitlePage(self.undo_filter, self.editor_stack, after_paint=self.run_after_first_paint)
        self.editor_stack.addWidget(self.title_page)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([230, 620, 450])
        self._create_menus()
        self._connect_title_page()
        self.outline.selected.connect(self.show_part)
        self.outline.move_requested.connect(self._move_part)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        # The rest of the window comes right after the first paint, before the first preview.
        self.run_after_first_paint(self.complete)
        # A report to open is shown at once: showing an empty one first would load its language for nothing.
        self.session.set_document(self.session.document)
        self.resize(1300, 820)

    # ================================================================ the rest of the window

    @property
    def is_complete(self) -> bool:
        """Whether the parts built after the first paint are there."""
        return self._completed

    def complete(self) -> None:
        """Build what the first frame left out: section and session pages, body store, preview, writing aids."""
        if self._completed:
            return
        self._completed = True
        try:
            self._build_rest()
        finally:
            start_finished()  # start-up is over: the garbage collector paused by prepare_start resumes

    def _build_rest(self) -> None:
        self._fill_menus()
        from minutes_editor.gui.names import NameOverrides
        from minutes_editor.gui.pages import SectionPage, SessionPage
        from minutes_editor.gui.preview import PreviewRenderer
        from minutes_editor.gui.writing_aids import install_writing_aids

        self._overrides = NameOverrides()
        self._preview_renderer = PreviewRenderer(self.preview.document())
        self.preview.viewport().installEventFilter(self)  # double-click to edit (see Outline.handle_drops)
        self.outline.handle_drops()
        actions = self.actions_by_name
        body_actions: list[QAction | None] = [actions[name] for name in ("bold", "italic", "underline")]
        body_actions += [None] + [actions[name] for name in ("paragraph", "bullet", "label")]
        body_actions += [None, actions["insert_footnote"]]
        self._section_page = SectionPage(body_actions, self._overrides, self.undo_filter)
        self._session_page = SessionPage(body_actions, self.undo_filter)
        for page in (self._section_page, self._session_page):
            self.editor_stack.addWidget(page)
        for panel in (self._section_page.body, self._session_page.body):
            panel.editor.set_undo_actions(actions["undo"], actions["redo"])
            panel.editor.undo_requested.connect(self.undo)
            panel.editor.redo_requested.connect(self.redo)
            panel.notes.note_edited.connect(self._note_edited)
            panel.banner_button.clicked.connect(self.insert_designation_note)
        self._connect_body_pages()
        for page in (self._section_page, self._session_page):
            self.document_closing.connect(lambda _document, page=page: page.release())
        self._attach_store(self.document)
        self._apply_report_direction()
        # Spell checking, the checks dock, find and replace, word count (gui/writing_aids.py).
        self._writing_aids = install_writing_aids(self)
        self.body_shown.connect(self._writing_aids.spelling.attach)
        # The file's hash (the changed-on-disk guard), now rather than in the first autosave.
        _ = self.document.disk_hash

    @property
    def overrides(self) -> NameOverrides:
        """The names this user writes differently from CLDR (remembered)."""
        self.complete()
        return self._overrides

    @property
    def section_page(self) -> SectionPage:
        """The page of the selected section."""
        self.complete()
        return self._section_page

    @property
    def session_page(self) -> SessionPage:
        """The page of the selected session."""
        self.complete()
        return self._session_page

    @property
    def store(self) -> BodyStore:
        """The body documents of the open report."""
        self.complete()
        assert self._store is not None
        return self._store

    @property
    def preview_renderer(self) -> PreviewRenderer:
        """Renders the flattened report into the preview."""
        self.complete()
        return self._preview_renderer

    @property
    def writing_aids(self) -> WritingAids:
        """Spell checking, the checks dock, find and replace, word count."""
        self.complete()
        return self._writing_aids

    # ================================================================ first paint

    def run_after_first_paint(self, task: Callable[[], None]) -> None:
        """Run ``task`` once the window has been painted (work the first sight of the report does not need)."""
        if self._painted:
            QTimer.singleShot(0, task)
            return
        self._after_paint.append(task)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._run_after_paint)

    def _run_after_paint(self) -> None:
        tasks, self._after_paint = self._after_paint, []
        for task in tasks:
            task()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, and the first time start the work that waited for the window to be seen."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(AFTER_PAINT_MS, self._run_after_paint)
            self.first_painted.emit()

    # ================================================================ actions and menus

    def _create_actions(self) -> None:
        handlers: dict[str, Callable[[], object]] = {
            "new": self.new_report,
            "open": self.open_dialog,
            "save": self.save,
            "save_as": self.save_as,
            "export": self.export_docx,
            "quit": self.close,
            "undo": self.undo,
            "redo": self.redo,
            "quick_name": self.quick_insert_name,
            "insert_time": self.insert_time,
            "insert_footnote": self.insert_footnote,
            "bold": lambda: self._with_editor(lambda editor: editor.toggle_bold()),
            "italic": lambda: self._with_editor(lambda editor: editor.toggle_italic()),
            "underline": lambda: self._with_editor(lambda editor: editor.toggle_underline()),
            "paragraph": lambda: self._with_editor(lambda editor: editor.set_kind(BlockKind.PARAGRAPH)),
            "bullet": lambda: self._with_editor(lambda editor: editor.set_kind(BlockKind.BULLET)),
            "label": lambda: self._with_editor(lambda editor: editor.set_kind(BlockKind.LABEL)),
            "add_section": lambda: self.add_section(SectionKind.GENERIC),
            "add_session": self.add_session,
            "remove": self.remove_part,
            "rename": self.rename_part,
            "move_up": lambda: self.move_part(-1),
            "move_down": lambda: self.move_part(1),
            "next_part": lambda: self.step_part(1),
            "previous_part": lambda: self.step_part(-1),
            "next_field": self._focus_next_field,
            "outline": self.tree.setFocus,
            "editor": self.focus_editor,
            "shortcuts": self.show_shortcuts,
        }
        self.registry.create(handlers, self.tree)
        self.actions_by_name["undo"].setEnabled(False)
        self.actions_by_name["redo"].setEnabled(False)

    def _create_menus(self) -> None:
        # The first frame shows the menu bar's titles; what the menus hold is added by _fill_menus
        # right after the first paint, when nobody can have opened one yet.
        titles = [self.tr("&File"), self.tr("&Edit"), self.tr("F&ormat"), self.tr("&Report"), self.tr("&Go")]
        self.registry.create_menus([*titles, self.tr("&Help")])
        menus = self.registry.menus
        self.file_menu, self.edit_menu, self.format_menu = menus["file"], menus["edit"], menus["format"]
        self.report_menu, self.go_menu, self.help_menu = menus["report"], menus["go"], menus["help"]
        self.section_menu = QMenu(self.tr("Add a &section"), self)

        actions = self.actions_by_name
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.addActions([actions[name] for name in ("new", "open", "save", "export")])
        toolbar.addSeparator()
        toolbar.addActions([actions["undo"], actions["redo"]])
        toolbar.addSeparator()
        toolbar.addActions([actions["add_session"], actions["quick_name"], actions["insert_time"]])

        form = self.centralWidget()
        assert form is not None  # the main_window form, set in __init__
        add_section = child(form, QToolButton, "add_section_button")
        add_section.setMenu(self.section_menu)
        add_section.clicked.connect(lambda: self.add_section(SectionKind.GENERIC))
        child(form, QToolButton, "add_session_button").clicked.connect(self.add_session)
        child(form, QToolButton, "remove_button").clicked.connect(self.remove_part)
        child(form, QToolButton, "up_button").clicked.connect(lambda: self.move_part(-1))
        child(form, QToolButton, "down_button").clicked.connect(lambda: self.move_part(1))
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)

    def _fill_menus(self) -> None:
        """Give the actions their keys and put them in the menus (after the first paint: see _create_menus)."""
        actions = self.actions_by_name
        self.registry.give_keys()
        file_menu = self.file_menu
        file_menu.addActions([actions["new"], actions["open"]])
        file_menu.addAction(self.session.import_action())
        file_menu.addMenu(self.session.recent_menu)
        file_menu.addActions([actions["save"], actions["save_as"]])
        file_menu.addSeparator()
        file_menu.addAction(actions["export"])
        file_menu.addSeparator()
        file_menu.addAction(actions["quit"])
        self.edit_menu.addActions([actions["undo"], actions["redo"]])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([actions["quick_name"], actions["insert_time"], actions["insert_footnote"]])
        self.format_menu.addActions([actions[name] for name in ("bold", "italic", "underline")])
        self.format_menu.addSeparator()
        self.format_menu.addActions([actions[name] for name in ("paragraph", "bullet", "label")])
        for kind, name in _SECTION_KIND_NAMES.items():
            action = self.section_menu.addAction(QCoreApplication.translate("MainWindow", name))
            action.setObjectName(f"add_section_{kind.value}")
            action.triggered.connect(lambda _checked=False, kind=kind: self.add_section(kind))
        self.report_menu.addMenu(self.section_menu)
        self.report_menu.addActions(
            [actions[name] for name in ("add_session", "remove", "rename", "move_up", "move_down")]
        )
        self.go_menu.addActions(
            [actions[name] for name in ("next_part", "previous_part", "next_field", "outline", "editor")]
        )
        self.help_menu.addAction(actions["shortcuts"])

    def _connect_title_page(self) -> None:
        title = self.title_page
        report: Callable[[], Report] = lambda: self.document.report  # noqa: E731 - the report changes with the document
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

    def _connect_body_pages(self) -> None:
        section = self._section_page
        section.heading.textEdited.connect(self._heading_edited)
        section.subheading.toggled.connect(self._subheading_toggled)
        section.picker.participants_changed.connect(self._participants_changed)
        section.picker.designation_needed.connect(self._designation_listed)
        session = self._session_page
        session.title.textEdited.connect(
            lambda text: session.session is not None and self.set_field(session.session, ops.SESSION_TITLE, text)
        )
        session.goals.textChanged.connect(
            lambda: session.session is not None and self.set_field(session.session, ops.GOALS, session.goals_value())
        )

    # ================================================================ the document

    def set_document(self, document: ReportDocument) -> None:
        """Show ``document`` (a new or opened report) in the window."""
        self.session.set_document(document)

    @property
    def document(self) -> ReportDocument:
        """The open report (the document session's)."""
        return self.session.document

    def as_window(self) -> QMainWindow:
        """The window itself (the parent of its parts' dialogs and docks: gui/parts.py)."""
        return self

    def _show_document(self, document: ReportDocument) -> None:
        if self._completed:
            self._attach_store(document)
        document.changed.connect(self.schedule_preview)
        document.modified_changed.connect(self.setWindowModified)
        document.path_changed.connect(lambda _path: self._update_title())
        stack = document.undo_stack
        stack.canUndoChanged.connect(self.actions_by_name["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions_by_name["redo"].setEnabled)
        self.actions_by_name["undo"].setEnabled(stack.canUndo())
        self.actions_by_name["redo"].setEnabled(stack.canRedo())
        self._apply_report_direction()
        self.outline.rebuild(document.report, self.preset, document.report.title)
        self.show_part(document.report.title)
        # A new or opened report starts at its title: the typing goes into the meeting's name.
        self.focus_editor()
        self.setWindowModified(document.is_modified)
        self._update_title()
        # The first preview of a long report takes a while: let the window show first.
        self.run_after_first_paint(lambda: self.preview_timer.start(0))

    def _attach_store(self, document: ReportDocument) -> None:
        """Keep the body documents of ``document``'s report (typing relayed to its undo stack)."""
        from minutes_editor.gui.bodies import BodyStore

        store = BodyStore(document.report, document.undo_stack, self, document)
        document.add_flusher(store.flush)
        store.edited.connect(lambda _owner: self.document.changed.emit())
        store.numbers_changed.connect(self._update_notes)
        self._store = store

    @property
    def report(self) -> Report:
        """The open report as last read: its bodies may hold typing not yet in it (``document.read()`` has it all)."""
        return self.document.report

    @property
    def preset(self) -> LanguagePreset:
        """The language preset of the open report."""
        return load_preset(self.document.report.language)

    def undo(self) -> None:
        """Undo the last change of the open report, whatever part it was in."""
        self.document.undo_stack.undo()

    def redo(self) -> None:
        """Redo the last undone change."""
        self.document.undo_stack.redo()

    def flush(self) -> None:
        """Bring typed text into the model (``document.read()`` without its result: for tests and scripts)."""
        self.document.read()

    def _update_title(self) -> None:
        name = self._name()
        self.setWindowTitle(f"{name}[*] — {QCoreApplication.translate('MainWindow', 'Minutes Editor')}")

    def _apply_report_direction(self) -> None:
        direction = self.document.report.direction
        self.title_page.set_direction(direction)
        follow_direction(self.preview, direction)
        if not self._completed:
            return  # complete() applies it to the rest
        from minutes_editor.gui.rich_text import apply_direction

        self._section_page.set_direction(direction)
        self._session_page.set_direction(direction)
        apply_direction(self._session_page.goals.document(), direction)
        for panel in (self._section_page.body, self._session_page.body):
            follow_direction(panel.notes, direction)

    # ================================================================ showing parts

    def show_part(self, part: object) -> None:
        """Show the editor of a part: the title block form, a section or a session."""
        report = self.document.report
        preset = self.preset
        if isinstance(part, TitleBlock):
            self.title_page.show_title(part, preset)
            self.editor_stack.setCurrentWidget(self.title_page)
        elif isinstance(part, Section):
            first = bool(report.sections) and report.sections[0] is part
            self.section_page.show_section(part, preset, first)
            self.editor_stack.setCurrentWidget(self.section_page)
            self._show_body(self.section_page.body, part)
        elif isinstance(part, Session):
            self.session_page.show_session(part, preset)
            self.editor_stack.setCurrentWidget(self.session_page)
            self._show_body(self.session_page.body, part)
        if self.outline.current_part() is not part:
            self.outline.select(part)

    def _show_body(self, panel: BodyPanel, owner: Section | Session) -> None:
        document = self.store.document(owner)
        self.body_shown.emit(document)
        panel.editor.show_body(owner, document, self.document.report.direction)
        self._update_notes()
        self._update_designation_offer()

    def current_body_panel(self) -> BodyPanel | None:
        """The body panel of the shown page, if it has one."""
        if not self._completed:
            return None  # only the title block page exists yet
        page = self.editor_stack.currentWidget()
        if page is self._section_page:
            return self._section_page.body
        if page is self._session_page:
            return self._session_page.body
        return None

    def current_editor(self) -> BodyEditor | None:
        """The body editor of the shown page."""
        panel = self.current_body_panel()
        return panel.editor if panel else None

    def focus_editor(self) -> None:
        """Put the focus in the shown page's main field."""
        editor = self.current_editor()
        if editor is not None:
            editor.setFocus()
        else:
            self.title_page.meeting.setFocus()

    def step_part(self, delta: int) -> None:
        """Go to the next or previous part of the report and put the cursor in its body."""
        self.outline.step(delta)
        self.focus_editor()

    def _focus_next_field(self) -> None:
        from minutes_editor.gui.fields import step_field

        page = self.editor_stack.currentWidget()
        if page is not None:
            step_field(page, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A double click in the preview opens the paragraph under the mouse in its editor."""
        if (
            event.type() == QEvent.Type.MouseButtonDblClick
            and isinstance(event, QMouseEvent)
            and watched is self.preview.viewport()
        ):
            block = self.preview.cursorForPosition(event.position().toPoint()).block()
            self.go_to_origin(self.preview_renderer.origin_at(block.blockNumber()))
            return True
        return super().eventFilter(watched, event)

    def go_to_origin(self, origin: Origin | None) -> None:
        """Show the part a preview paragraph comes from, the cursor at the start of that paragraph."""
        if origin is None:
            return
        report = self.document.report
        if origin.section < 0 or origin.section >= len(report.sections):
            self.outline.select(report.title)
            self.title_page.meeting.setFocus()
            return
        section = report.sections[origin.section]
        part: Section | Session = section
        if 0 <= origin.session < len(section.sessions):
            part = section.sessions[origin.session]
        self.outline.select(part)
        editor = self.current_editor()
        if editor is None:
            return
        if origin.block >= 0:
            block = editor.document().findBlockByNumber(origin.block)
            if block.isValid():
                cursor = editor.textCursor()
                cursor.setPosition(block.position())
                editor.setTextCursor(cursor)
                editor.ensureCursorVisible()
            editor.setFocus()
        elif isinstance(part, Session):
            self.session_page.title.setFocus()
        else:
            self.section_page.heading.setFocus()

    # ================================================================ Views (for commands)

    def structure_changed(self, select: object | None) -> None:
        """Rebuild the outline after a structural command and show ``select``."""
        self.outline.rebuild(self.document.report, self.preset, select)
        part = self.outline.current_part()
        if part is not None:
            self.show_part(part)
        self.schedule_preview()

    def field_changed(self, target: object, field: ops.Field[Any, Any]) -> None:
        """Refresh what shows ``field`` of ``target`` after a field command (done, undone or redone)."""
        report = self.document.report
        preset = self.preset
        if target is report.title:
            self.title_page.show_title(report.title, preset)
            if field is ops.MEETING:
                self.outline.rebuild(report, preset)
            if self.outline.current_part() is not report.title and field is not ops.MEETING:
                self.outline.select(report.title)
        elif isinstance(target, Section):
            if field is ops.HEADING or field is ops.LEVEL:
                self.outline.rebuild(report, preset, target)
            if self.outline.current_part() is not target:
                self.outline.select(target)
            first = bool(report.sections) and report.sections[0] is target
            self.section_page.show_section(target, preset, first)
        elif isinstance(target, Session):
            if field is ops.SESSION_TITLE:
                self.outline.rebuild(report, preset, target)
            if self.outline.current_part() is not target:
                self.outline.select(target)
            self.session_page.show_session(target, preset)
        elif isinstance(target, Footnote):
            self._update_notes()
        self.schedule_preview()

    def reveal_body(self, owner: object) -> QTextCursor | None:
        """Show ``owner``'s body (for undoing typing there) and return its editor's cursor."""
        if not isinstance(owner, Section | Session):
            return None
        if self.outline.current_part() is not owner:
            self.outline.select(owner)
        editor = self.current_editor()
        if editor is None or editor.owner is not owner:
            return None
        return editor.textCursor()

    def show_cursor(self, owner: object, cursor: QTextCursor) -> None:
        """Put the shown body editor's cursor where an undo or redo happened."""
        editor = self.current_editor()
        if editor is not None and editor.owner is owner:
            editor.setTextCursor(cursor)
            editor.ensureCursorVisible()

    # ================================================================ field edits

    def set_field(self, target: _Owner, field: ops.Field[_Owner, _Value], value: _Value, *, merge: bool = True) -> bool:
        """Push an undoable change of ``field`` of ``target``; typing into one field merges into one step.

        False when nothing changed, or when the change breaks a rule of the report (said in the status bar).
        """
        if field.get(target) == value:
            return False
        key = f"{id(target)}.{field.name}" if merge else None
        text = QCoreApplication.translate("MainWindow", "Edit %1").replace("%1", field.name.replace("_", " "))
        from minutes_editor.gui.commands import FieldCommand

        report = self.document.report
        return self._push(FieldCommand(self, report, ops.SetField(target, field, value), text, merge_key=key))

    def _push(self, command: OperationCommand) -> bool:
        """Push ``command`` if its operation may be applied; else say why in the status bar and return False."""
        try:
            command.operation.check(self.document.report)
        except OperationRefusedError as refusal:
            self.statusBar().showMessage(self._refusal_text(refusal), 5000)
            return False
        self.document.undo_stack.push(command)
        return True

    def _refusal_text(self, refusal: OperationRefusedError) -> str:
        if refusal.rule is Rule.FIRST_SECTION_LEVEL:
            return self.tr("The first section cannot be a sub-heading.")
        return str(refusal)

    def _set_times(self) -> None:
        start, end = self.title_page.time_values()
        title = self.document.report.title
        stack = self.document.undo_stack
        if (title.start_time, title.end_time) == (start, end):
            return
        stack.beginMacro(self.tr("Edit times"))
        self.set_field(title, ops.START_TIME, start, merge=False)
        self.set_field(title, ops.END_TIME, end, merge=False)
        stack.endMacro()

    def _heading_edited(self, text: str) -> None:
        section = self.section_page.section
        if section is not None:
            self.set_field(section, ops.HEADING, text if text.strip() else None)

    def _subheading_toggled(self, checked: bool) -> None:
        section = self.section_page.section
        if section is None:
            return
        if not self.set_field(section, ops.LEVEL, 2 if checked else 1, merge=False):
            # Refused (the first section cannot be a sub-heading): the box shows the level again.
            sections = self.document.report.sections
            self.section_page.show_section(section, self.preset, bool(sections) and sections[0] is section)

    def _participants_changed(self, participants: list[Participant]) -> None:
        section = self.section_page.section
        if section is not None:
            self.set_field(section, ops.PARTICIPANTS, list(participants), merge=False)

    def _note_edited(self, footnote_id: str, text: str) -> None:
        note = self.store.pool.get(footnote_id)
        if note is not None:
            content = [Span(text)] if text else []
            if plain_text(note.content) != text:
                self.set_field(note, ops.NOTE_CONTENT, content)

    # ================================================================ structure

    def _current_section(self) -> Section | None:
        part = self.outline.current_part()
        if isinstance(part, Section):
            return part
        if isinstance(part, Session):
            return self._section_of(part)
        return None

    def _section_of(self, session: Session) -> Section | None:
        for section in self.document.report.sections:
            if any(candidate is session for candidate in section.sessions):
                return section
        return None

    @staticmethod
    def _index(items: list[Any], item: object) -> int:
        return next(index for index, candidate in enumerate(items) if candidate is item)

    def add_section(self, kind: SectionKind = SectionKind.GENERIC) -> Section:
        """Add a section of ``kind`` after the current one (or at the end) and select it."""
        report = self.document.report
        current = self._current_section()
        index = self._index(report.sections, current) + 1 if current is not None else len(report.sections)
        if isinstance(self.outline.current_part(), TitleBlock):
            index = 0
        section = Section(kind, level=2 if kind is SectionKind.TAKEAWAYS and index > 0 else 1)
        text = self.tr("Add section")
        from minutes_editor.gui.commands import InsertCommand

        self._push(InsertCommand(self, report, ops.InsertSection(index, section), text=text))
        return section

    def add_session(self) -> Session | None:
        """Add a session after the current one, in the current (or last) discussion section."""
        report = self.document.report
        part = self.outline.current_part()
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

        self._push(InsertCommand(self, report, ops.InsertSession(section, index, session), text=self.tr("Add session")))
        self.session_page.title.setFocus()
        return session

    def remove_part(self) -> None:
        """Remove the selected section or session (undo brings it back)."""
        from minutes_editor.gui.commands import RemoveCommand

        report = self.document.report
        part = self.outline.current_part()
        if isinstance(part, Section):
            index = self._index(report.sections, part)
            self._push(RemoveCommand(self, report, ops.RemoveSection(index), self.tr("Remove section")))
        elif isinstance(part, Session):
            section = self._section_of(part)
            if section is not None:
                index = self._index(section.sessions, part)
                self._push(RemoveCommand(self, report, ops.RemoveSession(section, index), self.tr("Remove session")))

    def rename_part(self) -> None:
        """Put the cursor in the selected part's heading or title, selected for typing over."""
        part = self.outline.current_part()
        field = {
            TitleBlock: self.title_page.meeting,
            Section: self.section_page.heading,
            Session: self.session_page.title,
        }
        widget = field.get(type(part))
        if widget is not None:
            if isinstance(part, Section) and not widget.text():
                widget.setText(section_title(part, self.preset))
                widget.textEdited.emit(widget.text())
            widget.setFocus()
            widget.selectAll()

    def move_part(self, step: int) -> None:
        """Move the selected section or session up (-1) or down (1)."""
        report = self.document.report
        part = self.outline.current_part()
        if isinstance(part, Section):
            index = self._index(report.sections, part)
            self._request_move(part, report, index + step + (1 if step > 0 else 0))
        elif isinstance(part, Session):
            section = self._section_of(part)
            if section is not None:
                index = self._index(section.sessions, part)
                self._request_move(part, section, index + step + (1 if step > 0 else 0))

    def _move_part(self, part: object, owner: object, index: int) -> None:
        self._request_move(part, owner, index)

    def _request_move(self, part: object, owner: object, index: int) -> None:
        """Move ``part`` so that it stands before the item now at ``index`` of ``owner``'s list."""
        report = self.document.report
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
        self._push(MoveCommand(self, report, move, text))

    # ================================================================ body actions

    def _with_editor(self, action: Any) -> None:
        editor = self.current_editor()
        if editor is not None:
            action(editor)
            editor.setFocus()

    def insert_footnote(self, text: str = "") -> str | None:
        """Insert a new footnote reference at the body's cursor and put the focus on its note."""
        editor = self.current_editor()
        if editor is None:
            self.statusBar().showMessage(self.tr("Footnotes go in the text of a section or session."), 5000)
            return None
        footnote_id = self.store.new_footnote_id()
        self.store.add_footnote(Footnote(footnote_id, [Span(text)] if text else []))
        editor.insert_footnote(footnote_id)
        self.refresh_preview()
        panel = self.current_body_panel()
        if panel is not None and footnote_id in panel.notes.edits and not text:
            panel.notes.edits[footnote_id].setFocus()
        return footnote_id

    def _is_text_field(self, widget: QWidget | None) -> bool:
        """Whether ``widget`` is a field of this window one can type in (a body editor, a line, the goals)."""
        editable = isinstance(widget, QLineEdit | QPlainTextEdit) or (
            isinstance(widget, QTextEdit) and not widget.isReadOnly()  # a body editor, not the preview
        )
        return editable and widget is not None and self.isAncestorOf(widget)

    def _text_target(self) -> QWidget | None:
        """Where Ctrl+K and Ctrl+Shift+T insert: the field with the focus, else the last one used if still shown."""
        widget = QApplication.focusWidget()
        if self._is_text_field(widget):
            return widget
        last = self._last_text_widget
        # A footnote's field goes with its row, a page's fields hide with their page: never type there unseen.
        if last is not None and shiboken6.isValid(last) and last.isVisible():
            return last
        editor = self.current_editor()
        if editor is not None:
            return editor
        return self.title_page.meeting if self.editor_stack.currentWidget() is self.title_page else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._is_text_field(new):
            self._last_text_widget = new

    def insert_text(self, text: str) -> None:
        """Insert ``text`` at the cursor of the last text field used."""
        from minutes_editor.gui.body_editor import BodyEditor

        widget = self._text_target()
        if isinstance(widget, BodyEditor):
            widget.insert_plain(text)
        elif isinstance(widget, QLineEdit):
            widget.insert(text)
            widget.textEdited.emit(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            widget.insertPlainText(text)
        if widget is not None:
            widget.setFocus()

    def insert_time(self) -> None:
        """Insert the current time (HH:MM, as the report writes times)."""
        now = dt.datetime.now().time().replace(second=0, microsecond=0)
        self.insert_text(self.preset.format_time(now))

    def name_entries(self) -> list[Any]:
        """Names offered by Ctrl+K: the report's participants first, then every listed name."""
        from minutes_editor.gui.names import NameEntry, all_entries

        report = self.document.report
        entries = all_entries(report.language, self.overrides)
        by_code = {entry.code: entry for entry in entries}
        listed = []
        for section in report.sections:
            for participant in section.participants:
                known = by_code.get(participant.code)
                aliases = (known.name, *known.aliases) if known else ()
                listed.append(NameEntry(participant.code, participant.name, aliases))
        names = {entry.name for entry in listed}
        return listed + [entry for entry in entries if entry.name not in names]

    def quick_insert_name(self) -> QuickInsert:
        """Open the Ctrl+K popup under the cursor; the chosen name is inserted where the cursor was."""
        from minutes_editor.gui.body_editor import BodyEditor
        from minutes_editor.gui.dialogs import QuickInsert

        target = self._text_target()
        popup = QuickInsert(self.name_entries(), self)
        follow_direction(popup, self.document.report.direction)

        def insert(name: str) -> None:
            if target is not None:
                target.setFocus()
            self.insert_text(name)

        popup.chosen.connect(insert)
        position = self.mapToGlobal(self.rect().center())
        if isinstance(target, BodyEditor):
            position = target.viewport().mapToGlobal(target.cursorRect().bottomLeft())
        elif target is not None:
            position = target.mapToGlobal(target.rect().bottomLeft())
        self._quick = popup
        popup.popup(position)
        return popup

    # ================================================================ preview, notes, designation

    def schedule_preview(self) -> None:
        """Refresh the preview once typing pauses."""
        self.preview_timer.start(PREVIEW_DELAY_MS)

    def refresh_preview(self) -> None:
        """Flush typed text, renumber footnotes, rebuild the preview and the notes beside the body."""
        self.preview_timer.stop()
        report = self.document.read()
        self.store.renumber()
        from minutes_editor.render.flow import flatten

        self.preview_renderer.show(flatten(report))
        self._update_notes()
        self._update_designation_offer()
        self.preview_refreshed.emit()

    def _update_notes(self) -> None:
        panel = self.current_body_panel()
        editor = self.current_editor()
        if panel is None or editor is None:
            return
        from minutes_editor.gui.rich_text import footnote_ids

        ids = list(dict.fromkeys(footnote_ids(editor.document())))
        rows = []
        for footnote_id in ids:
            note = self.store.pool.get(footnote_id)
            rows.append((footnote_id, self.store.numbers.get(footnote_id, 0), plain_text(note.content) if note else ""))
        panel.notes.show_notes(rows, self.document.report.direction)

    def _designation_names(self) -> list[str]:
        from minutes_editor.gui.names import KOSOVO, all_entries

        language = self.document.report.language
        names = [entry.name for entry in all_entries(language, self.overrides) if entry.code == KOSOVO]
        return [name for name in names if name]

    def _has_designation_note(self) -> bool:
        from minutes_editor.gui.names import KOSOVO, designation_note

        note_text = designation_note(KOSOVO, self.document.report.language)
        return any(
            plain_text(note.content).strip() == note_text.strip()
            for note in self.store.pool.values()
            if note in self.document.report.footnotes
        )

    def _designation_position(self) -> int | None:
        from minutes_editor.gui.names import KOSOVO, designation_note

        editor = self.current_editor()
        if editor is None or not designation_note(KOSOVO, self.document.report.language):
            return None
        from minutes_editor.gui.places import utf16_offset
        from minutes_editor.gui.rich_text import OBJECT_CHAR

        text = editor.document().toRawText()
        for name in self._designation_names():
            position = text.find(name)
            if position != -1:
                end = position + len(name)
                if end < len(text) and text[end] == OBJECT_CHAR:
                    return None
                return utf16_offset(text, end)  # a cursor position: an emoji before counts two
        return None

    def _update_designation_offer(self) -> None:
        panel = self.current_body_panel()
        if panel is None:
            return
        position = self._designation_position()
        show = position is not None and not self._has_designation_note()
        if show:
            panel.banner_text.setText(
                self.tr(
                    "This text names Kosovo. EU documents add the standard designation footnote"
                    " where it is first named."
                )
            )
        panel.banner.setVisible(show)

    def insert_designation_note(self) -> str | None:
        """Insert the designation footnote after the first mention of Kosovo in the shown body."""
        from minutes_editor.gui.names import KOSOVO, designation_note

        editor = self.current_editor()
        position = self._designation_position()
        if editor is None or position is None:
            return None
        cursor = editor.textCursor()
        cursor.setPosition(position)
        editor.setTextCursor(cursor)
        return self.insert_footnote(designation_note(KOSOVO, self.document.report.language))

    def _designation_listed(self, _code: str) -> None:
        self.section_page.picker.note.setText(
            self.tr(
                "Kosovo is listed. The participants sentence cannot carry a footnote: the editor offers the "
                "designation footnote where the text names Kosovo."
            )
        )
        self.section_page.picker.note.show()

    # ================================================================ files (the document session's)

    def _name(self) -> str:
        return self.session.name()

    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to drop the open report."""
        return self.session.maybe_save()

    def new_report(self, report: Report | None = None) -> bool:
        """Start a new report (asking its language and skeleton unless one is given)."""
        return self.session.new_report(report)

    def open_dialog(self) -> bool:
        """Ask for a report file and open it."""
        return self.session.open_dialog()

    def open_path(self, path: Path, *, check_saved: bool = True) -> bool:
        """Open a .minutes file or import a Word document as a new report."""
        return self.session.open_path(path, check_saved=check_saved)

    def save(self) -> bool:
        """Save to the report's file (asking for one if it has none)."""
        return self.session.save()

    def save_as(self, path: Path | None = None) -> bool:
        """Save to a new file."""
        return self.session.save_as(path)

    def export_docx(self, path: Path | None = None) -> Path | None:
        """Export the report to Word and offer to open the file or its folder."""
        return self.session.export_docx(path)

    def recent_files(self) -> list[Path]:
        """Recently opened or saved reports, newest first."""
        return self.session.recent_files()

    def _add_recent(self, path: Path) -> None:
        self.session.add_recent(path)

    # ================================================================ help and closing

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help > Keyboard shortcuts."""
        from PySide6.QtCore import Qt

        from minutes_editor.gui.dialogs import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes before closing."""
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()
