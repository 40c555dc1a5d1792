"""Share a report into a room, or pull a room's report into a file, without the window (``share``, ``pull``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anyio
from pycrdt import Doc, Provider

from minutes_editor.collab.channel import WebsocketChannel
from minutes_editor.collab.client import LOG, open_room, relay_holds
from minutes_editor.collab.errors import CollabError
from minutes_editor.collab.ydoc import apply_report, doc_to_report, holds_report, report_to_doc
from minutes_editor.model.report import Report


class RoomStateError(CollabError):
    """The room is not as the command needs it: it holds a report already (share), or none (pull)."""


async def fetch_doc(relay: str, room: str, token: str, *, cafile: Path | None = None, timeout: float = 10) -> Doc[Any]:
    """The room's document as the relay holds it now (raises RelayError, RelayRefusedError, TimeoutError)."""
    doc: Doc[Any] = Doc()
    with anyio.fail_after(timeout):
        async with (
            open_room(relay, room, token, cafile=cafile, timeout=timeout) as websocket,
            Provider(doc, WebsocketChannel(websocket, room), log=LOG) as provider,
        ):
            await provider.synced.wait()
    return doc


async def pull(relay: str, room: str, token: str, *, cafile: Path | None = None, timeout: float = 10) -> Report:
    """The report a room holds; raises RoomStateError if it holds none, CollabError if it cannot be read."""
    doc = await fetch_doc(relay, room, token, cafile=cafile, timeout=timeout)
    if not holds_report(doc):
        raise RoomStateError("", f"room {room!r} holds no report yet: share one into it first")
    return doc_to_report(doc)


async def share(
    report: Report,
    relay: str,
    room: str,
    token: str,
    *,
    replace: bool = False,
    cafile: Path | None = None,
    timeout: float = 10,
) -> None:
    """Put ``report`` into a room and wait until the relay holds all of it.

    A room that holds a report already is refused (RoomStateError) unless
    ``replace``: then its report becomes this one, written as the edits
    from one to the other, merged with whatever others type meanwhile.
    """
    doc: Doc[Any] = Doc()
    problem: CollabError | None = None
    with anyio.fail_after(timeout):
        async with (
            open_room(relay, room, token, cafile=cafile, timeout=timeout) as websocket,
            Provider(doc, WebsocketChannel(websocket, room), log=LOG) as provider,
        ):
            await provider.synced.wait()
            # Raised after the provider has closed (inside, it would come out wrapped in an exception group).
            try:
                if not holds_report(doc):
                    report_to_doc(report, doc)
                elif replace:
                    apply_report(doc, doc_to_report(doc), report)
                else:
                    problem = RoomStateError("", f"room {room!r} already holds a report (--replace to replace it)")
            except CollabError as error:
                problem = error
        if problem is not None:
            raise problem
        # The provider has sent everything on leaving; the relay has it once a reader of its own sees it there.
        while not await relay_holds(doc, relay, room, token, cafile=cafile):
            await anyio.sleep(0.02)
