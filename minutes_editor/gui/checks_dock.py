"""The pre-export checks as a list beside the editor; activating a problem takes the window to its place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.model.checks import Problem

# The checks, the field walker and the jumps are imported when first used: the dock waits hidden at start-up.

PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1
EXCERPT_CONTEXT = 12


def problem_kinds() -> dict[str, str]:
    """What each problem code means, in the interface language (the engine's messages are English)."""
    from minutes_editor.model import item_checks

    return {
        "title-missing": QCoreApplication.translate("ChecksDock", "The report has no meeting title"),
        "heading-empty": QCoreApplication.translate("ChecksDock", "Empty heading"),
        "section-empty": QCoreApplication.translate("ChecksDock", "Empty section"),
        "block-empty": QCoreApplication.translate("ChecksDock", "Empty paragraph"),
        "participant-unnamed": QCoreApplication.translate("ChecksDock", "Participant without a name"),
        "participant-duplicate": QCoreApplication.translate("ChecksDock", "Participant listed twice"),
        "session-untitled": QCoreApplication.translate("ChecksDock", "Session without a title"),
        "session-empty": QCoreApplication.translate("ChecksDock", "Empty session"),
        "goal-empty": QCoreApplication.translate("ChecksDock", "Empty goal"),
        "footnote-unreferenced": QCoreApplication.translate("ChecksDock", "Footnote referenced nowhere"),
        "footnote-multiple-references": QCoreApplication.translate("ChecksDock", "Footnote referenced more than once"),
        "footnote-empty": QCoreApplication.translate("ChecksDock", "Empty footnote"),
        "footnote-missing": QCoreApplication.translate("ChecksDock", "Reference to a missing footnote"),
        "digits-mixed": QCoreApplication.translate("ChecksDock", "Digits of another system"),
        "bracket-unbalanced": QCoreApplication.translate("ChecksDock", "Unbalanced bracket"),
        "bracket-reversed": QCoreApplication.translate("ChecksDock", "Brackets in reverse order"),
        "quote-unbalanced": QCoreApplication.translate("ChecksDock", "Unbalanced quotation mark"),
        "quote-reversed": QCoreApplication.translate("ChecksDock", "Quotation marks in reverse order"),
        "latin-punctuation": QCoreApplication.translate("ChecksDock", "Latin punctuation in Arabic text"),
        **{code: QCoreApplication.translate("ChecksDock", text) for code, text in item_checks.KINDS.items()},
    }


def excerpt(text: str, start: int | None, end: int | None) -> str:
    """The problem's stretch of text with a few characters either side."""
    if start is None or end is None:
        return ""
    before = text[max(0, start - EXCERPT_CONTEXT) : start]
    after = text[end : end + EXCERPT_CONTEXT]
    return (
        ("…" if start > EXCERPT_CONTEXT else "")
        + before
        + text[start:end]
        + after
        + ("…" if end + EXCERPT_CONTEXT < len(text) else "")
    )


class ChecksDock(QDockWidget):
    """Lists what ``check_report`` finds, each row going to its place on activation."""

    def __init__(self, window: EditorView) -> None:
        super().__init__(QCoreApplication.translate("ChecksDock", "Checks"), window.as_window())
        self.setObjectName("checks_dock")
        self.window_ = window
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(2, 2, 2, 2)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("checks_summary")
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.setObjectName("checks_refresh")
        row.addWidget(self.summary, 1)
        row.addWidget(self.refresh_button)
        layout.addLayout(row)
        self.list = QTreeWidget()
        self.list.setObjectName("checks_list")
        self.list.setHeaderLabels([self.tr("Where"), self.tr("Problem"), self.tr("Text")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        layout.addWidget(self.list, 1)
        self.setWidget(holder)
        self.refresh_button.clicked.connect(self.refresh)
        self.list.itemActivated.connect(self._activated)
        self.problems: list[Problem] = []

    def refresh(self) -> list[Problem]:
        """Run the checks on the report as it is now and list what they find."""
        from minutes_editor.model.checks import Severity, check_report
        from minutes_editor.model.text_fields import iter_fields

        window = self.window_
        report = window.document.read()
        self.problems = check_report(report, window.preset)
        self.list.clear()
        style = self.style()
        icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        kinds = problem_kinds()
        texts = {field.path: field.text for field in iter_fields(report, None)}
        for problem in self.problems:
            text = excerpt(texts.get(problem.where, ""), problem.start, problem.end)
            kind = kinds.get(problem.code, problem.message)
            item = QTreeWidgetItem([self.place_name(problem.where), kind, text.replace("\ufffc", "")])
            item.setIcon(0, icons[problem.severity])
            item.setData(0, PROBLEM_ROLE, problem)
            item.setToolTip(1, f"{problem.code}: {problem.message}")
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(0)
        self.summary.setText(
            self.tr("No problems found") if not self.problems else self.tr("%n problem(s)", "", len(self.problems))
        )
        return self.problems

    def place_name(self, path: str) -> str:
        """A person's name for a field path: "Section 3 · paragraph 2", "Title block", "Footnote 1"."""
        from minutes_editor.model.text_fields import locate

        place = locate(path)
        if place.footnote >= 0:
            return self.tr("Footnote %1").replace("%1", str(place.footnote + 1))
        if place.section < 0:
            return self.tr("Title block")
        parts = [self.tr("Section %1").replace("%1", str(place.section + 1))]
        if place.session >= 0:
            parts.append(self.tr("session %1").replace("%1", str(place.session + 1)))
        if place.block >= 0:
            parts.append(self.tr("paragraph %1").replace("%1", str(place.block + 1)))
        elif place.participant >= 0:
            parts.append(self.tr("participant %1").replace("%1", str(place.participant + 1)))
        elif place.goal >= 0:
            parts.append(self.tr("goal %1").replace("%1", str(place.goal + 1)))
        elif place.attribute in ("heading", "title"):
            parts.append(self.tr("heading") if place.attribute == "heading" else self.tr("title"))
        return " · ".join(parts)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        from minutes_editor.gui.places import go_to
        from minutes_editor.model.checks import Problem

        problem = item.data(0, PROBLEM_ROLE)
        if isinstance(problem, Problem):
            go_to(self.window_, problem.where, problem.start, problem.end)
