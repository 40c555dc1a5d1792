"""The shipped examples compared with hand-revised drafts (tests/fixtures/compare, tools/make_compare_fixtures.py).

The redlines README shows (docs/redline-ar-page1.png) obey compare's laws in
the exported Word file, both views read from its XML (tests/support/word_views.py):
Accept All is the export of the revision, Reject All the export of the example.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from minutes_editor.export.docx_writer import export_docx
from minutes_editor.model import review
from minutes_editor.model.compare import compare
from minutes_editor.model.report import Report
from minutes_editor.storage.minutes_file import load_report
from tests.support.word_views import View, read_views

SCRIPT = Path(__file__).resolve().parent.parent / "tools" / "make_compare_fixtures.py"

WHEN = dt.datetime(2026, 12, 1, 10, 30, tzinfo=dt.UTC)
AUTHORS = {"ar": "أمل الخطيب", "en": "Amal Khatib"}


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_compare_fixtures", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_compare_fixtures", module)
    spec.loader.exec_module(module)
    return module


make_compare_fixtures = _tool()


def _view(report: Report, path: Path, *, accept: bool = True) -> View:
    export_docx(report, path)
    views = read_views(path)
    return views.accepted if accept else views.rejected


def test_the_fixtures_are_what_the_script_makes() -> None:
    assert make_compare_fixtures.main(["--check"]) == 0


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_redline_of_a_revised_example_accepts_to_the_revision_and_rejects_to_the_example(
    language: str, tmp_path: Path
) -> None:
    old = load_report(make_compare_fixtures.example_path(language))
    new = load_report(make_compare_fixtures.fixture_path(language))
    result = compare(old, new, author=AUTHORS[language], date=WHEN)
    assert review.authors(result) == [AUTHORS[language]]
    kinds = {revision.kind for revision in review.revisions(result)}
    assert {review.RevisionKind.MOVE, review.RevisionKind.INSERTION, review.RevisionKind.DELETION} <= kinds
    assert _view(result, tmp_path / "redline.docx") == _view(new, tmp_path / "new.docx")
    assert _view(result, tmp_path / "redline.docx", accept=False) == _view(old, tmp_path / "old.docx")
