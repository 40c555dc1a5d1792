"""A screenshot of a table in the body editor of an Arabic report, for the documentation.

``python -m minutes_editor.gui.table_screenshot OUT.png [LANG]`` opens the
Arabic example with a small table (a header row and two rows) added to the
section ``screenshot.py`` shows, the cursor in the table, and saves the window
(docs/screenshot-table-ar.png).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QTextTable

from minutes_editor.gui.screenshot import EXAMPLE, SECTION_SHOWN, application, open_window, save_window
from minutes_editor.gui.table_text import body_items, table_in
from minutes_editor.model.report import Block, BlockKind, Report, Span, Table
from minutes_editor.paths import examples_dir
from minutes_editor.storage.minutes_file import load_report

#: The table shown: a header row, then what each delegation undertook.
ROWS = (
    ("الوفد", "ما تعهد به", "الموعد"),
    ("هنغاريا", "استضافة الاجتماع القادم للفريق العامل", "آذار/مارس ٢٠٢٢"),
    ("تركيا", "مشاركة بيانات العودة الطوعية", "قبل نهاية السنة"),
)


def with_table(report: Report) -> Report:
    """``report`` with the table of ``ROWS`` after the first paragraph of the section the screenshot shows."""
    section = report.sections[min(SECTION_SHOWN, len(report.sections) - 1)]
    cells = [[[Span(text, bold=number == 0)] for text in row] for number, row in enumerate(ROWS)]
    section.blocks.insert(1, Block(BlockKind.TABLE, [], table=Table(cells, header=True)))
    return report


def grab_table(target: Path, language: str = "ar", width: int = 1400) -> Path:
    """Save a picture of the window editing the example's table, in interface ``language``."""
    application(language)
    report = with_table(load_report(examples_dir() / EXAMPLE))
    window = open_window(report, language, width)
    window.outline.select(report.sections[min(SECTION_SHOWN, len(report.sections) - 1)])
    editor = window.current_editor()
    if editor is not None:
        table = next(item for item in body_items(editor.document()) if isinstance(item, QTextTable))
        cursor = table.cellAt(1, table.columns() - 2).lastCursorPosition()
        editor.setTextCursor(cursor)
        editor.setFocus()
        assert table_in(cursor) is not None
    window.features.tables.update_actions()
    return save_window(window, target)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(grab_table(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "ar"))
