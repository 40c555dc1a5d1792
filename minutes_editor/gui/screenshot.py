"""Screenshots of the main window for the documentation.

``python -m minutes_editor.gui.screenshot OUT.png LANG [REPORT.minutes]``

Opens the Arabic example in the given interface language, selects the part
that shows the most (the setting-the-scene section: bullets, a lead-in label,
emphasis and the Kosovo footnote beside the body) and saves the window.

``python -m minutes_editor.gui.screenshot OUT.png LANG --review`` shows the
review pane instead, on the Arabic example as two reviewers sent it back
(``with_review``: a word replaced, a bullet inserted, a phrase made bold, the
location corrected, a comment answered), the cursor on the first change of
its first session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.model.report import (
    Block,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    FormatChange,
    Inline,
    Report,
    Span,
)
from minutes_editor.paths import examples_dir
from minutes_editor.storage.minutes_file import load_report

if TYPE_CHECKING:
    from minutes_editor.gui.main_window import MainWindow

EXAMPLE = "budapest-process-2021-10-14.ar.minutes"
SECTION_SHOWN = 3


def application(language: str) -> QApplication:
    """The running QApplication (made if there is none) set up and translated for interface ``language``."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    configure_application(app, language)
    from minutes_editor.gui.i18n import install_translations

    install_translations(language)
    return app


def open_window(report: Report, language: str, width: int) -> MainWindow:
    """A window on ``report`` in interface ``language``, shown at ``width`` and complete."""
    from minutes_editor.gui.document import ReportDocument
    from minutes_editor.gui.main_window import MainWindow

    window = MainWindow(language, None, ReportDocument(report))
    window.resize(width, int(width * 0.6))
    window.show()
    window.complete()
    return window


def save_window(window: MainWindow, target: Path) -> Path:
    """Refresh the preview, save the window's picture to ``target`` and close it (its report left unchanged)."""
    window.refresh_preview()
    QApplication.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target)):
        raise OSError(f"cannot save {target}")
    window.document.undo_stack.setClean()
    window.close()
    return target


def grab_main_window(target: Path, language: str, report: Path | None = None, width: int = 1400) -> Path:
    """Save a picture of the main window with ``report`` open in interface ``language``."""
    application(language)
    window = create_window(report or examples_dir() / EXAMPLE, language)
    window.resize(width, int(width * 0.6))
    window.show()
    sections = window.report.sections
    if len(sections) > SECTION_SHOWN:
        window.outline.select(sections[SECTION_SHOWN])
    return save_window(window, target)


def with_review(report: Report) -> Report:
    """The Arabic example as two reviewers send it back: tracked changes and a comment thread in its first session."""
    anna = Change("Anna Weber", dt.datetime(2021, 10, 20, 9, 40, tzinfo=dt.UTC))
    sami = Change("سامي حداد", dt.datetime(2021, 10, 21, 14, 5, tzinfo=dt.UTC))
    session = report.sections[4].sessions[0]
    blocks = list(session.blocks)
    blocks[0] = _marked(blocks[0], "نشطة", deleted=anna)
    replaced = blocks[0].content.index(Span("نشطة", deleted=anna)) + 1
    blocks[0].content.insert(replaced, Span("فعّالة", inserted=anna))
    blocks[1] = _marked(blocks[1], "مراكز الاستقبال", comments=("demo1", "demo2"))
    added = Block(BlockKind.BULLET, [Span("ينبغي تبادل البيانات بين الدول بانتظام.", inserted=sami)], inserted=sami)
    blocks.insert(2, added)
    blocks[4] = _marked(blocks[4], "إغلاق بعض الحدود", bold=True, old_format=FormatChange(sami))
    session.blocks = blocks
    report.field_changes = [FieldChange("TitleBlock.location", "", "عبر زوم", sami)]
    report.comments = [
        Comment("demo1", "Anna Weber", ["كم عدد المراكز المقترحة؟"], anna.date, "AW"),
        Comment("demo2", "سامي حداد", ["ثلاثة، بحسب العرض التقديمي."], sami.date, "SH", parent="demo1"),
    ]
    return report


def _marked(block: Block, phrase: str, **marks: object) -> Block:
    """A copy of ``block`` with ``phrase`` carrying ``marks`` as a span of its own."""
    content: list[Inline] = []
    for item in block.content:
        if not isinstance(item, Span) or phrase not in item.text:
            content.append(item)
            continue
        start = item.text.index(phrase)
        end = start + len(phrase)
        pieces = [(item.text[:start], {}), (phrase, marks), (item.text[end:], {})]
        content.extend(dataclasses.replace(item, text=piece, **extra) for piece, extra in pieces if piece)  # type: ignore[arg-type]
    return dataclasses.replace(block, content=content)


def grab_review_pane(target: Path, language: str, width: int = 1600) -> Path:
    """Save a picture of the window showing the review pane on the Arabic example as its reviewers sent it back."""
    application(language)
    report = with_review(load_report(examples_dir() / EXAMPLE))
    window = open_window(report, language, width)
    window.outline.select(report.sections[4].sessions[0])
    window.features.review.refresh()
    window.features.review.step(1)
    return save_window(window, target)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    arguments = [argument for argument in sys.argv[1:] if argument != "--review"]
    language = arguments[1] if len(arguments) > 1 else "en"
    if "--review" in sys.argv:
        print(grab_review_pane(Path(arguments[0]), language))
    else:
        report = Path(arguments[2]) if len(arguments) > 2 else None
        print(grab_main_window(Path(arguments[0]), language, report))
