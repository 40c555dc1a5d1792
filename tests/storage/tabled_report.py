"""A report with tables and action items of every kind format version 3 holds, for storage and co-editing tests."""

from __future__ import annotations

import datetime as dt

from minutes_editor.model.report import (
    ActionItem,
    ActionStatus,
    Block,
    BlockFormatChange,
    BlockKind,
    Comment,
    Participant,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    Table,
    TitleBlock,
)
from tests.storage.reviewed_report import AMAL, BEN


def _cells(*texts: str) -> list[list[Span]]:
    return [[Span(text)] if text else [] for text in texts]


def tabled_report() -> Report:
    """An Arabic follow-up report: the fixture report-v3.minutes holds exactly this, ids included.

    A table with a header row and emphasis and a comment in a cell, a table
    without a header, a table a reviewer proposed to insert and one proposed
    to delete, and action items open and done, with one owner, several or
    none, with a deadline or without, one of them a paragraph a reviewer made
    an action item.
    """
    return Report(
        language="ar",
        title=TitleBlock(meeting="اجتماع المتابعة", date=dt.date(2022, 1, 20), status="مسودة التقرير"),
        sections=[
            Section(
                SectionKind.PARTICIPATION,
                participants=[Participant("النمسا", "AT"), Participant("ICMPD", "org:ICMPD")],
                id="s00000000001",
            ),
            Section(
                SectionKind.DISCUSSION,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span("الأرقام الرئيسية:")], id="b00000000001"),
                    Block(
                        BlockKind.TABLE,
                        table=Table(
                            [
                                [[Span("البلد", bold=True)], [Span("العائدون", bold=True)], [Span("2021")]],
                                [[Span("النمسا")], [Span("1,200"), Span(" (تقدير)", italic=True)], []],
                                [_cells("ICMPD")[0], [Span("—", comments=("c1",))], [Span("Frontex \t «ok»")]],
                            ]
                        ),
                        id="b00000000002",
                    ),
                    Block(
                        BlockKind.TABLE,
                        table=Table([_cells("بلا رأس", "no header")], header=False),
                        id="b00000000003",
                    ),
                ],
                sessions=[
                    Session(
                        "الجلسة الأولى",
                        blocks=[
                            Block(
                                BlockKind.TABLE,
                                table=Table([_cells("جدول مقترح"), _cells("proposed")]),
                                id="b00000000004",
                                inserted=AMAL,
                            ),
                            Block(
                                BlockKind.TABLE,
                                table=Table([_cells("جدول محذوف", "deleted")], header=False),
                                id="b00000000005",
                                deleted=BEN,
                            ),
                        ],
                        id="t00000000001",
                    )
                ],
                id="s00000000002",
            ),
            Section(
                SectionKind.TAKEAWAYS,
                blocks=[
                    Block(
                        BlockKind.ACTION,
                        [Span("إعداد مسودة خطة العمل "), Span("قبل الاجتماع القادم", bold=True)],
                        action=ActionItem(["النمسا", "ICMPD"], dt.date(2022, 3, 1)),
                        id="b00000000006",
                    ),
                    Block(
                        BlockKind.ACTION,
                        [Span("Circulate the minutes")],
                        action=ActionItem(["Amal Haddad"], status=ActionStatus.DONE),
                        id="b00000000007",
                    ),
                    Block(BlockKind.ACTION, [Span("تحديد موعد")], action=ActionItem(), id="b00000000008"),
                    Block(
                        BlockKind.ACTION,
                        [Span("مراجعة الأرقام")],
                        action=ActionItem(["ICMPD"], dt.date(2021, 12, 31), ActionStatus.OPEN),
                        id="b00000000009",
                        old_format=BlockFormatChange(AMAL, BlockKind.PARAGRAPH),
                    ),
                ],
                id="s00000000003",
            ),
        ],
        comments=[Comment("c1", "Ben Ross", ["مصدر الرقم؟"], BEN.date)],
    )
