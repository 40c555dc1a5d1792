"""Reports carrying every kind of pending change and comment (docs/review.md), with their two views built by hand.

``case(language, view)`` gives the draft (``view="draft"``), what Accept All
leaves (``"accepted"``) and what Reject All leaves (``"rejected"``): each
marked part of the draft is written three times below, once per view, so
the expected reports do not come from the code under test (model/review.py
will give the same views; until then these are the oracle).
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

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
    Inline,
    Report,
    Section,
    SectionKind,
    Session,
    Span,
    TitleBlock,
)

T = TypeVar("T")

ALICE = Change("Alice Martin", dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.UTC))
BOB = Change("Bob Smith", dt.datetime(2024, 5, 7, 14, 0, tzinfo=dt.UTC))
ZAHRA = Change("زهراء", dt.datetime(2024, 5, 8, 8, 15, tzinfo=dt.UTC))
MOVE_FROM = Change("Alice Martin", dt.datetime(2024, 5, 6, 10, 0, tzinfo=dt.UTC), move="move1")
MOVE_TO = Change("Alice Martin", dt.datetime(2024, 5, 6, 10, 0, tzinfo=dt.UTC), move="move1")

VIEWS = ("draft", "accepted", "rejected")

#: The words of each language's case: the same shape, the same marks.
WORDS = {
    "en": {
        "meeting": "Joint meeting of the working groups",
        "subtitle": "Budapest Process",
        "location": "Vienna, Austria",
        "old_location": "Budapest, Hungary",
        "status": "Draft report",
        "heading": "Why we met",
        "old_heading": "Aims of the meeting",
        "intro": "The meeting ",
        "inserted": "warmly ",
        "kept": "welcomed the delegations ",
        "deleted": "from twelve countries ",
        "both": "very very ",
        "end": "and the partners.",
        "bold": "Capacity",
        "after_bold": " was the first topic.",
        "note_in": "Kosovo",
        "note_del": "the region",
        "inserted_block": "A bullet a reviewer added.",
        "deleted_block": "A bullet a reviewer removed.",
        "moved": "A bullet that moved down.",
        "join_first": "The first half, ",
        "join_second": "and the second half.",
        "split_first": "Before the split, ",
        "split_second": "after the split.",
        "typed": "A paragraph that became a bullet.",
        "level": "A bullet one level deeper.",
        "last": "The last words of the section.",
        "last_gone": "A closing line a reviewer struck.",
        "session": "Session 1: Cooperation",
        "old_session": "Session 1: Opportunities for cooperation",
        "goals": ["Prevent smuggling", "Facilitate return"],
        "old_goals": ["Prevent smuggling", "Facilitate readmission"],
        "session_text": "Readmission agreements must be active",
        "session_added": " and used",
        "note": "This designation is without prejudice to positions on status",
        "note_added": ", and is in line with UNSCR 1244/99",
        "note_deleted": " (all of it)",
        "note2": "A note on the region.",
        "comment": ["Is this right?", "Please check the list."],
        "reply": ["Yes, checked."],
        "heading_comment": ["A better heading?"],
    },
    "ar": {
        "meeting": "الاجتماع المشترك لمجموعات العمل",
        "subtitle": "عملية بودابست",
        "location": "فيينا، النمسا",
        "old_location": "بودابست، المجر",
        "status": "مسودة التقرير",
        "heading": "لماذا اجتمعنا",
        "old_heading": "أهداف الاجتماع",
        "intro": "رحّب الاجتماع ",
        "inserted": "بحرارة ",
        "kept": "بالوفود (ICMPD) ",
        "deleted": "من اثني عشر بلداً ",
        "both": "جداً جداً ",
        "end": "وبالشركاء.",
        "bold": "بناء القدرات",
        "after_bold": " كان الموضوع الأول.",
        "note_in": "كوسوفو",
        "note_del": "المنطقة",
        "inserted_block": "نقطة أضافها مراجع.",
        "deleted_block": "نقطة حذفها مراجع.",
        "moved": "نقطة نُقلت إلى الأسفل.",
        "join_first": "النصف الأول، ",
        "join_second": "والنصف الثاني.",
        "split_first": "قبل الفصل، ",
        "split_second": "بعد الفصل.",
        "typed": "فقرة أصبحت نقطة.",
        "level": "نقطة في مستوى أعمق.",
        "last": "آخر كلمات القسم.",
        "last_gone": "سطر ختامي شطبه مراجع.",
        "session": "الجلسة الأولى: التعاون",
        "old_session": "الجلسة الأولى: فرص التعاون",
        "goals": ["منع التهريب", "تسهيل العودة"],
        "old_goals": ["منع التهريب", "تسهيل إعادة القبول"],
        "session_text": "يجب أن تكون اتفاقيات إعادة القبول نشطة",
        "session_added": " ومستخدمة",
        "note": "هذا التعيين لا يخلّ بالمواقف المتعلقة بالوضع",
        "note_added": "، ويتماشى مع القرار 1244/99",
        "note_deleted": " (كله)",
        "note2": "ملاحظة عن المنطقة.",
        "comment": ["هل هذا صحيح؟", "يرجى مراجعة القائمة."],
        "reply": ["نعم، تمت المراجعة."],
        "heading_comment": ["عنوان أفضل؟"],
    },
}


def pick(view: str, draft: T, accepted: T, rejected: T) -> T:
    """The part of ``view``: the draft's, or what Accept All or Reject All leaves of it."""
    return {"draft": draft, "accepted": accepted, "rejected": rejected}[view]


