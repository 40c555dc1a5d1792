"""Edit > Insert a table…: the small dialog asking how many rows and columns, and whether the first is a header."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from minutes_editor.model.rules import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS


class TableSize(NamedTuple):
    """What a new table is: its rows (the header row included), its columns, and whether it has a header row."""

    rows: int = 3
    columns: int = 3
    header: bool = True


class TableDialog(QDialog):
    """Rows, columns and header row of a new table (3 by 3 with a header row unless changed)."""

    def __init__(self, size: TableSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("table_dialog")
        self.setWindowTitle(self.tr("Insert a table"))
        layout = QFormLayout(self)
        self.rows = QSpinBox()
        self.rows.setObjectName("table_rows")
        self.rows.setRange(1, MAX_TABLE_ROWS)
        self.rows.setValue(size.rows)
        self.columns = QSpinBox()
        self.columns.setObjectName("table_columns")
        self.columns.setRange(1, MAX_TABLE_COLUMNS)
        self.columns.setValue(size.columns)
        self.header = QCheckBox(self.tr("First row is a &header row"))
        self.header.setObjectName("table_header")
        self.header.setChecked(size.header)
        layout.addRow(self.tr("&Rows:"), self.rows)
        layout.addRow(self.tr("&Columns:"), self.columns)
        layout.addRow(self.header)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.rows.setFocus()
        self.rows.selectAll()

    def table_size(self) -> TableSize:
        """The size asked for."""
        return TableSize(self.rows.value(), self.columns.value(), self.header.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, size: TableSize | None = None) -> tuple[TableSize, bool]:
        """The size of the table to insert, and whether the user accepted."""
        dialog = cls(size or TableSize(), parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.table_size(), accepted
        finally:
            dialog.deleteLater()
