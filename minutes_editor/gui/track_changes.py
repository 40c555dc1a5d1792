"""Review > Track changes (Ctrl+Shift+E, as in Word): the user's own edits become pending changes under their name.

On or off per open report (``ReportDocument.tracked_by``: the name edits are
tracked under, "" while off), shown in the status bar as Word shows it. Turning
it on asks the reviewer's name the first time (the name comments carry, kept in
the settings: ``review_comments.CommentActions.reviewer``). While it is on, the
body editors make every edit a tracked one (gui/tracked_text.py), field edits
record the field's old value (``ReportEdits.set_field``) and a footnote's edits
are marked in its spans; each stays one undo step, as untracked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from minutes_editor.model.tracking import tracked_change

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from minutes_editor.gui.document import ReportDocument
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.gui.review_comments import CommentActions
    from minutes_editor.model.report import Change

#: How long the status bar says that tracking was turned on or off.
MESSAGE_MS = 4000


class TrackChanges(QObject):
    """The Track changes switch of one window, following its open report."""

    def __init__(self, view: EditorView, comments: CommentActions) -> None:
        window = view.as_window()
        super().__init__(window)
        self.view = view
        self.comments = comments
        self.action: QAction | None = None
        self.status = QLabel()
        self.status.setObjectName("track_changes_status")
        window.statusBar().addPermanentWidget(self.status)
        for panel in (view.section_page.body, view.session_page.body):
            panel.editor.tracking = self.change
        view.session.document_replaced.connect(self._follow_draft)
        view.session.document_replaced.connect(self._show)

    def attach(self, action: QAction, name_action: QAction) -> None:
        """Drive ``action`` (checkable: Review > Track changes); a new reviewer name goes on being tracked under."""
        self.action = action
        action.setCheckable(True)
        name_action.triggered.connect(self._name_changed)
        self._follow_draft(self.view.document)
        self._show(self.view.document)

    def change(self) -> Change | None:
        """The change the user's edits carry now (their name, this minute), None while tracking is off."""
        author = self.view.document.tracked_by
        return tracked_change(author) if author else None

    def toggle(self) -> bool:
        """Turn tracking on or off for the open report, as the action's check says; whether it is on."""
        document = self.view.document
        document.draft_tracks_changes = False  # the user's choice from now on
        wanted = self.action.isChecked() if self.action is not None else not document.tracked_by
        if wanted and not document.tracked_by:
            name = self.comments.reviewer()  # asked the first time, then kept in the settings
            document.tracked_by = name or ""
        elif not wanted:
            document.tracked_by = ""
        self._show(document)
        on = bool(document.tracked_by)
        message = self.tr("Your changes are tracked") if on else self.tr("Your changes are no longer tracked")
        self.view.as_window().statusBar().showMessage(message, MESSAGE_MS)
        return on

    def _follow_draft(self, document: ReportDocument) -> None:
        """A draft saved with Track Changes on goes on tracking, as Word does, under the reviewer's known name.

        Opening asks nothing: without a name yet, the status bar's Track changes label says the draft tracks
        changes until the user turns tracking on or off.
        """
        if not document.draft_tracks_changes or document.tracked_by:
            return
        settings = self.view.settings
        name = (settings.reviewer_name() if settings is not None else None) or self.comments.known_name()
        if name:
            document.tracked_by = str(name)
            document.draft_tracks_changes = False

    def _name_changed(self) -> None:
        document = self.view.document
        settings = self.view.settings
        name = settings.reviewer_name() if settings is not None else self.comments.known_name()
        if document.tracked_by and name:
            document.tracked_by = name

    def _show(self, document: ReportDocument) -> None:
        on = bool(document.tracked_by)
        if self.action is not None:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)
        if on:
            self.status.setText(self.tr("Track changes: on"))
        elif document.draft_tracks_changes:
            self.status.setText(self.tr("Track changes: off (the draft tracks changes: Ctrl+Shift+E)"))
        else:
            self.status.setText(self.tr("Track changes: off"))
        self.status.setToolTip(
            self.tr("Your edits are kept as changes under the name %1 (Ctrl+Shift+E turns it off)").replace(
                "%1", document.tracked_by
            )
            if on
            else self.tr("Ctrl+Shift+E keeps your edits as changes under your name")
        )
