"""Kill loop: hundreds of SIGKILLs of a real process saving a large report or exporting it, with counts.

Prints figures and fails (exit 1) at the first torn file or temporary file
a next write did not remove (tests/support/kill_writes.py). The report is
the example scaled a hundred times; each kill comes at a moment drawn at
random within the first second and a half of a child's writing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.kill_writes import MODES, Counts, kill_loop, prepare  # noqa: E402

KILLS = int(os.environ.get("BENCH_KILLS", "150"))


def main() -> int:
    """Run the kill loop for each way of writing and print what the kills left."""
    with tempfile.TemporaryDirectory() as folder:
        prepare(Path(folder), scale=100)
        sizes = {version: (Path(folder) / f"{version}.minutes").stat().st_size for version in ("first", "second")}
        print(f"report: {sizes['first'] / 1e6:.1f} MB as .minutes (the example x100)")
        total = Counts()
        for mode in MODES:
            start = time.perf_counter()
            try:
                counts = kill_loop(Path(folder), mode, KILLS, seed=2024)
            except AssertionError as error:
                print(f"{mode}: FAILED: {error}")
                return 1
            total.add(counts)
            print(
                f"{mode}: {counts.kills} kills in {time.perf_counter() - start:.0f} s; file found whole as the "
                f"first version {counts.found['first']}, the second {counts.found['second']}, not yet written "
                f"{counts.found['none']}; torn {counts.torn}; a temporary file left by {counts.left_temporary} "
                "kills, removed by the next write every time"
            )
        print(f"total: {total.kills} kills, {total.torn} torn, {total.left_temporary} temporary files left and removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
