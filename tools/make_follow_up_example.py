"""Make the third example: an INVENTED follow-up meeting of the Budapest Process working groups, in English and Arabic.

The two shipped examples reproduce a real report (the joint meeting of
14 October 2021). This one is fictitious, for demonstration: a follow-up
meeting on 10 March 2022 that never took place, said so in its file name
(``examples/invented-follow-up-2022-03-10.{en,ar}.minutes``) and in its
subtitle. It shows what the first two do not: a table (pilot countries,
activities, timeline, with a header row) and action items (owners from the
participants, deadlines, one done), beside a title block, participants,
objectives, a discussion in two sessions and the Kosovo designation
footnote, whose text is the first examples'.

Both reports are built with the model's classes and saved with the same
function the command line uses (``storage.minutes_file.save_report``), which
writes tables and action items from format version 3 on. Before writing, the
script reads the encoded report back and writes nothing unless it comes back
whole: a format that drops the table or the action items' owners is refused
with a message, not saved. No Qt.

Usage::

    python tools/make_follow_up_example.py              # writes both files to examples/
    python tools/make_follow_up_example.py --out DIR
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from minutes_editor.model.report import (  # noqa: E402
    ActionItem,
    ActionStatus,
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
    Table,
    TitleBlock,
)
from minutes_editor.storage.minutes_file import (  # noqa: E402
    load_report,
    report_from_bytes,
    report_to_bytes,
    save_report,
)

EXAMPLES = ROOT / "examples"
LANGUAGES = ("en", "ar")
MEETING_DATE = dt.date(2022, 3, 10)
FOOTNOTE_ID = "kosovo-designation"
#: The participants' territory codes, in the order of both reports (org:EC: the European Commission).
CODES = ("AT", "BA", "HU", "MK", "PK", "RS", "TR", "org:EC")
#: Each action item's owners, as indices into CODES, its deadline and whether it is done.
ACTIONS = (
    ((3,), dt.date(2022, 3, 24), ActionStatus.DONE),
    ((0, 2), dt.date(2022, 4, 15), ActionStatus.OPEN),
    ((5, 3), dt.date(2022, 5, 31), ActionStatus.OPEN),
    ((4,), dt.date(2022, 4, 30), ActionStatus.OPEN),
    ((7,), dt.date(2022, 6, 30), ActionStatus.OPEN),
)


@dataclass(frozen=True)
class Words:
    """Everything one language's report says."""

    meeting: str
    subtitle: str
    timezone: str
    location: str
    status: str
    intro: str
    aims: tuple[str, str, str]
    attended: str
    participants: tuple[str, ...]
    session_1: str
    goals_1: tuple[str, str]
    progress: tuple[str, str, str]
    before_note: str
    after_note: str
    session_2: str
    goals_2: tuple[str, str]
    pilots_intro: str
    table: tuple[tuple[str, str, str], ...]
    joining: str
    next_meeting: str
    actions: tuple[str, str, str, str, str]


