"""The outline of the report: title block, sections and their sessions, as a tree on the start side.

The tree is rebuilt from the report after every structural change (a report
has tens of parts, so this is instant) and never changes the report itself:
a drop becomes ``move_requested`` and the window pushes an undo command.
Rows keep Qt's default flags: which drops are allowed is decided here, and
the title block cannot be dragged (the tree's dragging is off while it is
selected). The outline is part of the window's first frame, so it leaves
PySide6's ``Qt`` namespace alone until a drop (gui/directions.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDropEvent, QFont
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from minutes_editor.model.language import LanguagePreset
from minutes_editor.model.report import Report, Section, SectionKind, Session, TitleBlock

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint

Part = TitleBlock | Section | Session


class PartItem(QTreeWidgetItem):
    """A row of the outline and the part of the report it stands for."""

    def __init__(self, part: Part, text: str) -> None:
        super().__init__([text])
        self.part = part


def section_title(section: Section, preset: LanguagePreset) -> str:
    """The heading a section shows (its own, or the language's default)."""
    return section.heading if section.heading is not None else preset.heading(section.kind)


class Outline(QObject):
    """Drives the outline tree of the main window's form."""

    #: The selection moved to another part (TitleBlock, Section or Session).
    selected = Signal(object)
    #: A part was dropped elsewhere: (part, new owner: Report or Section, index in the owner's list).
    move_requested = Signal(object, object, int)

    def __init__(self, tree: QTreeWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        self.report: Report | None = None
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.currentItemChanged.connect(self._current_changed)
        self._rebuilding = False

    def handle_drops(self) -> None:
        """Turn drops on the tree into move requests (see eventFilter).

        Called once the window has been painted: the first Python use of a scroll area's viewport
        makes PySide6 build its types for every widget class (tens of milliseconds), and nothing
        can be dropped before the window shows anyway.
        """
        self.tree.viewport().installEventFilter(self)

    def rebuild(self, report: Report, preset: LanguagePreset, select: object | None = None) -> None:
        """Show the report's parts and select ``select`` (or keep the current part selected)."""
        keep = select if select is not None else self.current_part()
        self.report = report
        self._rebuilding = True
        self.tree.clear()
        title_text = report.title.meeting.strip() or self.tr("Title block")
        title_item = PartItem(report.title, title_text)
        font = QFont(title_item.font(0))
        font.setBold(True)
        title_item.setFont(0, font)
        self.tree.addTopLevelItem(title_item)
        number = 0
        for section in report.sections:
            heading = section_title(section, preset)
            if section.level == 1:
                number += 1
                text = f"{number}. {heading}"
            else:
                text = f"   {heading}"
            item = PartItem(section, text)
            self.tree.addTopLevelItem(item)
            for session in section.sessions:
                child = PartItem(session, session.title.strip() or self.tr("(untitled session)"))
                item.addChild(child)
        self.tree.expandAll()
        self._rebuilding = False
        self.select(keep if keep is not None else report.title)

    def items(self) -> list[PartItem]:
        """Every row, in order."""
        result: list[PartItem] = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is None:
                continue
            if isinstance(top, PartItem):
                result.append(top)
            for child_index in range(top.childCount()):
                child = top.child(child_index)
                if isinstance(child, PartItem):
                    result.append(child)
        return result

    def item_for(self, part: object) -> PartItem | None:
        """The row of ``part`` (by identity)."""
        for item in self.items():
            if item.part is part:
                return item
        return None

    def select(self, part: object) -> None:
        """Select the row of ``part``; a Report selects the title block."""
        if isinstance(part, Report):
            part = part.title
        item = self.item_for(part)
        if item is None:
            items = self.items()
            item = items[0] if items else None
        if item is not None:
            self.tree.setCurrentItem(item)

    def current_part(self) -> Part | None:
        """The selected part."""
        item = self.tree.currentItem()
        return item.part if isinstance(item, PartItem) else None

    def step(self, delta: int) -> None:
        """Select the next (1) or previous (-1) part in reading order."""
        items = self.items()
        current = self.tree.currentItem()
        index = items.index(current) if current in items else 0
        target = min(max(index + delta, 0), len(items) - 1)
        self.tree.setCurrentItem(items[target])

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        # A press makes a row current before any drag starts from it: the title block stays in place.
        self.tree.setDragEnabled(not (isinstance(current, PartItem) and isinstance(current.part, TitleBlock)))
        if not self._rebuilding and isinstance(current, PartItem):
            self.selected.emit(current.part)

    # ---------------------------------------------------------- drag and drop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Turn a drop into a move request instead of letting the tree move its rows."""
        # Test the event type first: during the window's destruction the tree may be gone already.
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent) and watched is self.tree.viewport():
            source = self.tree.currentItem()
            target = self.drop_target(source.part if isinstance(source, PartItem) else None, event.position().toPoint())
            from PySide6.QtCore import Qt  # here, not at import: see the module's docstring

            event.setDropAction(Qt.DropAction.IgnoreAction)
            event.accept()
            if target is not None and isinstance(source, PartItem):
                self.move_requested.emit(source.part, target[0], target[1])
            return True
        return False

    def drop_target(self, part: object, position: QPoint) -> tuple[object, int] | None:
        """Where ``part`` would go if dropped at ``position``: (Report or Section, index), or None."""
        report = self.report
        if report is None or part is None or isinstance(part, TitleBlock):
            return None
        item = self.tree.itemAt(position)
        rect = self.tree.visualItemRect(item) if item is not None else None
        after = rect is None or position.y() > rect.center().y()
        over = item.part if isinstance(item, PartItem) else None
        if isinstance(part, Section):
            if over is None:
                return report, len(report.sections)
            if isinstance(over, TitleBlock):
                return report, 0
            section = over if isinstance(over, Section) else _section_of(report, over)
            if section is None:
                return None
            index = _index(report.sections, section) + (1 if after else 0)
            return report, index
        if isinstance(part, Session):
            if isinstance(over, Section) and over.kind is SectionKind.DISCUSSION:
                return over, 0 if not after else len(over.sessions)
            if isinstance(over, Session):
                section = _section_of(report, over)
                if section is None:
                    return None
                return section, _index(section.sessions, over) + (1 if after else 0)
        return None


def _index(items: Sequence[object], item: object) -> int:
    return next(index for index, candidate in enumerate(items) if candidate is item)


def _section_of(report: Report, session: object) -> Section | None:
    for section in report.sections:
        if any(candidate is session for candidate in section.sessions):
            return section
    return None
