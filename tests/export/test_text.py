"""Cleaning text for XML and splitting it into right-to-left and left-to-right runs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as hs
from lxml import etree

from minutes_editor.export.text import clean_xml_text, describe_dropped, split_by_direction


def test_control_characters_are_dropped_and_reported() -> None:
    cleaned = clean_xml_text("a\x00b\x07c\x1fd\ufffe")
    assert cleaned.text == "abcd"
    assert (
        describe_dropped(cleaned.dropped)
        == "4 characters that a Word file cannot hold (U+0000, U+0007, U+001F, U+FFFE)"
    )


def test_tab_and_line_ends_are_kept_as_tab_and_line_feed() -> None:
    assert clean_xml_text("a\tb\r\nc\rd\ne") == clean_xml_text("a\tb\nc\nd\ne")
    assert clean_xml_text("a\tb\r\nc").dropped == ()


@given(hs.text())
def test_cleaned_text_always_fits_in_xml(text: str) -> None:
    element = etree.Element("t")
    element.text = clean_xml_text(text).text  # lxml raises on characters XML cannot hold
    assert etree.fromstring(etree.tostring(element)).text in (element.text, None)


def test_single_script_paragraphs_stay_whole() -> None:
    assert split_by_direction(["مرحبا ", "بالعالم."], True) == [[("مرحبا ", True)], [("بالعالم.", True)]]
    assert split_by_direction(["Hello ", "world."], True) == [[("Hello ", False)], [("world.", False)]]
    assert split_by_direction(["2021 - 10"], True) == [[("2021 - 10", True)]]


def test_neutrals_between_scripts_take_the_paragraph_direction() -> None:
    pieces = split_by_direction(["قدّم المركز (ICMPD) خلفية."], True)[0]
    assert pieces == [("قدّم المركز (", True), ("ICMPD", False), (") خلفية.", True)]


def test_neutrals_inside_latin_stay_latin() -> None:
    pieces = split_by_direction(["وفق UNSCR resolution 1244 منذ"], True)[0]
    assert pieces == [("وفق ", True), ("UNSCR resolution", False), (" 1244 منذ", True)]


def test_direction_is_judged_across_run_borders() -> None:
    # "." alone in its run ends an Arabic paragraph after a Latin word: it belongs to the paragraph.
    assert split_by_direction(["العالم ", "ICMPD", "."], True) == [
        [("العالم ", True)],
        [("ICMPD", False)],
        [(".", True)],
    ]
    assert split_by_direction(["العالم ", "IC", "MPD", " و"], True) == [
        [("العالم ", True)],
        [("IC", False)],
        [("MPD", False)],
        [(" و", True)],
    ]


@given(hs.lists(hs.text(alphabet="abc مرح.( )12"), max_size=5))
def test_splitting_never_loses_or_reorders_text(texts: list[str]) -> None:
    pieces = split_by_direction(texts, True)
    assert ["".join(text for text, _ in run) for run in pieces] == texts
