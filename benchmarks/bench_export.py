"""Export speed and memory: the Arabic example, a report 100 times its size, and pandoc on the same content.

Prints figures; asserts nothing. Targets (issue 2): the example in under 60 ms
in-process, the 100x report in under 0.5 s and 150 MB, at least 4 times
faster than pandoc on the same content.
"""

from __future__ import annotations

import copy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes_editor.model.report import FootnoteRef, Report, give_new_ids  # noqa: E402
from minutes_editor.render.flow import FlowDocument, NoteMark, Role, Run, flatten  # noqa: E402
from minutes_editor.storage.minutes_file import load_report  # noqa: E402

EXAMPLE = ROOT / "examples" / "budapest-process-2021-10-14.ar.minutes"


def scaled_report(report: Report, times: int) -> Report:
    """The report with its sections repeated ``times`` times, each copy with footnotes of its own."""
    big = copy.deepcopy(report)
    big.sections = []
    big.footnotes = []
    for copy_index in range(times):
        sections = copy.deepcopy(report.sections)
        for section in sections:
            give_new_ids(section)  # each copy's parts have ids of their own, as the format requires
            blocks = list(section.blocks) + [block for session in section.sessions for block in session.blocks]
            for block in blocks:
                for item in block.content:
                    if isinstance(item, FootnoteRef):
                        item.footnote_id = f"{item.footnote_id}-{copy_index}"
        big.sections.extend(sections)
        for note in report.footnotes:
            clone = copy.deepcopy(note)
            clone.id = f"{note.id}-{copy_index}"
            big.footnotes.append(clone)
    return big


def paragraph_count(report: Report) -> int:
    """How many paragraphs the report exports to."""
    return len(flatten(report).paragraphs)


def time_export(report: Report, repeats: int) -> list[float]:
    """Seconds per in-process export of ``report`` to a .docx file."""
    from minutes_editor.export.docx_writer import export_docx

    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.docx"
        export_docx(report, target)  # warm-up: imports, template cache
        for _ in range(repeats):
            start = time.perf_counter()
            export_docx(report, target)
            seconds.append(time.perf_counter() - start)
    return seconds


def peak_memory_of_export(times: int) -> float:
    """Peak resident memory (MB) of a fresh process that loads and exports the scaled report."""
    code = (
        "import resource, sys, tempfile, pathlib\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from benchmarks.bench_export import scaled_report, EXAMPLE\n"
        "from minutes_editor.storage.minutes_file import load_report\n"
        "from minutes_editor.export.docx_writer import export_docx\n"
        f"report = scaled_report(load_report(EXAMPLE), {times})\n"
        "with tempfile.TemporaryDirectory() as folder:\n"
        "    export_docx(report, pathlib.Path(folder) / 'out.docx')\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(completed.stdout.strip().splitlines()[-1]) / 1024


def to_markdown(flow: FlowDocument) -> str:
    """The flattened report as pandoc Markdown: the same headings, bullets, emphasis and footnotes."""
    lines: list[str] = []
    if flow.direction == "rtl":
        lines += ["---", f"lang: {flow.language}", "dir: rtl", "---", ""]

    def inline(paragraph_inlines: tuple[Run | NoteMark, ...]) -> str:
        parts = []
        for item in paragraph_inlines:
            if isinstance(item, NoteMark):
                parts.append(f"[^{item.number}]")
                continue
            text = item.text.replace("*", r"\*").replace("_", r"\_")
            if item.bold:
                text = f"**{text}**"
            if item.italic:
                text = f"*{text}*"
            parts.append(text)
        return "".join(parts)

    for paragraph in flow.paragraphs:
        text = inline(paragraph.inlines)
        if paragraph.role is Role.HEADING:
            lines.append(f"# {text}")
        elif paragraph.role is Role.SUBHEADING:
            lines.append(f"## {text}")
        elif paragraph.role is Role.BULLET:
            lines.append("    " * (paragraph.level - 1) + f"- {text}")
        else:
            lines.append(text)
        lines.append("")
    for note in flow.notes:
        lines.append(f"[^{note.number}]: {inline(note.inlines)}")
    return "\n".join(lines) + "\n"


def time_pandoc(report: Report, repeats: int) -> list[float] | None:
    """Seconds per pandoc conversion of the same content to .docx, or None without pandoc."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return None
    seconds = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.md"
        source.write_text(to_markdown(flatten(report)), encoding="utf-8")
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run([pandoc, str(source), "-o", str(Path(folder) / "report.docx")], check=True)
            seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    """Run the export benchmarks and print the figures."""
    example = load_report(EXAMPLE)
    per_copy = paragraph_count(example)
    # The issue sizes "100 times the example" at about 11,000 paragraphs; the example
    # flattens to fewer paragraphs than its PDF has lines, so both sizes are measured.
    sizes = {"100x": 100, "11,000-paragraph": max(100, round(11_000 / per_copy))}
    small_ms = statistics.median(time_export(example, 30)) * 1000
    print(f"export, Arabic example ({per_copy} paragraphs): median {small_ms:.1f} ms (target < 60 ms)")
    largest = example
    largest_s = 0.0
    for label, times in sizes.items():
        big = scaled_report(example, times)
        big_s = statistics.median(time_export(big, 5))
        memory = peak_memory_of_export(times)
        print(
            f"export, {label} report ({times} copies, {paragraph_count(big)} paragraphs): median {big_s:.3f} s "
            f"(target < 0.5 s), peak memory of a fresh process {memory:.0f} MB (target < 150 MB)"
        )
        largest, largest_s = big, big_s
    pandoc_seconds = time_pandoc(largest, 3)
    if pandoc_seconds is None:
        print("pandoc: not installed, ratio skipped")
    else:
        pandoc_s = statistics.median(pandoc_seconds)
        ratio = pandoc_s / largest_s
        print(f"pandoc, same content from Markdown: median {pandoc_s:.3f} s; ratio {ratio:.1f}x (target >= 4x)")


if __name__ == "__main__":
    main()
