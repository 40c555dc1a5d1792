"""The report as a PDF/A-2b: our own .docx, converted by LibreOffice headless; no Qt here.

The PDF is made from the same .docx the Word export writes, so its pages
are the report's pages: headers, footers, numbering, footnotes, the
watermark. Two things differ, for the PDF's text layer alone: where the
report's language names a PDF font (``fonts.pdf`` of its preset,
``minutes_editor.model.language.Fonts``), the styles' complex-script font
becomes that one and their line spacing is scaled to keep the page count
(``pdf_variant``). Arabic takes Amiri: in LibreOffice's PDF of it
``pdftotext`` finds 99.6% of the example's words, against 88% with DejaVu
Sans, what LibreOffice shows for Arial on Linux, whose lam-alef comes back in
the wrong order and whose justification inserts digits inside words.
Persian and Urdu take Amiri too (99.6% and 100% of test reports' words;
Noto Nastaliq Urdu gives back 40%); tests/export/test_pdf_languages.py.

``export_pdf_steps`` is a generator that yields a ``PdfStep`` before each
stage (the window shows them, the command line ignores them) and returns the
``ExportResult``. LibreOffice runs with a profile of its own
(``-env:UserInstallation``), so a LibreOffice the user has open is left
alone, and within a time limit; the PDF then goes through the one door for
writing (``storage/atomic.py``): atomically, the previous file kept as
``NAME.pdf.bak``, or not at all.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from minutes_editor.errors import UserFileError
from minutes_editor.export.docx_writer import DocxOutput, ExportResult, render_docx
from minutes_editor.export.package import Package
from minutes_editor.model.language import Fonts
from minutes_editor.model.report import Report
from minutes_editor.ooxml.ns import w
from minutes_editor.ooxml.opc import RT_STYLES
from minutes_editor.ooxml.oxml import DOC_DEFAULTS_ORDER, PPR_ORDER, RPR_ORDER, STYLES_ORDER, get_or_add
from minutes_editor.phrases import QT_TRANSLATE_NOOP, Phrase
from minutes_editor.storage.atomic import atomic_write, check_target
from minutes_editor.storage.presets import load_preset

try:
    import fcntl
except ImportError:  # Windows: each export gets a fresh LibreOffice profile instead of the shared one
    fcntl = None  # type: ignore[assignment]

#: LibreOffice's PDF export as PDF/A-2b (SelectPdfVersion 2), tagged; JSON filter options need LibreOffice 7.4.
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
    '"UseTaggedPDF":{"type":"boolean","value":"true"}}'
)
#: Seconds LibreOffice may take for one report (the 3-page example takes 2 to 4 s).
DEFAULT_TIMEOUT_S = 300
#: How often a running conversion looks whether it was cancelled, in seconds.
_POLL_S = 0.1
#: Where LibreOffice is found when it is not on the PATH.
_WELL_KNOWN = (
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice" / "program" / "soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "LibreOffice" / "program" / "soffice.exe",
)

# Translators: keep every {name} field. {file} is the PDF's name.
NO_LIBREOFFICE = QT_TRANSLATE_NOOP(
    "FileErrors",
    "Cannot export {file}: PDF export needs LibreOffice, which is not installed. On Debian or Ubuntu install "
    "the package libreoffice-writer-nogui; on Windows or macOS install LibreOffice from libreoffice.org. "
    "Nothing was written.",
)
#: {seconds} is the time limit.
TIMED_OUT = QT_TRANSLATE_NOOP(
    "FileErrors", "Cannot export {file}: LibreOffice did not finish within {seconds} seconds. Nothing was written."
)
#: {detail} is what LibreOffice said, in its own words.
CONVERSION_FAILED = QT_TRANSLATE_NOOP(
    "FileErrors", "Cannot export {file}: LibreOffice could not convert the report ({detail}). Nothing was written."
)
CANCELLED = QT_TRANSLATE_NOOP("FileErrors", "The export of {file} was cancelled. Nothing was written.")

# The stages of an export, for a progress display (context "Export").
WRITING_DOCX = QT_TRANSLATE_NOOP("Export", "Writing the Word document…")
CONVERTING = QT_TRANSLATE_NOOP("Export", "Converting to PDF with LibreOffice…")
WRITING_PDF = QT_TRANSLATE_NOOP("Export", "Writing the PDF…")


class PdfExportError(UserFileError):
    """The PDF could not be made: LibreOffice is missing, failed, took too long, or the export was cancelled."""


@dataclass(frozen=True)
class PdfStep:
    """A stage of the export about to start: ``done`` of ``total`` stages are over; ``what`` says which (English)."""

    done: int
    total: int
    what: str


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` program: on the PATH, else where its installers put it; None when not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((path for path in _WELL_KNOWN if path.is_file()), None)


def pdf_variant(data: bytes, fonts: Fonts) -> bytes:
    """The .docx ``data`` as the PDF is made from it: the PDF's complex-script font and line spacing.

    Every complex-script font the styles name (``w:rFonts/@w:cs``, theme
    fonts too) becomes ``fonts.pdf_cs``, and every proportional line spacing
    (``w:spacing/@w:line`` with the rule ``auto``, and the single spacing of
    the document defaults) is scaled by ``fonts.pdf_line_spacing``. A
    language without a PDF font gets ``data`` unchanged.
    """
    if not fonts.pdf_cs:
        return data
    package = Package.from_bytes(data)
    styles = package.related(package.main_document(), RT_STYLES)
    if styles is None:
        return data
    root = package.xml(styles)
    defaults = get_or_add(root, w("docDefaults"), STYLES_ORDER)
    rpr = get_or_add(get_or_add(defaults, w("rPrDefault"), DOC_DEFAULTS_ORDER), w("rPr"), ())
    get_or_add(rpr, w("rFonts"), RPR_ORDER).set(w("cs"), fonts.pdf_cs)
    for element in root.iter(w("rFonts")):
        if element.get(w("cs")) is not None or element.get(w("cstheme")) is not None:
            if element.get(w("cstheme")) is not None:
                del element.attrib[w("cstheme")]
            element.set(w("cs"), fonts.pdf_cs)
    if fonts.pdf_line_spacing != 1.0:
        ppr = get_or_add(get_or_add(defaults, w("pPrDefault"), DOC_DEFAULTS_ORDER), w("pPr"), ())
        spacing = get_or_add(ppr, w("spacing"), PPR_ORDER)
        if spacing.get(w("line")) is None:
            spacing.set(w("line"), "240")  # single spacing, written out so that it can be scaled
            spacing.set(w("lineRule"), "auto")
        for element in root.iter(w("spacing")):
            line = element.get(w("line"))
            if line is not None and line.isdigit() and element.get(w("lineRule"), "auto") == "auto":
                element.set(w("line"), str(round(int(line) * fonts.pdf_line_spacing)))
    return package.to_bytes()


def render_pdf_docx(report: Report, *, template: Path | str | None = None, watermark: bool | None = None) -> DocxOutput:
    """The .docx the PDF of ``report`` is made from (``render_docx`` through ``pdf_variant``)."""
    output = render_docx(report, template=template, watermark=watermark)
    output.data = pdf_variant(output.data, load_preset(report.language).fonts)
    return output


def convert_to_pdf(
    sources: Sequence[Path],
    outdir: Path,
    *,
    soffice: Path | None = None,
    profile: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    cancelled: Callable[[], bool] | None = None,
    name: str = "",
) -> list[Path]:
    """Convert the .docx ``sources`` to PDF/A-2b in ``outdir``, all in one LibreOffice run.

    ``profile`` is the LibreOffice profile folder to use (made on first use;
    None: a fresh one in ``outdir``), which no other running LibreOffice may
    use. Returns the PDFs in the order of ``sources``. Raises PdfExportError
    (``name`` is the file named in its message) when LibreOffice is not
    installed, fails, runs past ``timeout`` seconds or ``cancelled()`` turns
    true; LibreOffice is stopped then.
    """
    program = soffice or find_soffice()
    shown = name or (sources[0].with_suffix(".pdf").name if sources else "report.pdf")
    if program is None:
        raise PdfExportError(Phrase.of(NO_LIBREOFFICE, file=shown))
    outdir.mkdir(parents=True, exist_ok=True)
    with _profile(profile, outdir) as folder:
        command = [
            str(program),
            f"-env:UserInstallation={folder.resolve().as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--convert-to",
            PDF_FILTER,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ]
        output = _run(command, timeout, cancelled, shown)
    results = [outdir / f"{source.stem}.pdf" for source in sources]
    missing = [path for path in results if not path.is_file() or path.stat().st_size == 0]
    if missing:
        detail = " ".join(output.split()) or f"no {missing[0].name} was made"
        raise PdfExportError(Phrase.of(CONVERSION_FAILED, file=shown, detail=detail[-300:]))
    return results


def export_pdf_steps(
    report: Report,
    path: Path | str,
    *,
    template: Path | str | None = None,
    watermark: bool | None = None,
    sources: Sequence[Path | str] = (),
    soffice: Path | None = None,
    profile: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    cancelled: Callable[[], bool] | None = None,
) -> Generator[PdfStep, None, ExportResult]:
    """Export ``report`` to a PDF/A-2b at ``path``, yielding each stage before it starts; returns the result.

    The door for writing looks at ``path`` first (``sources``: the files read,
    which it must not be), so a refused path costs no conversion. Raises
    WriteError (the path), TemplateError (the template) or PdfExportError
    (LibreOffice); in every case nothing was written and no .bak touched.
    """
    target = check_target(path, sources=sources)
    total = 3
    yield PdfStep(0, total, WRITING_DOCX)
    output = render_pdf_docx(report, template=template, watermark=watermark)
    soffice = soffice or find_soffice()
    if soffice is None:
        raise PdfExportError(Phrase.of(NO_LIBREOFFICE, file=target.name))
    with tempfile.TemporaryDirectory(prefix="minutes-editor-pdf-") as work:
        folder = Path(work)
        docx = folder / "report.docx"
        docx.write_bytes(output.data)
        yield PdfStep(1, total, CONVERTING)
        (pdf,) = convert_to_pdf(
            [docx],
            folder / "pdf",
            soffice=soffice,
            profile=profile,
            timeout=timeout,
            cancelled=cancelled,
            name=target.name,
        )
        yield PdfStep(2, total, WRITING_PDF)
        data = pdf.read_bytes()

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    atomic_write(target, write, sources=sources)
    return ExportResult(target, output.warnings)


def export_pdf(
    report: Report,
    path: Path | str,
    *,
    template: Path | str | None = None,
    watermark: bool | None = None,
    sources: Sequence[Path | str] = (),
    soffice: Path | None = None,
    profile: Path | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> ExportResult:
    """``export_pdf_steps`` run to the end, without showing the stages."""
    steps = export_pdf_steps(
        report,
        path,
        template=template,
        watermark=watermark,
        sources=sources,
        soffice=soffice,
        profile=profile,
        timeout=timeout,
    )
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            result: ExportResult = finished.value
            return result


def default_profile() -> Path:
    """The LibreOffice profile our exports share (its set-up takes a second): in the user's cache folder."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "minutes-editor" / "libreoffice-profile"


