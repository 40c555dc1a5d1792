"""The relay: serves each room's shared report over WebSocket to those holding its token, and keeps it in SQLite.

No protocol of our own: pycrdt-websocket's ``WebsocketServer`` and ``YRoom``
speak Yjs's sync and awareness messages (a y-websocket client can join), each
room backed by a pycrdt-store ``SQLiteYStore`` (one database, ``rooms.sqlite``
in the store folder, one history per room); ``websockets`` carries them.

What this module adds is the door: a room is ``/NAME`` (letters, digits,
``.``, ``_``, ``~``, ``-``), the token comes as ``?token=T`` (or an
``Authorization: Bearer T`` header) and must be one of the room's (HTTP 401
without one, 403 with a wrong one, before any Yjs message), a message over
``max_message`` bytes closes its connection (WebSocket code 1009), an address
that earns too many refusals is shut out for a while (HTTP 429,
``door_guard.py``), and the relay binds to loopback unless told otherwise (minutes_editor/collab/commands.py).
On SIGTERM or Ctrl+C every room's whole state is written to the store before
the relay stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import json
import logging
import re
import signal
import ssl
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import anyio
from anyio.abc import TaskGroup
from pycrdt import Doc
from pycrdt.store import SQLiteYStore, YDocNotFound
from pycrdt.websocket import WebsocketServer, YRoom
from websockets.asyncio.server import ServerConnection, serve
from websockets.frames import CloseCode
from websockets.http11 import Request, Response

from minutes_editor.collab.channel import WebsocketChannel
from minutes_editor.collab.door_guard import DEFAULT_LIMIT, FailedAttempts

LOG = logging.getLogger("minutes_editor.relay")

DEFAULT_PORT = 8765
#: The largest message a client may send: its first one carries its whole report (the reference report scaled
#: 100 times is about 4 MB as a Yjs update), later ones a keystroke each.
DEFAULT_MAX_MESSAGE = 16 << 20
#: A room's name: what may stand in a URL's path unescaped.
ROOM_NAME = r"[A-Za-z0-9._~-]{1,100}"
STORE_FILE = "rooms.sqlite"
#: In a tokens file, the key whose tokens open every room.
ANY_ROOM = "*"


class Tokens:
    """Which tokens open which room: ``{room: [token, ...]}``, with ``"*"`` for tokens that open every room."""

    def __init__(self, by_room: Mapping[str, Collection[str]]) -> None:
        self._by_room = {room: tuple(tokens) for room, tokens in by_room.items()}

    @classmethod
    def one(cls, token: str) -> Tokens:
        """One token for every room (``--token``)."""
        return cls({ANY_ROOM: [token]})

    @classmethod
    def read(cls, path: Path) -> Tokens:
        """A tokens file: a JSON object from room names (or ``"*"``) to a token or a list of tokens.

        Raises ValueError saying what is wrong with it.
        """
        try:
            document = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ValueError(f"cannot read the tokens file {path}: {error}") from error
        if not isinstance(document, dict):
            raise ValueError(f"{path}: expected a JSON object from room names to lists of tokens")
        by_room: dict[str, list[str]] = {}
        for room, tokens in document.items():
            listed = [tokens] if isinstance(tokens, str) else tokens
            if room != ANY_ROOM and not _room_name(room):
                raise ValueError(f"{path}: {room!r} is not a room name ({ROOM_NAME})")
            if not isinstance(listed, list) or not all(isinstance(token, str) and token for token in listed):
                raise ValueError(f"{path}: the tokens of room {room!r} must be a non-empty string or a list of them")
            by_room[room] = listed
        return cls(by_room)

    def allows(self, room: str, token: str) -> bool:
        """Whether ``token`` opens ``room`` (compared in constant time)."""
        given = token.encode("utf-8", "replace")
        candidates = (*self._by_room.get(room, ()), *self._by_room.get(ANY_ROOM, ()))
        return any(hmac.compare_digest(given, candidate.encode("utf-8")) for candidate in candidates)


def _room_name(name: str) -> bool:
    return re.fullmatch(ROOM_NAME, name) is not None


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class RelaySettings:
    """What the relay serves, where, and to whom."""

    store: Path
    tokens: Tokens
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    certificate: Path | None = None
    key: Path | None = None
    max_message: int = DEFAULT_MAX_MESSAGE
    #: Refusals (no token, a wrong token) an address may earn in a minute before it is shut out for a minute.
    max_failures: int = DEFAULT_LIMIT
    #: Called with the relay's URL once it listens.
    on_ready: Callable[[str], None] = field(default=lambda url: None)


class _RoomStore(SQLiteYStore):
    """One room's history in the relay's SQLite database."""

    def __init__(self, room: str, database: Path) -> None:
        super().__init__(path=room, log=LOG)
        self.db_path = str(database)


class _Rooms(WebsocketServer):
    """pycrdt-websocket's server whose rooms are loaded from, and written to, the store."""

    def __init__(self, database: Path, stores: TaskGroup) -> None:
        super().__init__(rooms_ready=True, auto_clean_rooms=False, log=LOG, exception_handler=_log_exception)
        self._database = database
        self._stores = stores
        self._opening = anyio.Lock()
        self._room_stores: dict[str, _RoomStore] = {}

    async def get_room(self, name: str) -> YRoom:
        """The room ``name``, loaded from the store the first time it is asked for."""
        async with self._opening:  # one at a time: two stores must not create the database at once
            if name not in self.rooms:
                store = _RoomStore(name, self._database)
                await self._stores.start(store.start)
                assert store.db_initialized is not None
                await store.db_initialized.wait()
                doc: Doc[Any] = Doc()
                with contextlib.suppress(YDocNotFound):  # a new room
                    await store.apply_updates(doc)
                room = YRoom(ready=True, ystore=store, ydoc=doc, log=LOG, exception_handler=_log_exception)
                room.on_message_error = _malformed
                self.rooms[name] = room
                self._room_stores[name] = store
                # Started under the lock: a second connection must find it started (YRoom.start, called twice
                # before the first has started, waits forever for the first's lock).
                await self.start_room(room)
                LOG.info("room %s opened", name)
        return self.rooms[name]

    async def close_stores(self) -> None:
        """Write every room's whole state to the store (what a stopped relay must not lose), then close it."""
        for name, store in self._room_stores.items():
            room = self.rooms.get(name)
            if room is not None:
                await store.encode_state_as_update(room.ydoc)
            await store.stop()


