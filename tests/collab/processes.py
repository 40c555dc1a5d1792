"""Real processes for co-editing tests: a relay on 127.0.0.1 with a free port, and headless peers."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
PEER = Path(__file__).resolve().parent / "peer.py"


def environment() -> dict[str, str]:
    """This tree first on the path (not an installed copy), and no proxy between us and 127.0.0.1."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        env.pop(name, None)
    return env


def _line(stream: IO[str], deadline: float, process: subprocess.Popen[str]) -> str:
    line = stream.readline()
    if not line:
        code = process.wait(max(0.1, deadline - time.monotonic()))
        errors = process.stderr.read()[-3000:] if process.stderr else ""
        raise AssertionError(f"the process ended (exit {code}): {errors}")
    return line


class RelayProcess:
    """``minutes-editor relay`` in a process of its own; ``url`` once it listens."""

    def __init__(self, store: Path, *args: str, port: int = 0) -> None:
        self.store = store
        self.args = args
        self.port = port
        self.url = ""
        self.process: subprocess.Popen[str] | None = None
        self.log = store.parent / f"{store.name}.log"

    def start(self, timeout: float = 15) -> RelayProcess:
        command = [sys.executable, "-m", "minutes_editor", "relay", "--store", str(self.store)]
        command += ["--port", str(self.port)]
        with self.log.open("a", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [*command, *self.args],
                cwd=ROOT,
                env=environment(),
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        assert self.process.stdout is not None
        line = _line(self.process.stdout, time.monotonic() + timeout, self.process)
        found = re.search(r"(wss?://[^/ ]+)/ROOM", line)
        assert found, line
        self.url = found.group(1)
        self.port = int(self.url.rsplit(":", 1)[1])
        return self

    def stop(self, how: signal.Signals = signal.SIGTERM, timeout: float = 15) -> int:
        assert self.process is not None
        self.process.send_signal(how)
        code = self.process.wait(timeout)
        self.process = None
        return code

    def logged(self, waiting_for: str = "", timeout: float = 10) -> str:
        """The relay's log so far; with ``waiting_for``, once that is in it (or ``timeout`` seconds)."""
        deadline = time.monotonic() + timeout
        while waiting_for not in (text := self.log.read_text(encoding="utf-8")) and time.monotonic() < deadline:
            time.sleep(0.02)
        return text

    def __enter__(self) -> RelayProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``minutes-editor ARGS`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "minutes_editor", *args],
        cwd=ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class Peer:
    """A headless client (tests/collab/peer.py) in a process of its own, driven by lines of JSON."""

    def __init__(self, url: str, room: str, token: str, name: str, seed: int, hot: str, log: Path) -> None:  # noqa: PLR0917
        self.name = name
        self.log = log
        with log.open("w", encoding="utf-8") as errors:
            self.process = subprocess.Popen(
                [sys.executable, str(PEER), url, room, token, name, str(seed), hot],
                cwd=ROOT,
                env=environment(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
        self.expect("ready")

    def send(self, command: str, **values: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"do": command, **values}) + "\n")
        self.process.stdin.flush()

    def expect(self, what: str, timeout: float = 60) -> dict[str, Any]:
        assert self.process.stdout is not None
        try:
            line = _line(self.process.stdout, time.monotonic() + timeout, self.process)
        except AssertionError as error:
            raise AssertionError(f"{self.name}: {error}: {self.errors()[-4000:]}") from None
        answer: dict[str, Any] = json.loads(line)
        assert answer.get("done") == what, (self.name, answer, self.errors())
        return answer

    def errors(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def close(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
