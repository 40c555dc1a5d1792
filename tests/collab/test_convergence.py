"""Three headless co-editors, each in a process of its own, edit one room at once through a real relay.

The relay runs on 127.0.0.1 with a free port and a temporary store. The
peers make random edits through the report's operations (typing marker
strings into the same paragraph at once, erasing, bold, blocks added,
deleted and moved, sessions and sections added and deleted, fields set);
one goes offline and keeps editing, the relay is killed and started again
while the others edit, and the one offline comes back. All must end with
the same report, ids included, holding every marker typed exactly once.
"""

from __future__ import annotations

import signal
import time
from pathlib import Path

import anyio
import pytest

from minutes_editor.collab.headless import pull
from minutes_editor.storage.minutes_file import load_report
from tests.collab.processes import Peer, RelayProcess, run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "budapest-process-2021-10-14.ar.minutes"
TOKEN = "s3cret-token"
ROOM = "budapest"

pytestmark = pytest.mark.slow


def test_three_peers_converge_through_a_reconnection_and_a_relay_restart(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path / "store", "--token", TOKEN)
    peers: list[Peer] = []
    with relay:
        shared = run_cli("share", str(EXAMPLE), "--relay", relay.url, "--room", ROOM, "--token", TOKEN)
        assert shared.returncode == 0, shared.stderr
        start = anyio.run(lambda: pull(relay.url, ROOM, TOKEN))
        hot = start.all_blocks()[3].id  # the paragraph all type into at once
        try:
            peers = [
                Peer(relay.url, ROOM, TOKEN, f"p{index}", 100 + index, hot, tmp_path / f"p{index}.log")
                for index in range(3)
            ]
            for peer in peers:
                peer.send("edit", count=25, pause=0.01)
            for peer in peers:
                peer.expect("edit")

            away = peers[2]
            away.send("offline")
            away.expect("offline")
            for peer in peers:
                peer.send("edit", count=15, pause=0.01)
            for peer in peers:
                peer.expect("edit")

            for peer in peers[:2]:
                peer.send("edit", count=30, pause=0.02)
            relay.stop(signal.SIGKILL)  # what it had not stored yet, the peers still hold
            relay.start()
            for peer in peers[:2]:
                peer.expect("edit")
                # On a loaded machine the edits may all be made before the relay is back: wait for the reconnection.
                deadline = time.monotonic() + 60
                while True:
                    peer.send("report")
                    if peer.expect("report")["connections"] >= 2:
                        break
                    assert time.monotonic() < deadline, "a peer never reconnected to the restarted relay"
                    time.sleep(0.2)
            away.send("online")
            away.expect("online")

            for peer in peers:
                peer.send("edit", count=10, pause=0.01)
            for peer in peers:
                peer.expect("edit")
            for peer in peers:
                peer.send("flush")
            for peer in peers:
                peer.expect("flush")
            for peer in peers:
                peer.send("report")
            reports = [peer.expect("report") for peer in peers]
        finally:
            for peer in peers:
                peer.close()

        final = anyio.run(lambda: pull(relay.url, ROOM, TOKEN))
        assert [answer["repr"] for answer in reports] == [repr(final)] * 3
        text = "\n".join(block.plain_text for block in final.all_blocks())
        typed = [marker for answer in reports for marker in answer["typed"]]
        assert len(typed) > 20
        missing_or_doubled = {marker: text.count(marker) for marker in typed if text.count(marker) != 1}
        assert missing_or_doubled == {}
        assert {block.id for block in start.all_blocks()} <= {block.id for block in final.all_blocks()}

        pulled = run_cli(
            "pull", "--relay", relay.url, "--room", ROOM, "--token", TOKEN, "-o", str(tmp_path / "o.minutes")
        )
        assert pulled.returncode == 0, pulled.stderr
        assert load_report(tmp_path / "o.minutes") == final
