"""Compare speed and memory: the 100x report against a revised version of itself, beside exporting it.

Prints figures; asserts nothing. Targets (issue 16): comparing the 100x
report's two versions takes at most 3 times as long as exporting it, and
memory stays under 300 MB.

The revised version is the report with a few edits per copy of the example:
words inserted and a harakat added (every 7th paragraph), a word made bold
(every 13th), a paragraph deleted (every 50th), one added (in every 4th section),
one moved to the next section (every 10th section), a session retitled
(every 5th), the location, and footnote text. Compared twice: by the stable
ids the two versions share (a draft and its revision), and by content (the
revised version's ids replaced, as two Word drafts from elsewhere).
"""

from __future__ import annotations

import copy
import datetime as dt
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_export import EXAMPLE, scaled_report, time_export  # noqa: E402
from minutes_editor.model import review  # noqa: E402
from minutes_editor.model.compare import compare  # noqa: E402
from minutes_editor.model.report import Block, BlockKind, Report, Span, new_id  # noqa: E402
from minutes_editor.storage.minutes_file import load_report  # noqa: E402

COPIES = 100
WHEN = dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC)


def with_fresh_ids(report: Report) -> Report:
    """``report`` with new ids for every section, session and block (the copies of the example share theirs)."""
    for section in report.sections:
        section.id = new_id()
        for session in section.sessions:
            session.id = new_id()
    for block in report.all_blocks():
        block.id = new_id()
    return report


def two_versions(copies: int = COPIES) -> tuple[Report, Report]:
    """The scaled report, and a revised copy of it that keeps its ids."""
    old = with_fresh_ids(scaled_report(load_report(EXAMPLE), copies))
    new = copy.deepcopy(old)
    for index, block in enumerate(new.all_blocks()):
        first = block.content[0] if block.content else None
        if not isinstance(first, Span) or " " not in first.text:
            continue
        head, _space, tail = first.text.partition(" ")
        if index % 7 == 0:
            block.content[0] = Span(f"{head}\u064e {'أيضا' if new.language == 'ar' else 'also'} {tail}", first.bold)
        elif index % 13 == 0:
            block.content[0:1] = [Span(head, True), Span(f" {tail}", first.bold)]
    sections = new.sections
    for index, section in enumerate(sections):
        if index % 10 == 0 and section.blocks and index + 1 < len(sections):
            sections[index + 1].blocks = [section.blocks[-1], *sections[index + 1].blocks]
            section.blocks = section.blocks[:-1]
        for number, session in enumerate(section.sessions):
            if number % 5 == 0:
                session.title += " (revised)"
    counted = 0
    for owner in [owner for section in sections for owner in [section, *section.sessions]]:
        kept = []
        for block in owner.blocks:
            counted += 1
            if counted % 50:
                kept.append(block)
        owner.blocks = kept
    for index, section in enumerate(sections):
        if index % 4 == 0:
            section.blocks = [*section.blocks, Block(BlockKind.PARAGRAPH, [Span("A paragraph added in revision.")])]
    new.title.location += " (2)"
    for index, note in enumerate(new.footnotes):
        if index % 5 == 0 and note.content:
            note.content = [*note.content, Span(" (updated)")]
    return old, new


def time_compare(old: Report, new: Report, repeats: int) -> list[float]:
    """Seconds per comparison."""
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        compare(old, new, author="Bench", date=WHEN)
        seconds.append(time.perf_counter() - start)
    return seconds


def traced_peak(old: Report, new: Report) -> float:
    """Peak Python memory (MB) a comparison allocates, by tracemalloc."""
    tracemalloc.start()
    compare(old, new, author="Bench", date=WHEN)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def peak_memory_of_compare(copies: int) -> float:
    """Peak resident memory (MB) of a fresh process that builds both versions and compares them."""
    code = (
        "import resource, sys, datetime\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from benchmarks.bench_compare import two_versions, WHEN\n"
        "from minutes_editor.model.compare import compare\n"
        f"old, new = two_versions({copies})\n"
        "compare(old, new, author='Bench', date=WHEN)\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(completed.stdout.strip().splitlines()[-1]) / 1024


def main() -> None:
    """Run the comparison benchmarks and print the figures."""
    old, new = two_versions()
    result = compare(old, new, author="Bench", date=WHEN)
    listed = review.revisions(result)
    moves = sum(revision.kind is review.RevisionKind.MOVE for revision in listed)
    print(
        f"compare, {COPIES}x report ({len(old.all_blocks())} and {len(new.all_blocks())} paragraphs): "
        f"{len(listed)} revisions, {moves} of them moves"
    )
    export_s = statistics.median(time_export(new, 5))
    by_id_s = statistics.median(time_compare(old, new, 5))
    foreign = with_fresh_ids(copy.deepcopy(new))
    by_content_s = statistics.median(time_compare(old, foreign, 3))
    redline_s = statistics.median(time_export(result, 3))
    print(f"export of the revised version: median {export_s:.3f} s; of the redline: median {redline_s:.3f} s")
    print(
        f"compare by id: median {by_id_s:.3f} s, {by_id_s / export_s:.1f}x the export (target <= 3x); "
        f"by content (no shared ids): median {by_content_s:.3f} s, {by_content_s / export_s:.1f}x"
    )
    print(
        f"memory: compare allocates at most {traced_peak(old, new):.0f} MB (tracemalloc); a fresh process building "
        f"both versions and comparing them peaks at {peak_memory_of_compare(COPIES):.0f} MB (target < 300 MB)"
    )


if __name__ == "__main__":
    main()
