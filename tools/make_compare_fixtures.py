"""Make the hand-revised drafts of the two shipped examples that compare is shown and tested on.

Usage:
    python tools/make_compare_fixtures.py           write tests/fixtures/compare/*.revised.{ar,en}.minutes
    python tools/make_compare_fixtures.py --check   change nothing; exit 1 if a fixture is not what this script makes

Each revision is the example with the edits a reviewer makes to a draft, as
the issue on compare lists them: the location changed, a sentence reworded,
one word changed (in Arabic: by its harakat only), a bold phrase added and one
made plain, a bullet moved from session 1 to session 2, a bullet deleted, a
new bullet, session 2 retitled and the footnote extended. Blocks keep their
ids (a draft and its revision share a lineage), the new bullet takes a fixed
one so that the files come out the same every time.

    minutes-editor compare examples/budapest-process-2021-10-14.ar.minutes
        tests/fixtures/compare/budapest-process-2021-10-14.revised.ar.minutes -o redline.ar.docx
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes_editor.model.report import Block, BlockKind, Report, Span  # noqa: E402
from minutes_editor.storage.minutes_file import load_report, save_report  # noqa: E402

EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "compare"
NAME = "budapest-process-2021-10-14"

#: Per language: what each edit changes (old text, new text) or adds.
EDITS: dict[str, dict[str, tuple[str, str] | str]] = {
    "en": {
        "location": ("virtual, via Zoom", "Vienna, Austria, and online via Zoom"),
        "reworded": (
            "North Macedonia opened the meeting as host.",
            "North Macedonia, as host, opened the meeting and welcomed the participants.",
        ),
        "one_word": ("organised", "organized"),
        "bold": "front-line staff",
        "title": (
            "Session 2: Cooperation opportunities under Priority Goals 5 and 6",
            "Session 2: Cooperation under Priority Goals 5 and 6 of the Budapest Process",
        ),
        "new_bullet": "Information exchange between border police units should be improved.",
        "footnote": " It applies throughout this report.",
    },
    "ar": {
        "location": ("افتراضي عبر تطبيق زوم", "فيينا، النمسا، وعبر تطبيق زوم"),
        "reworded": (
            "تمّ افتتاح الاجتماع من قِبل مقدونيا الشماليّة بصفتها المضيف",
            "افتتحت مقدونيا الشماليّة الاجتماع بصفتها الدولة المضيفة ورحّبت بالمشاركين",
        ),
        "one_word": ("قدّم المركز الدولي", "قدّم المركزُ الدولي"),  # a damma added: harakat only
        "bold": "موظفي الخطوط الأمامية",
        "title": (
            "الجلسة الثانية: فرص التعاون في إطار الهدفين ذوي الأولوية 5 و6",
            "الجلسة الثانية: التعاون في إطار الهدفين ذوي الأولوية 5 و6 لعمليّة بودابست",
        ),
        "new_bullet": "ينبغي تحسين تبادل المعلومات بين وحدات شرطة الحدود.",
        "footnote": " ويسري ذلك على هذا التقرير كلّه.",
    },
}
#: The new bullet's id, fixed so that the fixtures are made the same every time.
NEW_BULLET_ID = "c0ffee000001"


def fixture_path(language: str) -> Path:
    """Where the revised draft of the example in ``language`` is kept."""
    return FIXTURES / f"{NAME}.revised.{language}.minutes"


def example_path(language: str) -> Path:
    """The shipped example the revision is made from."""
    return EXAMPLES / f"{NAME}.{language}.minutes"


def _replace_once(block: Block, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the one span of ``block`` holding it."""
    found = [index for index, item in enumerate(block.content) if isinstance(item, Span) and old in item.text]
    if len(found) != 1:
        raise ValueError(f"{old!r} is not in exactly one span")
    span = block.content[found[0]]
    assert isinstance(span, Span)
    if span.text.count(old) != 1:
        raise ValueError(f"{old!r} is in its span more than once")
    block.content[found[0]] = dataclasses.replace(span, text=span.text.replace(old, new))


def _make_bold(block: Block, phrase: str) -> None:
    """Make ``phrase``, inside one plain span of ``block``, bold."""
    for index, item in enumerate(block.content):
        if isinstance(item, Span) and phrase in item.text and not item.bold:
            before, _, after = item.text.partition(phrase)
            parts = [Span(before), Span(phrase, bold=True), Span(after)]
            block.content[index : index + 1] = [part for part in parts if part.text]
            return
    raise ValueError(f"{phrase!r} is in no plain span")


def revised(report: Report, language: str) -> Report:
    """The example ``report`` as a reviewer revised it (see the module's docstring)."""
    edits = EDITS[language]
    result = copy.deepcopy(report)
    old, new = edits["location"]
    assert result.title.location == old
    result.title.location = new
    objectives, _participation, opening, scene, discussion, takeaways = result.sections
    old, new = edits["reworded"]
    _replace_once(opening.blocks[0], old, new)
    old, new = edits["one_word"]
    _replace_once(scene.blocks[5] if language == "en" else scene.blocks[0], old, new)
    first, second = discussion.sessions
    _make_bold(second.blocks[9], str(edits["bold"]))
    # The bold phrase of the last takeaway made plain.
    takeaway = takeaways.blocks[1]
    takeaway.content = [
        dataclasses.replace(item, bold=False) if isinstance(item, Span) else item for item in takeaway.content
    ]
    old, new = edits["title"]
    assert second.title == old
    second.title = new
    second.blocks.append(first.blocks.pop(5))  # the liaison offices bullet, moved to session 2
    del scene.blocks[6]  # the continued importance of the EU as a destination
    first.blocks.insert(3, Block(BlockKind.BULLET, [Span(str(edits["new_bullet"]))], id=NEW_BULLET_ID))
    note = result.footnotes[0]
    note.content = [*note.content, Span(str(edits["footnote"]))]
    del objectives  # unchanged
    return result


def main(argv: list[str] | None = None) -> int:
    """Write the fixtures, or check them."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a fixture differs")
    args = parser.parse_args(argv)
    stale = []
    with tempfile.TemporaryDirectory() as folder:
        for language in EDITS:
            made = Path(folder) / fixture_path(language).name
            save_report(revised(load_report(example_path(language)), language), made)
            target = fixture_path(language)
            if target.exists() and target.read_bytes() == made.read_bytes():
                continue
            if args.check:
                stale.append(target)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(made.read_bytes())
            print(target)
    for target in stale:
        print(f"{target} is not what {Path(__file__).name} makes", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
