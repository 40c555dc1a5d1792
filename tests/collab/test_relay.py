"""The relay and the headless commands, as real processes on 127.0.0.1: doors, limits, persistence, TLS.

One relay serves most tests (rooms ``alpha`` and ``beta``, each with its
own token, and a token for every room); the restart, TLS and size tests
start their own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest
from websockets.exceptions import ConnectionClosedError, InvalidStatus
from websockets.frames import CloseCode
from websockets.sync.client import connect

from minutes_editor.collab.headless import pull
from minutes_editor.collab.relay import Tokens, is_loopback
from minutes_editor.storage.minutes_file import load_report
from tests.collab.processes import RelayProcess, run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "budapest-process-2021-10-14.ar.minutes"
EXAMPLE_EN = EXAMPLE.with_name("budapest-process-2021-10-14.en.minutes")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RelayProcess]:
    folder = tmp_path_factory.mktemp("relay")
    tokens = folder / "tokens.json"
    tokens.write_text(json.dumps({"alpha": ["ta"], "beta": ["tb", "tb2"], "*": "admin"}), encoding="utf-8")
    with RelayProcess(folder / "store", "--tokens", str(tokens), "--max-message", "200000") as process:
        yield process


def share(
    relay: RelayProcess, room: str, token: str, *extra: str, report: Path = EXAMPLE
) -> subprocess.CompletedProcess[str]:
    return run_cli("share", str(report), "--relay", relay.url, "--room", room, "--token", token, *extra)


def pull_to(relay: RelayProcess, room: str, token: str, target: Path) -> subprocess.CompletedProcess[str]:
    return run_cli("pull", "--relay", relay.url, "--room", room, "--token", token, "-o", str(target))


def test_share_then_pull_gives_the_report_back(relay: RelayProcess, tmp_path: Path) -> None:
    shared = share(relay, "alpha", "ta")
    assert shared.returncode == 0, shared.stderr
    pulled = pull_to(relay, "alpha", "ta", tmp_path / "out.minutes")
    assert pulled.returncode == 0, pulled.stderr
    assert pulled.stdout.strip() == str(tmp_path / "out.minutes")
    assert load_report(tmp_path / "out.minutes") == load_report(EXAMPLE)
    assert "joined room alpha" in relay.logged("joined room alpha")


def test_a_wrong_token_is_refused_and_nothing_is_written(relay: RelayProcess, tmp_path: Path) -> None:
    assert share(relay, "alpha", "ta").returncode in (0, 6)  # the room holds the example either way
    target = tmp_path / "out.minutes"
    target.write_text("what was there", encoding="utf-8")
    pulled = pull_to(relay, "alpha", "wrong", target)
    assert pulled.returncode == 6
    assert "refused" in pulled.stderr
    assert target.read_text(encoding="utf-8") == "what was there"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.minutes"]
    assert share(relay, "gamma", "wrong").returncode == 6
    assert "wrong token" in relay.logged("wrong token")


def test_a_connection_without_a_token_is_refused_before_any_message(relay: RelayProcess) -> None:
    with pytest.raises(InvalidStatus) as refused:
        connect(f"{relay.url}/alpha")
    assert refused.value.response.status_code == 401
    with connect(f"{relay.url}/alpha", additional_headers={"Authorization": "Bearer ta"}) as websocket:
        assert websocket.recv(timeout=5)  # the room's first sync message
    assert "no token" in relay.logged("no token")


def test_a_token_opens_its_own_room_only(relay: RelayProcess) -> None:
    with pytest.raises(InvalidStatus) as refused:
        connect(f"{relay.url}/beta?token=ta")
    assert refused.value.response.status_code == 403
    for room, token in (("beta", "tb"), ("beta", "tb2"), ("alpha", "admin"), ("beta", "admin")):
        with connect(f"{relay.url}/{room}?token={token}") as websocket:
            assert websocket.recv(timeout=5)


def test_a_path_that_is_no_room_is_refused(relay: RelayProcess) -> None:
    for path in ("/", "/a/b?token=admin", "/sp%20ace?token=admin"):
        with pytest.raises(InvalidStatus) as refused:
            connect(f"{relay.url}{path}")
        assert refused.value.response.status_code == 404


def test_an_oversized_update_closes_its_connection_only(relay: RelayProcess, tmp_path: Path) -> None:
    with connect(f"{relay.url}/beta?token=tb") as websocket:
        websocket.recv(timeout=5)
        websocket.send(b"\x00\x02" + bytes(250_000))  # a sync update over the relay's 200,000 bytes
        with pytest.raises(ConnectionClosedError) as closed:
            websocket.recv(timeout=5)  # the room answers nothing: it closes
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == CloseCode.MESSAGE_TOO_BIG
    assert "over 200000 bytes: connection closed" in relay.logged("over 200000")
    # The relay goes on serving.
    assert share(relay, "beta", "tb").returncode in (0, 6)
    assert pull_to(relay, "beta", "tb", tmp_path / "b.minutes").returncode == 0


def test_a_malformed_message_is_dropped_and_the_room_goes_on(relay: RelayProcess, tmp_path: Path) -> None:
    with connect(f"{relay.url}/alpha?token=ta") as websocket:
        websocket.recv(timeout=5)
        websocket.send(b"\x00\x02\x05garbage-that-is-no-update")
        websocket.send(b"\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01")
    assert "dropped a malformed message" in relay.logged("dropped a malformed message")
    assert share(relay, "alpha", "ta").returncode in (0, 6)
    assert pull_to(relay, "alpha", "ta", tmp_path / "a.minutes").returncode == 0


def test_share_into_a_room_holding_a_report_needs_replace(relay: RelayProcess, tmp_path: Path) -> None:
    assert share(relay, "replaced", "admin").returncode == 0
    again = share(relay, "replaced", "admin", report=EXAMPLE_EN)
    assert again.returncode == 6
    assert "--replace" in again.stderr
    assert share(relay, "replaced", "admin", "--replace", report=EXAMPLE_EN).returncode == 0
    assert pull_to(relay, "replaced", "admin", tmp_path / "r.minutes").returncode == 0
    assert load_report(tmp_path / "r.minutes") == load_report(EXAMPLE_EN)


def test_pull_from_an_empty_room_writes_nothing(relay: RelayProcess, tmp_path: Path) -> None:
    pulled = pull_to(relay, "empty", "admin", tmp_path / "e.minutes")
    assert pulled.returncode == 6
    assert "holds no report" in pulled.stderr
    assert not (tmp_path / "e.minutes").exists()


def test_rooms_are_kept_across_a_restart(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path / "store", "--token", "t")
    with relay:
        assert share(relay, "kept", "t").returncode == 0
        before = anyio.run(lambda: pull(relay.url, "kept", "t"))
        assert relay.stop() == 0
        relay.port = 0
        relay.start()
        after = anyio.run(lambda: pull(relay.url, "kept", "t"))
    assert repr(after) == repr(before)  # ids included
    assert (tmp_path / "store" / "rooms.sqlite").stat().st_size > 0


def test_a_non_loopback_bind_needs_its_flag(tmp_path: Path) -> None:
    for host in ("0.0.0.0", "192.0.2.10", "::"):
        refused = run_cli("relay", "--host", host, "--store", str(tmp_path / "s"), "--token", "t")
        assert refused.returncode == 2
        assert "--allow-remote" in refused.stderr
    assert not (tmp_path / "s").exists()
    assert run_cli("relay", "--store", str(tmp_path), "--token", "t", "--cert", "c.pem").returncode == 2
    assert is_loopback("127.0.0.1")
    assert is_loopback("::1")
    assert is_loopback("localhost")
    assert not is_loopback("0.0.0.0")
    assert not is_loopback("example.org")


def test_a_tokens_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "tokens.json"
    for content in ("[]", '{"a b": ["t"]}', '{"a": [""]}', '{"a": [1]}', "not json"):
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(ValueError, match=r"tokens"):
            Tokens.read(bad)
        assert run_cli("relay", "--store", str(tmp_path / "s"), "--tokens", str(bad)).returncode == 3
    tokens = Tokens({"a": ["x"], "*": ["all"]})
    assert tokens.allows("a", "x")
    assert tokens.allows("b", "all")
    assert not tokens.allows("b", "x")
    assert not tokens.allows("a", "")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl makes the test certificate")
def test_wss_with_a_certificate(tmp_path: Path) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    relay = RelayProcess(tmp_path / "store", "--token", "t", "--cert", str(cert), "--key", str(key))
    with relay:
        assert relay.url.startswith("wss://127.0.0.1:")
        assert share(relay, "secure", "t", "--cafile", str(cert)).returncode == 0
        untrusted = pull_to(relay, "secure", "t", tmp_path / "u.minutes")
        assert untrusted.returncode == 6
        assert "certificate" in untrusted.stderr.lower()
        pulled = run_cli(
            "pull",
            "--relay",
            relay.url,
            "--room",
            "secure",
            "--token",
            "t",
            "--cafile",
            str(cert),
            "-o",
            str(tmp_path / "s.minutes"),
        )
        assert pulled.returncode == 0, pulled.stderr
    assert load_report(tmp_path / "s.minutes") == load_report(EXAMPLE)
