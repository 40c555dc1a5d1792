"""A report carrying every kind of id, pending change and comment the format holds, for storage and window tests."""

from __future__ import annotations

import datetime as dt

from minutes_editor.model.report import (
    Block,
    BlockFormatChange,
    BlockKind,
    Change,
    Comment,
    FieldChange,
    Footnote,
    FootnoteRef,
    FormatChange,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)

CAIRO = dt.timezone(dt.timedelta(hours=2))
AMAL = Change("Amal Haddad", dt.datetime(2021, 10, 18, 9, 15, tzinfo=CAIRO))
BEN = Change("Ben Ross", dt.datetime(2021, 10, 18, 14, 2, 30, tzinfo=dt.UTC))
#: A reviewer whose tool wrote no date.
UNDATED = Change("مراجع")
MOVED_AWAY = Change("Ben Ross", dt.datetime(2021, 10, 18, 14, 5, tzinfo=dt.UTC), move="move1")
MOVED_HERE = Change("Ben Ross", dt.datetime(2021, 10, 18, 14, 5, tzinfo=dt.UTC), move="move1")


def reviewed_report() -> Report:
    """An Arabic report with every mark: the fixture report-v2.minutes holds exactly this, ids included."""
    return Report(
        language="ar",
        title=TitleBlock(
            meeting="الاجتماع المشترك",
            date=dt.date(2021, 10, 14),
            start_time=dt.time(10, 0),
            location="فيينا",
            status="مسودة التقرير",
        ),
        sections=[
            Section(
                SectionKind.PARTICIPATION,
                blocks=[Block(BlockKind.PARAGRAPH, [Span("حضرت البلدان التالية:")], id="b00000000001")],
                participants=[Participant("النمسا", "AT")],
                id="s00000000001",
            ),
            Section(
                SectionKind.DISCUSSION,
                heading="نقاط النقاش",
                blocks=[
                    Block(
                        BlockKind.PARAGRAPH,
                        [
                            Span("أكد الممثل "),
                            Span("بقوة ", inserted=AMAL),
                            Span("أهمية ", deleted=BEN),
                            Span("التعاون", bold=True, old_format=FormatChange(AMAL, italic=True)),
                            Span(" مع Frontex", comments=("c1", "c2")),
                            Span(" وEuropol", inserted=AMAL, deleted=BEN, comments=("c1",)),
                            FootnoteRef("fn1", inserted=AMAL),
                            FootnoteRef("fn2", deleted=UNDATED),
                            Span("", comments=("c7",)),  # a comment on a point, after the last mark
                        ],
                        id="b00000000002",
                    ),
                    Block(
                        BlockKind.BULLET,
                        [Span("نقطة نقلت من مكان آخر", deleted=MOVED_AWAY)],
                        level=2,
                        id="b00000000003",
                        deleted=MOVED_AWAY,
                    ),
                ],
                sessions=[
                    Session(
                        "الجلسة الأولى",
                        goals=["منع التهريب"],
                        blocks=[
                            Block(
                                BlockKind.BULLET,
                                [Span("نقطة نقلت من مكان آخر", inserted=MOVED_HERE)],
                                id="b00000000004",
                                inserted=MOVED_HERE,
                            ),
                            Block(
                                BlockKind.LABEL,
                                [Span("التحديات:")],
                                id="b00000000005",
                                old_format=BlockFormatChange(BEN, BlockKind.BULLET, 3),
                            ),
                            Block(
                                BlockKind.BULLET,
                                [Span("نص كان فقرة")],
                                id="b00000000006",
                                old_format=BlockFormatChange(UNDATED, BlockKind.PARAGRAPH),
                            ),
                        ],
                        id="t00000000001",
                    )
                ],
                id="s00000000002",
            ),
            Section(  # a section a reviewer proposed to add whole (as a comparison of two drafts gives)
                SectionKind.GENERIC,
                heading="ملاحظات ختامية",
                blocks=[Block(BlockKind.PARAGRAPH, [Span("شكر الرئيس الحاضرين.", inserted=BEN)], id="b00000000007")],
                id="s00000000003",
                inserted=BEN,
            ),
        ],
        footnotes=[
            Footnote("fn1", [Span("هذا التعيين "), Span("لا يخل بالمواقف", inserted=BEN, comments=("c3",))]),
            Footnote("fn2", [Span("حاشية حذفت")], deleted=UNDATED),
        ],
        author="مقرر الاجتماع",
        created=dt.datetime(2021, 10, 14, 9, 0, tzinfo=CAIRO),
        field_changes=[
            FieldChange("TitleBlock.location", "", "افتراضي", AMAL),
            FieldChange("TitleBlock.date", "", dt.date(2021, 10, 13), BEN),
            FieldChange("TitleBlock.start_time", "", None, UNDATED),
            FieldChange("Section.heading", "s00000000002", None, BEN),
            FieldChange("Session.title", "t00000000001", "الجلسة 1", AMAL),
            FieldChange("Session.goals", "t00000000001", ["منع التهريب", "العودة"], BEN),
            FieldChange("Section.level", "s00000000002", 2, AMAL),
            FieldChange("Section.participants", "s00000000001", [Participant("ألمانيا", "DE")], AMAL),
        ],
        comments=[
            Comment("c1", "Amal Haddad", ["هل هذا صحيح؟", "Second paragraph."], AMAL.date, "AH"),
            Comment("c2", "Ben Ross", ["نعم."], BEN.date, "BR", parent="c1", done=True),
            Comment("c3", "مراجع", ["تعليق على الحاشية"]),
            Comment("c4", "Ben Ross", ["Heading?"], BEN.date, field_name="Section.heading", owner="s00000000002"),
            Comment("c5", "Amal Haddad", ["Which city?"], field_name="TitleBlock.location"),
            Comment("p1", "مراجع", ["والمجر؟"], field_name="Section.participants", owner="s00000000001"),
            Comment("c7", "Ben Ross", ["Here?"], BEN.date),
        ],
    )
