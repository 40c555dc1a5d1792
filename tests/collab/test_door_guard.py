"""Token guessing: the rule on a clock we move by hand, then a real relay process shutting an address out."""

from __future__ import annotations

from pathlib import Path

import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from minutes_editor.collab.door_guard import MAX_ADDRESSES, FailedAttempts
from tests.collab.processes import RelayProcess


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_is_shut_out_at_the_limit_for_the_lockout_only() -> None:
    clock = Clock()
    attempts = FailedAttempts(limit=3, window=60, lockout=30, clock=clock)
    assert not attempts.failed("10.0.0.1")
    assert not attempts.failed("10.0.0.1")
    assert attempts.shut_out("10.0.0.1") == 0
    assert attempts.failed("10.0.0.1")
    assert attempts.shut_out("10.0.0.1") == 30
    assert attempts.shut_out("10.0.0.2") == 0  # another address is not touched
    clock.now += 29
    assert attempts.shut_out("10.0.0.1") == 1
    clock.now += 1
    assert attempts.shut_out("10.0.0.1") == 0


def test_refusals_older_than_the_window_do_not_count() -> None:
    clock = Clock()
    attempts = FailedAttempts(limit=3, window=60, lockout=30, clock=clock)
    for _ in range(10):
        assert not attempts.failed("10.0.0.1")
        assert not attempts.failed("10.0.0.1")
        clock.now += 61


def test_a_right_token_clears_the_count() -> None:
    attempts = FailedAttempts(limit=2, clock=Clock())
    assert not attempts.failed("10.0.0.1")
    attempts.succeeded("10.0.0.1")
    assert not attempts.failed("10.0.0.1")


def test_a_flood_of_addresses_is_forgotten_oldest_first() -> None:
    attempts = FailedAttempts(limit=5, clock=Clock())
    for number in range(MAX_ADDRESSES + 10):
        attempts.failed(f"address-{number}")
    assert len(attempts._failures) == MAX_ADDRESSES
    assert "address-0" not in attempts._failures
    assert f"address-{MAX_ADDRESSES + 9}" in attempts._failures


@pytest.mark.parametrize(("limit", "window", "lockout"), [(0, 60, 60), (3, 0, 60), (3, 60, -1)])
def test_nonsense_settings_are_refused(limit: int, window: float, lockout: float) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        FailedAttempts(limit, window, lockout)


@pytest.mark.slow
def test_a_real_relay_shuts_out_a_guessing_address_even_with_the_right_token(tmp_path: Path) -> None:
    with RelayProcess(tmp_path / "store", "--token", "right", "--max-failures", "3") as relay:
        for guess in ("a", "b"):
            with pytest.raises(InvalidStatus) as refused:
                connect(f"{relay.url}/room?token={guess}")
            assert refused.value.response.status_code == 403
        with connect(f"{relay.url}/room?token=right") as websocket:  # a right token in between clears the count
            assert websocket.recv(timeout=5)
        for guess in ("c", "d"):
            with pytest.raises(InvalidStatus):
                connect(f"{relay.url}/room?token={guess}")
        with pytest.raises(InvalidStatus) as refused:
            connect(f"{relay.url}/room")  # the third refusal: no token
        assert refused.value.response.status_code == 401
        with pytest.raises(InvalidStatus) as shut:
            connect(f"{relay.url}/room?token=right")
        assert shut.value.response.status_code == 429
        assert 1 <= int(shut.value.response.headers["Retry-After"]) <= 60
        assert "shut out" in relay.logged("shut out")
