"""The door for reading a user's file: regular files only, never blocking, never past the cap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from minutes_editor.storage.files import FileTooLargeError, NotRegularFileError, open_regular, read_regular


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "report.minutes"
    path.write_bytes(b"{}")
    assert read_regular(path, 10) == b"{}"


def test_a_pipe_is_refused_at_once_without_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "report.minutes"
    os.mkfifo(pipe)
    with pytest.raises(NotRegularFileError) as caught:
        read_regular(pipe, 10)  # a blocking open would wait here forever (the test's timeout would end it)
    assert caught.value.kind == "pipe"


def test_a_folder_and_a_device_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFileError) as caught:
        open_regular(tmp_path)
    assert caught.value.kind == "folder"
    with pytest.raises(NotRegularFileError) as caught:
        read_regular(Path("/dev/zero"), 10)  # would never end
    assert caught.value.kind == "device"


def test_a_file_past_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.minutes"
    path.write_bytes(b"x" * 11)
    with pytest.raises(FileTooLargeError) as caught:
        read_regular(path, 10)
    assert (caught.value.size, caught.value.limit) == (11, 10)


def test_a_symlink_to_a_regular_file_is_followed_and_a_loop_is_an_os_error(tmp_path: Path) -> None:
    target = tmp_path / "target.minutes"
    target.write_bytes(b"ok")
    link = tmp_path / "link.minutes"
    link.symlink_to(target)
    assert read_regular(link, 10) == b"ok"
    loop = tmp_path / "loop.minutes"
    loop.symlink_to(loop)
    with pytest.raises(OSError, match="Too many levels of symbolic links") as caught:
        read_regular(loop, 10)
    assert not isinstance(caught.value, NotRegularFileError)
