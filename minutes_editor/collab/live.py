"""A room kept live for the window: the document, its client and who is where, in a worker thread's event loop.

``LiveRoom`` runs a ``RoomClient`` (client.py) in an event loop of its own
thread (an anyio blocking portal), so the window never waits on the network.
The document is touched in that thread only: ``call(function, ...)`` runs a
function there and returns its result (``apply_report`` and ``doc_to_report``
go through it). A change that came from the room (not from ``call``) is told
through ``on_remote``, and a change of who is connected through
``on_presence``, both called in the worker thread (the window turns them into
queued signals).

Presence is Yjs awareness (pycrdt ``Awareness``), sent over the room's own
connection: pycrdt's provider leaves awareness messages alone, the relay's
rooms pass each one to every connection. A state is ``{"name", "part",
"colour"}`` (``part``: the id of the section, session or block the cursor is
in, "" for the title block); states from the network are checked (``peers``
keeps only well-formed ones). Each client sends its state on connecting,
again when a client it did not know appears (so a newcomer learns of everyone),
every few seconds, and ``null`` on leaving; one not heard of for
``FORGET_AFTER`` seconds is forgotten (a dropped connection sends nothing).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import anyio
from anyio.from_thread import BlockingPortal, start_blocking_portal
from pycrdt import Awareness, Doc, Subscription, YMessageType, create_awareness_message, read_message
from websockets.asyncio.client import ClientConnection

from minutes_editor.collab.channel import WebsocketChannel
from minutes_editor.collab.client import RoomClient
from minutes_editor.collab.errors import RelayError

_T = TypeVar("_T")

#: Seconds between two sendings of one's own presence.
HEARTBEAT = 3.0
#: Seconds after which a client not heard of is taken as gone.
FORGET_AFTER = 12.0
#: The longest name or part id kept from another client's presence.
MAX_PRESENCE_TEXT = 200


class PresenceChannel(WebsocketChannel):
    """A connection's channel that also speaks awareness: sends the local state first, applies what comes."""

    def __init__(self, websocket: ClientConnection, path: str, live: LiveRoom) -> None:
        super().__init__(websocket, path)
        self._live = live
        self._greeted = False

    async def recv(self) -> bytes:
        """The next sync message; awareness messages are applied on the way."""
        if not self._greeted:
            self._greeted = True
            self._live.channel = self
            await self._live.send_presence()
        while True:
            message = await super().recv()
            if not message or message[0] != YMessageType.AWARENESS:
                return message
            with contextlib.suppress(Exception):  # a malformed presence is dropped, never the connection
                if self._live.apply_presence(read_message(message[1:])):
                    await self._live.send_presence()


class _Client(RoomClient):
    def __init__(self, live: LiveRoom, where: tuple[str, str, str], doc: Doc[Any], cafile: Path | None) -> None:
        super().__init__(*where, doc, cafile=cafile)
        self._live = live

    def make_channel(self, websocket: ClientConnection) -> WebsocketChannel:
        return PresenceChannel(websocket, self.room, self._live)


