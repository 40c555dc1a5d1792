"""The Qt binding itself: calls that return nothing must not drop references to None.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every such call
(``setObjectName``, ``processEvents``, ...) and the interpreter aborts with
"Fatal Python error: none_dealloc" after a few thousand; pyproject.toml pins
6.11.3 on 3.11. The calls run in a fresh interpreter, so a bad binding fails
this test instead of killing the test run, and stop as soon as a fall shows,
before None's count can reach zero.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 20_000
BATCH = 500
# Ordinary interpreter activity moves None's count by a handful; the bad binding moves it by one per call.
TOLERANCE = 50

PROBE = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QCoreApplication, QObject

    CALLS, BATCH, TOLERANCE, LEAK = {calls}, {batch}, {tolerance}, {leak}
    app = QCoreApplication([])
    target = QObject()
    names = ["a", "b"]
    leaked = []

    def one_call(index):
        if index % 2:
            target.setObjectName(names[index % 2])
        else:
            QCoreApplication.processEvents()
        if LEAK:
            # Stands in for the bad binding: what it does to None, undone at the end.
            import ctypes
            ctypes.pythonapi.Py_DecRef(ctypes.py_object(None))
            leaked.append(1)

    one_call(0)  # first calls create caches; count from a warm state
    before = sys.getrefcount(None)
    done = 0
    lowest = before
    while done < CALLS:
        for index in range(BATCH):
            one_call(index)
        done += BATCH
        lowest = min(lowest, sys.getrefcount(None))
        if before - lowest > TOLERANCE:
            break
    result = {{"before": before, "lowest": lowest, "after": sys.getrefcount(None), "calls": done}}
    if LEAK:
        import ctypes
        for _ in leaked:
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    print(json.dumps(result), flush=True)
    # Skip finalisation: with a bad binding None's count is already short and the exit would abort.
    import os
    os._exit(0)
    """
)


def run_probe(*, leak: bool = False) -> dict[str, int]:
    code = PROBE.format(calls=CALLS, batch=BATCH, tolerance=TOLERANCE, leak=leak)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, f"the probe died (exit {result.returncode}): {result.stderr[-2000:]}"
    return json.loads(result.stdout)


def test_calls_returning_nothing_keep_the_references_to_none() -> None:
    figures = run_probe()
    # Under PySide6 6.12.0 on Python 3.11 this reads {"before": 5280, "lowest": 4780, "calls": 500}.
    assert figures["before"] - figures["lowest"] <= TOLERANCE, f"None lost references: {figures}"
    assert figures["calls"] == CALLS


def test_the_probe_sees_a_binding_that_drops_references() -> None:
    # The same probe with one reference dropped per call, as 6.12.0 on 3.11 does: it must notice.
    figures = run_probe(leak=True)
    assert figures["before"] - figures["lowest"] > TOLERANCE
    assert figures["calls"] < CALLS  # stopped early, long before None's count could reach zero
