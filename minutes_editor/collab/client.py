"""A client of the relay: one shared document kept in a room, reconnecting after a drop; share and pull headless.

``RoomClient`` holds a pycrdt ``Doc`` and keeps it in sync with one room
through pycrdt's ``Provider`` over a ``websockets`` connection. Edits made
while it is away stay in the document and reach the room when it is back
(the sync messages on each connection exchange whatever either side lacks).
A relay that refuses the token (HTTP 401 or 403) is not tried again:
``RelayRefusedError``.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import anyio
from anyio.abc import TaskStatus
from pycrdt import Array, Doc, Map, Provider, Text
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidHandshake, InvalidStatus, InvalidURI

from minutes_editor.collab import layout
from minutes_editor.collab.channel import WebsocketChannel
from minutes_editor.collab.errors import RelayError, RelayRefusedError
from minutes_editor.collab.relay import is_loopback

LOG = logging.getLogger("minutes_editor.collab")

#: The largest message a client accepts: a room's whole state arrives as one.
MAX_INCOMING = 256 << 20


def room_url(relay: str, room: str, token: str) -> str:
    """``ws://HOST:PORT/ROOM?token=T`` from the relay's URL (``ws://`` or ``wss://``), a room and a token."""
    parts = urlsplit(relay)
    if parts.scheme not in ("ws", "wss") or not parts.netloc:
        raise RelayError(f"{relay!r} is not a relay's address: ws://HOST:PORT or wss://HOST:PORT")
    path = parts.path.rstrip("/") + "/" + quote(room, safe="")
    return urlunsplit((parts.scheme, parts.netloc, path, f"token={quote(token, safe='')}", ""))


def _ssl_context(url: str, cafile: Path | None) -> ssl.SSLContext | None:
    if not url.startswith("wss:"):
        return None
    context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
    return context


@asynccontextmanager
async def open_room(
    relay: str, room: str, token: str, *, cafile: Path | None = None, timeout: float = 10
) -> AsyncIterator[ClientConnection]:
    """An open WebSocket to a room; raises RelayRefusedError (a token refused) or RelayError (unreachable)."""
    url = room_url(relay, room, token)
    host = urlsplit(url).hostname or ""
    try:
        websocket = await connect(
            url,
            ssl=_ssl_context(url, cafile),
            max_size=MAX_INCOMING,
            open_timeout=timeout,
            proxy=None if is_loopback(host) else True,
        )
    except InvalidStatus as error:
        status = error.response.status_code
        body = error.response.body.decode("utf-8", "replace").strip() if error.response.body else ""
        if status in (401, 403):
            raise RelayRefusedError(f"the relay refused room {room!r}: {body or status}") from None
        raise RelayError(f"the relay answered {status} for room {room!r}: {body}") from None
    except (OSError, InvalidHandshake, InvalidURI, TimeoutError, ssl.SSLError) as error:
        raise RelayError(f"cannot reach the relay at {relay}: {error}") from None
    try:
        yield websocket
    finally:
        await websocket.close()


class RoomClient:
    """One document kept in one room of a relay: connects, syncs, reconnects after a drop, until cancelled.

    ``online`` is true while connected and synced. ``go_offline()`` closes the
    connection and stays away until ``go_online()``; edits made meanwhile
    merge when it is back.
    """

    def __init__(
        self, relay: str, room: str, token: str, doc: Doc[Any] | None = None, *, cafile: Path | None = None
    ) -> None:
        self.relay = relay
        self.room = room
        self.token = token
        self.cafile = cafile
        self.doc: Doc[Any] = Doc() if doc is None else doc
        self.online = False
        self._allowed = anyio.Event()
        self._allowed.set()
        self._leave = anyio.Event()
        #: Connections made so far (the first, then each reconnection).
        self.connections = 0

    async def run(self, *, task_status: TaskStatus[None] = anyio.TASK_STATUS_IGNORED) -> None:
        """Stay in the room until cancelled; ``task_status`` is started once the first sync is done."""
        started = False
        delay = 0.05
        while True:
            await self._allowed.wait()
            try:
                async with open_room(self.relay, self.room, self.token, cafile=self.cafile) as websocket:
                    self.connections += 1
                    delay = 0.05
                    channel = self.make_channel(websocket)
                    async with Provider(self.doc, channel, log=LOG) as provider:
                        await provider.synced.wait()
                        self.online = True
                        if not started:
                            started = True
                            task_status.started()
                        async with anyio.create_task_group() as group:
                            group.start_soon(self._leave_when_asked, websocket)
                            await websocket.wait_closed()
                            group.cancel_scope.cancel()
            except RelayRefusedError:
                raise
            except Exception as error:
                LOG.info("room %s: %r; trying again in %.2f s", self.room, error, delay)
            finally:
                self.online = False
            await anyio.sleep(delay)
            delay = min(delay * 2, 2.0)

    def make_channel(self, websocket: ClientConnection) -> WebsocketChannel:
        """The channel of one connection (a subclass may handle more than the sync messages: presence)."""
        return WebsocketChannel(websocket, self.room)

    async def _leave_when_asked(self, websocket: ClientConnection) -> None:
        await self._leave.wait()
        await websocket.close()

    async def wait_online(self, timeout: float = 10) -> None:
        """Wait until connected and synced; raises TimeoutError after ``timeout`` seconds."""
        with anyio.fail_after(timeout):
            while not self.online:
                await anyio.sleep(0.005)

    def go_offline(self) -> None:
        """Close the connection and stay away (edits go on in the document)."""
        self._allowed = anyio.Event()
        self._leave.set()

    def go_online(self) -> None:
        """Connect again (and merge what was edited while away)."""
        self._leave = anyio.Event()
        self._allowed.set()


def content(doc: Doc[Any]) -> object:
    """What a report's document holds, as plain values with text formatting: equal for documents that read alike."""

    def plain(value: object) -> object:
        if isinstance(value, Map):
            return {key: plain(value[key]) for key in sorted(value.keys())}
        if isinstance(value, Array):
            return [plain(item) for item in value]
        if isinstance(value, Text):
            return [(plain(chunk), attributes) for chunk, attributes in value.diff()]
        return value

    with doc.transaction():
        roots = {name: doc.get(name, type=Map) for name in layout.ROOTS if name != layout.FIELD_CHANGES}
        changes = plain(doc.get(layout.FIELD_CHANGES, type=Array))
        return {**{name: plain(root) for name, root in roots.items()}, layout.FIELD_CHANGES: changes}


async def relay_holds(doc: Doc[Any], relay: str, room: str, token: str, *, cafile: Path | None = None) -> bool:
    """Whether the room already holds all of ``doc`` (read through a connection of its own, which sends nothing)."""
    probe: Doc[Any] = Doc()
    async with (
        open_room(relay, room, token, cafile=cafile) as websocket,
        Provider(probe, WebsocketChannel(websocket, room), log=LOG) as provider,
    ):
        await provider.synced.wait()
    room_now: Doc[Any] = Doc()
    room_now.apply_update(probe.get_update())
    before = content(room_now)
    room_now.apply_update(doc.get_update(room_now.get_state()))
    return content(room_now) == before
