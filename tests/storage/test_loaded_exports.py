"""Whatever the loader accepts must export: it refuses what a writer cannot render, naming the field.

Stamps past the ends of the calendar (year 1 at +01:00 is year 0 in UTC),
language tags that are not BCP 47 or are too long to be anything's name, and
keys given twice are refused on load; everything else that loads exports to
.docx and passes ``check``.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_editor import cli
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.model.language import MAX_TAG_LENGTH, is_language_tag
from minutes_editor.storage.minutes_file import InvalidFieldError, ReportFileError, load_report, report_from_bytes
from minutes_editor.storage.presets import load_preset

DATA = Path(__file__).parent / "data"
V1_FILE = DATA / "report-v1.minutes"
BASE: dict[str, Any] = json.loads(V1_FILE.read_text(encoding="utf-8"))
#: A tag of 201 subtags, as the issue found: it passed the loader and then named a preset file.
HUGE_TAG = "ar" + "-abcdefgh" * 200


def _write(folder: Path, document: object) -> Path:
    path = folder / "case.minutes"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _with_report(**fields: object) -> dict[str, Any]:
    document = copy.deepcopy(BASE)
    document["report"].update(fields)
    return document


# ---------------------------------------------------------------- stamps


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("created", "0001-01-01T00:00:00+01:00"),  # year 0 in UTC: the export's conversion overflowed
        ("created", "0001-01-01T00:00:00"),
        ("modified", "9999-12-31T23:00:00-05:00"),  # year 10000 in UTC
        ("modified", "9999-12-31T23:59:59"),
    ],
)
def test_a_stamp_outside_what_word_can_hold_is_refused_by_name(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(InvalidFieldError) as caught:
        load_report(_write(tmp_path, _with_report(**{name: value})))
    assert caught.value.field == name
    assert str(caught.value) == (
        f"case.minutes: {name}: {value!r} is outside the dates a Word document can hold"
        " (from 0001-01-02 to 9999-12-30, in UTC)"
    )


@pytest.mark.parametrize(
    "value", ["0001-01-02T00:00:00Z", "0001-01-02T23:00:00+23:00", "9999-12-30T23:59:59", "9999-12-30T00:00:00-23:59"]
)
def test_a_stamp_at_the_ends_of_the_range_loads_and_exports(tmp_path: Path, value: str) -> None:
    report = load_report(_write(tmp_path, _with_report(created=value, modified=value)))
    export_docx(report, tmp_path / "out.docx")
    assert (tmp_path / "out.docx").stat().st_size > 0


def test_the_command_line_refuses_a_stamp_of_year_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _with_report(created="0001-01-01T00:00:00+01:00"))
    assert cli.main(["export", str(path), "-o", str(tmp_path / "out.docx")]) == cli.EXIT_BAD_INPUT
    error = capsys.readouterr().err
    assert error.startswith("minutes-editor: case.minutes: created: '0001-01-01T00:00:00+01:00' is outside")
    assert "Traceback" not in error
    assert "Overflow" not in error
    assert not (tmp_path / "out.docx").exists()
    assert cli.main(["check", str(path)]) == cli.EXIT_BAD_INPUT


# ---------------------------------------------------------------- language tags


def test_a_tag_of_201_subtags_is_refused_by_its_length(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, _with_report(language=HUGE_TAG))
    with pytest.raises(InvalidFieldError) as caught:
        load_report(path)
    assert caught.value.field == "language"
    assert str(caught.value) == (
        f"case.minutes: language: is {len(HUGE_TAG)} characters long;"
        f" a language tag has at most {MAX_TAG_LENGTH} characters"
    )
    for command in ("check", "export"):
        assert cli.main([command, str(path)]) == cli.EXIT_BAD_INPUT
    said = capsys.readouterr()
    assert "File name too long" not in said.out + said.err
    assert "Traceback" not in said.out + said.err


@pytest.mark.parametrize("tag", ["en-x", "ar-1", "ar--EG", "ar-EG-", "en-GB-u", "x-private", "ar-abcdefghi", "ar EG"])
def test_a_tag_that_is_not_well_formed_bcp47_is_refused(tmp_path: Path, tag: str) -> None:
    with pytest.raises(InvalidFieldError) as caught:
        load_report(_write(tmp_path, _with_report(language=tag)))
    assert caught.value.field == "language"
    assert "is not a BCP 47 language tag" in str(caught.value)


@pytest.mark.parametrize(
    "tag", ["ar", "ar-EG", "ar-SY-u-nu-arab", "zh-Hans-CN", "sl-rozaj-biske", "en-GB-x-un", "zh-yue-HK", "de-CH-1901"]
)
def test_a_well_formed_tag_loads_and_exports(tmp_path: Path, tag: str) -> None:
    report = load_report(_write(tmp_path, _with_report(language=tag)))
    assert report.language == tag
    export_docx(report, tmp_path / "out.docx")
    assert cli.main(["check", str(tmp_path / "case.minutes")]) in (cli.EXIT_OK, cli.EXIT_PROBLEMS)


def test_the_preset_lookup_never_builds_a_path_from_a_tag() -> None:
    # Called by code that did not come through the loader (the importer, a test): the English preset.
    assert load_preset(HUGE_TAG).code == "en"
    assert load_preset("../../etc/passwd").code == "en"
    assert load_preset("ar/../en").code == "en"
    assert not is_language_tag("a" * (MAX_TAG_LENGTH + 1))


# ---------------------------------------------------------------- duplicate keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('"format": "minutes-editor-report", "format": "minutes-editor-report"', "format"),
        ('"report": {"sections": [], "sections": []}', "sections"),
        ('"report": {"sections": [{"kind": "generic", "blocks": [{"type": "paragraph", "type": "label"}]}]}', "type"),
    ],
)
def test_a_key_given_twice_is_refused_at_any_level(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "case.minutes"
    path.write_text('{"version": 1, ' + text + "}", encoding="utf-8")
    with pytest.raises(ReportFileError) as caught:
        load_report(path)
    assert str(caught.value) == (
        f"case.minutes: the file gives the key '{key}' twice in one object; each field may appear only once"
    )
    assert cli.main(["check", str(path)]) == cli.EXIT_BAD_INPUT


def test_the_same_key_in_two_objects_is_fine() -> None:
    text = json.dumps(BASE)
    assert report_from_bytes(text.encode()).language == BASE["report"]["language"]


# ---------------------------------------------------------------- whatever loads exports


def _places(node: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    places = [trail] if trail else []
    if isinstance(node, dict):
        for key, value in node.items():
            places.extend(_places(value, (*trail, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            places.extend(_places(value, (*trail, index)))
    return places


PLACES = _places(BASE["report"])
#: Wrong types and edge values a field may meet: each place gets each.
EDGE_VALUES = st.one_of(
    st.sampled_from(
        [
            None,
            True,
            0,
            -1,
            3,
            4,
            10**70,
            1.5,
            "",
            " ",
            "\u200f",
            "\x00",
            "\x0b",
            "\ufffe",
            "\U0001f600",
            "x" * 5000,
            "0001-01-01T00:00:00+01:00",
            "0001-01-02T00:00:00+01:00",
            "9999-12-31T23:59:59",
            "9999-12-30T23:59:59",
            "2021-10-14",
            "2021-02-29",
            "00:00",
            "23:59:59.999999",
            "24:00",
            "ar-EG-u-nu-arab",
            "ar-" + "abcdefgh-" * 7 + "x",
            HUGE_TAG,
            "en_GB",
            [],
            [None],
            {},
            {"text": "x"},
            {"footnote": "fn1"},
            {"type": "bullet", "level": 3},
            {"kind": "generic"},
        ]
    ),
    st.text(max_size=12),
    st.integers(),
    st.datetimes().map(lambda moment: moment.isoformat()),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(PLACES), st.sampled_from(["replace", "delete"]), EDGE_VALUES), max_size=3
    )
)
def test_what_loads_exports_and_checks_and_what_does_not_is_named(changes: list[tuple[Any, ...]]) -> None:
    document = copy.deepcopy(BASE)
    for trail, action, value in changes:
        parent: Any = document["report"]
        try:
            for key in trail[:-1]:
                parent = parent[key]
            if action == "replace":
                parent[trail[-1]] = value
            else:
                del parent[trail[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this place
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), document)
        try:
            report = load_report(path)
        except InvalidFieldError as caught:
            refused: InvalidFieldError | None = caught
        else:
            refused = None
        if refused is not None:
            message = str(refused)
            assert refused.field
            assert message.startswith(f"case.minutes: {refused.field}: ")
            assert "\n" not in message
            assert len(message) < 400
            assert cli.main(["check", str(path)]) == cli.EXIT_BAD_INPUT
            return
        export_docx(report, Path(folder) / "case.docx")
        assert (Path(folder) / "case.docx").stat().st_size > 0
        assert cli.main(["check", str(path)]) in (cli.EXIT_OK, cli.EXIT_PROBLEMS)
