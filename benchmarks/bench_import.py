"""Import speed and memory: the Arabic example exported 100 times over, read back; pandoc reading the same .docx.

Prints figures; asserts nothing. Targets (issue 4): the 100x report imported
in under 1 s and 200 MB. Peak memory is the maximum resident size of a fresh
process that only imports (Python, lxml and the importer included), measured
against the same process stopped just before the import.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_export import EXAMPLE, scaled_report  # noqa: E402
from minutes_editor.export.docx_writer import export_docx  # noqa: E402
from minutes_editor.importer import import_docx  # noqa: E402
from minutes_editor.storage.minutes_file import load_report  # noqa: E402

TIMES = 100

_MEMORY_PROBE = """
import resource, sys, tracemalloc
sys.path.insert(0, {root!r})
from minutes_editor.importer import import_docx
traced = 0
if {run!r}:
    tracemalloc.start()
    result = import_docx({path!r})
    traced = tracemalloc.get_traced_memory()[1]
    assert result.report.sections
print(traced, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def time_import(path: Path, repeats: int) -> list[float]:
    """Seconds per in-process import of ``path``."""
    import_docx(path)  # warm-up: imports, language presets, CLDR data
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        import_docx(path)
        seconds.append(time.perf_counter() - start)
    return seconds


def peak_memory(path: Path, *, run: bool) -> tuple[float, float]:
    """Peak resident memory (MB) of a fresh process that imports ``path`` (or only loads the importer),
    and the peak of Python allocations during the import (MB, traced; lxml's own memory is not traced)."""
    code = _MEMORY_PROBE.format(root=str(ROOT), path=str(path), run=run)
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    traced, resident = completed.stdout.strip().splitlines()[-1].split()
    return int(resident) / 1024, int(traced) / 2**20


def time_pandoc(path: Path, repeats: int) -> list[float] | None:
    """Seconds per ``pandoc -f docx -t json`` of the same file, or None without pandoc."""
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        return None
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([pandoc, "-f", "docx", "-t", "json", str(path)], check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return seconds


def main() -> None:
    """Export the scaled report, then time and measure its import, and pandoc's reading of it."""
    example = load_report(EXAMPLE)
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "example.docx"
        export_docx(example, small)
        small_ms = statistics.median(time_import(small, 20)) * 1000
        print(f"import, Arabic example ({small.stat().st_size // 1024} KB): median {small_ms:.1f} ms")
        big = Path(folder) / "report-100x.docx"
        export_docx(scaled_report(example, TIMES), big)
        result = import_docx(big)
        paragraphs = sum(len(section.blocks) for section in result.report.sections) + sum(
            len(session.blocks) for section in result.report.sections for session in section.sessions
        )
        big_s = statistics.median(time_import(big, 5))
        peak, traced = peak_memory(big, run=True)
        base, _ = peak_memory(big, run=False)
        print(
            f"import, {TIMES}x report ({big.stat().st_size // 1024} KB, {len(result.report.sections)} sections, "
            f"{paragraphs} blocks, {len(result.report.footnotes)} footnotes): median {big_s:.3f} s (target < 1 s)"
        )
        print(
            f"import, {TIMES}x report: peak memory of a fresh process {peak:.0f} MB "
            f"({peak - base:.0f} MB above the same process not importing; Python allocations peak at "
            f"{traced:.1f} MB) (target < 200 MB)"
        )
        pandoc_seconds = time_pandoc(big, 3)
        if pandoc_seconds is None:
            print("pandoc: not installed, ratio skipped")
        else:
            pandoc_s = statistics.median(pandoc_seconds)
            print(
                f"pandoc -f docx -t json, same file: median {pandoc_s:.3f} s; "
                f"pandoc takes {pandoc_s / big_s:.1f}x the importer's time"
            )


if __name__ == "__main__":
    main()
