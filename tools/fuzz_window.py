"""Run the window's keyboard fuzzer seed after seed, each in a child process, for a time budget (``make fuzz``).

Each child is ``pytest tests/gui/test_fuzz_window.py::test_random_keyboard_journeys_lose_no_word
--hypothesis-seed=N`` with more examples than the normal test run takes. A
child that fails, crashes (a segfault or an abort ends only the child) or
hangs is reported with its seed and the steps of the journey it was on;
the child writes each step to a file, which is also how steps are counted.
At the end it prints steps run, seeds run and every failure; the exit code
is 1 if anything failed.

Environment: ``FUZZ_SECONDS`` (default 600) is the budget; ``FUZZ_EXAMPLES``
and ``FUZZ_STEPS`` size each child (default 30 journeys of up to 50 steps);
``FUZZ_KNOWN_BUGS=hit`` walks into the known bugs instead of around them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/gui/test_fuzz_window.py::test_random_keyboard_journeys_lose_no_word"
RERUN = f"QT_QPA_PLATFORM=offscreen python -m pytest -p no:cacheprovider {TEST}"
#: Longest a child may run: a journey stuck on a dialog or in a loop is a failure, not a wait.
CHILD_TIMEOUT_S = 900


@dataclass
class Outcome:
    """What one child did."""

    seed: int
    steps: int
    seconds: float
    returncode: int | None  # None: killed for running past CHILD_TIMEOUT_S
    journey: list[str]
    message: str
    log: Path | None = None

    @property
    def failed(self) -> bool:
        """Whether the child failed, crashed or hung."""
        return self.returncode != 0

    def verdict(self) -> str:
        """What became of the child, in a few words."""
        if self.returncode is None:
            return f"HUNG (killed after {CHILD_TIMEOUT_S} s)"
        if self.returncode < 0:
            return f"CRASHED (signal {-self.returncode})"
        return "passed" if self.returncode == 0 else f"FAILED (exit code {self.returncode})"


def read_steps(path: Path) -> tuple[int, list[str]]:
    """Steps taken in all journeys, and the steps of the last journey."""
    if not path.exists():
        return 0, []
    lines = path.read_text(encoding="utf-8").splitlines()
    steps = [line for line in lines if not line.startswith("#")]
    starts = [index for index, line in enumerate(lines) if line.startswith("#")]
    last = lines[starts[-1] + 1 :] if starts else lines
    return len(steps), last


def failure_message(output: str) -> str:
    """The first lines of the fuzzer's own failure message in a child's pytest output."""
    lines = output.splitlines()
    for index, line in enumerate(lines):
        if "FuzzCheckError:" in line:
            return "\n".join(lines[index : index + 3])
    if any(line.startswith("Fatal Python error") for line in lines):
        # faulthandler's dump: the error, then where the main thread was (innermost first).
        fatal = next(line for line in lines if line.startswith("Fatal Python error"))
        current = next((index for index, line in enumerate(lines) if line.startswith("Current thread")), None)
        frames = lines[current + 1 : current + 6] if current is not None else []
        return "\n".join([fatal, *frames])
    tail = [line for line in lines if line.strip()][-6:]
    return "\n".join(tail)


def run_seed(seed: int, work: Path, logs: Path) -> Outcome:
    step_file = work / f"steps-{seed}.txt"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FUZZ_STEP_FILE": str(step_file),
        "FUZZ_EXAMPLES": os.environ.get("FUZZ_EXAMPLES", "30"),
        "FUZZ_STEPS": os.environ.get("FUZZ_STEPS", "50"),
    }
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-x",
        "-p",
        "no:cacheprovider",
        "-o",
        f"timeout={CHILD_TIMEOUT_S - 30}",
        f"--hypothesis-seed={seed}",
        TEST,
    ]
    start = time.monotonic()
    try:
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=False
        )
        returncode: int | None = result.returncode
        output = result.stdout + result.stderr
    except subprocess.TimeoutExpired as error:
        returncode = None
        output = str(error.stdout or "") + str(error.stderr or "")
    seconds = time.monotonic() - start
    steps, journey = read_steps(step_file)
    outcome = Outcome(seed, steps, seconds, returncode, journey, failure_message(output) if returncode else "")
    if outcome.failed:
        logs.mkdir(parents=True, exist_ok=True)
        outcome.log = logs / f"seed-{seed}.log"
        outcome.log.write_text(output, encoding="utf-8")
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("FUZZ_SECONDS", "600")))
    parser.add_argument("--first-seed", type=int, default=int(os.environ.get("FUZZ_FIRST_SEED", "1")))
    parser.add_argument("--logs", type=Path, default=ROOT / "out" / "fuzz", help="where failing children's output goes")
    args = parser.parse_args(argv)
    mode = "walking into known bugs" if os.environ.get("FUZZ_KNOWN_BUGS") == "hit" else "around known bugs"
    print(f"Fuzzing the window for {args.seconds:.0f} s from seed {args.first_seed} ({mode})", flush=True)
    deadline = time.monotonic() + args.seconds
    outcomes: list[Outcome] = []
    seed = args.first_seed
    with tempfile.TemporaryDirectory(prefix="fuzz-window-") as folder:
        while time.monotonic() < deadline:
            outcome = run_seed(seed, Path(folder), args.logs)
            outcomes.append(outcome)
            print(f"seed {seed}: {outcome.verdict()}, {outcome.steps} steps, {outcome.seconds:.0f} s", flush=True)
            seed += 1
    failures = [outcome for outcome in outcomes if outcome.failed]
    steps = sum(outcome.steps for outcome in outcomes)
    print(f"\n{steps} steps in {len(outcomes)} seeds ({', '.join(str(o.seed) for o in outcomes)})")
    for outcome in failures:
        print(f"\nseed {outcome.seed}: {outcome.verdict()} (output in {outcome.log})")
        print("  " + outcome.message.replace("\n", "\n  "))
        # A crash ends the journey it happened in; a failed check is followed by hypothesis's shrinking,
        # so then the output's own "steps so far" is the journey to read.
        print(f"  the last journey the child started ({len(outcome.journey)} steps):")
        print(f"  FUZZ_REPLAY={json.dumps(outcome.journey, ensure_ascii=False)!r}")
        print(f"  rerun: {RERUN} --hypothesis-seed={outcome.seed}")
    print(f"\n{len(failures)} failing seeds" if failures else "\nno failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
