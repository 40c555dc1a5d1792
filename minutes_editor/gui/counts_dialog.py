"""Word and character counts of the open report: the whole, the title block, each section and the footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout

from minutes_editor.model.search import Counts, count_report

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView


class CountsDialog(QDialog):
    """A table of counts, one row per part of the report and a total."""

    def __init__(self, window: EditorView) -> None:
        super().__init__(window.as_window())
        self.setObjectName("counts_dialog")
        self.setWindowTitle(self.tr("Word count"))
        layout = QVBoxLayout(self)
        self.table = QTreeWidget()
        self.table.setObjectName("counts_table")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(
            [self.tr("Part"), self.tr("Words"), self.tr("Characters"), self.tr("Without spaces")]
        )
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        report = window.document.read()
        preset = window.preset
        counts = count_report(report, preset)
        rows: list[tuple[str, Counts]] = [(self.tr("Title block"), counts.title)]
        for section, section_counts in zip(report.sections, counts.sections, strict=True):
            rows.append((section.heading or preset.heading(section.kind), section_counts))
        rows.append((self.tr("Footnotes"), counts.footnotes))
        rows.append((self.tr("Whole report"), counts.total))
        locale = self.locale()
        item = QTreeWidgetItem()
        for name, part in rows:
            values = (part.words, part.characters, part.characters_no_spaces)
            item = QTreeWidgetItem([name, *(locale.toString(value) for value in values)])
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        # The last row, the whole report, in bold.
        font = item.font(0)
        font.setBold(True)
        for column in range(4):
            item.setFont(column, font)
        self.table.resizeColumnToContents(0)
        self.resize(560, 360)
