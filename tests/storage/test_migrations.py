"""Old files keep opening: the version-1 and -2 fixtures, the migrations to versions 2 and 3, and their chain."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from minutes_editor.model.report import (
    Block,
    BlockKind,
    Footnote,
    FootnoteRef,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)
from minutes_editor.storage import encoder, minutes_file
from minutes_editor.storage.migrations import version_1_to_2, version_2_to_3
from minutes_editor.storage.minutes_file import (
    FORMAT_VERSION,
    MIGRATIONS,
    NewerVersionError,
    ReportFileError,
    load_report,
    report_from_bytes,
    report_to_bytes,
    save_report,
)
from tests.strategies import ids_of
from tests.support.examples import example_path

DATA = Path(__file__).parent / "data"
#: Written by version 1 of the format and never to be edited: whatever the
#: current version, this file must load into the report below.
V1_FILE = DATA / "report-v1.minutes"
#: The shipped examples as version 1 wrote them (examples/ now holds them in the current version).
V1_EXAMPLES = {"ar": DATA / "budapest-v1.ar.minutes", "en": DATA / "budapest-v1.en.minutes"}

Json = dict[str, Any]


def _block(*content: Span | FootnoteRef, kind: BlockKind = BlockKind.PARAGRAPH, level: int = 1) -> Block:
    return Block(kind, list(content), level)


def version_1_report() -> Report:
    """What report-v1.minutes holds."""
    bullet = BlockKind.BULLET
    return Report(
        language="ar",
        title=TitleBlock(
            meeting="الاجتماع المشترك لمجموعات عمل جنوب شرق أوروبا ومنطقة طرق الحرير",
            date=dt.date(2021, 10, 14),
            start_time=dt.time(10, 0),
            end_time=dt.time(13, 0, 30),
            timezone="بتوقيت وسط أوروبا",
            location="افتراضي عبر تطبيق زوم",
            status="مسودة التقرير",
        ),
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    _block(Span("وبالتالي، كان الهدف من هذا الاجتماع:")),
                    _block(Span("البحث عن طرق لمواصلة بناء قدرات وتعزيز التعاون."), kind=bullet),
                ],
            ),
            Section(
                SectionKind.PARTICIPATION,
                blocks=[_block(Span("حضرت البلدان التالية هذا الاجتماع المشترك:"))],
                participants=[
                    Participant("النمسا", "AT"),
                    Participant("بنغلاديش", "BD"),
                    Participant("المفوضية الأوروبية", "org:EC"),
                    Participant("ضيف"),
                ],
            ),
            Section(
                SectionKind.OPENING_REMARKS,
                heading="ملاحظات افتتاحية",
                blocks=[
                    _block(
                        Span("أشارت المفوضية الأوروبية إلى أن سياستها هي جزء من "),
                        Span("الميثاق الجديد للهجرة واللجوء", bold=True),
                        Span("، والذي يركز على منع الهجرة غير النظامية."),
                    )
                ],
            ),
            Section(
                SectionKind.SETTING_THE_SCENE,
                blocks=[
                    _block(Span("عملية بودابست:"), kind=BlockKind.LABEL),
                    _block(Span("التحديات في "), Span("كوسوفو"), FootnoteRef("fn1"), Span(" وغيرها:"), kind=bullet),
                    _block(Span("أ) التعاون "), Span("ب) الحماية", italic=True, underline=True), kind=bullet, level=2),
                    _block(Span('"مقتبس" \\ Latin text 😀'), kind=bullet, level=3),
                ],
            ),
            Section(
                SectionKind.DISCUSSION,
                sessions=[
                    Session(
                        "الجلسة الأولى: فرص التعاون",
                        goals=["منع تهريب المهاجرين", "تسهيل العودة الفعالة"],
                        blocks=[_block(Span("نقطة أولى"), kind=bullet)],
                    ),
                    Session("الجلسة الثانية"),
                ],
            ),
            Section(SectionKind.TAKEAWAYS, level=2, blocks=[_block(Span("الاستنتاجات", bold=True), kind=bullet)]),
            Section(SectionKind.GENERIC, heading="ملاحظات ختامية"),
        ],
        footnotes=[
            Footnote("fn1", [Span("هذا التعيين لا يخل بالمواقف بشأن الوضع، وهو يتماشى مع قرار مجلس الأمن 1244/1999.")])
        ],
        author="مقرر الاجتماع",
        created=dt.datetime(2021, 10, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        modified=dt.datetime(2021, 10, 15, 16, 30, 5, tzinfo=dt.UTC),
    )


def test_the_version_1_file_loads_with_the_current_version() -> None:
    assert load_report(V1_FILE) == version_1_report()


def test_every_older_version_has_a_migration() -> None:
    # When FORMAT_VERSION goes up, MIGRATIONS gains a step from every older version.
    assert FORMAT_VERSION == 3
    assert {1: version_1_to_2, 2: version_2_to_3} == MIGRATIONS
    assert set(MIGRATIONS) == set(range(1, FORMAT_VERSION))


# ------------------------------------------------------ version 1 to 2: ids


def _all_ids(report: Report) -> list[str]:
    ids: list[str] = []
    for section in report.sections:
        ids.append(section.id)
        ids.extend(block.id for block in section.blocks)
        for session in section.sessions:
            ids.append(session.id)
            ids.extend(block.id for block in session.blocks)
    return ids


@pytest.mark.parametrize("path", [V1_FILE, *V1_EXAMPLES.values()], ids=["fixture", "example-ar", "example-en"])
def test_a_version_1_file_gets_an_id_for_every_part(path: Path) -> None:
    report = load_report(path)
    ids = _all_ids(report)
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[0-9a-f]{12}", part_id) for part_id in ids)
    # Saved, it is a file of the current version that loads with the same ids, without migrating again.
    again = report_from_bytes(report_to_bytes(report))
    assert ids_of(again) == ids_of(report)
    assert f'"version": {FORMAT_VERSION}'.encode() in report_to_bytes(report)


@pytest.mark.parametrize("path", [V1_FILE, *V1_EXAMPLES.values()], ids=["fixture", "example-ar", "example-en"])
def test_two_people_migrating_one_file_get_the_same_ids(path: Path, tmp_path: Path) -> None:
    # The same content in another layout (compact, keys in another order) is the same file.
    document = json.loads(path.read_text(encoding="utf-8"))
    document["report"] = dict(reversed(list(document["report"].items())))
    other = tmp_path / "copy.minutes"
    other.write_text(json.dumps(document), encoding="utf-8")
    assert ids_of(load_report(other)) == ids_of(load_report(path)) == ids_of(load_report(path))


def test_two_different_version_1_files_get_different_ids(tmp_path: Path) -> None:
    document = json.loads(V1_FILE.read_text(encoding="utf-8"))
    document["report"]["title"]["meeting"] += "."
    other = tmp_path / "other.minutes"
    other.write_text(json.dumps(document), encoding="utf-8")
    mine, theirs = set(_all_ids(load_report(V1_FILE))), set(_all_ids(load_report(other)))
    assert not mine & theirs


def test_the_ids_of_the_version_1_fixture_are_for_ever() -> None:
    # Any version of Minutes Editor derives these ids for this file: change the derivation and two copies of
    # one old file migrated by two versions would disagree.
    report = load_report(V1_FILE)
    assert [section.id for section in report.sections[:2]] == ["8d3b24cd993e", "2e23562d2099"]
    assert [block.id for block in report.sections[0].blocks] == ["822569c37fec", "96a415b8d15c"]
    assert report.sections[4].sessions[0].id == report_from_bytes(V1_FILE.read_bytes()).sections[4].sessions[0].id


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_shipped_examples_are_their_version_1_files_migrated(language: str) -> None:
    # examples/ was re-saved in version 2, then 3, from these files: the same report, with the ids the migration
    # gives.
    old, new = load_report(V1_EXAMPLES[language]), load_report(example_path(language))
    assert new == old
    assert ids_of(new) == ids_of(old)
    assert f'"version": {FORMAT_VERSION}'.encode() in example_path(language).read_bytes()
    assert b'"version": 1' in V1_EXAMPLES[language].read_bytes()


def test_the_migration_leaves_what_it_does_not_understand_to_the_validator(tmp_path: Path) -> None:
    document = json.loads(V1_FILE.read_text(encoding="utf-8"))
    document["report"]["sections"][2]["blocks"] = "text"
    document["report"]["sections"][3] = ["not", "a", "section"]
    migrated = version_1_to_2(json.loads(json.dumps(document)))
    assert migrated["report"]["sections"][3] == ["not", "a", "section"]
    assert "id" in migrated["report"]["sections"][2]
    path = tmp_path / "odd.minutes"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReportFileError, match=r"sections\[2\].blocks: expected a list, found text"):
        load_report(path)


def test_a_version_1_file_too_deep_to_hash_still_gets_its_own_error(tmp_path: Path) -> None:
    # The ids are derived from the file's content; content nested too deep to encode must not crash the load.
    document = json.loads(V1_FILE.read_text(encoding="utf-8"))
    document["report"]["author"] = json.loads("[" * 900 + "]" * 900)
    path = tmp_path / "deep.minutes"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ReportFileError, match=r"author: expected text, found a list"):
        load_report(path)


# ----------------------------------------- the mechanism, with pretend versions


def _to_2(document: Json) -> Json:
    # Pretend version 2 changed how the status line is stored (besides giving ids, as the real one does).
    document = version_1_to_2(document)
    report = dict(document["report"])
    report["title"] = dict(report["title"])
    report["title"]["status"] = "[v2] " + report["title"].get("status", "")
    return {**document, "report": report}


def _to_3(document: Json) -> Json:
    # Pretend version 3 added a closing section to every report.
    report = dict(document["report"])
    report["sections"] = [*report["sections"], {"id": "v3", "kind": "generic", "heading": "[v3]"}]
    return {**document, "report": report}


@pytest.fixture
def pretend_version_3(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """FORMAT_VERSION 3 with migrations 1 -> 2 -> 3; the list records the steps run."""
    steps: list[int] = []

    def step(version: int, migrate: Callable[[Json], Json]) -> Callable[[Json], Json]:
        def run(document: Json) -> Json:
            assert document["version"] == version
            steps.append(version)
            return migrate(document)

        return run

    # The loader's version and the encoder's (which writes it into a saved file).
    monkeypatch.setattr(minutes_file, "FORMAT_VERSION", 3)
    monkeypatch.setattr(encoder, "FORMAT_VERSION", 3)
    monkeypatch.setattr(minutes_file, "MIGRATIONS", {1: step(1, _to_2), 2: step(2, _to_3)})
    return steps


def test_a_version_1_file_is_migrated_step_by_step(pretend_version_3: list[int]) -> None:
    before = V1_FILE.read_bytes()
    report = load_report(V1_FILE)
    assert pretend_version_3 == [1, 2]
    assert report.title.status == "[v2] مسودة التقرير"
    assert report.sections[-1] == Section(SectionKind.GENERIC, heading="[v3]")
    expected = version_1_report()
    expected.title.status = "[v2] مسودة التقرير"
    expected.sections.append(Section(SectionKind.GENERIC, heading="[v3]"))
    assert report == expected
    # Loading never rewrites the old file; saving writes the new version.
    assert V1_FILE.read_bytes() == before


def test_a_migrated_report_saves_as_the_current_version(pretend_version_3: list[int], tmp_path: Path) -> None:
    path = tmp_path / "upgraded.minutes"
    save_report(load_report(V1_FILE), path)
    assert b'"version": 3' in path.read_bytes()
    pretend_version_3.clear()
    again = load_report(path)
    assert pretend_version_3 == []  # already current: no step runs
    assert again.sections[-1].heading == "[v3]"


def test_a_version_2_file_runs_only_the_later_step(pretend_version_3: list[int], tmp_path: Path) -> None:
    path = tmp_path / "v2.minutes"
    path.write_bytes(report_to_bytes(version_1_report()).replace(b'"version": 3', b'"version": 2', 1))
    report = load_report(path)
    assert pretend_version_3 == [2]
    assert report.title.status == "مسودة التقرير"


def test_a_file_newer_than_the_pretend_version_is_still_refused(pretend_version_3: list[int], tmp_path: Path) -> None:
    path = tmp_path / "v4.minutes"
    path.write_bytes(V1_FILE.read_bytes().replace(b'"version": 1', b'"version": 4', 1))
    with pytest.raises(NewerVersionError, match=r"file format version 4; this version reads up to 3"):
        load_report(path)
    assert pretend_version_3 == []


def test_a_missing_step_is_an_error_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(minutes_file, "FORMAT_VERSION", 2)
    monkeypatch.setattr(minutes_file, "MIGRATIONS", {})
    with pytest.raises(ReportFileError, match=r"cannot read format version 1"):
        load_report(V1_FILE)


def test_a_damaged_old_file_that_trips_a_migration_is_an_error(pretend_version_3: list[int], tmp_path: Path) -> None:
    # Migrations read the old format before validation; what they trip on is reported.
    path = tmp_path / "damaged.minutes"
    path.write_text('{"format": "minutes-editor-report", "version": 1, "report": []}', encoding="utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value).startswith(
        "damaged.minutes: the file (format version 1) is damaged and could not be upgraded"
    )