class LiveRoom:
    """One room kept live in a worker thread: its document, client and presence."""

    def __init__(
        self,
        relay: str,
        room: str,
        token: str,
        *,
        on_remote: Callable[[], None] = lambda: None,
        on_presence: Callable[[], None] = lambda: None,
        cafile: Path | None = None,
    ) -> None:
        self.relay, self.room, self.token, self.cafile = relay, room, token, cafile
        self.on_remote = on_remote
        self.on_presence = on_presence
        self.channel: PresenceChannel | None = None
        #: Local edits written while offline, not yet sent (cleared on connecting again).
        self.edits_waiting = False
        self._portal_context: Any = None
        self._portal: BlockingPortal | None = None
        self._task: Future[None] | None = None
        self._local = False
        self._subscription: Subscription | None = None
        self._doc: Doc[Any] | None = None
        self.awareness: Awareness | None = None
        self.client: RoomClient | None = None
        self._heard: dict[int, float] = {}

    # ------------------------------------------------------------ life cycle

    def connect(self, timeout: float = 10) -> None:
        """Start the worker, join the room and wait for the first sync; raises RelayError (RelayRefusedError)."""
        self._portal_context = start_blocking_portal(name="minutes-editor-room")
        self._portal = self._portal_context.__enter__()
        try:
            self._portal.call(self._make)
            assert self.client is not None
            self._task = self._portal.start_task_soon(self.client.run)
            self._portal.start_task_soon(self._heartbeat)
            deadline = time.monotonic() + timeout
            while not self.client.online:
                if self._task.done():
                    self._task.result()  # raises what stopped it (a refused token)
                if time.monotonic() > deadline:
                    raise RelayError(f"cannot reach the relay at {self.relay}: no answer in {timeout:g} s")
                time.sleep(0.01)
        except BaseException:
            self.close()
            raise

    def _make(self) -> None:
        # Made in the worker thread, the only one that touches them.
        doc: Doc[Any] = Doc()
        self._doc = doc
        self.awareness = Awareness(doc)
        self.client = _Client(self, (self.relay, self.room, self.token), doc, self.cafile)
        self._subscription = doc.observe(self._observed)

    @property
    def doc(self) -> Doc[Any]:
        """The room's document (touch it only through ``call``)."""
        if self._doc is None:
            raise RelayError("the room has not been joined")
        return self._doc

    def close(self) -> None:
        """Say goodbye (presence null), leave the room and stop the worker thread."""
        portal, self._portal = self._portal, None
        if portal is None:
            return
        with contextlib.suppress(Exception):
            portal.call(self._goodbye)
        with contextlib.suppress(Exception):
            portal.call(portal.stop, True)
        with contextlib.suppress(Exception):
            self._portal_context.__exit__(None, None, None)

    async def _goodbye(self) -> None:
        # Presence null, then the connection closed with its handshake (a cancelled one would leave the relay
        # waiting for it), before the loop stops.
        client = self.client
        if client is None:
            return
        with anyio.move_on_after(2):
            if self.awareness is not None and self.channel is not None and client.online:
                self.awareness.set_local_state(None)
                await self.channel.send(create_awareness_message(self._encoded_local()))
            client.go_offline()
            while client.online:
                await anyio.sleep(0.005)

    # ------------------------------------------------------------ the document

    def call(self, function: Callable[..., _T], *args: Any) -> _T:
        """Run ``function(*args)`` in the worker thread (where the document lives) and return its result."""
        if self._portal is None:
            raise RelayError("the room has been left")

        def local() -> _T:
            self._local = True
            try:
                return function(*args)
            finally:
                self._local = False

        result = self._portal.call(local)
        if self.client is not None and not self.client.online:
            self.edits_waiting = True
        return result

    def _observed(self, _event: object) -> None:
        if not self._local:
            self.on_remote()

    @property
    def online(self) -> bool:
        """Whether the client is connected and synced now."""
        online = self.client is not None and self.client.online
        if online and self.edits_waiting:
            self.edits_waiting = False  # each connection's sync sends whatever the relay lacks
        return online

    def go_offline(self) -> None:
        """Leave the relay for a while, keeping the document (tests; edits merge when back)."""
        if self._portal is not None and self.client is not None:
            self._portal.call(self.client.go_offline)

    def go_online(self) -> None:
        """Come back after ``go_offline``."""
        if self._portal is not None and self.client is not None:
            self._portal.call(self.client.go_online)

    # ------------------------------------------------------------ presence

    def set_presence(self, name: str, part: str, colour: str) -> None:
        """Say who this window is and where its cursor is (sent at once when online)."""
        if self._portal is not None:
            self._portal.call(self._set_presence, {"name": name, "part": part, "colour": colour})

    async def _set_presence(self, state: dict[str, str]) -> None:
        assert self.awareness is not None
        if self.awareness.get_local_state() != state:
            self.awareness.set_local_state(state)
            await self.send_presence()

    def _encoded_local(self) -> bytes:
        assert self.awareness is not None
        return self.awareness.encode_awareness_update([self.awareness.client_id])

    async def send_presence(self) -> None:
        """Send the local state on the current connection (nothing while offline)."""
        if self.channel is not None and self.awareness is not None:
            await self.channel.send(create_awareness_message(self._encoded_local()))

    def apply_presence(self, update: bytes) -> bool:
        """Apply an awareness update from the room; True when it names a client not known before."""
        assert self.awareness is not None
        before = set(self.awareness.states)
        self.awareness.apply_awareness_update(update, "remote")
        now = time.monotonic()
        for client_id in self.awareness.states:
            if client_id != self.awareness.client_id:
                self._heard[client_id] = now
        self.on_presence()
        return bool(set(self.awareness.states) - before - {self.awareness.client_id})

    async def _heartbeat(self) -> None:
        while True:
            await anyio.sleep(HEARTBEAT)
            assert self.awareness is not None
            assert self.client is not None
            state = self.awareness.get_local_state()
            if state is not None and self.client.online:
                self.awareness.set_local_state(state)  # a newer clock: others keep us
                await self.send_presence()
            now = time.monotonic()
            gone = [
                client_id
                for client_id in self.awareness.states
                if client_id != self.awareness.client_id
                and (not self.client.online or now - self._heard.get(client_id, 0) > FORGET_AFTER)
            ]
            if gone:
                self.awareness.remove_awareness_states(gone, "timeout")
                self.on_presence()

    def peers(self) -> dict[int, dict[str, str]]:
        """The other clients' presence, well-formed ones only (read in the worker thread)."""
        if self._portal is None or self.awareness is None:
            return {}
        awareness = self.awareness

        def read() -> dict[int, dict[str, str]]:
            return {
                client_id: checked
                for client_id, state in awareness.states.items()
                if client_id != awareness.client_id and (checked := _checked_presence(state)) is not None
            }

        return self._portal.call(read)


def _checked_presence(state: object) -> dict[str, str] | None:
    """A presence state from the network as ``{"name", "part", "colour"}``, or None when malformed."""
    if not isinstance(state, dict):
        return None
    values = {key: state.get(key) for key in ("name", "part", "colour")}
    if not all(isinstance(value, str) and len(value) <= MAX_PRESENCE_TEXT for value in values.values()):
        return None
    colour = str(values["colour"])
    if not (len(colour) == 7 and colour[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in colour[1:])):
        values["colour"] = "#808080"
    return {key: str(value) for key, value in values.items()}
