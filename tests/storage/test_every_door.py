"""Every file we read goes through the one door (storage/files.py): a pipe in any file's place is refused at once.

Each case puts a named pipe (FIFO) with no writer where a file of one role is
expected. Read the ordinary way, any of them would block for ever; through
the door each is refused or passed over at once, with the product's own words.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from minutes_editor import cli
from minutes_editor.importer import DocxImportError, import_docx
from minutes_editor.model.language import PresetError
from minutes_editor.spelling.personal import PersonalDictionary
from minutes_editor.storage import presets
from minutes_editor.storage.journal_replay import read_recovery, replay
from minutes_editor.storage.minutes_file import load_report, report_to_bytes
from minutes_editor.storage.presets import load_preset

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

REPORT = Path(__file__).parent / "data" / "report-v1.minutes"


def _pipe(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_a_pipe_named_docx_is_refused_by_the_importer(tmp_path: Path) -> None:
    pipe = _pipe(tmp_path / "draft.docx")
    with pytest.raises(DocxImportError) as caught:
        import_docx(pipe)
    assert str(caught.value) == "draft.docx: this is not a regular file"


def test_the_command_line_refuses_a_pipe_named_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = _pipe(tmp_path / "draft.docx")
    assert cli.main(["import", str(pipe), "-o", str(tmp_path / "out.minutes")]) == cli.EXIT_BAD_INPUT
    assert capsys.readouterr().err == "minutes-editor: draft.docx: this is not a regular file\n"
    assert not (tmp_path / "out.minutes").exists()


def test_a_folder_named_docx_is_still_named_a_folder(tmp_path: Path) -> None:
    (tmp_path / "draft.docx").mkdir()
    with pytest.raises(DocxImportError, match=r"^draft\.docx: this is a folder, not a \.docx document$"):
        import_docx(tmp_path / "draft.docx")


def test_a_pipe_in_the_journals_place_leaves_the_snapshot(tmp_path: Path) -> None:
    snapshot = tmp_path / "session.minutes"
    snapshot.write_bytes(REPORT.read_bytes())
    _pipe(tmp_path / "session.journal")
    replayed = read_recovery(snapshot)
    assert replayed.report == load_report(REPORT)


def test_a_journal_line_giving_a_key_twice_stops_the_replay_there() -> None:
    report = load_report(REPORT)
    snapshot = report_to_bytes(report)
    from minutes_editor.storage.journal import JournalRecorder, journal_header

    recorder = JournalRecorder()
    header = json.dumps(journal_header(recorder.start(report), snapshot))
    line = '{"changes": [], "changes": []}'
    replayed = replay(snapshot, f"{header}\n{line}\n".encode(), base=report)
    assert replayed.report == report
    assert replayed.problem == (
        "line 2: the key 'changes' appears twice in one object; the lines from there on were left out"
    )


def test_a_pipe_as_a_language_preset_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "en.json").write_bytes((presets.languages_dir() / "en.json").read_bytes())
    _pipe(tmp_path / "xx.json")
    monkeypatch.setattr(presets, "languages_dir", lambda: tmp_path)
    load_preset.cache_clear()
    try:
        with pytest.raises(PresetError, match=r"xx\.json: cannot be read: .* is a pipe, not a regular file"):
            load_preset("xx")
        assert load_preset("en").code == "en"
    finally:
        load_preset.cache_clear()


def test_a_preset_giving_a_key_twice_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (presets.languages_dir() / "en.json").read_text(encoding="utf-8")
    (tmp_path / "en.json").write_text(text.replace("{", '{"code": "en", ', 1), encoding="utf-8")
    monkeypatch.setattr(presets, "languages_dir", lambda: tmp_path)
    load_preset.cache_clear()
    try:
        with pytest.raises(PresetError, match=r"en\.json: the key 'code' appears twice in one object"):
            load_preset("en")
    finally:
        load_preset.cache_clear()


def test_a_pipe_as_the_personal_dictionary_is_passed_over_and_never_written(tmp_path: Path) -> None:
    pipe = _pipe(tmp_path / "words.txt")
    words = PersonalDictionary(pipe)
    assert words.words == []
    assert words.path is None  # this session's words stay in memory: the pipe is not replaced by a file
    assert Path(pipe).exists()
