"""The command line: export, check, import and compare reports headless, or open the editor.

``compare`` writes NEW with its changes against OLD (model/compare.py) as a
Word draft. ``new --from PREVIOUS`` starts the next meeting's report from the
previous one (model/carry_over.py).

Exit codes (also in README):
  0  done; for ``check``, no problems found
  1  ``check`` found problems (the report itself is readable)
  2  the command line was wrong
  3  an input file (the report or its template) cannot be read or is not valid
  4  the output file cannot be written: nothing was written, no .bak touched
  5  the PDF cannot be made: LibreOffice is not installed, failed or took too long (nothing was written)
  6  ``relay``, ``share``, ``pull``: the relay cannot be reached or refused the token, or the room is not as
     needed (nothing was written; minutes_editor/collab/commands.py)

Every output goes through the one door for writing (storage/atomic.py),
which refuses the input itself (by any name or link), folders, pipes,
devices, sockets, read-only files and unusable paths before anything is
written; here each refusal becomes exit 4 and its message.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from minutes_editor import __version__

if TYPE_CHECKING:
    from minutes_editor.model.report import Report

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_CANNOT_WRITE = 4
EXIT_NO_PDF = 5


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``minutes-editor``."""
    parser = argparse.ArgumentParser(
        prog="minutes-editor",
        description="Write meeting minutes in structured fields and export a Word draft report.",
        epilog="With no command, opens the editor (on FILE when given).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser("export", help="export a .minutes report to a Word .docx or a PDF/A .pdf")
    export.add_argument("report", type=Path, metavar="REPORT.minutes")
    # Kept as text: an empty -o is refused, not taken for the current folder (Path("") is ".").
    export.add_argument(
        "-o",
        "--output",
        metavar="REPORT.docx|REPORT.pdf",
        help="its extension decides the format (.docx or .pdf, which needs LibreOffice); default: a .docx beside "
        "the report",
    )
    export.add_argument(
        "--template",
        type=Path,
        metavar="T.docx",
        help="a .docx whose styles, page set-up, header and footer to use, or a shipped one by name: report, formal",
    )
    export.add_argument("--final", action="store_true", help="final version: leave out the template's DRAFT watermark")

    check = commands.add_parser("check", help="validate a .minutes report and list problems")
    check.add_argument("report", type=Path, metavar="REPORT.minutes")

    importer = commands.add_parser("import", help="read a .docx draft report back into a .minutes file")
    importer.add_argument("docx", type=Path, metavar="REPORT.docx")
    importer.add_argument("-o", "--output", metavar="REPORT.minutes", help="default: beside the .docx")

    compare = commands.add_parser("compare", help="a Word draft of NEW with its changes against OLD tracked")
    compare.add_argument("old", type=Path, metavar="OLD", help="the earlier draft: a .minutes report or a .docx")
    compare.add_argument("new", type=Path, metavar="NEW", help="the later draft: a .minutes report or a .docx")
    compare.add_argument("-o", "--output", metavar="REDLINE.docx", required=True)
    compare.add_argument("--author", help="whom the changes are shown as made by (default: NEW's author)")
    compare.add_argument("--date", help="when, as ISO 8601, e.g. 2026-12-01T10:30Z (default: now)")

    new = commands.add_parser(
        "new", help="start the next meeting's report from the previous one (title, participants, open action items)"
    )
    new.add_argument("--from", dest="previous", type=Path, required=True, metavar="PREVIOUS.minutes")
    new.add_argument("-o", "--output", metavar="NEXT.minutes", required=True)

    from minutes_editor.collab.commands import add_parsers

    add_parsers(commands)
    return parser


def build_editor_parser() -> argparse.ArgumentParser:
    """The parser of ``minutes-editor [--lang LANG] [FILE]``, which opens the window."""
    parser = argparse.ArgumentParser(
        prog="minutes-editor",
        description="Open the editor window (on FILE when given).",
        epilog="Commands: export, check, import, compare, new, relay, share, pull; "
        "see 'minutes-editor COMMAND --help'.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", metavar="LANG", help="interface language (en, ar); default: setting or system")
    parser.add_argument(
        "file", nargs="?", type=Path, metavar="FILE", help="a .minutes report to open, or a Word .docx draft to import"
    )
    return parser


COMMANDS = ("export", "check", "import", "compare", "new", "relay", "share", "pull")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in COMMANDS:
        args = build_parser().parse_args(args_list)
        if args.command == "export":
            return _export(args.report, args.output, args.template, final=args.final)
        if args.command == "check":
            return _check(args.report)
        if args.command == "compare":
            return _compare(args.old, args.new, args.output, args.author, args.date)
        if args.command == "new":
            return _new(args.previous, args.output)
        if args.command in ("relay", "share", "pull"):
            from minutes_editor.collab.commands import run

            return run(args)
        return _import(args.docx, args.output)
    if args_list and args_list[0] in ("-h", "--help"):
        build_parser().print_help()
        print()
    editor = build_editor_parser().parse_args(args_list)
    return _open_editor(editor.file, ["--lang", editor.lang] if editor.lang else [])


def _error(message: str) -> None:
    print(f"minutes-editor: {message}", file=sys.stderr)


def _output(output: str | None, source: Path, suffix: str, *others: Path) -> Path:
    """The output path, let through by the door for writing (raises WriteError): not the input, not a device..."""
    from minutes_editor.storage.atomic import check_target

    target: str | Path = output if output is not None else source.with_suffix(suffix)
    check_target(target, sources=(source, *others))
    return Path(target)


def _note_hard_links(target: Path) -> None:
    # The door's rule for a file with other names: this name gets the new content, the others keep the old.
    try:
        others = os.stat(target).st_nlink - 1
    except OSError:
        return
    if others > 0:
        print(f"note: {target} had {others} other hard link(s); they keep the previous content", file=sys.stderr)


#: The formats ``export`` writes, by the output's extension.
EXPORT_SUFFIXES = (".docx", ".pdf")


def _export(source: Path, output: str | None, template: Path | None, *, final: bool = False) -> int:
    from minutes_editor.export.docx_writer import TemplateError, export_docx
    from minutes_editor.export.template import template_for
    from minutes_editor.storage.atomic import WriteError
    from minutes_editor.storage.minutes_file import ReportFileError, load_report

    try:
        report = load_report(source)
    except ReportFileError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    try:
        # The command line wins over the report's own choice, whose relative path is read from the report's folder.
        chosen = template or template_for(report.template, source)
        # The template is read too: exporting over it is refused like exporting over the report.
        target = _output(output, source, ".docx", *([Path(chosen)] if chosen else []))
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    # After the door, whose refusals (the report itself, a device, /dev/stdout...) say more than the extension.
    suffix = target.suffix.lower()
    if suffix not in EXPORT_SUFFIXES:
        written = " or ".join(EXPORT_SUFFIXES)
        _error(f"cannot export to {str(target)!r}: the output's extension must be {written} (it decides the format)")
        return EXIT_USAGE
    _note_hard_links(target)
    from minutes_editor.export.pdf import PdfExportError, default_profile, export_pdf

    watermark = False if final else None
    try:
        if suffix == ".pdf":
            sources = [source, *([Path(chosen)] if chosen else [])]
            result = export_pdf(
                report, target, template=chosen, watermark=watermark, sources=sources, profile=default_profile()
            )
        else:
            result = export_docx(report, target, template=chosen, watermark=watermark)
    except TemplateError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    except PdfExportError as error:
        _error(str(error))
        return EXIT_NO_PDF
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(target)
    return EXIT_OK


def _check(source: Path) -> int:
    from minutes_editor.model.checks import check_report
    from minutes_editor.storage.minutes_file import ReportFileError, load_report
    from minutes_editor.storage.presets import load_preset

    try:
        report = load_report(source)
    except ReportFileError as error:
        print(f"error: {error}")
        return EXIT_BAD_INPUT
    problems = check_report(report, load_preset(report.language))
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{source.name}: no problems found")
    return EXIT_PROBLEMS if problems else EXIT_OK


def _import(source: Path, output: str | None) -> int:
    try:
        from minutes_editor.importer import DocxImportError, import_docx
    except ImportError:
        _error("importing .docx files is not available in this version")
        return EXIT_USAGE
    from minutes_editor.storage.atomic import WriteError
    from minutes_editor.storage.minutes_file import save_report

    try:
        result = import_docx(source)
    except DocxImportError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    try:
        target = _output(output, source, ".minutes")
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    _note_hard_links(target)
    try:
        save_report(result.report, target)
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    print(target)
    return EXIT_OK


def _compare(old_path: Path, new_path: Path, output: str, author: str | None, date: str | None) -> int:
    import datetime as dt

    from minutes_editor.model.compare import compare
    from minutes_editor.model.report import stamp_in_range

    try:
        when = dt.datetime.fromisoformat(date) if date is not None else dt.datetime.now(dt.UTC).replace(microsecond=0)
    except ValueError:
        when = None
    if when is None or not stamp_in_range(when):
        _error(f"--date {date!r} is not a date and time in ISO 8601 (such as 2026-12-01T10:30Z)")
        return EXIT_USAGE
    drafts = [_read_draft(path) for path in (old_path, new_path)]
    if drafts[0] is None or drafts[1] is None:
        return EXIT_BAD_INPUT
    old, new = drafts[0], drafts[1]
    redline = compare(old, new, author=author or new.author or "Minutes Editor", date=when)
    from minutes_editor.export.docx_writer import TemplateError, export_docx
    from minutes_editor.export.template import template_for
    from minutes_editor.storage.atomic import WriteError

    try:
        chosen = template_for(redline.template, new_path)  # NEW's template, as its export would take
        target = _output(output, new_path, ".docx", old_path, *([chosen] if chosen else []))
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    _note_hard_links(target)
    try:
        result = export_docx(redline, target, template=chosen)
    except TemplateError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(target)
    return EXIT_OK


def _new(previous_path: Path, output: str) -> int:
    """Write the next meeting's report, started from ``previous_path``, to ``output`` (its .bak kept, as saving)."""
    import datetime as dt

    from minutes_editor.model.carry_over import next_report
    from minutes_editor.storage.atomic import WriteError
    from minutes_editor.storage.minutes_file import ReportFileError, load_report, save_report
    from minutes_editor.storage.presets import load_preset

    try:
        previous = load_report(previous_path)
    except ReportFileError as error:
        _error(str(error))
        return EXIT_BAD_INPUT
    report = next_report(
        previous,
        now=dt.datetime.now(dt.UTC).replace(microsecond=0),
        draft_status=load_preset(previous.language).draft_status,
    )
    try:
        target = _output(output, previous_path, ".minutes")
        _note_hard_links(target)
        save_report(report, target)
    except WriteError as error:
        _error(str(error))
        return EXIT_CANNOT_WRITE
    print(target)
    return EXIT_OK


def _read_draft(path: Path) -> Report | None:
    """A .minutes report, or a .docx draft imported (its notes on standard error); None, said why, if unreadable."""
    from minutes_editor.importer import DocxImportError, import_docx
    from minutes_editor.storage.minutes_file import ReportFileError, load_report

    try:
        if path.suffix.lower() != ".docx":
            return load_report(path)
        result = import_docx(path)
    except (ReportFileError, DocxImportError) as error:
        _error(str(error))
        return None
    for note in result.notes:
        print(f"note: {path.name}: {note}", file=sys.stderr)
    return result.report


def _open_editor(path: Path | None, extra: list[str]) -> int:
    from minutes_editor.gui import prepare_start

    prepare_start()  # before PySide6: see its docstring
    try:
        from minutes_editor.gui.app import main as gui_main
    except ImportError as error:
        _error(f"the editor window cannot start: {error}")
        return EXIT_USAGE
    return gui_main(extra, path)


if __name__ == "__main__":
    sys.exit(main())
