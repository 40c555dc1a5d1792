"""Saving never loses work: a failure anywhere leaves the old file and its .bak intact, and no temporary file."""

from __future__ import annotations

import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from minutes_editor.model.report import Block, BlockKind, FootnoteRef, Report, Section, SectionKind, Span, TitleBlock
from minutes_editor.storage.atomic import WriteError, atomic_write, atomic_write_bytes, backup_path
from minutes_editor.storage.minutes_file import load_report, report_to_bytes, save_report


def _report(meeting: str) -> Report:
    return Report(
        language="ar",
        title=TitleBlock(meeting=meeting),
        sections=[Section(SectionKind.GENERIC, blocks=[Block(BlockKind.PARAGRAPH, [Span(meeting * 50)])])],
    )


@pytest.fixture
def saved_twice(tmp_path: Path) -> tuple[Path, bytes, bytes]:
    """A report saved twice: (path, its bytes, its .bak's bytes)."""
    path = tmp_path / "budapest.minutes"
    save_report(_report("الأول"), path)
    save_report(_report("الثاني"), path)
    return path, path.read_bytes(), backup_path(path).read_bytes()


def _assert_untouched(path: Path, content: bytes, backup: bytes) -> None:
    assert path.read_bytes() == content
    assert backup_path(path).read_bytes() == backup
    # Nothing else in the folder: no temporary file left behind.
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, backup_path(path).name]


# ------------------------------------------------------------ the .bak file


def test_a_second_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "budapest.minutes"
    first, second, third = _report("الأول"), _report("الثاني"), _report("الثالث")
    save_report(first, path)
    assert not backup_path(path).exists()
    save_report(second, path)
    assert backup_path(path) == tmp_path / "budapest.minutes.bak"
    assert backup_path(path).read_bytes() == report_to_bytes(first)
    assert load_report(path) == second
    save_report(third, path)
    assert load_report(backup_path(path)) == second
    assert load_report(path) == third
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budapest.minutes", "budapest.minutes.bak"]


def test_no_backup_when_asked_not_to(tmp_path: Path) -> None:
    path = tmp_path / "r.minutes"
    save_report(_report("a"), path)
    save_report(_report("b"), path, keep_backup=False)
    assert not backup_path(path).exists()
    assert load_report(path) == _report("b")


# ------------------------------------------------------ failures mid-write


def _half_then(error: BaseException) -> Callable[[BinaryIO], None]:
    def write(stream: BinaryIO) -> None:
        stream.write(b'{"format": "minutes-editor-report", "ver')
        stream.flush()
        raise error

    return write


