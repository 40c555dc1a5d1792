"""The preview shows tables and action tables: a line per row, cells in the report's direction, header bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument

from minutes_editor.gui.preview import CELL_RULE, PreviewRenderer
from minutes_editor.render.flow import Origin, flatten
from minutes_editor.storage.presets import load_preset
from tests.export.reports import arabic_report
from tests.tables.test_tables_docx import with_tables


def test_preview_shows_tables_right_to_left_and_finds_their_rows(qapp):
    report = with_tables(arabic_report(), arabic=True)
    document = QTextDocument()
    renderer = PreviewRenderer(document)
    renderer.show(flatten(report))
    headers = CELL_RULE.join(load_preset("ar").actions.headers)
    block = document.begin()
    found = {}
    while block.isValid():
        found[block.text()] = block
        block = block.next()
    assert headers in found
    header = found[headers]
    assert header.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert header.begin().fragment().charFormat().fontWeight() == QFont.Weight.Bold
    first = CELL_RULE.join(["إعداد المسودة الثانية", "سارة، أحمد", "15 كانون الثاني 2026", "مفتوح"])
    assert first in found
    blocks = report.sections[-1].blocks
    # A double click on an action item's row opens that item; on the table, the table block.
    assert renderer.origin_at(found[first].blockNumber()) == Origin(len(report.sections) - 1, -1, len(blocks) - 2)
    table_row = CELL_RULE.join(["الميزانية", "سارة", "تمت الموافقة"])
    assert renderer.origin_at(found[table_row].blockNumber()) == Origin(len(report.sections) - 1, -1, len(blocks) - 3)
    # Updating in place gives what drawing afresh gives.
    blocks[-1].content[0].text = "إرسال الدعوات اليوم"
    renderer.show(flatten(report))
    fresh = QTextDocument()
    PreviewRenderer(fresh).show(flatten(report))
    assert document.toPlainText() == fresh.toPlainText()
