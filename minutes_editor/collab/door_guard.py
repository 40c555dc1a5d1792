"""The relay's answer to token guessing: an address that keeps offering wrong tokens is shut out for a while.

Tokens are long random strings, so guessing one is hopeless unless the relay
lets a client try without end. ``FailedAttempts`` counts the refusals (no
token, a wrong token) of each client address over a sliding ``window``; at
``limit`` the address is refused every connection, right token or not, for
``lockout`` seconds (HTTP 429 with ``Retry-After``). A right token clears an
address's count. The clock is a parameter so that the rule is tested without
waiting.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any

#: Refusals an address may earn in ``DEFAULT_WINDOW`` seconds before it is shut out.
DEFAULT_LIMIT = 10
DEFAULT_WINDOW = 60.0
DEFAULT_LOCKOUT = 60.0
#: Addresses remembered at most: the oldest are forgotten first, so a flood of addresses cannot fill memory.
MAX_ADDRESSES = 10_000


class FailedAttempts:
    """Refusals per client address, and which addresses are shut out until when."""

    def __init__(
        self,
        limit: int = DEFAULT_LIMIT,
        window: float = DEFAULT_WINDOW,
        lockout: float = DEFAULT_LOCKOUT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 1 or window <= 0 or lockout <= 0:
            raise ValueError("the limit is at least 1, the window and the lockout longer than 0 seconds")
        self.limit = limit
        self.window = window
        self.lockout = lockout
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._shut_until: dict[str, float] = {}

    def shut_out(self, address: str) -> float:
        """Seconds ``address`` is still shut out for (0 when it may try)."""
        until = self._shut_until.get(address)
        if until is None:
            return 0.0
        left = until - self._clock()
        if left <= 0:
            del self._shut_until[address]
            return 0.0
        return left

    def failed(self, address: str) -> bool:
        """Count a refusal of ``address``; True when this one shuts it out."""
        now = self._clock()
        failures = self._failures.pop(address, None) or deque()
        failures.append(now)
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if len(failures) >= self.limit:
            self._shut_until[address] = now + self.lockout
            self._forget_oldest(self._shut_until)
            return True
        self._failures[address] = failures  # re-inserted last: the dict keeps addresses oldest first
        self._forget_oldest(self._failures)
        return False

    def succeeded(self, address: str) -> None:
        """A right token: forget the address's refusals."""
        self._failures.pop(address, None)

    @staticmethod
    def _forget_oldest(table: dict[str, Any]) -> None:
        while len(table) > MAX_ADDRESSES:
            del table[next(iter(table))]
