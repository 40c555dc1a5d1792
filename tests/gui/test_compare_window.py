"""File > Compare with… in a real window: the open report against an earlier draft, opened as changes to review."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.gui import ask
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.review_pane import ReviewPane
from minutes_editor.gui.settings import Settings
from minutes_editor.model import review, review_list
from minutes_editor.model.compare import canonical
from minutes_editor.model.report import Block, Report, Span
from minutes_editor.storage.minutes_file import load_report, save_report
from tests.support.examples import example_path

REVIEWER = "Rania Haddad"
REWORDED = "North Macedonia opened the meeting as its host."


def earlier_draft(report: Report) -> Report:
    """An earlier draft of ``report``: a reworded paragraph, a bullet since deleted, a bullet since moved.

    Read the other way: since this draft, the opening paragraph was reworded, a bullet was added
    and the first two bullets of session 1 swapped places.
    """
    earlier = copy.deepcopy(report)
    opening = earlier.sections[2].blocks[0]
    first = opening.content[0]
    assert isinstance(first, Span)
    assert first.text.startswith("North Macedonia opened the meeting as host.")
    opening.content[0] = Span(first.text.replace("North Macedonia opened the meeting as host.", REWORDED))
    session = earlier.sections[4].sessions[0]
    session.blocks.insert(3, Block(session.blocks[3].kind, [Span("Border controls were discussed at length.")]))
    session.blocks[0], session.blocks[1] = session.blocks[1], session.blocks[0]
    return earlier


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path: Path) -> MainWindow:
    """An English window on a copy of the English example, the reviewer's name known."""
    monkeypatch.setattr(ask, "unsaved_changes", lambda *_args: ask.UnsavedChoice.DISCARD)
    for name in ("error", "info", "confirm"):
        monkeypatch.setattr(ask, name, lambda _parent, title, text, detail="": pytest.fail(f"{title}: {text}"))
    settings = Settings(tmp_path / "settings.ini")
    settings.set_reviewer_name(REVIEWER)
    report = tmp_path / "report.en.minutes"
    shutil.copyfile(example_path("en"), report)
    made = MainWindow("en", settings)
    qtbot.addWidget(made)
    made.show()
    made.activateWindow()
    qtbot.waitUntil(lambda: made.is_complete)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
    assert made.open_path(report)
    return made


def choose(monkeypatch, path: Path) -> list[str]:
    """The open dialog answers ``path``; the titles it was asked with are listed."""
    asked: list[str] = []

    def answer(_parent: object, title: str, _folder: str, _filter: str) -> Path:
        asked.append(title)
        return path

    monkeypatch.setattr(ask, "open_path", answer)
    return asked


def file_menu(qtbot, window: MainWindow, key: Qt.Key) -> None:
    """Open the File menu with Alt+F and press ``key`` in it, as a person would."""
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None
    qtbot.keyClick(popup, key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def rows(window: MainWindow) -> list[str]:
    tree = window.features.review.pane.list
    texts = [ReviewPane.full_text(tree.topLevelItem(index)) for index in range(tree.topLevelItemCount())]
    return [text.replace("\u2068", "").replace("\u2069", "") for text in texts]


def test_compare_with_an_earlier_draft_opens_its_changes_to_review(window, qtbot, monkeypatch, tmp_path):
    current = copy.deepcopy(window.document.read())
    earlier = earlier_draft(current)
    earlier_path = tmp_path / "earlier.en.minutes"
    save_report(earlier, earlier_path)
    asked = choose(monkeypatch, earlier_path)
    file_menu(qtbot, window, Qt.Key.Key_M)  # File > Compare with…
    assert asked == ["Compare with an earlier draft"]
    document = window.document
    assert document.path is None
    assert document.is_modified
    assert window.session.name() == "report.en compared with earlier.en"
    assert window.windowTitle().startswith("report.en compared with earlier.en")
    result = document.read()
    # The laws: Accept All gives the open report, Reject All the earlier draft.
    assert canonical(review.accepted(result)) == canonical(current)
    assert canonical(review.rejected(result)) == canonical(load_report(earlier_path))
    assert review.authors(result) == [REVIEWER]
    opening = result.sections[2].blocks[0]
    deleted = "".join(s.text for s in opening.content if isinstance(s, Span) and s.deleted)
    assert deleted.strip() == "its"
    session = result.sections[4].sessions[0]
    gone = [block for block in session.blocks if block.deleted and not block.deleted.move]
    assert ["".join(s.text for s in block.content if isinstance(s, Span)) for block in gone] == [
        "Border controls were discussed at length."
    ]
    moves = [mark.move for block in session.blocks for mark in (block.inserted, block.deleted) if mark and mark.move]
    assert len(moves) == 2
    assert len(set(moves)) == 1
    # The review pane opened itself and lists them.
    pane = window.features.review.pane
    qtbot.waitUntil(pane.isVisible)
    listed = rows(window)
    assert len(listed) == len(review_list.review_list(result)) == 3  # the rewording, the move, the deletion
    assert [row.split(" · ")[:2] for row in listed] == [
        ["Deletion", REVIEWER],
        ["Move", REVIEWER],
        ["Deletion", REVIEWER],
    ]
    assert listed[1].endswith("More reception centres should be established, while ensuring humane living conditions.")
    assert listed[2].endswith("Border controls were discussed at length.")

    # Accept all of them from the Review menu, then undo: the redline is back.
    before = copy.deepcopy(result)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert popup is not None
    qtbot.keyClick(popup, Qt.Key.Key_H)  # Accept all c&hanges
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert not review.has_changes(window.document.read())
    assert canonical(window.document.read()) == canonical(current)
    window.undo()
    assert canonical(window.document.read()) == canonical(before)

    # Saved as a .minutes report and exported to Word, changes and all.
    saved = tmp_path / "compared.minutes"
    assert window.session.save_as(saved)
    assert canonical(load_report(saved)) == canonical(before)
    export_docx(load_report(saved), tmp_path / "compared.docx")


def test_compare_with_a_word_draft_and_an_unreadable_file(window, qtbot, monkeypatch, tmp_path):
    current = copy.deepcopy(window.document.read())
    word = tmp_path / "earlier.docx"
    export_docx(earlier_draft(current), word)
    choose(monkeypatch, word)
    assert window.features.compare.compare_dialog()
    result = window.document.read()
    assert window.session.name() == "report.en compared with earlier"
    assert canonical(review.accepted(result)) == canonical(current)
    assert review.has_changes(result)

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "error", lambda _parent, title, text, detail="": shown.append((title, text)))
    broken = tmp_path / "broken.minutes"
    broken.write_text("{not a report", encoding="utf-8")
    opened = window.document
    choose(monkeypatch, broken)
    assert not window.features.compare.compare_dialog()
    assert window.document is opened
    assert [title for title, _text in shown] == ["Cannot read the earlier draft"]
    assert "broken.minutes" in shown[0][1]
