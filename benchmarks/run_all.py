"""Run every benchmark script in this folder, each in its own process, and print their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = [
    "bench_export.py",
    "bench_pdf.py",
    "bench_import.py",
    "bench_compare.py",
    "bench_gui.py",
    "bench_journal.py",
    "bench_kill.py",
    "bench_collab.py",
]


def main() -> int:
    """Run the benchmarks in a fixed order; returns non-zero if one of them failed to run."""
    failed = 0
    for name in ORDER:
        script = HERE / name
        if not script.exists():
            print(f"== {name}: not present, skipped")
            continue
        print(f"== {name}", flush=True)
        completed = subprocess.run([sys.executable, str(script)], check=False)
        failed |= completed.returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
