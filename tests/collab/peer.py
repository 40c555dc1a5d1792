"""A headless co-editor for the multi-process tests: edits a room's report at random, on command.

Run as ``peer.py URL ROOM TOKEN NAME SEED HOT_BLOCK``; reads commands as
lines of JSON on stdin and answers each with a line of JSON on stdout:
``edit`` (``count`` random edits through the report's operations, ``pause``
seconds apart at most), ``offline``, ``online``, ``flush`` (until the relay
holds all of this peer's edits), ``report`` (once this peer holds all the
relay holds: the report's repr, ids included, and the markers it typed),
``quit``. The blocks and bodies of the report found in the room are kept
safe (tests/collab/edits.py), so every marker typed must end up there once.
"""

from __future__ import annotations

import copy
import json
import random
import sys
from collections.abc import Coroutine
from typing import Any

import anyio

from minutes_editor.collab.client import RoomClient, content, relay_holds
from minutes_editor.collab.errors import RelayError
from minutes_editor.collab.headless import fetch_doc
from minutes_editor.collab.ydoc import apply_report, doc_to_report
from tests.collab.edits import Editor


def answer(what: str, **values: Any) -> None:
    print(json.dumps({"done": what, **values}), flush=True)


async def holds_all_the_relay_holds(client: RoomClient) -> bool:
    relay = await fetch_doc(client.relay, client.room, client.token)
    mine = content(client.doc)
    check = type(client.doc)()
    check.apply_update(client.doc.get_update())
    check.apply_update(relay.get_update(check.get_state()))
    return content(check) == mine


async def quietly(check: Coroutine[Any, Any, bool]) -> bool:
    """A check through a connection of its own: false while the relay cannot be reached."""
    try:
        return await check
    except RelayError:
        return False


async def main(url: str, room: str, token: str, name: str, seed: int, hot: str) -> None:  # noqa: PLR0917
    client = RoomClient(url, room, token)
    rng = random.Random(seed)
    async with anyio.create_task_group() as group:
        await group.start(client.run)
        start = doc_to_report(client.doc)
        safe_blocks = {block.id for block in start.all_blocks()}
        safe_bodies = {section.id for section in start.sections}
        safe_bodies |= {session.id for section in start.sections for session in section.sessions}
        editor = Editor(rng, safe_blocks, safe_bodies, name)
        answer("ready")
        while True:
            line = await anyio.to_thread.run_sync(sys.stdin.readline)
            if not line:
                group.cancel_scope.cancel()
                return
            command = json.loads(line)
            what = command["do"]
            if what == "edit":
                for _ in range(command["count"]):
                    old = doc_to_report(client.doc)
                    new = copy.deepcopy(old)
                    editor.random_edit(new, hot)
                    apply_report(client.doc, old, new)
                    await anyio.sleep(rng.random() * command.get("pause", 0.01))
                answer("edit", connections=client.connections)
            elif what == "offline":
                client.go_offline()
                answer("offline")
            elif what == "online":
                client.go_online()
                await client.wait_online(30)
                answer("online")
            elif what == "flush":
                with anyio.fail_after(60):
                    while not client.online or not await quietly(relay_holds(client.doc, url, room, token)):
                        await anyio.sleep(0.05)
                answer("flush")
            elif what == "report":
                with anyio.fail_after(60):
                    while not await quietly(holds_all_the_relay_holds(client)):
                        await anyio.sleep(0.05)
                report = doc_to_report(client.doc)
                answer("report", repr=repr(report), typed=editor.typed, connections=client.connections)
            elif what == "quit":
                group.cancel_scope.cancel()
                return


if __name__ == "__main__":
    url, room, token, name, seed, hot = sys.argv[1:7]
    anyio.run(main, url, room, token, name, int(seed), hot)