WORDS: dict[str, Words] = {
    "en": Words(
        meeting="Follow-up meeting of the South-East Europe and Silk Routes Region working groups",
        subtitle="Invented example: a fictitious follow-up meeting, for demonstration",
        timezone="CET",
        location="virtual, via Zoom",
        status="Draft report",
        intro="This invented meeting follows up the joint meeting of 14 October 2021. Its aims were:",
        aims=(
            "To review progress on the key takeaways of the joint meeting of 14 October 2021.",
            "To agree on the pilot activities to be carried out in 2022 and on their timeline.",
            "To assign action points, each with owners and a deadline, before the next meeting.",
        ),
        attended="The following countries attended this follow-up meeting of the two regional working groups:",
        participants=(
            "Austria",
            "Bosnia and Herzegovina",
            "Hungary",
            "North Macedonia",
            "Pakistan",
            "Serbia",
            "Turkey",
            "the European Commission",
        ),
        session_1="Session 1: Progress since the joint meeting of October 2021",
        goals_1=(
            "Preventing migrant smuggling and combating organised crime",
            "Facilitating effective return and reintegration",
        ),
        progress=(
            "North Macedonia reported that a joint investigation team with Serbia had been set up in January 2022.",
            "Participants agreed that readmission agreements remain the main condition for effective return.",
            "Turkey stressed the need for more reception capacity, while ensuring humane living conditions.",
        ),
        before_note=(
            "Pakistan presented the work of its liaison officer in the region, including cooperation with Kosovo"
        ),
        after_note=" on the identification of migrants.",
        session_2="Session 2: Pilot activities for 2022",
        goals_2=(
            "Preventing and combating trafficking in persons on the move",
            "International protection of vulnerable groups",
        ),
        pilots_intro="The working groups agreed on the following pilot activities:",
        table=(
            ("Pilot country", "Activity", "Timeline"),
            ("North Macedonia", "Training of front-line staff on asylum procedures", "April–June 2022"),
            ("Serbia", "Joint investigation team on migrant smuggling", "March–December 2022"),
            ("Pakistan", "Awareness campaign for people considering irregular migration", "May–September 2022"),
        ),
        joining="Bosnia and Herzegovina asked to join the training pilot in the second half of the year.",
        next_meeting="The next meeting will review the first results of the pilot activities in September 2022.",
        actions=(
            "Circulate the draft report of this meeting to all participants.",
            "Share the curriculum of the front-line staff training with the pilot countries.",
            "Set up a secure channel for the joint investigation team to exchange information.",
            "Submit a project proposal for the awareness campaign to the reference group.",
            "Confirm EU funding for the three pilot activities.",
        ),
    ),
    "ar": Words(
        meeting="اجتماع متابعة لمجموعات عمل جنوب شرق أوروبّا ومنطقة طرق الحرير",
        subtitle="مثال مُتخيَّل: اجتماع متابعة غير حقيقي، لأغراض العرض التوضيحي",
        timezone="بتوقيت وسط أوروبا",
        location="افتراضي عبر تطبيق زوم",
        status="مسودة التقرير",
        intro="يُتابع هذا الاجتماعُ المتخيَّل الاجتماعَ المشترك المنعقد في 14 تشرين الأول 2021، وكان الهدف منه:",
        aims=(
            "مراجعة التقدّم المحرز في تنفيذ المستخلصات الرئيسية للاجتماع المشترك المنعقد في 14 تشرين الأول 2021.",
            "الاتفاق على الأنشطة التجريبية المزمع تنفيذها في عام 2022 وعلى جدولها الزمني.",
            "توزيع نقاط العمل، مع تحديد المسؤولين عن كلّ منها وموعدها النهائي، قبل الاجتماع القادم.",
        ),
        attended="حضرت البلدان التالية اجتماع المتابعة هذا لمجموعتي العمل الإقليميّتين:",
        participants=(
            "النمسا",
            "البوسنة والهرسك",
            "المجر",
            "مقدونيا الشمالية",
            "باكستان",
            "صربيا",
            "تركيا",
            "المفوّضية الأوروبية",
        ),
        session_1="الجلسة الأولى: التقدّم المحرز منذ الاجتماع المشترك في تشرين الأول 2021",
        goals_1=("منع تهريب المهاجرين ومكافحة الجريمة المنظمة", "تسهيل العودة الفعالة وإعادة الإدماج"),
        progress=(
            "أفادت مقدونيا الشمالية بأنّه تمّ تشكيل فريق تحقيق مشترك مع صربيا في كانون الثاني 2022.",
            "اتّفق المشاركون على أنّ اتفاقيات إعادة القبول تظلّ الشرط الأساسي لتحقيق عمليات العودة الفعالة.",
            "شدّدت تركيا على الحاجة إلى زيادة القدرة الاستيعابية لمراكز الاستقبال مع ضمان ظروف معيشية إنسانية.",
        ),
        before_note="عرضت باكستان عمل ضابط الاتصال التابع لها في المنطقة، بما في ذلك التعاون مع كوسوفو",
        after_note=" في تحديد هويّة المهاجرين.",
        session_2="الجلسة الثانية: الأنشطة التجريبية لعام 2022",
        goals_2=("منع ومكافحة الاتجار بالأشخاص أثناء التنقل", "الحماية الدولية للفئات المستضعفة"),
        pilots_intro="اتّفقت مجموعتا العمل على الأنشطة التجريبية التالية:",
        table=(
            ("البلد التجريبي", "النشاط", "الجدول الزمني"),
            ("مقدونيا الشمالية", "تدريب موظفي الخطوط الأمامية على إجراءات اللجوء", "نيسان - حزيران 2022"),
            ("صربيا", "فريق تحقيق مشترك في تهريب المهاجرين", "آذار - كانون الأول 2022"),
            ("باكستان", "حملة توعية للأشخاص الذين يفكّرون في الهجرة غير النظامية", "أيار - أيلول 2022"),
        ),
        joining="طلبت البوسنة والهرسك الانضمام إلى النشاط التجريبي الخاص بالتدريب في النصف الثاني من العام.",
        next_meeting="سيستعرض الاجتماع القادم النتائج الأولى للأنشطة التجريبية في أيلول 2022.",
        actions=(
            "تعميم مسودة تقرير هذا الاجتماع على جميع المشاركين.",
            "مشاركة منهاج تدريب موظفي الخطوط الأمامية مع البلدان التجريبية.",
            "إنشاء قناة آمنة لتبادل المعلومات بين أعضاء فريق التحقيق المشترك.",
            "تقديم مقترح مشروع لحملة التوعية إلى المجموعة المرجعية.",
            "تأكيد تمويل الاتحاد الأوروبي للأنشطة التجريبية الثلاثة.",
        ),
    ),
}


