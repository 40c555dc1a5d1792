"""What the one door for writing (storage/atomic.py) says when a file cannot be written: templates (``FileErrors``).

Each is an English sentence with ``{name}`` fields; ``WriteError`` fills them
(``minutes_editor.phrases.Phrase``), the command line prints the English and
the window shows them in its own language. Paths and file names stay as
written; ``{reason}`` is one of the reasons below, or the system's own
English words for a failure it has no plain words for.
"""

from __future__ import annotations

from minutes_editor.phrases import QT_TRANSLATE_NOOP

# Translators: keep every {name} field as it is. {file} is a file's name, {path} and {folder} whole paths.

# ------------------------------------------------------- where the file would go

NO_NAME = QT_TRANSLATE_NOOP("FileErrors", "Cannot save: no file name was given. Nothing was written.")
IS_FOLDER = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: {path} is a folder.")
NO_FOLDER = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: the folder {folder} does not exist.")
FOLDER_IS_FILE = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: {folder} is a file, not a folder.")
IS_PIPE = QT_TRANSLATE_NOOP(
    "FileErrors", "Cannot save {file}: {path} is a pipe (FIFO), not a file. Nothing was written."
)
IS_DEVICE = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: {path} is a device, not a file. Nothing was written.")
IS_SOCKET = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: {path} is a socket, not a file. Nothing was written.")
IS_SPECIAL = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: {path} is not a regular file. Nothing was written.")
#: {source} is the path of the file the command reads.
SAME_AS_INPUT = QT_TRANSLATE_NOOP(
    "FileErrors",
    "Cannot save {file}: it is the file being read ({source}). "
    "Choose another name for the output; nothing was written.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "FileErrors",
    "Cannot save {file}: the file is read-only. Make it writable or choose another name; nothing was written.",
)
#: {reason} is one of the reasons below, or the system's own English words.
CANNOT_SAVE = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file}: {reason}.")
CANNOT_CREATE_IN = QT_TRANSLATE_NOOP("FileErrors", "Cannot save {file} in {folder}: {reason}.")
CANNOT_KEEP_BACKUP = QT_TRANSLATE_NOOP("FileErrors", "Cannot keep the previous version as {file}: {reason}.")

# ------------------------------------------------------------------- reasons

NAME_TOO_LONG = QT_TRANSLATE_NOOP("FileErrors", "the file name or its path is too long")
SYMLINK_LOOP = QT_TRANSLATE_NOOP("FileErrors", "its path goes round a loop of symbolic links")
PATH_THROUGH_FILE = QT_TRANSLATE_NOOP("FileErrors", "a part of its path is a file, not a folder")
PERMISSION_DENIED = QT_TRANSLATE_NOOP("FileErrors", "permission denied")
DISK_FULL = QT_TRANSLATE_NOOP("FileErrors", "no space left on device")
QUOTA = QT_TRANSLATE_NOOP("FileErrors", "the disk quota is used up")
READ_ONLY_DISK = QT_TRANSLATE_NOOP("FileErrors", "the disk is read-only")
INPUT_OUTPUT = QT_TRANSLATE_NOOP("FileErrors", "input/output error")
BAD_CHARACTER = QT_TRANSLATE_NOOP("FileErrors", "the name holds a character no file name may hold")
