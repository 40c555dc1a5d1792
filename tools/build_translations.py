"""Build the interface translations: lupdate the .ts files from the sources, lrelease them to .qm.

Usage:
    python tools/build_translations.py           update resources/translations/*.ts and rebuild the .qm files
    python tools/build_translations.py --check   change nothing; exit 1 if a .ts misses or keeps strings the
                                                 sources no longer have, or a .qm is not built from its .ts

Translators edit the .ts files (Qt Linguist or any XML editor); run this
script again afterwards and commit both the .ts and the .qm. The Python
sources must be named one by one: lupdate reads Python only from files given
on its command line, not from a scanned folder. It finds ``self.tr("...")``,
``QCoreApplication.translate("context", "...")`` and ``QT_TRANSLATE_NOOP``
(also the core's Qt-free function of that name, for the import notes and the file errors).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOG = "minutes_editor"
LANGUAGES = ("ar",)
SOURCE_LANGUAGE = "en"


def sources() -> list[Path]:
    """Every file whose strings the interface shows: the core's templates, the GUI package, the forms."""
    # The Qt-free core marks its templates with its own QT_TRANSLATE_NOOP (minutes_editor/phrases.py); only the
    # files that call it are given, and first: lupdate hands a "#:" comment to the next message it finds, even
    # in the next file.
    package = ROOT / "minutes_editor"
    gui = package / "gui"
    core = [
        path
        for path in sorted(package.rglob("*.py"))
        if gui not in path.parents and 'QT_TRANSLATE_NOOP("' in path.read_text(encoding="utf-8")
    ]
    python = sorted(gui.rglob("*.py"))
    forms = sorted((ROOT / "ui").rglob("*.ui"))
    return core + python + forms


def ts_path(language: str) -> Path:
    """The translation source of a language."""
    return TRANSLATIONS / f"{CATALOG}_{language}.ts"


def qm_path(language: str) -> Path:
    """The compiled translation of a language."""
    return TRANSLATIONS / f"{CATALOG}_{language}.qm"


def tool(name: str) -> str:
    """A Qt Linguist tool: the one installed with PySide6 beside this Python first, then PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6 (it ships pyside6-lupdate and pyside6-lrelease)")
    return found


def lupdate(target: Path, language: str) -> None:
    """Merge the sources' strings into ``target``, keeping existing translations, dropping vanished ones."""
    command = [
        tool("pyside6-lupdate"),
        *(str(path) for path in sources()),
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        language,
        "-ts",
        str(target),
    ]
    subprocess.run(command, check=True, capture_output=True, text=True)


def lrelease(source: Path, target: Path) -> None:
    """Compile a .ts file to a .qm file."""
    subprocess.run(
        [tool("pyside6-lrelease"), str(source), "-qm", str(target)], check=True, capture_output=True, text=True
    )


def messages(path: Path) -> set[tuple[str, str, str]]:
    """The (context, source, comment) of every message of a .ts file."""
    found: set[tuple[str, str, str]] = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found.add((name, message.findtext("source", ""), message.findtext("comment", "")))
    return found


def build() -> None:
    """Update every .ts from the sources and compile it."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        lupdate(ts_path(language), language)
        lrelease(ts_path(language), qm_path(language))
        print(f"{ts_path(language).relative_to(ROOT)}: {len(messages(ts_path(language)))} strings")


def check() -> list[str]:
    """Problems that a build would fix: strings missing from or left over in a .ts, a stale .qm."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for language in LANGUAGES:
            committed = ts_path(language)
            if not committed.exists():
                problems.append(f"{committed.relative_to(ROOT)} is missing")
                continue
            fresh = Path(folder) / committed.name
            shutil.copyfile(committed, fresh)
            lupdate(fresh, language)
            before, after = messages(committed), messages(fresh)
            problems += [f"{committed.name}: not in the .ts: {item[0]}: {item[1]!r}" for item in sorted(after - before)]
            problems += [
                f"{committed.name}: no longer in the sources: {item[0]}: {item[1]!r}" for item in sorted(before - after)
            ]
            compiled = Path(folder) / qm_path(language).name
            lrelease(committed, compiled)
            if not qm_path(language).exists() or qm_path(language).read_bytes() != compiled.read_bytes():
                problems.append(f"{qm_path(language).relative_to(ROOT)} is not built from the current .ts")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report what a build would change; change nothing")
    args = parser.parse_args()
    if not args.check:
        build()
        return 0
    problems = check()
    for problem in problems:
        print(problem)
    if problems:
        print("run: python tools/build_translations.py")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