def test_a_disk_error_mid_write_leaves_file_and_bak_intact(saved_twice: tuple[Path, bytes, bytes]) -> None:
    path, content, backup = saved_twice
    with pytest.raises(WriteError) as caught:
        atomic_write(path, _half_then(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    assert str(caught.value) == "Cannot save budapest.minutes: no space left on device."
    _assert_untouched(path, content, backup)


@pytest.mark.parametrize("error", [RuntimeError("writer bug"), KeyboardInterrupt()])
def test_any_exception_mid_write_passes_through_and_leaves_everything_intact(
    saved_twice: tuple[Path, bytes, bytes], error: BaseException
) -> None:
    path, content, backup = saved_twice
    with pytest.raises(type(error)):
        atomic_write(path, _half_then(error))
    _assert_untouched(path, content, backup)


@pytest.mark.parametrize("failing_call", [1, 2])
def test_failing_fsync_leaves_file_and_bak_intact(
    saved_twice: tuple[Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    # Call 1 flushes the new content, call 2 the copy of the old file for the .bak.
    path, content, backup = saved_twice
    calls: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == failing_call:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WriteError, match=r"input/output error"):
        save_report(_report("الثالث"), path)
    assert len(calls) == failing_call
    _assert_untouched(path, content, backup)


@pytest.mark.parametrize("only_the_report", [False, True], ids=["every-rename", "the-report-rename"])
def test_failing_replace_leaves_file_and_bak_intact(
    saved_twice: tuple[Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch, only_the_report: bool
) -> None:
    # Failing only the report's rename catches an order that renames the
    # new .bak into place first: the old .bak would then be gone.
    path, content, backup = saved_twice
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if only_the_report and Path(target) != path:
            real_replace(source, target)
            return
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(WriteError) as caught:
        save_report(_report("الثالث"), path)
    assert str(caught.value) == "Cannot save budapest.minutes: permission denied."
    _assert_untouched(path, content, backup)


def test_failing_backup_copy_leaves_file_and_bak_intact(
    saved_twice: tuple[Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, content, backup = saved_twice

    def copyfileobj(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(shutil, "copyfileobj", copyfileobj)
    with pytest.raises(WriteError) as caught:
        save_report(_report("الثالث"), path)
    assert str(caught.value) == "Cannot keep the previous version as budapest.minutes.bak: no space left on device."
    _assert_untouched(path, content, backup)


def test_bak_replacement_failing_after_the_save_keeps_the_new_file(
    saved_twice: tuple[Path, bytes, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The report is in place when only the .bak's rename fails: the save
    # succeeded, the older .bak stays, and no temporary file is left.
    path, _, backup = saved_twice
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target).name.endswith(".bak"):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    third = _report("الثالث")
    save_report(third, path)
    _assert_untouched(path, report_to_bytes(third), backup)


def test_an_invalid_report_is_not_written(saved_twice: tuple[Path, bytes, bytes]) -> None:
    # A file this program could not open again must never replace a good one.
    path, content, backup = saved_twice
    broken = _report("x")
    broken.sections[0].blocks[0].content.append(FootnoteRef("gone"))
    with pytest.raises(WriteError) as caught:
        save_report(broken, path)
    assert str(caught.value) == (
        "Cannot save budapest.minutes: sections[0].blocks[0].content[1].footnote: "
        "no footnote has the id 'gone'. Nothing was written."
    )
    _assert_untouched(path, content, backup)


# ------------------------------------------------------- where it cannot go


def test_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(WriteError) as caught:
        save_report(_report("a"), tmp_path / "nowhere" / "r.minutes")
    assert str(caught.value) == f"Cannot save r.minutes: the folder {tmp_path / 'nowhere'} does not exist."
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_a_file(tmp_path: Path) -> None:
    # Works as root too, unlike chmod: the kernel refuses, not the permissions.
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(WriteError) as caught:
        save_report(_report("a"), tmp_path / "notes.txt" / "r.minutes")
    assert str(caught.value) == f"Cannot save r.minutes: {tmp_path / 'notes.txt'} is a file, not a folder."
    assert (tmp_path / "notes.txt").read_text() == "x"


def test_a_target_that_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "r.minutes"
    folder.mkdir()
    (folder / "inside").write_text("kept")
    with pytest.raises(WriteError) as caught:
        save_report(_report("a"), folder)
    assert str(caught.value) == f"Cannot save r.minutes: {folder} is a folder."
    assert (folder / "inside").read_text() == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.minutes"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "r.minutes"
    save_report(_report("a"), path)
    content = path.read_bytes()
    folder.chmod(0o500)
    try:
        with pytest.raises(WriteError) as caught:
            save_report(_report("b"), path)
    finally:
        folder.chmod(0o700)
    assert str(caught.value) == f"Cannot save r.minutes in {folder}: permission denied."
    assert path.read_bytes() == content
    assert sorted(p.name for p in folder.iterdir()) == ["r.minutes"]


# ----------------------------------------------------------- what it keeps


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permissions_of_an_existing_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "shared.minutes"
    save_report(_report("a"), path)
    path.chmod(0o640)
    save_report(_report("b"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o640
    path.chmod(0o604)
    save_report(_report("c"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    # Not the owner-only 0o600 of a temporary file: 0o666 less the umask.
    old_umask = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "new.minutes", b"{}")
        os.umask(0o027)
        atomic_write_bytes(tmp_path / "private.minutes", b"{}")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.minutes").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "private.minutes").stat().st_mode) == 0o640


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_saving_through_a_symbolic_link_updates_its_target(tmp_path: Path) -> None:
    real = tmp_path / "archive" / "r.minutes"
    real.parent.mkdir()
    save_report(_report("a"), real)
    link = tmp_path / "r.minutes"
    link.symlink_to(real)
    save_report(_report("b"), link)
    assert link.is_symlink()
    assert load_report(real) == _report("b")
    assert load_report(backup_path(real)) == _report("a")
