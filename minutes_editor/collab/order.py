"""Order keys: where an item stands in a list that several people reorder at once.

A list of sections, sessions, blocks, footnotes or comments is held in the
shared document as a map from id to item, each item with an order key
``pos``; the list is the items sorted by ``(pos, id)``. Moving an item sets
its key (one value, last writer wins), so two people moving the same block
at once leave it in one place, never two, and text typed into it meanwhile
stays in it. Keys are strings of base-36 digits read as fractions
(``"i"`` is 0.5, ``"9"`` is 0.25): between any two there is always another
(after rocicorp's fractional-indexing, whose ``midpoint`` this follows).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
#: A key: base-36 digits, not ending in "0" (so that between any two keys there is a third).
KEY = re.compile(r"[0-9a-z]*[1-9a-z]")
#: Past this length a list's keys are all laid out afresh (a rare event: many inserts at one place).
REKEY_LENGTH = 48


def key_between(low: str | None, high: str | None) -> str:
    """A key after ``low`` and before ``high`` (None: the start or the end of the list); ``low < high``."""
    below = low or ""
    if high is not None and below >= high:
        raise ValueError(f"no key between {low!r} and {high!r}")
    return _midpoint(below, high)


def _midpoint(low: str, high: str | None) -> str:
    if high is not None:
        # The common prefix (``low`` padded with zeros) stays; the midpoint is found after it.
        shared = 0
        while shared < len(high) and (low[shared] if shared < len(low) else "0") == high[shared]:
            shared += 1
        if shared:
            return high[:shared] + _midpoint(low[shared:], high[shared:])
    digit_low = DIGITS.index(low[0]) if low else 0
    digit_high = DIGITS.index(high[0]) if high is not None else BASE
    if digit_high - digit_low > 1:
        return DIGITS[(digit_low + digit_high + 1) // 2]
    if high is not None and len(high) > 1:
        return high[:1]
    return DIGITS[digit_low] + _midpoint(low[1:], None)


def key_after(low: str | None) -> str:
    """A key after ``low``, at the end of a list: the next digit where one is left (appending grows keys slowly)."""
    below = low or ""
    for index, character in enumerate(below):
        digit = DIGITS.index(character)
        if digit < BASE - 1:
            return below[:index] + DIGITS[digit + 1]
    return below + DIGITS[1]


def keys_between(low: str | None, high: str | None, count: int) -> list[str]:
    """``count`` increasing keys between ``low`` and ``high``, spread evenly (short keys for long lists)."""
    if count <= 0:
        return []
    middle = key_between(low, high)
    half = count // 2
    return [*keys_between(low, middle, half), middle, *keys_between(middle, high, count - half - 1)]


def _kept(keys: Sequence[str | None]) -> set[int]:
    """The indexes of a longest run of strictly increasing keys (None never kept): the items that need not move."""
    tails: list[str] = []  # the smallest last key of an increasing run of each length
    tail_index: list[int] = []
    previous: dict[int, int] = {}
    for index, key in enumerate(keys):
        if key is None:
            continue
        place = bisect_left(tails, key)
        if place == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[place] = key
            tail_index[place] = index
        if place:
            previous[index] = tail_index[place - 1]
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.add(index)
        index = previous.get(index, -1)
    return kept


def positions(order: Sequence[str], current: Mapping[str, str]) -> dict[str, str]:
    """The keys to set so that the items ``order`` (ids) stand in that order; ``current`` holds their keys now.

    As few items as possible get a new key: those of a longest increasing run
    of current keys keep theirs, the others (new items, moved items) get keys
    between their kept neighbours. Returns only the keys that change.
    """
    keys = [current.get(item) for item in order]
    kept = _kept(keys)
    changes: dict[str, str] = {}
    start = 0
    low: str | None = None
    for index in [*sorted(kept), len(order)]:
        high = keys[index] if index < len(order) else None
        gap = order[start:index]
        # One item appended at the end (Enter at the end of a body) takes the next key, not a midpoint.
        fresh = [key_after(low)] if high is None and len(gap) == 1 else keys_between(low, high, len(gap))
        changes.update(zip(gap, fresh, strict=True))
        low = high
        start = index + 1
    if any(len(key) > REKEY_LENGTH for key in changes.values()):
        fresh = keys_between(None, None, len(order))
        return {item: key for item, key in zip(order, fresh, strict=True) if current.get(item) != key}
    return changes
