"""Every output door of the command line: a bad ``-o`` exits 4 with our own message and changes nothing.

Each case makes its own hostile path (the input itself by another name, a
FIFO, a device, a socket, a folder, a read-only file, a loop of symbolic
links, names and paths too long, an empty name, /dev/stdout into a pipe),
runs the real command line, and checks the exit code, the message and that
every file in the folder, ``.bak`` included, is byte for byte as before.
"""

from __future__ import annotations

import fcntl
import os
import socket
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from minutes_editor.cli import EXIT_CANNOT_WRITE, EXIT_OK, main
from minutes_editor.model.report import Block, BlockKind, Report, Section, SectionKind, Span, TitleBlock
from minutes_editor.storage.minutes_file import load_report, save_report

ROOT = Path(__file__).resolve().parent.parent


def _report(words: str = "Agree the agenda") -> Report:
    return Report(
        language="en",
        title=TitleBlock(meeting="Working group meeting"),
        sections=[Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.BULLET, [Span(words)])])],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a report saved twice (so it has a .bak) and a Word draft exported from it."""
    work = tmp_path / "work"
    work.mkdir()
    save_report(_report("first"), work / "r.minutes")
    save_report(_report("second"), work / "r.minutes")
    assert main(["export", str(work / "r.minutes"), "-o", str(work / "d.docx")]) == EXIT_OK
    return work


def _snapshot(folder: Path) -> dict[str, object]:
    """Every entry of the folder: its kind and, for a regular file, its bytes."""
    entries: dict[str, object] = {}
    for path in sorted(folder.iterdir()):
        mode = path.lstat().st_mode
        entries[path.name] = path.read_bytes() if stat.S_ISREG(mode) else stat.S_IFMT(mode)
    return entries


def _refused(
    folder: Path, argv: list[str], capsys: pytest.CaptureFixture[str], *words: str, message: str | None = None
) -> str:
    before = _snapshot(folder)
    assert main(argv) == EXIT_CANNOT_WRITE
    err = capsys.readouterr().err
    assert err.startswith("minutes-editor: Cannot save"), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
    if message is not None:
        assert err == f"minutes-editor: {message}\n"
    assert _snapshot(folder) == before  # nothing written, no .bak touched, no temporary file left
    return err


# ------------------------------------------------------------ the input itself


@pytest.mark.parametrize(
    "name_it",
    [
        lambda folder, path: path,
        lambda folder, path: folder / "." / path.name,
        lambda folder, path: _symlink(folder / "link.minutes", path),
        lambda folder, path: _hard_link(folder / "hard.minutes", path),
    ],
    ids=["same-path", "another-spelling", "symlink", "hard-link"],
)
def test_export_over_its_own_report_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], name_it: Callable[[Path, Path], Path]
) -> None:
    source = folder / "r.minutes"
    target = name_it(folder, source)
    _refused(folder, ["export", str(source), "-o", str(target)], capsys, "it is the file being read", str(source))
    assert load_report(source).sections[0].blocks[0].content == [Span("second")]


def test_import_over_its_own_draft_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = folder / "d.docx"
    _refused(
        folder,
        ["import", str(draft), "-o", str(draft)],
        capsys,
        message=f"Cannot save d.docx: it is the file being read ({draft}). "
        "Choose another name for the output; nothing was written.",
    )
    with zipfile.ZipFile(draft) as archive:
        assert "word/document.xml" in archive.namelist()


def test_export_over_its_own_template_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = folder / "d.docx"
    argv = ["export", str(folder / "r.minutes"), "--template", str(template), "-o", str(template)]
    _refused(folder, argv, capsys, "it is the file being read")


def _symlink(link: Path, target: Path) -> Path:
    link.symlink_to(target)
    return link


def _hard_link(link: Path, target: Path) -> Path:
    os.link(target, link)
    return link


# --------------------------------------------------------- not a regular file


def test_a_fifo_is_refused_without_blocking(folder: Path) -> None:
    # In a child process: were the door to open the FIFO for writing, it would wait for a reader forever.
    fifo = folder / "out.docx"
    os.mkfifo(fifo)
    before = _snapshot(folder)
    done = subprocess.run(
        [sys.executable, "-m", "minutes_editor", "export", str(folder / "r.minutes"), "-o", str(fifo)],
        capture_output=True,
        text=True,
        timeout=120,  # a safety net for a hang, not a measurement
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == EXIT_CANNOT_WRITE, done.stderr
    assert (
        done.stderr
        == f"minutes-editor: Cannot save out.docx: {fifo} is a pipe (FIFO), not a file. Nothing was written.\n"
    )
    assert _snapshot(folder) == before


def test_dev_stdout_into_a_pipe_is_refused(folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minutes_editor", "export", str(folder / "r.minutes"), "-o", "/dev/stdout"],
        capture_output=True,  # the child's standard output is a pipe, which /dev/stdout then names
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == EXIT_CANNOT_WRITE, done.stderr
    assert "/dev/stdout is a pipe (FIFO), not a file" in done.stderr
    assert done.stdout == ""


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
@pytest.mark.parametrize("command", ["export", "import"])
def test_a_device_is_refused_and_stays_a_device(folder: Path, capsys: pytest.CaptureFixture[str], command: str) -> None:
    # As root the old door replaced /dev/null with a regular file and left /dev/null.bak; now nobody gets that far.
    source = folder / ("r.minutes" if command == "export" else "d.docx")
    err = _refused(folder, [command, str(source), "-o", "/dev/null"], capsys, "/dev/null is a device")
    assert err.endswith("Nothing was written.\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not Path("/dev/null.bak").exists()


def test_a_socket_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    place = folder / "s.docx"
    if len(str(place)) > 100:
        pytest.skip("the temporary folder's path is too long for a socket's address")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(place))
        _refused(folder, ["export", str(folder / "r.minutes"), "-o", str(place)], capsys, "is a socket")
    finally:
        server.close()


def test_a_folder_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "out.docx").mkdir()
    _refused(folder, ["export", str(folder / "r.minutes"), "-o", str(folder / "out.docx")], capsys, "is a folder")


# ---------------------------------------------------------- unusable paths


def test_an_empty_output_name_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    message = "Cannot save: no file name was given. Nothing was written."
    before = _snapshot(folder)
    for command, source in (("export", "r.minutes"), ("import", "d.docx")):
        assert main([command, str(folder / source), "-o", ""]) == EXIT_CANNOT_WRITE
        assert capsys.readouterr().err == f"minutes-editor: {message}\n"
    assert _snapshot(folder) == before


def test_a_name_of_305_bytes_is_refused_in_plain_words(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "م" * 150 + ".docx"  # 305 bytes in UTF-8, past every common file system's 255
    assert len(name.encode("utf-8")) == 305
    _refused(
        folder,
        ["export", str(folder / "r.minutes"), "-o", str(folder / name)],
        capsys,
        message=f"Cannot save {name}: the file name or its path is too long.",
    )


def test_a_path_of_5_kb_is_refused_in_plain_words(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deep = folder.joinpath(*(["d" * 200] * 25), "out.minutes")
    assert len(str(deep)) > 5000
    _refused(
        folder,
        ["import", str(folder / "d.docx"), "-o", str(deep)],
        capsys,
        message="Cannot save out.minutes: the file name or its path is too long.",
    )


def test_a_loop_of_symbolic_links_is_refused_in_plain_words(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "a.docx").symlink_to(folder / "b.docx")
    (folder / "b.docx").symlink_to(folder / "a.docx")
    _refused(
        folder,
        ["export", str(folder / "r.minutes"), "-o", str(folder / "a.docx")],
        capsys,
        message="Cannot save a.docx: its path goes round a loop of symbolic links.",
    )


# ---------------------------------------------- read-only and hard-linked files


def test_a_read_only_output_is_refused_even_for_root(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The rule does not depend on who runs it: a file nobody may write (chmod a-w) is never replaced.
    target = folder / "r2.minutes"
    target.write_bytes(b"kept as it is")
    target.chmod(0o444)
    _refused(
        folder,
        ["import", str(folder / "d.docx"), "-o", str(target)],
        capsys,
        message="Cannot save r2.minutes: the file is read-only. "
        "Make it writable or choose another name; nothing was written.",
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_hard_linked_output_is_replaced_and_its_other_names_keep_the_old_content(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = folder / "out.minutes"
    target.write_bytes(b"the old content")
    os.link(target, folder / "other-name.minutes")
    assert main(["import", str(folder / "d.docx"), "-o", str(target)]) == EXIT_OK
    assert "1 other hard link(s); they keep the previous content" in capsys.readouterr().err
    assert load_report(target).title.meeting == "Working group meeting"
    assert (folder / "other-name.minutes").read_bytes() == b"the old content"
    assert (folder / "out.minutes.bak").read_bytes() == b"the old content"


# ------------------------------------------------------------------ leftovers


def test_the_next_write_removes_our_dead_temporary_files_and_only_those(folder: Path) -> None:
    ours = [
        folder / ".r.minutes.0123abcd.tmp",
        folder / ".other.docx.bak.deadbeef.tmp",
        folder / ".x.docx.00000000.tmp",
    ]
    not_ours = [folder / ".notes.tmp", folder / ".r.minutes.XYZ.tmp", folder / "r.minutes.0123abcd.tmp"]
    for path in ours + not_ours:
        path.write_bytes(b"half a file")
    live = folder / ".d.docx.feedf00d.tmp"  # a write under way in another process holds its lock
    live.write_bytes(b"being written")
    with live.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        assert main(["export", str(folder / "r.minutes"), "-o", str(folder / "new.docx")]) == EXIT_OK
    assert not any(path.exists() for path in ours)
    assert all(path.exists() for path in not_ours)
    assert live.exists()


def test_a_refused_write_removes_no_leftover(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    leftover = folder / ".r.minutes.0123abcd.tmp"
    leftover.write_bytes(b"half a file")
    _refused(folder, ["export", str(folder / "r.minutes"), "-o", str(folder / "r.minutes")], capsys)
    assert leftover.exists()
