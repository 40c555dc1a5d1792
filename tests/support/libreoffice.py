"""LibreOffice and poppler for tests: convert several files in one soffice run, read PDFs back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path


def missing_tools(*tools: str) -> list[str]:
    """The command-line tools among ``tools`` that are not installed."""
    return [tool for tool in tools if shutil.which(tool) is None]


def convert(
    sources: list[Path], target: str, outdir: Path, *, profile: Path | None = None, timeout: int = 400
) -> list[Path]:
    """Convert ``sources`` to format ``target`` in ONE soffice run (each costs over a second).

    The run has a private profile (``profile``, else one inside ``outdir``;
    share one between calls to save its set-up) and HOME inside ``outdir``, so
    parallel runs and a user's own LibreOffice never clash. Returns the converted
    files, in the order of ``sources``; fails the test if one is missing.
    """
    profile = profile or outdir / "lo-profile"
    outdir.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            *map(str, sources),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "HOME": str(outdir)},
    )
    extension = target.split(":", 1)[0]
    outputs = [outdir / f"{source.stem}.{extension}" for source in sources]
    for output in outputs:
        assert output.is_file(), f"soffice made no {output.name}: {completed.stdout}\n{completed.stderr}"
    return outputs


def pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The text pdftotext reads from ``pdf``."""
    command = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: Path) -> int:
    """The number of pages of ``pdf``, from pdfinfo."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    found = re.search(r"^Pages:\s+(\d+)", info, flags=re.MULTILINE)
    assert found, info
    return int(found.group(1))
