"""Atomic file writing that keeps the previous version.

The new content goes to a temporary file in the target's folder, is flushed
and fsynced, and only then replaces the target; the old target is first
copied to ``NAME.bak``. A crash or error at any point leaves either the old
file or the new one in place, never a half-written one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(OSError):
    """A file could not be written; the message says which and why, for a person."""


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, write: Callable[[BinaryIO], None], *, keep_backup: bool = True) -> None:
    """Write ``path`` through ``write(file)`` atomically, keeping the old file as ``NAME.bak``.

    Raises WriteError with a readable message when the folder is missing or
    not writable, the disk is full, or ``write`` fails; the target and its
    backup are then as they were.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"Cannot save {path.name}: the folder {folder} does not exist.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"Cannot save {path.name} in {folder}: {_reason(error)}.") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(path, temp)
            if keep_backup:
                _copy_atomically(path, backup_path(path))
        os.replace(temp, path)
        _fsync_folder(folder)
    except WriteError:
        _remove_quietly(temp)
        raise
    except OSError as error:
        _remove_quietly(temp)
        raise WriteError(f"Cannot save {path.name}: {_reason(error)}.") from error
    except BaseException:
        _remove_quietly(temp)
        raise


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, keeping the old file as ``NAME.bak``."""

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    atomic_write(path, write, keep_backup=keep_backup)


def _copy_atomically(source: Path, target: Path) -> None:
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as original:
            shutil.copyfileobj(original, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as error:
        _remove_quietly(temp)
        raise WriteError(f"Cannot keep the previous version as {target.name}: {_reason(error)}.") from error


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)
