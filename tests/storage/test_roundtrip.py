"""Any valid report survives a save and a load unchanged, and saving is deterministic."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_editor.model.report import Block, BlockKind, Report, Section, SectionKind, Span, TitleBlock
from minutes_editor.storage.encoder import report_to_document
from minutes_editor.storage.minutes_file import (
    FORMAT_NAME,
    FORMAT_VERSION,
    load_report,
    report_from_bytes,
    report_from_document,
    report_to_bytes,
    save_report,
)
from tests.strategies import XML_CHARACTERS, ids_of, reports, texts

# tmp_path is shared by the examples of one test; each example writes its own name.
FILE_SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _offsets(report: Report) -> tuple[dt.timedelta | None, dt.timedelta | None]:
    # Aware datetimes compare equal across zones (same instant); the file must keep the offset too.
    return (
        report.created.utcoffset() if report.created else None,
        report.modified.utcoffset() if report.modified else None,
    )


@FILE_SETTINGS
@given(report=reports(tables=True), name=st.uuids())
def test_any_valid_report_saves_and_loads_back_equal(tmp_path: Path, report: Report, name: object) -> None:
    path = tmp_path / f"{name}.minutes"
    save_report(report, path)
    loaded = load_report(path)
    assert loaded == report
    assert ids_of(loaded) == ids_of(report)  # equality ignores them
    assert _offsets(loaded) == _offsets(report)


@settings(max_examples=150, deadline=None)
@given(reports(tables=True))
def test_saved_bytes_are_stable(report: Report) -> None:
    first = report_to_bytes(report)
    again = report_to_bytes(report_from_bytes(first))
    assert again == first


@settings(max_examples=50, deadline=None)
@given(reports(tables=True))
def test_document_form_round_trips_through_json(report: Report) -> None:
    document = report_to_document(report)
    assert document["format"] == FORMAT_NAME
    assert document["version"] == FORMAT_VERSION
    loaded = report_from_document(json.loads(json.dumps(document)))
    assert loaded == report
    assert ids_of(loaded) == ids_of(report)


@settings(max_examples=30, deadline=None)
@given(reports(text=texts(XML_CHARACTERS), orphan_footnotes=False, canonical=True, tables=True))
def test_strategy_options_keep_reports_valid(report: Report) -> None:
    # The options other tests use (export round trips) must still give valid reports.
    assert set(report.footnote_refs()) == {note.id for note in report.footnotes}
    for block in report.all_blocks():
        spans = [item for item in block.content if isinstance(item, Span)]
        assert all(span.text for span in spans)
    assert report_from_bytes(report_to_bytes(report)) == report


def test_file_is_indented_utf8_json_with_text_unescaped(tmp_path: Path) -> None:
    report = Report(
        language="ar",
        title=TitleBlock(meeting='عملية بودابست "quoted" \\ 😀', start_time=dt.time(10, 0, 30)),
        sections=[Section(SectionKind.GENERIC, blocks=[Block(BlockKind.BULLET, [Span("نص", bold=True)], level=2)])],
    )
    path = tmp_path / "r.minutes"
    save_report(report, path)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    # Arabic and emoji are written as themselves, so the file is readable and diffs well.
    assert "عملية بودابست" in text
    assert "😀" in text
    assert '"start_time": "10:00:30"' in text
    assert text.endswith("}\n")
    assert text.splitlines()[1].startswith(' "format"')
    assert load_report(path) == report


def test_lone_surrogates_are_written_as_replacement_characters(tmp_path: Path) -> None:
    # A paste through Qt can leave halves of surrogate pairs in a str; saving
    # must neither crash nor write bytes that are not UTF-8.
    report = Report(title=TitleBlock(meeting="a\ud800b", location="\ud83d\ude00", subtitle="x\udfff"))
    path = tmp_path / "s.minutes"
    save_report(report, path)
    loaded = load_report(path)
    assert loaded.title.meeting == "a\ufffdb"
    assert loaded.title.location == "😀"  # a split pair is joined into its character
    assert loaded.title.subtitle == "x\ufffd"
    path.read_bytes().decode("utf-8")  # strict: raises if not UTF-8


def test_bom_at_start_is_accepted() -> None:
    report = Report(language="ar", title=TitleBlock(meeting="اجتماع"))
    assert report_from_bytes(b"\xef\xbb\xbf" + report_to_bytes(report)) == report


def test_missing_optional_fields_take_their_defaults() -> None:
    document = {
        "format": FORMAT_NAME,
        "version": 1,
        "report": {
            "language": "en",
            "title": {},
            "sections": [
                {"kind": "generic"},
                {"kind": "participation"},
                {"kind": "discussion", "sessions": [{"title": "S"}]},
                {"kind": "objectives", "blocks": [{"type": "bullet"}, {"type": "paragraph"}]},
            ],
        },
    }
    report = report_from_document(document)
    assert report == Report(
        language="en",
        title=TitleBlock(),
        sections=[
            Section(SectionKind.GENERIC),
            Section(SectionKind.PARTICIPATION),
            Section(SectionKind.DISCUSSION, sessions=[report.sections[2].sessions[0]]),
            Section(SectionKind.OBJECTIVES, blocks=[Block(BlockKind.BULLET, level=1), Block(BlockKind.PARAGRAPH)]),
        ],
    )
    assert report.sections[2].sessions[0].goals == []
    assert report.sections[2].sessions[0].blocks == []


def test_offsets_are_kept_to_the_second() -> None:
    # Python 3.11 reads "+00:00:00.000001" back as UTC, so the file keeps whole seconds.
    stamp = dt.datetime(2021, 10, 14, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2, seconds=5, microseconds=7)))
    report = Report(created=stamp, modified=dt.datetime(2021, 10, 14, 9, 30, tzinfo=dt.UTC))
    text = report_to_bytes(report).decode()
    assert '"created": "2021-10-14T09:30:00+02:00:05"' in text
    assert '"modified": "2021-10-14T09:30:00+00:00"' in text
    loaded = report_from_bytes(report_to_bytes(report))
    assert loaded.created is not None
    assert loaded.created.utcoffset() == dt.timedelta(hours=2, seconds=5)


def test_the_example_in_the_format_documentation_is_what_the_program_writes() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "file-format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", doc, flags=re.DOTALL)
    assert len(blocks) == 1
    example = blocks[0].encode("utf-8")
    report = report_from_bytes(example)
    assert report_to_bytes(report) == example
    # It shows what it says it shows.
    assert [section.kind for section in report.sections] == [
        SectionKind.PARTICIPATION,
        SectionKind.DISCUSSION,
        SectionKind.TAKEAWAYS,
    ]
    assert report.footnote_refs() == [note.id for note in report.footnotes]
