"""SIGKILL during a save or an export never tears the file, and the next write removes what the kill left.

A few dozen kills of a real child process at random moments (tests/support/kill_writes.py);
``make bench`` runs hundreds (benchmarks/bench_kill.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.kill_writes import MODES, kill_loop, prepare

KILLS = 15


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kill-writes")
    prepare(folder, scale=100)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("mode", MODES)
def test_a_killed_write_leaves_the_old_or_the_new_file_and_no_temporary_file(versions: Path, mode: str) -> None:
    counts = kill_loop(versions, mode, KILLS, seed=13, max_delay_s=1.0)
    assert counts.kills == KILLS
    assert counts.torn == 0