def _log_exception(exception: Exception, log: logging.Logger) -> bool:
    log.error("room error: %r", exception)
    return True


def _malformed(error: Exception, message: bytes, channel: object) -> bool:
    room = getattr(channel, "path", "?")
    LOG.warning("dropped a malformed message of %d bytes in room %s: %r", len(message), room, error)
    return True


class Relay:
    """The relay's door and its rooms: one per process (``run``)."""

    def __init__(self, settings: RelaySettings) -> None:
        self.settings = settings
        self._rooms: _Rooms | None = None
        self._attempts = FailedAttempts(settings.max_failures)

    def _check(self, connection: ServerConnection, request: Request) -> Response | None:
        """Refuse, before the WebSocket opens, a path that is no room and a token that does not open it."""
        peer = _peer(connection)
        address = _address(connection)
        wait = self._attempts.shut_out(address)
        if wait:
            LOG.warning("refused %s: shut out for %d s more after too many refusals", peer, wait)
            response = connection.respond(HTTPStatus.TOO_MANY_REQUESTS, "Too many refused attempts: wait.\n")
            response.headers["Retry-After"] = str(max(1, round(wait)))
            return response
        url = urlsplit(request.path)
        room = url.path[1:]
        if not _room_name(room):
            LOG.warning("refused %s: %r is not a room (/NAME)", peer, url.path[:120])
            return connection.respond(HTTPStatus.NOT_FOUND, "Not a room: connect to /ROOM?token=T.\n")
        token = (parse_qs(url.query).get("token") or [""])[0]
        authorization = request.headers.get("Authorization", "")
        if not token and authorization.lower().startswith("bearer "):
            token = authorization[len("bearer ") :].strip()
        if not token:
            LOG.warning("refused %s for room %s: no token", peer, room)
            self._refused(address, peer)
            return connection.respond(HTTPStatus.UNAUTHORIZED, "A token is needed: ?token=T.\n")
        if not self.settings.tokens.allows(room, token):
            LOG.warning("refused %s for room %s: wrong token", peer, room)
            self._refused(address, peer)
            return connection.respond(HTTPStatus.FORBIDDEN, "This token does not open this room.\n")
        self._attempts.succeeded(address)
        return None

    def _refused(self, address: str, peer: str) -> None:
        if self._attempts.failed(address):
            LOG.warning("%s is shut out for %d s: too many refusals", peer, self._attempts.lockout)

    async def _connection(self, websocket: ServerConnection) -> None:
        assert self._rooms is not None
        room = urlsplit(websocket.request.path if websocket.request else "/").path[1:]
        peer = _peer(websocket)
        channel = WebsocketChannel(websocket, room)
        LOG.info("%s joined room %s", peer, room)
        try:
            await self._rooms.serve(channel)
        except anyio.get_cancelled_exc_class():
            raise
        except BaseException as error:  # pycrdt's PanicException on a hostile update is a BaseException
            if isinstance(error, KeyboardInterrupt | SystemExit):
                raise
            LOG.error("room %s: the connection from %s failed: %r", room, peer, error)
        closed = channel.closed
        if closed is not None and closed.sent is not None and closed.sent.code == CloseCode.MESSAGE_TOO_BIG:
            LOG.warning(
                "%s sent room %s a message over %d bytes: connection closed", peer, room, self.settings.max_message
            )
        LOG.info("%s left room %s", peer, room)

    async def serve(self, stop: anyio.Event) -> None:
        """Serve until ``stop`` is set, then close the connections and write every room to the store."""
        settings = self.settings
        settings.store.mkdir(parents=True, exist_ok=True)
        context = None
        if settings.certificate is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(settings.certificate, settings.key)
        async with anyio.create_task_group() as stores:
            self._rooms = _Rooms(settings.store / STORE_FILE, stores)
            async with self._rooms:
                async with serve(
                    self._connection,
                    settings.host,
                    settings.port,
                    process_request=self._check,
                    max_size=settings.max_message,
                    ssl=context,
                ) as server:
                    port = next(iter(server.sockets)).getsockname()[1]
                    host = f"[{settings.host}]" if ":" in settings.host else settings.host
                    settings.on_ready(f"{'wss' if context else 'ws'}://{host}:{port}")
                    await stop.wait()
                    server.close()
                    await server.wait_closed()
                await self._rooms.close_stores()


def _address(connection: ServerConnection) -> str:
    address = connection.remote_address
    return str(address[0]) if isinstance(address, tuple) and address else "unknown"


def _peer(connection: ServerConnection) -> str:
    address = connection.remote_address
    return f"{address[0]}:{address[1]}" if isinstance(address, tuple) and len(address) >= 2 else "a client"


def run(settings: RelaySettings) -> None:
    """Run the relay until SIGTERM or Ctrl+C."""

    async def main() -> None:
        stop = anyio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(number, stop.set)
        await Relay(settings).serve(stop)

    asyncio.run(main())
