"""What a feature part of the window may use: the document session, the action registry and the editor view.

Feature parts (writing aids, checks dock, find and replace, counts, places)
take an ``EditorView``, never the main window: this module names what they
may ask of it, so that they import neither ``main_window`` nor each other's
window. The main window is one ``EditorView``; a test may give another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMainWindow, QStackedWidget

    from minutes_editor.gui.actions import ActionRegistry
    from minutes_editor.gui.bodies import BodyStore
    from minutes_editor.gui.body_editor import BodyEditor, BodyPanel
    from minutes_editor.gui.document import ReportDocument
    from minutes_editor.gui.names import NameOverrides
    from minutes_editor.gui.outline import Outline
    from minutes_editor.gui.pages import SectionPage, SessionPage
    from minutes_editor.gui.session import DocumentSession
    from minutes_editor.gui.title_page import TitlePage
    from minutes_editor.model import operations as ops
    from minutes_editor.model.language import LanguagePreset
    from minutes_editor.model.report import Footnote, Report, Section, Session, TitleBlock

_Owner = TypeVar("_Owner", "TitleBlock", "Section", "Session", "Footnote")
_Value = TypeVar("_Value")


class EditorView(Protocol):
    """The window as its feature parts see it: the session, the registry, where the report is shown."""

    session: DocumentSession
    registry: ActionRegistry
    title_page: TitlePage
    settings: Any
    outline: Outline
    editor_stack: QStackedWidget

    @property
    def document(self) -> ReportDocument: ...  # noqa: D102 - the session's open report

    @property
    def report(self) -> Report: ...  # noqa: D102 - the open report as last read

    @property
    def preset(self) -> LanguagePreset: ...  # noqa: D102 - the open report's language preset

    @property
    def store(self) -> BodyStore: ...  # noqa: D102 - the body documents of the open report

    @property
    def overrides(self) -> NameOverrides: ...  # noqa: D102 - the names this user writes differently

    @property
    def section_page(self) -> SectionPage: ...  # noqa: D102

    @property
    def session_page(self) -> SessionPage: ...  # noqa: D102

    def as_window(self) -> QMainWindow:
        """The window itself, as the parent of a part's dialogs and docks."""
        ...

    def show_part(self, part: object) -> None:
        """Show the editor of a part."""
        ...

    def current_editor(self) -> BodyEditor | None:
        """The body editor of the shown page."""
        ...

    def current_body_panel(self) -> BodyPanel | None:
        """The body panel of the shown page."""
        ...

    def focus_editor(self) -> None:
        """Put the focus in the shown page's main field."""
        ...

    def schedule_preview(self) -> None:
        """Refresh the preview once typing pauses."""
        ...

    def refresh_preview(self) -> None:
        """Refresh the preview (and the notes beside the body) now."""
        ...

    def run_after_first_paint(self, task: Callable[[], None]) -> None:
        """Run ``task`` once the window has been painted."""
        ...

    def set_field(self, target: _Owner, field: ops.Field[_Owner, _Value], value: _Value, *, merge: bool = True) -> bool:
        """Push an undoable change of ``field`` of ``target``."""
        ...
