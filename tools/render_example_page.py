"""Render page 1 of an exported example report to a PNG (docs/example-ar-page1.png by default).

Exports the example with the .docx writer, converts it with LibreOffice
(private profile, headless) and rasterises page 1 with pdftoppm. Needs
``soffice`` and ``pdftoppm`` on PATH.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from minutes_editor.export.docx_writer import export_docx  # noqa: E402
from minutes_editor.storage.minutes_file import load_report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="ar", help="example language (default ar)")
    parser.add_argument("--dpi", type=int, default=90, help="resolution of the PNG (default 90)")
    parser.add_argument("--output", type=Path, help="PNG to write (default docs/example-LANG-page1.png)")
    parser.add_argument("--source", type=Path, help="a .minutes report to render instead of the example")
    parser.add_argument("--template", help="template path or shipped name (default: the plain report template)")
    args = parser.parse_args(argv)
    source = args.source or ROOT / "examples" / f"budapest-process-2021-10-14.{args.language}.minutes"
    output = args.output or ROOT / "docs" / f"example-{args.language}-page1.png"
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="render-example-") as folder:
        work = Path(folder)
        document = work / "example.docx"
        export_docx(load_report(source), document, template=args.template)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                str(document),
            ],
            check=True,
            capture_output=True,
            timeout=240,
        )
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(args.dpi),
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                "-png",
                str(work / "example.pdf"),
                str(work / "page"),
            ],
            check=True,
            timeout=120,
        )
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "page.png", output)
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
