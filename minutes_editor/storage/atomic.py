"""Atomic file writing that keeps the previous version.

The new content goes to a temporary file in the target's folder, is flushed
and fsynced, and only then replaces the target; a copy of the old target,
also flushed, then replaces ``NAME.bak``. An error at any point before the
replacement leaves the old file and its .bak as they were, and no temporary
file behind; a crash leaves the old file or the new one, never a
half-written one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(OSError):
    """A file could not be written; the message says which and why, for a person."""


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, write: Callable[[BinaryIO], None], *, keep_backup: bool = True) -> None:
    """Write ``path`` through ``write(file)`` atomically, keeping the old file as ``NAME.bak``.

    Raises WriteError with a readable message when the path is a folder, its
    folder is missing or not writable, the disk is full, or ``write`` fails
    with an OSError; an exception of another kind from ``write`` passes
    through unchanged. Either way the target and its backup are as they were
    and no temporary file is left.
    """
    path = _real_target(Path(path))
    folder = path.parent
    if path.is_dir():
        raise WriteError(f"Cannot save {path.name}: {path} is a folder.")
    if not folder.is_dir():
        if folder.exists():
            raise WriteError(f"Cannot save {path.name}: {folder} is a file, not a folder.")
        raise WriteError(f"Cannot save {path.name}: the folder {folder} does not exist.")
    try:
        handle, temp = _create_temp(path)
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        reason = _reason(error) if isinstance(error, OSError) else str(error)
        raise WriteError(f"Cannot save {path.name} in {folder}: {reason}.") from error
    backup_temp: Path | None = None
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            import shutil  # on first save, not when the program starts (it loads the bz2 and lzma modules)

            # The new file takes the old one's permissions; a new file gets
            # the usual ones (0o666 less the umask) from _create_temp.
            with contextlib.suppress(OSError):
                shutil.copymode(path, temp)
            if keep_backup:
                backup_temp = _copy_to_temp(path, backup_path(path))
        os.replace(temp, path)
    except BaseException as error:
        _remove_quietly(temp)
        if backup_temp is not None:
            _remove_quietly(backup_temp)
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise WriteError(f"Cannot save {path.name}: {_reason(error)}.") from error
        raise
    # The old .bak is replaced only now that the new file is in place, so a
    # failure before this point leaves both the file and its .bak as they were.
    if backup_temp is not None:
        try:
            os.replace(backup_temp, backup_path(path))
        except OSError:
            # The report itself is saved; only the older .bak stays. Renaming
            # in the folder that just took the report hardly ever fails.
            _remove_quietly(backup_temp)
    _fsync_folder(folder)


def atomic_write_bytes(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Write ``data`` to ``path`` atomically, keeping the old file as ``NAME.bak``."""

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    atomic_write(path, write, keep_backup=keep_backup)


def _real_target(path: Path) -> Path:
    # Saving through a symbolic link updates the file it points to; replacing
    # the link itself with a regular file would silently cut it.
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def _create_temp(target: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: it creates files readable by the owner only, and a
    # new report should get the permissions any new file gets (the umask's).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target.name}")


def _copy_to_temp(source: Path, target: Path) -> Path:
    # A copy of the old file beside ``target``, flushed to disk, ready to be renamed over it.
    import shutil

    temp: Path | None = None
    try:
        handle, temp = _create_temp(target)
        with os.fdopen(handle, "wb") as out, source.open("rb") as original:
            shutil.copyfileobj(original, out)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):
            shutil.copymode(source, temp)
    except BaseException as error:
        if temp is not None:
            _remove_quietly(temp)
        if isinstance(error, OSError):
            raise WriteError(f"Cannot keep the previous version as {target.name}: {_reason(error)}.") from error
        raise
    return temp


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
