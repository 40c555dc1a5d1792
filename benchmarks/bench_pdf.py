"""PDF export time: ours (``export_pdf``) against LibreOffice's own ``--convert-to pdf`` of the same .docx.

Prints figures; asserts nothing. For the Arabic example and the 100x report
(``bench_export.scaled_report``), in the same run: our whole export (the
.docx written, its PDF variant, LibreOffice's PDF/A-2b conversion, the atomic
write) against ``soffice --headless --convert-to pdf``, LibreOffice's plain
PDF, of the two .docx files in play: the one our Word export writes, and the
one our PDF is made from (``render_pdf_docx``: the language's PDF font).
Each side has a LibreOffice profile of its own, set up by a warm-up
conversion before anything is timed, so no side pays for the profile's first
start. Arabic set in what stands in for Arial on Linux (DejaVu Sans) takes
LibreOffice far longer to lay out than Arabic in Amiri, which is why the
second .docx is timed too.
"""

from __future__ import annotations

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
from minutes_editor.export.pdf import export_pdf, find_soffice, render_pdf_docx  # noqa: E402
from minutes_editor.model.report import Report  # noqa: E402
from minutes_editor.storage.minutes_file import load_report  # noqa: E402

#: Timed runs per size: LibreOffice takes about a second for the example and 4 to 10 s for the 100x report.
REPEATS = {"Arabic example": 5, "100x report": 3}


def pdf_pages(pdf: Path) -> str:
    """The page count pdfinfo reads, or "?" without poppler."""
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")


def time_ours(report: Report, folder: Path, profile: Path, repeats: int) -> tuple[list[float], Path]:
    """Seconds per ``export_pdf`` of ``report``, and the PDF."""
    target = folder / "ours.pdf"
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        export_pdf(report, target, profile=profile)
        seconds.append(time.perf_counter() - start)
    return seconds, target


def time_libreoffice(soffice: Path, docx: Path, folder: Path, profile: Path, repeats: int) -> tuple[list[float], Path]:
    """Seconds per ``soffice --headless --convert-to pdf`` of ``docx``, and the PDF."""
    outdir = folder / "libreoffice"
    command = [
        str(soffice),
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        str(docx),
    ]
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        seconds.append(time.perf_counter() - start)
    return seconds, outdir / f"{docx.stem}.pdf"


def main() -> None:
    """Run the PDF benchmark and print one line per size."""
    soffice = find_soffice()
    if soffice is None:
        print("pdf: LibreOffice is not installed, skipped")
        return
    example = load_report(EXAMPLE)
    reports = {"Arabic example": example, "100x report": scaled_report(example, 100)}
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as work:
        folder = Path(work)
        ours_profile, theirs_profile = folder / "profile-ours", folder / "profile-libreoffice"
        warm_up = folder / "warm-up.docx"
        export_docx(example, warm_up)
        time_ours(example, folder, ours_profile, 1)
        time_libreoffice(soffice, warm_up, folder, theirs_profile, 1)
        for label, report in reports.items():
            repeats = REPEATS[label]
            word, variant = folder / f"{label.split()[0]}-word.docx", folder / f"{label.split()[0]}-pdf.docx"
            export_docx(report, word)
            variant.write_bytes(render_pdf_docx(report).data)
            ours, ours_pdf = time_ours(report, folder, ours_profile, repeats)
            plain, plain_pdf = time_libreoffice(soffice, word, folder, theirs_profile, repeats)
            same, same_pdf = time_libreoffice(soffice, variant, folder, theirs_profile, repeats)
            ours_s, plain_s, same_s = (statistics.median(seconds) for seconds in (ours, plain, same))
            print(
                f"pdf, {label} (median of {repeats}): ours, PDF/A-2b, {ours_s:.2f} s ({pdf_pages(ours_pdf)} pages); "
                f"LibreOffice --convert-to pdf of the Word export's .docx {plain_s:.2f} s "
                f"({pdf_pages(plain_pdf)} pages, ours {ours_s / plain_s:.2f}x its time), "
                f"of the .docx our PDF is made from {same_s:.2f} s ({pdf_pages(same_pdf)} pages, "
                f"ours {ours_s / same_s:.2f}x its time)",
                flush=True,
            )


if __name__ == "__main__":
    main()