def case(language: str, view: str) -> Report:
    """A report in ``language`` carrying every kind of mark (``view="draft"``), or one of its two views."""
    t = WORDS[language]
    draft = view == "draft"

    def spans(*items: Inline | None) -> list[Inline]:
        return [item for item in items if item is not None]

    # Text inserted, deleted, inserted then deleted, a formatting change, footnote marks inserted and deleted.
    first_block = Block(
        BlockKind.PARAGRAPH,
        spans(
            Span(t["intro"]),
            pick(view, Span(t["inserted"], inserted=ALICE), Span(t["inserted"]), None),
            Span(t["kept"], comments=("c1", "c2")),
            pick(view, Span(t["deleted"], deleted=BOB), None, Span(t["deleted"])),
            pick(view, Span(t["both"], inserted=ALICE, deleted=BOB), None, None),
            Span(t["end"]),
            pick(view, FootnoteRef("n1", inserted=ALICE), FootnoteRef("n1"), None),
        ),
    )
    format_block = Block(
        BlockKind.PARAGRAPH,
        spans(
            pick(
                view,
                Span(t["bold"], bold=True, comments=("c3",), old_format=FormatChange(BOB, italic=True)),
                Span(t["bold"], bold=True, comments=("c3",)),
                Span(t["bold"], italic=True, comments=("c3",)),
            ),
            Span(t["after_bold"]),
            pick(view, FootnoteRef("n2", deleted=ZAHRA), None, FootnoteRef("n2")),
        ),
    )
    blocks: list[Block | None] = [
        first_block,
        format_block,
        # A bullet inserted whole, and one deleted whole.
        pick(
            view,
            Block(BlockKind.BULLET, [Span(t["inserted_block"], inserted=ALICE)], inserted=ALICE),
            Block(BlockKind.BULLET, [Span(t["inserted_block"])]),
            None,
        ),
        pick(
            view,
            Block(BlockKind.BULLET, [Span(t["deleted_block"], deleted=BOB)], deleted=BOB),
            None,
            Block(BlockKind.BULLET, [Span(t["deleted_block"])]),
        ),
        # The old place of a moved bullet.
        pick(
            view,
            Block(BlockKind.BULLET, [Span(t["moved"], deleted=MOVE_FROM)], deleted=MOVE_FROM),
            None,
            Block(BlockKind.BULLET, [Span(t["moved"])]),
        ),
    ]
    # A paragraph's end deleted (Accept All joins it with the next), and one inserted (Reject All joins).
    blocks += pick(
        view,
        [
            Block(BlockKind.PARAGRAPH, [Span(t["join_first"])], deleted=BOB),
            Block(BlockKind.BULLET, [Span(t["join_second"])]),
        ],
        [Block(BlockKind.BULLET, [Span(t["join_first"]), Span(t["join_second"])])],
        [Block(BlockKind.PARAGRAPH, [Span(t["join_first"])]), Block(BlockKind.BULLET, [Span(t["join_second"])])],
    )
    blocks += pick(
        view,
        [
            Block(BlockKind.PARAGRAPH, [Span(t["split_first"])], inserted=ALICE),
            Block(BlockKind.LABEL, [Span(t["split_second"])]),
        ],
        [Block(BlockKind.PARAGRAPH, [Span(t["split_first"])]), Block(BlockKind.LABEL, [Span(t["split_second"])])],
        [Block(BlockKind.LABEL, [Span(t["split_first"]), Span(t["split_second"])])],
    )
    # A change of type and one of bullet level.
    blocks += [
        pick(
            view,
            Block(BlockKind.BULLET, [Span(t["typed"])], old_format=BlockFormatChange(BOB, BlockKind.PARAGRAPH)),
            Block(BlockKind.BULLET, [Span(t["typed"])]),
            Block(BlockKind.PARAGRAPH, [Span(t["typed"])]),
        ),
        pick(
            view,
            Block(BlockKind.BULLET, [Span(t["level"])], level=2, old_format=BlockFormatChange(ALICE, BlockKind.BULLET)),
            Block(BlockKind.BULLET, [Span(t["level"])], level=2),
            Block(BlockKind.BULLET, [Span(t["level"])]),
        ),
        # The new place of the moved bullet.
        pick(
            view,
            Block(BlockKind.BULLET, [Span(t["moved"], inserted=MOVE_TO)], inserted=MOVE_TO),
            Block(BlockKind.BULLET, [Span(t["moved"])]),
            None,
        ),
        Block(BlockKind.PARAGRAPH, [Span(t["last"])]),
        # The section's last block deleted whole: no next block to join, so it simply goes.
        pick(
            view,
            Block(BlockKind.PARAGRAPH, [Span(t["last_gone"], deleted=ZAHRA)], deleted=ZAHRA),
            None,
            Block(BlockKind.PARAGRAPH, [Span(t["last_gone"])]),
        ),
    ]
    heading = pick(view, t["heading"], t["heading"], t["old_heading"])
    session_title = pick(view, t["session"], t["session"], t["old_session"])
    goals = pick(view, t["goals"], t["goals"], t["old_goals"])
    sections = [
        Section(SectionKind.OBJECTIVES, heading=heading, blocks=[block for block in blocks if block is not None]),
        Section(
            SectionKind.DISCUSSION,
            sessions=[
                Session(
                    session_title,
                    goals=list(goals),
                    blocks=[
                        Block(
                            BlockKind.BULLET,
                            spans(
                                Span(t["session_text"]),
                                pick(
                                    view,
                                    Span(t["session_added"], inserted=ZAHRA),
                                    Span(t["session_added"]),
                                    None,
                                ),
                                Span("."),
                            ),
                        )
                    ],
                )
            ],
        ),
    ]
    # Fixed ids in every view: a comment on a field names its owner by id, as the views keep it.
    sections[0].id = "5ec710000001"
    sections[1].sessions[0].id = "5e5510000001"
    note = Footnote(
        "n1",
        [
            Span(t["note"]),
            *pick(
                view,
                [Span(t["note_added"], inserted=BOB), Span(t["note_deleted"], deleted=ALICE)],
                [Span(t["note_added"])],
                [Span(t["note_deleted"])],
            ),
            Span("."),
        ],
    )
    report = Report(
        language=language,
        title=TitleBlock(
            meeting=t["meeting"],
            subtitle=pick(view, t["subtitle"], t["subtitle"], ""),
            date=pick(view, dt.date(2024, 5, 14), dt.date(2024, 5, 14), dt.date(2024, 5, 13)),
            location=pick(view, t["location"], t["location"], t["old_location"]),
            status=pick(view, "", "", t["status"]),
        ),
        sections=sections,
        footnotes=[note, Footnote("n2", [Span(t["note2"])])],
        author="Rapporteur",
        created=dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.UTC),
        modified=dt.datetime(2024, 5, 9, 9, 0, tzinfo=dt.UTC),
        comments=[
            Comment("c1", "Carol Jones", t["comment"], dt.datetime(2024, 5, 7, 9, 0, tzinfo=dt.UTC), "CJ"),
            Comment("c2", "Alice Martin", t["reply"], dt.datetime(2024, 5, 7, 11, 0, tzinfo=dt.UTC), "AM", "c1"),
            Comment("c3", "زهراء", t["heading_comment"][:1], None, "ز", done=True),
            Comment(
                "c4",
                "Bob Smith",
                t["heading_comment"],
                dt.datetime(2024, 5, 8, 9, 0, tzinfo=dt.UTC),
                "BS",
                field_name="Section.heading",
                owner=sections[0].id,
            ),
        ],
    )
    if draft:
        report.field_changes = [
            FieldChange("TitleBlock.subtitle", "", "", ALICE),
            FieldChange("TitleBlock.date", "", dt.date(2024, 5, 13), BOB),
            FieldChange("TitleBlock.location", "", t["old_location"], BOB),
            FieldChange("TitleBlock.status", "", t["status"], ZAHRA),
            FieldChange("Section.heading", sections[0].id, t["old_heading"], ALICE),
            FieldChange("Session.title", sections[1].sessions[0].id, t["old_session"], BOB),
            FieldChange("Session.goals", sections[1].sessions[0].id, list(t["old_goals"]), ZAHRA),
        ]
    return report
