"""A WebSocket connection (``websockets``) as pycrdt's ``Channel``: what the relay's rooms and a provider use."""

from __future__ import annotations

import contextlib

from websockets.asyncio.connection import Connection
from websockets.exceptions import ConnectionClosed


class WebsocketChannel:
    """Binary messages in and out of one WebSocket connection; iteration ends when the connection closes."""

    def __init__(self, websocket: Connection, path: str) -> None:
        self._websocket = websocket
        self._path = path
        #: How the connection closed, once it has (``sent.code`` 1009: a message over the size limit).
        self.closed: ConnectionClosed | None = None

    @property
    def path(self) -> str:
        """The room's name (pycrdt-websocket names rooms by their channel's path)."""
        return self._path

    def __aiter__(self) -> WebsocketChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed as error:
            self.closed = error
            raise StopAsyncIteration from None

    async def send(self, message: bytes) -> None:
        """Send one binary message (a message to a connection closed meanwhile is dropped: the room forgets it)."""
        with contextlib.suppress(ConnectionClosed):
            await self._websocket.send(message)

    async def recv(self) -> bytes:
        """The next message; a text message (no Yjs client sends one) is taken as its UTF-8 bytes."""
        message = await self._websocket.recv()
        return message.encode("utf-8") if isinstance(message, str) else bytes(message)
