"""View > Zoom in, Zoom out, Reset zoom: the body editors' text size, remembered in the settings.

Ctrl++ (and Ctrl+=), Ctrl+- and Ctrl+wheel over a body editor step through
``LEVELS``; Reset zoom is in the menu only, since Ctrl+0 makes a paragraph.
The size is the editors' own font size times the level, so a body shown
later (each section has its own document) takes it too, Arabic bodies in
their script's font as before. Only the editors' text changes: the report
and its export do not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QWheelEvent

from minutes_editor.gui.settings import MAX_ZOOM_PERCENT, MIN_ZOOM_PERCENT
from minutes_editor.gui.shortcuts import shortcut

if TYPE_CHECKING:
    from minutes_editor.gui.body_editor import BodyEditor
    from minutes_editor.gui.parts import EditorView

#: The zoom levels, in percent.
LEVELS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
assert (LEVELS[0], LEVELS[-1]) == (MIN_ZOOM_PERCENT, MAX_ZOOM_PERCENT)


class Zoom(QObject):
    """The zoom of one window's body editors and its View menu."""

    def __init__(self, view: EditorView) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.editors: list[BodyEditor] = [panel.editor for panel in (view.section_page.body, view.session_page.body)]
        self._base = {id(editor): editor.font().pointSizeF() for editor in self.editors}
        self.percent = 100
        registry = view.registry
        registry.insert_menu("view", self.tr("Vie&w"), before="go")
        self.actions: dict[str, QAction] = {}
        for name, handler in (("zoom_in", self.zoom_in), ("zoom_out", self.zoom_out), ("zoom_reset", self.reset)):
            action = QAction(shortcut(name).label(), window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts(shortcut(name).sequences())
            action.triggered.connect(lambda _checked=False, handler=handler: handler())
            registry.add(name, action, "view")
            self.actions[name] = action
        for editor in self.editors:
            editor.viewport().installEventFilter(self)
        settings = view.settings
        self.set_percent(settings.zoom_percent() if settings is not None else 100, remember=False)

    def zoom_in(self) -> None:
        """The next larger level."""
        self.set_percent(next((level for level in LEVELS if level > self.percent), LEVELS[-1]))

    def zoom_out(self) -> None:
        """The next smaller level."""
        self.set_percent(next((level for level in reversed(LEVELS) if level < self.percent), LEVELS[0]))

    def reset(self) -> None:
        """The editors' own size."""
        self.set_percent(100)

    def set_percent(self, percent: int, *, remember: bool = True) -> None:
        """Show the body editors' text at ``percent`` of its size (and remember it in the settings)."""
        self.percent = min(max(int(percent), LEVELS[0]), LEVELS[-1])
        for editor in self.editors:
            size = self._base[id(editor)] * self.percent / 100
            document = editor.document()
            shown = document.defaultFont()  # the family may be the script's (show_body): keep it
            font = editor.font()
            font.setPointSizeF(size)
            editor.setFont(font)
            shown.setPointSizeF(size)
            document.setDefaultFont(shown)
        self.actions["zoom_in"].setEnabled(self.percent < LEVELS[-1])
        self.actions["zoom_out"].setEnabled(self.percent > LEVELS[0])
        if remember and self.view.settings is not None:
            self.view.settings.set_zoom_percent(self.percent)
        message = self.tr("Zoom: %1%").replace("%1", str(self.percent))
        self.view.as_window().statusBar().showMessage(message, 2000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+wheel over a body editor zooms (QTextEdit zooms by itself only when read-only)."""
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            delta = event.angleDelta().y()
            if delta > 0:
                self.zoom_in()
            elif delta < 0:
                self.zoom_out()
            return True
        return False