@contextlib.contextmanager
def _profile(profile: Path | None, outdir: Path) -> Iterator[Path]:
    """The profile folder for one run: ``profile`` if no export of ours uses it now, else a fresh one."""
    if profile is None or fcntl is None:
        yield outdir / "lo-profile"
        return
    try:
        profile.parent.mkdir(parents=True, exist_ok=True)
        lock = open(profile.parent / f"{profile.name}.lock", "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield outdir / "lo-profile"
        return
    with lock:
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # another export of ours is converting with it: LibreOffice would hand ours to that one
            yield outdir / "lo-profile"
            return
        yield profile


def _run(command: list[str], timeout: float, cancelled: Callable[[], bool] | None, name: str) -> str:
    """Run LibreOffice; its output; PdfExportError when it cannot start, runs too long or is cancelled."""
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=posix,  # its helper processes go with it when it is stopped
        )
    except OSError as error:
        raise PdfExportError(Phrase.of(CONVERSION_FAILED, file=name, detail=error.strerror or str(error))) from error
    deadline = time.monotonic() + timeout
    while True:
        try:
            stdout, _ = process.communicate(timeout=_POLL_S)
            return stdout.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            pass
        if cancelled is not None and cancelled():
            _stop(process, posix)
            raise PdfExportError(Phrase.of(CANCELLED, file=name))
        if time.monotonic() > deadline:
            _stop(process, posix)
            raise PdfExportError(Phrase.of(TIMED_OUT, file=name, seconds=str(round(timeout))))


def _stop(process: subprocess.Popen[bytes], posix: bool) -> None:
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    process.communicate()
