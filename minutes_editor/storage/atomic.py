"""The one door for writing a user's file: atomically, keeping the previous version, or not at all.

Every file the program writes (report, exported .docx, recovery files,
settings, dictionaries) goes through ``atomic_write``. First the door looks
at where the file would go and refuses, before anything is written or any
``.bak`` touched:

- no name at all (an empty path);
- the file the command reads (``source``), by any name: the same path, a
  symbolic link to it, a hard link to it (compared by device and inode);
- a folder, a pipe (FIFO), a device (``/dev/null``), a socket: only a
  regular file is ever replaced, so a device never becomes a file and a FIFO
  never blocks the program;
- a read-only file: one the user may not write to, or, for root (whom
  permissions do not stop), one with no write permission for anyone;
- a path the system cannot use: a name or path too long, a loop of symbolic
  links, a part of the path that is a file, a missing folder.

Each refusal is a ``WriteError`` whose message, a phrase (context
``FileErrors``, storage/write_messages.py), names the file and says why in
plain words.

Then the new content goes to a temporary file ``.NAME.<8 hex digits>.tmp``
in the target's folder, is flushed and fsynced, and only then replaces the
target; a copy of the old target, also flushed, then replaces ``NAME.bak``.
An error at any point before the replacement leaves the old file and its
.bak as they were, and no temporary file behind; a crash leaves the old file
or the new one, never a half-written one. Saving through a symbolic link
updates the file it points to. A file with other hard links is replaced as
any other: the name written to gets the new content and the other names keep
the previous one (as most editors do; writing in place to keep the links
would risk a torn file).

A process killed during a write leaves its temporary file behind. Each
writer holds an exclusive ``flock`` on its temporary file until the file has
taken its place, so the next successful write into that folder, and
``remove_leftovers``, delete exactly the files of that pattern whose writer
is gone, never one still being written. (Where there is no ``flock``, on
Windows, an open file cannot be deleted, which protects it the same way.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from minutes_editor.errors import UserFileError
from minutes_editor.phrases import Phrase, Value
from minutes_editor.storage import write_messages as says

try:
    import fcntl
except ImportError:  # Windows: open files cannot be deleted there, which is the protection we need
    fcntl = None  # type: ignore[assignment]

#: The name of every temporary file of ours, and nothing else is ever removed: ``.NAME.<8 hex digits>.tmp``,
#: or, from versions that used tempfile.mkstemp, 8 of its letters, digits and underscores.
LEFTOVER_PATTERN = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
# With a lock, a temporary file stays open until it has replaced its target (Windows cannot rename an open file).
_HOLD_OPEN = fcntl is not None


class WriteError(UserFileError, OSError):
    """A file could not be written; the message, a phrase, says which and why, for a person."""

    def __init__(self, message: str | Phrase, path: Path | None = None) -> None:
        super().__init__(message)
        #: The file that could not be written (not shown by ``str``, which names it already).
        self.target = path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write(
    path: Path | str,
    write: Callable[[BinaryIO], None],
    *,
    keep_backup: bool = True,
    sources: Iterable[Path | str] = (),
) -> None:
    """Write ``path`` through ``write(file)`` atomically, keeping the old file as ``NAME.bak``.

    ``sources`` are the files the caller reads from, which must not be
    overwritten by their own output. Raises WriteError with a readable message
    when the door refuses the path (see the module's docstring), the disk is
    full, or ``write`` fails with an OSError; an exception of another kind
    from ``write`` passes through unchanged. Either way the target and its
    backup are as they were and no temporary file is left.
    """
    path = check_target(path, sources=sources)
    folder = path.parent
    try:
        handle, temp = _create_temp(path)
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        raise WriteError(
            Phrase.of(says.CANNOT_CREATE_IN, file=path.name, folder=str(folder), reason=_reason(error)), path
        ) from error
    stream = os.fdopen(handle, "wb")
    backup: tuple[BinaryIO, Path] | None = None
    try:
        write(stream)
        stream.flush()
        os.fsync(stream.fileno())
        if os.path.lexists(path):
            import shutil  # on first save, not when the program starts (it loads the bz2 and lzma modules)

            # The new file takes the old one's permissions; a new file gets
            # the usual ones (0o666 less the umask) from _create_temp.
            with contextlib.suppress(OSError):
                shutil.copymode(path, temp)
            if keep_backup:
                backup = _copy_to_temp(path, backup_path(path))
        if not _HOLD_OPEN:
            stream.close()
        os.replace(temp, path)
    except BaseException as error:
        _remove_quietly(temp)
        stream.close()
        if backup is not None:
            _remove_quietly(backup[1])
            backup[0].close()
        if isinstance(error, OSError) and not isinstance(error, WriteError):
            raise WriteError(Phrase.of(says.CANNOT_SAVE, file=path.name, reason=_reason(error)), path) from error
        raise
    stream.close()  # releases the lock: the file has its place
    # The old .bak is replaced only now that the new file is in place, so a
    # failure before this point leaves both the file and its .bak as they were.
    if backup is not None:
        backup_stream, backup_temp = backup
        try:
            if not _HOLD_OPEN:
                backup_stream.close()
            os.replace(backup_temp, backup_path(path))
        except OSError:
            # The report itself is saved; only the older .bak stays. Renaming
            # in the folder that just took the report hardly ever fails.
            _remove_quietly(backup_temp)
        finally:
            backup_stream.close()
    _fsync_folder(folder)
    remove_leftovers(folder)


def atomic_write_bytes(
    path: Path | str, data: bytes, *, keep_backup: bool = True, sources: Iterable[Path | str] = ()
) -> None:
    """Write ``data`` to ``path`` atomically, keeping the old file as ``NAME.bak``."""

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    atomic_write(path, write, keep_backup=keep_backup, sources=sources)


# ------------------------------------------------------------------ the door


def check_target(path: Path | str, *, sources: Iterable[Path | str] = ()) -> Path:
    """The file that writing ``path`` would replace, once the door has let it through; raises WriteError.

    A symbolic link gives the file it points to. Nothing is written; the
    caller may call this before long work (an export) to fail early.
    """
    if isinstance(path, str) and not path.strip():
        raise WriteError(Phrase(says.NO_NAME))
    given = Path(path)
    try:
        # What the path names, through every link (also /dev/stdout's, which names a pipe or a terminal).
        status: os.stat_result | None = os.stat(given)
    except (FileNotFoundError, NotADirectoryError):
        status = None  # a new file; its folder says what is wrong, if anything
    except (OSError, ValueError) as error:
        raise WriteError(Phrase.of(says.CANNOT_SAVE, file=given.name, reason=_reason(error)), given) from error
    # Saving through a symbolic link updates the file it points to; replacing
    # the link itself with a regular file would silently cut it.
    target = Path(os.path.realpath(given)) if os.path.islink(given) else given
    if status is None:
        _check_folder(target)
        return target
    kind = stat.S_IFMT(status.st_mode)
    if stat.S_ISDIR(status.st_mode):
        raise WriteError(Phrase.of(says.IS_FOLDER, file=given.name, path=str(target)), given)
    if not stat.S_ISREG(status.st_mode):
        template = {
            stat.S_IFIFO: says.IS_PIPE,
            stat.S_IFCHR: says.IS_DEVICE,
            stat.S_IFBLK: says.IS_DEVICE,
            stat.S_IFSOCK: says.IS_SOCKET,
        }.get(kind, says.IS_SPECIAL)
        raise WriteError(Phrase.of(template, file=given.name, path=str(given)), given)
    for source in sources:
        if _same_file(status, Path(source)):
            raise WriteError(Phrase.of(says.SAME_AS_INPUT, file=given.name, source=str(source)), given)
    if _read_only(target, status):
        raise WriteError(Phrase.of(says.READ_ONLY, file=given.name), given)
    return target


def _check_folder(target: Path) -> None:
    folder = target.parent
    try:
        status = os.stat(folder)
    except FileNotFoundError as error:
        raise WriteError(Phrase.of(says.NO_FOLDER, file=target.name, folder=str(folder)), target) from error
    except (OSError, ValueError) as error:
        raise WriteError(Phrase.of(says.CANNOT_SAVE, file=target.name, reason=_reason(error)), target) from error
    if not stat.S_ISDIR(status.st_mode):
        raise WriteError(Phrase.of(says.FOLDER_IS_FILE, file=target.name, folder=str(folder)), target)


def _same_file(status: os.stat_result, source: Path) -> bool:
    try:
        other = os.stat(source)
    except (OSError, ValueError):
        return False
    return (status.st_dev, status.st_ino) == (other.st_dev, other.st_ino)


def _read_only(target: Path, status: os.stat_result) -> bool:
    # Root may write anything, so for root a file counts as read-only only when nobody may write it
    # (chmod a-w): the rule then does not depend on who runs the program.
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return True
    return not os.access(target, os.W_OK)


def _reason(error: BaseException) -> Value:
    plain = {
        errno.ENAMETOOLONG: says.NAME_TOO_LONG,
        errno.ELOOP: says.SYMLINK_LOOP,
        errno.ENOTDIR: says.PATH_THROUGH_FILE,
        errno.EACCES: says.PERMISSION_DENIED,
        errno.EPERM: says.PERMISSION_DENIED,
        errno.ENOSPC: says.DISK_FULL,
        errno.EROFS: says.READ_ONLY_DISK,
        errno.EIO: says.INPUT_OUTPUT,
    }
    if hasattr(errno, "EDQUOT"):
        plain[errno.EDQUOT] = says.QUOTA
    if isinstance(error, ValueError):
        return Phrase(says.BAD_CHARACTER)
    if isinstance(error, OSError) and error.errno in plain:
        return Phrase(plain[error.errno])
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


# ------------------------------------------------------------ temporary files


def _create_temp(target: Path) -> tuple[int, Path]:
    # Not tempfile.mkstemp: it creates files readable by the owner only, and a
    # new report should get the permissions any new file gets (the umask's).
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            handle = os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
        if _lock_new(handle, temp):
            return handle, temp
        os.close(handle)  # a cleaner took it for a leftover between its creation and the lock: another name
    raise FileExistsError(errno.EEXIST, f"no free temporary name beside {target.name}")


def _lock_new(handle: int, temp: Path) -> bool:
    if fcntl is None:
        return True
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        # Held by a cleaner: try another name. Any other error: a file system without flock, write unlocked.
        return error.errno not in (errno.EWOULDBLOCK, errno.EAGAIN)
    # Locked: no cleaner can delete it from now on. Did one delete it just before?
    try:
        return os.stat(temp).st_ino == os.fstat(handle).st_ino
    except FileNotFoundError:
        return False


def _copy_to_temp(source: Path, target: Path) -> tuple[BinaryIO, Path]:
    # A copy of the old file beside ``target``, flushed to disk, ready to be renamed over it; kept open (locked).
    import shutil

    from minutes_editor.storage.files import open_regular

    temp: Path | None = None
    out: BinaryIO | None = None
    try:
        handle, temp = _create_temp(target)
        out = os.fdopen(handle, "wb")
        with open_regular(source) as original:  # never blocks, whatever took its place since the door
            shutil.copyfileobj(original, out)
        out.flush()
        os.fsync(out.fileno())
        with contextlib.suppress(OSError):
            shutil.copymode(source, temp)
    except BaseException as error:
        if temp is not None:
            _remove_quietly(temp)
        if out is not None:
            out.close()
        if isinstance(error, OSError):
            reason = _reason(error)
            raise WriteError(Phrase.of(says.CANNOT_KEEP_BACKUP, file=target.name, reason=reason), target) from error
        raise
    return out, temp


def remove_leftovers(folder: Path, pattern: re.Pattern[str] = LEFTOVER_PATTERN) -> int:
    """Delete the temporary files of writes cut short in ``folder``; returns how many.

    Only files whose whole name matches ``pattern`` (ours, by default) and
    whose writer is gone: a file another write still holds locked is left
    alone.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and _remove_if_abandoned(Path(entry.path)):
                removed += 1
    return removed


def _remove_if_abandoned(path: Path) -> bool:
    if fcntl is None:
        path.unlink()  # fails while its writer has it open
        return True
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(path, flags)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # its writer is alive
        if os.stat(path, follow_symlinks=False).st_ino != os.fstat(handle).st_ino:
            return False
        path.unlink()
        return True
    finally:
        os.close(handle)


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
