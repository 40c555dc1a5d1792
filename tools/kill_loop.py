"""Kill the editor again and again while it types, restart it, and check what comes back (``make fuzz``).

Each round is tests/gui/test_crash.py's ``crash_and_restore``: a real editor
process typing with real key events, ended by SIGKILL at a moment drawn from
the round's seed (or by a self-inflicted kill halfway through a journal line
or a snapshot), then a second process that restores. A round fails when
anything typed more than 0.25 s before the kill is missing, when something
never typed appears, or when no restore is offered.

Usage: python tools/kill_loop.py [--seconds N] [--seed S]
Prints each round's seed and way of dying, then rounds, failures and their seeds; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.gui.test_crash import TYPING_S, crash_and_restore  # noqa: E402

WAYS = ("kill", "kill", "kill", "journal", "snapshot")


def one_round(seed: int) -> str:
    """Run the round of ``seed``; returns how the editor died."""
    chooser = random.Random(seed)
    way = chooser.choice(WAYS)
    moment = chooser.uniform(0.05, TYPING_S) if way == "kill" else None
    with tempfile.TemporaryDirectory() as folder:
        crash_and_restore(Path(folder), way, kill_after_s=moment)
    return way if moment is None else f"kill at {moment:.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300.0, help="time budget (default 300)")
    parser.add_argument("--seed", type=int, default=None, help="run only this round")
    options = parser.parse_args()
    seeds = [options.seed] if options.seed is not None else None
    start = time.monotonic()
    rounds = 0
    failures: list[tuple[int, str]] = []
    first = random.SystemRandom().randrange(1_000_000)
    while (seeds is None and time.monotonic() - start < options.seconds) or seeds:
        seed = seeds.pop() if seeds else first + rounds
        rounds += 1
        try:
            way = one_round(seed)
        except AssertionError as error:
            failures.append((seed, str(error).splitlines()[0][:300]))
            print(f"round {rounds}: seed {seed}: FAILED: {failures[-1][1]}", flush=True)
            traceback.print_exc(limit=2)
            continue
        print(f"round {rounds}: seed {seed}: {way}: everything typed 0.25 s before came back", flush=True)
    print(f"kill loop: {rounds} rounds in {time.monotonic() - start:.0f} s, {len(failures)} failed")
    for seed, reason in failures:
        print(f"  failed seed {seed}: {reason} (again: python tools/kill_loop.py --seed {seed})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
