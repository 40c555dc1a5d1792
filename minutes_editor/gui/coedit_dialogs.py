"""The dialogs and status bar words of writing together: File > Share… and File > Join…, who is where, online or not."""

from __future__ import annotations

import datetime as dt
import hashlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class RoomDialog(QDialog):
    """The relay's address, the room and the token: what Share… and Join… ask."""

    def __init__(self, parent: QWidget | None, *, sharing: bool, relay: str = "", room: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("room_dialog")
        self.setWindowTitle(self.tr("Share the report") if sharing else self.tr("Join a shared report"))
        layout = QFormLayout(self)
        explanation = QLabel(
            self.tr("Put the open report into a room of a relay, where others can join and write with you.")
            if sharing
            else self.tr("Open the report of a room of a relay and write in it with the others there.")
        )
        explanation.setWordWrap(True)
        layout.addRow(explanation)
        self.relay = QLineEdit(relay or "ws://127.0.0.1:8765")
        self.relay.setObjectName("relay")
        self.room = QLineEdit(room)
        self.room.setObjectName("room")
        self.token = QLineEdit()
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addRow(self.tr("&Relay:"), self.relay)
        layout.addRow(self.tr("R&oom:"), self.room)
        layout.addRow(self.tr("&Token:"), self.token)
        note = QLabel(self.tr("The token is not remembered."))
        layout.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Share") if sharing else self.tr("&Join"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        for field in (self.relay, self.room, self.token):
            field.textChanged.connect(lambda _text: ok.setEnabled(self.complete()))
        ok.setEnabled(self.complete())
        (self.room if relay and not room else self.token if room else self.relay).setFocus()

    def complete(self) -> bool:
        """Whether all three are given."""
        return all(field.text().strip() for field in (self.relay, self.room, self.token))

    def values(self) -> tuple[str, str, str]:
        """The relay's address, the room and the token as typed (trimmed)."""
        return self.relay.text().strip(), self.room.text().strip(), self.token.text().strip()


def colour_of(name: str) -> str:
    """A steady colour for a person's name (``#rrggbb``), dark enough to read on white."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    red, green, blue = (64 + digest[i] % 128 for i in range(3))
    return f"#{red:02x}{green:02x}{blue:02x}"


def connection_text(room: str, online: bool, offline_since: dt.datetime | None, edits_waiting: bool) -> str:
    """The status bar's words for the room's connection."""
    if online:
        return QCoreApplication.translate("coedit", "Room “%1”: online").replace("%1", room)
    since = offline_since.strftime("%H:%M") if offline_since is not None else ""
    text = QCoreApplication.translate("coedit", "Room “%1”: offline since %2, reconnecting…")
    text = text.replace("%1", room).replace("%2", since)
    if edits_waiting:
        text += " " + QCoreApplication.translate("coedit", "(your edits are kept and will be sent)")
    return text


def presence_text(you: str, others: list[tuple[str, str]]) -> str:
    """``you (…); Amira: Session 2; …``: who is connected and where each one is."""
    items = [QCoreApplication.translate("coedit", "you (%1)").replace("%1", you)]
    items += [
        QCoreApplication.translate("coedit", "%1: %2").replace("%1", name).replace("%2", where)
        for name, where in others
    ]
    return "; ".join(items)
