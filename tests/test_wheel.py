"""The wheel: built, installed (not editable) into a fresh virtual environment, used from outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_AR = ROOT / "examples" / "budapest-process-2021-10-14.ar.minutes"


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=environment)


@pytest.mark.slow
def test_installed_wheel_exports_the_example(tmp_path: Path) -> None:
    built = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "dist"), str(ROOT)], ROOT)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (wheel,) = (tmp_path / "dist").glob("minutes_editor-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "minutes_editor/_data/templates/report.docx" in names
    assert "minutes_editor/_data/templates/languages/ar.json" in names

    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    installed = _run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], tmp_path)
    assert installed.returncode == 0, installed.stderr[-2000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    source = elsewhere / "report.minutes"
    source.write_bytes(EXAMPLE_AR.read_bytes())
    exported = _run(
        [str(environment / "bin" / "minutes-editor"), "export", "report.minutes", "-o", "report.docx"], elsewhere
    )
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(elsewhere / "report.docx") as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "w:bidi" in document
    assert "أهداف الاجتماع" in document
    # The installed package is used, not the checkout.
    where = _run([str(python), "-c", "import minutes_editor; print(minutes_editor.__file__)"], elsewhere)
    assert str(environment) in where.stdout
