"""The importer runs without Qt: importing a report in a fresh interpreter loads no PySide6 module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys, tempfile, pathlib
sys.path.insert(0, {root!r})
from minutes_editor.export.docx_writer import export_docx
from minutes_editor.importer import import_docx
from minutes_editor.storage.minutes_file import load_report
with tempfile.TemporaryDirectory() as folder:
    path = pathlib.Path(folder) / "report.docx"
    export_docx(load_report(pathlib.Path({example!r})), path)
    result = import_docx(path)
assert result.report.sections, "nothing imported"
print(sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6")))
"""


def test_import_loads_no_qt() -> None:
    example = ROOT / "examples" / "budapest-process-2021-10-14.ar.minutes"
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT), example=str(example))],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip().splitlines()[-1] == "[]"
