"""The main window: outline on the start side, the editor of the selected part, the live preview.

Every change goes through the open ReportDocument's one undo stack: field
edits and structural edits as commands of ``commands.py``, typing in a body
as the body document's own undo steps relayed by ``BodyStore``. The preview
(``preview.PreviewPane``) is rebuilt from ``render.flow.flatten`` on a short
timer after the last change, never inside a keystroke.

The window starts in two steps. Its first frame holds what the first sight
of a report needs: the outline, the title block page, menus and toolbar.
That code leaves PySide6's ``Qt`` namespace alone (gui/directions.py says
why) and imports no more than it needs. ``complete`` builds the rest (the
section and session pages with their body editors, the body store, the
preview, the writing aids) just after the first paint, or at once when
something asks for one of them first.

Hooks for other parts of the application (autosave, settings):
``document_closing(ReportDocument)`` fires before the open report and its
body documents are deleted (whoever holds one lets go then); the session's
``document_replaced(ReportDocument)`` (gui/session.py) fires when another report is opened or
created; ``document.changed`` fires on every edit (typing included);
``document.read()`` returns the report with the typed text brought in (read
it so, never ``document.report`` straight); ``open_path``, ``save``, ``save_as``, ``export_docx`` and
``maybe_save`` run the File menu's actions without dialogs where a path is given.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
)

from minutes_editor.gui import start_finished
from minutes_editor.gui.actions import ActionRegistry
from minutes_editor.gui.body_aids import BodyAids
from minutes_editor.gui.directions import follow_direction, is_rtl_language, set_layout_direction
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.edits import ReportEdits
from minutes_editor.gui.forms import child, load_form
from minutes_editor.gui.outline import Outline
from minutes_editor.gui.session import DocumentSession
from minutes_editor.gui.shortcuts import UndoKeyFilter
from minutes_editor.gui.title_page import TitlePage
from minutes_editor.model import operations as ops
from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import (
    BlockKind,
    Footnote,
    Report,
    Section,
    SectionKind,
    Session,
    TitleBlock,
)
from minutes_editor.storage.presets import load_preset

_Owner = TypeVar("_Owner", TitleBlock, Section, Session, Footnote)
_Value = TypeVar("_Value")

if TYPE_CHECKING:
    from minutes_editor.gui.bodies import BodyStore
    from minutes_editor.gui.body_editor import BodyEditor, BodyPanel
    from minutes_editor.gui.dialogs import QuickInsert, ShortcutsDialog
    from minutes_editor.gui.names import NameOverrides
    from minutes_editor.gui.pages import SectionPage, SessionPage
    from minutes_editor.gui.preview import PreviewPane
    from minutes_editor.gui.writing_aids import WritingAids

#: Milliseconds a window that is never painted (hidden, in tests) waits for its after-paint work.
FIRST_PAINT_WAIT_MS = 300
#: Milliseconds after the first paint before that work starts: one frame at 60 Hz, for the painted
#: window to be flushed to the screen before the rest of the window is built.
AFTER_PAINT_MS = 16


class MainWindow(QMainWindow):
    """The editor's main window; one report open at a time."""

    #: The open report (its ReportDocument) is about to be deleted: whoever holds one of its body
    #: documents, cursors or highlighters lets go now. ``store`` is still the closing report's.
    document_closing = Signal(object)
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
        self.body_aids = BodyAids(self)  # footnotes, designation, names and time (gui/body_aids.py)
        self.edits = ReportEdits(self, self.body_aids.update_notes)  # field and structure edits (gui/edits.py)
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self._completed = False
        self._store: BodyStore | None = None

        # The document session: the open report and its file life cycle (gui/session.py).
        first = document if document is not None else ReportDocument(Report(language="en"))
        self.session = DocumentSession(self, settings, first)
        self.session.document_closing.connect(self.document_closing)
        self.session.document_shown.connect(self._show_document)
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
        self.edits.connect_title_page()
        self.outline.selected.connect(self.show_part)
        self.outline.move_requested.connect(self.edits.request_move)

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
        # What the menus hold (their titles are in the first frame): nobody can have opened one yet.
        session, section_menu = self.session, self.edits.section_menu
        self.registry.fill_menus(
            import_docx=session.import_action(), recent=session.recent_menu, add_section_menu=section_menu
        )
        self.edits.fill_section_menu()
        from minutes_editor.gui.features import install_features
        from minutes_editor.gui.names import NameOverrides
        from minutes_editor.gui.pages import SectionPage, SessionPage
        from minutes_editor.gui.preview import PreviewPane
        from minutes_editor.gui.writing_aids import install_writing_aids

        self._overrides = NameOverrides()
        # The preview: its timer, its refresh and double-click to edit (gui/preview.py).
        self._preview = PreviewPane(self, self.preview, self.body_aids.update_body_aids)
        self._preview.refreshed.connect(self.preview_refreshed)
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
        self.edits.connect_body_pages()
        self.body_aids.connect_pages()
        for page in (self._section_page, self._session_page):
            self.document_closing.connect(lambda _document, page=page: page.release())
        self._attach_store(self.document)
        self._apply_report_direction()
        # Spell checking, the checks dock, find and replace, word count (gui/writing_aids.py).
        self._writing_aids = install_writing_aids(self)
        self.body_shown.connect(self._writing_aids.spelling.attach)
        self.features = install_features(self)  # review, PDF and print, compare, action items, tables, sharing
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
    def preview_pane(self) -> PreviewPane:
        """The preview part: its renderer, its timer, double-click to edit."""
        self.complete()
        return self._preview

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
        # The first frame shows the menu bar's titles and the toolbar; what the menus hold is added
        # right after the first paint (_build_rest), when nobody can have opened one yet.
        titles = [self.tr("&File"), self.tr("&Edit"), self.tr("F&ormat"), self.tr("&Report"), self.tr("Re&view")]
        titles.append(self.tr("&Go"))
        self.registry.create_menus([*titles, self.tr("&Help")])
        self.file_menu = self.registry.menu("file")
        self.section_menu = self.edits.section_menu
        self.registry.add_toolbar(self.tr("Main"))

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
        self.run_after_first_paint(lambda: self.preview_pane.schedule(0))

    def _attach_store(self, document: ReportDocument) -> None:
        """Keep the body documents of ``document``'s report (typing relayed to its undo stack)."""
        from minutes_editor.gui.bodies import BodyStore

        store = BodyStore(document.report, document.undo_stack, self.edits, document)
        document.add_flusher(store.flush)
        store.edited.connect(lambda _owner: self.document.changed.emit())
        store.numbers_changed.connect(self.body_aids.update_notes)
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
        """Undo the last change of the open report, whatever part it was in (in a shared room: one's own)."""
        self.document.undo()

    def redo(self) -> None:
        """Redo the last undone change."""
        self.document.redo()

    def flush(self) -> None:
        """Bring typed text into the model (``document.read()`` without its result: for tests and scripts)."""
        self.document.read()

    def _update_title(self) -> None:
        name = self.session.name()
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
        self.body_aids.update_body_aids()

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

    # ================================================================ edits (gui/edits.py)

    def set_field(self, target: _Owner, field: ops.Field[_Owner, _Value], value: _Value, *, merge: bool = True) -> bool:
        """Push an undoable change of ``field`` of ``target`` (False when nothing changed or it was refused)."""
        return self.edits.set_field(target, field, value, merge=merge)

    def add_section(self, kind: SectionKind = SectionKind.GENERIC) -> Section:
        """Add a section of ``kind`` after the current one (or at the end) and select it."""
        return self.edits.add_section(kind)

    def add_session(self) -> Session | None:
        """Add a session after the current one, in the current (or last) discussion section."""
        return self.edits.add_session()

    def remove_part(self) -> None:
        """Remove the selected section or session (undo brings it back)."""
        self.edits.remove_part()

    def rename_part(self) -> None:
        """Put the cursor in the selected part's heading or title, selected for typing over."""
        self.edits.rename_part()

    def move_part(self, step: int) -> None:
        """Move the selected section or session up (-1) or down (1)."""
        self.edits.move_part(step)

    # ================================================================ body actions

    def _with_editor(self, action: Any) -> None:
        editor = self.current_editor()
        if editor is not None:
            action(editor)
            editor.setFocus()

    def insert_footnote(self, text: str = "") -> str | None:
        """Insert a new footnote reference at the body's cursor and put the focus on its note."""
        return self.body_aids.insert_footnote(text)

    def insert_text(self, text: str) -> None:
        """Insert ``text`` at the cursor of the last text field used."""
        self.body_aids.insert_text(text)

    def insert_time(self) -> None:
        """Insert the current time (HH:MM, as the report writes times)."""
        self.body_aids.insert_time()

    def quick_insert_name(self) -> QuickInsert:
        """Open the Ctrl+K popup of names under the cursor."""
        return self.body_aids.quick_insert_name()

    # ================================================================ preview, notes, designation

    def schedule_preview(self) -> None:
        """Refresh the preview once typing pauses (before ``complete`` the first preview, still to come, shows it)."""
        if self._completed:
            self._preview.schedule()

    def refresh_preview(self) -> None:
        """Flush typed text, renumber footnotes, rebuild the preview and the notes beside the body."""
        self.preview_pane.refresh()

    # ================================================================ files (the document session's)

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
        from minutes_editor.gui.dialogs import show_shortcuts

        return show_shortcuts(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask about unsaved changes before closing."""
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()