def example_name(language: str) -> str:
    """The file name of the invented example in ``language``."""
    return f"invented-follow-up-{MEETING_DATE.isoformat()}.{language}.minutes"


def designation(language: str) -> list[Span]:
    """The Kosovo designation footnote's text, as the first examples have it."""
    first = load_report(EXAMPLES / f"budapest-process-2021-10-14.{language}.minutes")
    note = first.footnote(FOOTNOTE_ID)
    if note is None:
        raise LookupError(f"the {language} example has no {FOOTNOTE_ID} footnote")
    return [Span(span.text) for span in note.content]


def follow_up_report(language: str) -> Report:
    """The invented follow-up meeting's report in ``language`` ("en" or "ar")."""
    words = WORDS[language]
    participants = [Participant(name, code) for name, code in zip(words.participants, CODES, strict=True)]
    table = Table(rows=[[[Span(cell)] for cell in row] for row in words.table], header=True)
    actions = [
        Block(
            BlockKind.ACTION,
            [Span(text)],
            action=ActionItem([words.participants[index] for index in owners], deadline, status),
        )
        for text, (owners, deadline, status) in zip(words.actions, ACTIONS, strict=True)
    ]
    return Report(
        language=language,
        title=TitleBlock(
            meeting=words.meeting,
            subtitle=words.subtitle,
            date=MEETING_DATE,
            start_time=dt.time(10, 0),
            end_time=dt.time(12, 30),
            timezone=words.timezone,
            location=words.location,
            status=words.status,
        ),
        sections=[
            Section(
                SectionKind.OBJECTIVES,
                blocks=[
                    Block(BlockKind.PARAGRAPH, [Span(words.intro)]),
                    *(Block(BlockKind.BULLET, [Span(aim)]) for aim in words.aims),
                ],
            ),
            Section(
                SectionKind.PARTICIPATION,
                blocks=[Block(BlockKind.PARAGRAPH, [Span(words.attended)])],
                participants=participants,
            ),
            Section(
                SectionKind.DISCUSSION,
                sessions=[
                    Session(
                        words.session_1,
                        list(words.goals_1),
                        [
                            Block(BlockKind.BULLET, [Span(words.progress[0])]),
                            Block(
                                BlockKind.BULLET,
                                [Span(words.before_note), FootnoteRef(FOOTNOTE_ID), Span(words.after_note)],
                            ),
                            *(Block(BlockKind.BULLET, [Span(text)]) for text in words.progress[1:]),
                        ],
                    ),
                    Session(
                        words.session_2,
                        list(words.goals_2),
                        [
                            Block(BlockKind.PARAGRAPH, [Span(words.pilots_intro)]),
                            Block(BlockKind.TABLE, table=table),
                            Block(BlockKind.BULLET, [Span(words.joining)]),
                        ],
                    ),
                ],
            ),
            Section(
                SectionKind.TAKEAWAYS,
                level=2,
                blocks=[Block(BlockKind.BULLET, [Span(words.next_meeting)]), *actions],
            ),
        ],
        footnotes=[Footnote(FOOTNOTE_ID, designation(language))],
    )


def main(argv: list[str] | None = None) -> int:
    """Write both reports; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=EXAMPLES, help="folder to write to (default: examples/)")
    arguments = parser.parse_args(argv)
    reports = {language: follow_up_report(language) for language in LANGUAGES}
    for language, report in reports.items():
        if report_from_bytes(report_to_bytes(report)) != report:
            print(
                f"not written: the .minutes format of this version does not keep the {language} report whole "
                "(tables and action items need format version 3)",
                file=sys.stderr,
            )
            return 1
    arguments.out.mkdir(parents=True, exist_ok=True)
    for language, report in reports.items():
        target = arguments.out / example_name(language)
        save_report(report, target, keep_backup=False)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
