"""One door for reading a user's file, whatever its role: report, draft, template, recovery file, sidecar, preset.

A path given by a person or found in someone else's report may name a
folder, a pipe (FIFO) that blocks its reader until a writer comes, a device
that never ends (``/dev/zero``), or a file far larger than any report. The
door opens without blocking (``O_NONBLOCK``: opening a FIFO returns at
once), then asks the open file itself what it is (``fstat``, so the answer
is about what was opened, not about whatever the path names a moment
later), refuses anything but a regular file, and reads at most one byte
more than the caller's cap. Errors are ``OSError`` subclasses the callers
turn into their own messages (storage/messages.py, ooxml/errors.py).
No Qt here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

#: Flags of every opening through the door (each where the platform has it).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


class NotRegularFileError(OSError):
    """The path names something that is not a regular file; ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is a {kind}, not a regular file")
        self.path = path
        #: "folder", "pipe", "device", "socket" or "special file".
        self.kind = kind


class FileTooLargeError(OSError):
    """The file is larger than the caller's cap (``size`` bytes, or at least that many)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path} holds {size} bytes, more than {limit}")
        self.path = path
        self.size = size
        self.limit = limit


def kind_of(mode: int) -> str | None:
    """What a file of ``mode`` is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading without ever blocking; raise NotRegularFileError for anything else.

    Other failures are the OSError of the system (FileNotFoundError, PermissionError, ELOOP, ENAMETOOLONG...).
    """
    path = Path(path)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except IsADirectoryError as error:
        raise NotRegularFileError(path, "folder") from error
    try:
        kind = kind_of(os.fstat(descriptor).st_mode)
        if kind is not None:
            raise NotRegularFileError(path, kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)  # a regular file: ordinary reads from here on
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; raise FileTooLargeError past it."""
    path = Path(path)
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise FileTooLargeError(path, size, limit)
        # One byte more than allowed: the file may grow after fstat.
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileTooLargeError(path, len(data), limit)
    return data
