"""The core runs without Qt: model, storage, render, ooxml and export import nothing from PySide6."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE_PACKAGES = [
    "minutes_editor.model",
    "minutes_editor.storage",
    "minutes_editor.render",
    "minutes_editor.ooxml",
    "minutes_editor.export",
]

# Imports every module of the core packages, not just their __init__, then
# loads and saves a report, and lists what Qt-related modules got loaded.
PROBE = """
import importlib, json, pkgutil, sys, tempfile
from pathlib import Path
loaded = []
for name in {packages!r}:
    package = importlib.import_module(name)
    loaded.append(name)
    for module in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(module.name)
        loaded.append(module.name)
from minutes_editor.storage.minutes_file import load_report, save_report
report = load_report(Path({fixture!r}))
save_report(report, Path(tempfile.mkdtemp()) / "r.minutes")
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
print(json.dumps({{"loaded": loaded, "qt": qt}}))
"""


def test_core_imports_no_qt_in_a_fresh_interpreter() -> None:
    fixture = Path(__file__).parent / "data" / "report-v1.minutes"
    code = PROBE.format(packages=CORE_PACKAGES, fixture=str(fixture))
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["qt"] == []
    # The probe really walked the packages (an empty walk would prove nothing).
    assert "minutes_editor.storage.minutes_file" in found["loaded"]
    assert "minutes_editor.storage.atomic" in found["loaded"]
    assert "minutes_editor.model.report" in found["loaded"]
    assert "minutes_editor.render.flow" in found["loaded"]
    assert any(name.startswith("minutes_editor.export.") for name in found["loaded"])
