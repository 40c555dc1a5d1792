"""Never lose a word: random keyboard journeys through the real main window, checked after every step.

A ``Journey`` drives a real ``MainWindow`` (with its autosave, as ``app.main``
gives it) offscreen by key events sent to ``QApplication.focusWidget()``, as
a user at the keyboard would: typing Arabic and Latin words, Enter, Tab,
moving between parts and fields, footnotes, names, new and opened reports,
saving, undo and redo, outline moves. Each step is a short string
(``"type arabic"``, ``"key F6"``, ``"new discard"``), so a journey is a list
of strings that reads as what the user did. After every step it checks:

* the focus is on a visible widget;
* every word typed into a free-text field since the last step that may
  legitimately remove text is in the report exactly once, and no word typed
  is ever there twice; the field that had the focus reads its old text with
  the word put in at the cursor;
* ``journal_matches``: what the crash recovery would give back is the live report.

``FuzzWindow`` is the hypothesis state machine choosing the steps; the plain
tests below replay fixed journeys through the same ``Journey`` (the known
bugs, each a named case). ``make fuzz`` (tools/fuzz_window.py) runs the
machine seed after seed in child processes, so a crash is caught with its seed.

Environment: ``FUZZ_EXAMPLES`` and ``FUZZ_STEPS`` size the hypothesis run;
``FUZZ_STEP_FILE`` names a file each step is appended to (the runner counts
them); ``FUZZ_KNOWN_BUGS=hit`` walks into the known bugs instead of around
them (see ``KNOWN_BUGS``); ``FUZZ_REPLAY`` is the journey ``test_replay``
replays (for the child-process helper); ``FUZZ_VERBOSE=1`` prints every step.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from minutes_editor.gui import ask
from minutes_editor.gui.app import configure_application, create_window
from minutes_editor.gui.body_editor import BodyEditor
from minutes_editor.gui.main_window import MainWindow
from minutes_editor.gui.services import WindowServices, attach_services
from minutes_editor.gui.settings import Settings
from minutes_editor.storage.encoder import report_to_document
from minutes_editor.storage.journal_replay import read_recovery
from tests.support.examples import example_path

ROOT = Path(__file__).resolve().parents[2]

#: What a step may be. Repeated entries are chosen more often (hypothesis picks uniformly from the list).
STEPS: tuple[str, ...] = (
    *["type latin"] * 6,
    *["type arabic"] * 6,
    "key Enter",
    "key Enter",
    "key Tab",
    "key Shift+Tab",
    "key F6",
    "key F6",
    "key Shift+F6",
    "key Ctrl+PgDown",
    "key Ctrl+Down",
    "key Ctrl+Down",
    "key Ctrl+1",
    "key Ctrl+2",
    "key Ctrl+2",
    "key Ctrl+Shift+T",
    "key Ctrl+Shift+N",
    "key Ctrl+Z",
    "key Ctrl+Y",
    "key Down",
    "key Up",
    "name Enter",
    "name Escape",
    "footnote",
    "new discard",
    "new save",
    "open ar discard",
    "open en discard",
    "open saved save",
    "save",
    "save as",
    "outline Down",
    "outline Up",
    "outline Alt+Up",
    "outline Alt+Down",
    "outline Insert",
    "outline Delete",
)

#: Steps that may take text out of the report on purpose: after one, words typed before may be gone.
REMOVING_KEYS = frozenset({"Ctrl+Z", "Ctrl+Y", "Delete", "Backspace"})

#: Bugs known today, by name: what the bug does. Unless FUZZ_KNOWN_BUGS names them, journeys go around them
#: (New and Open are left out for "new-open-f6-segfault"; when a bug of FOCUS_BUGS leaves the focus astray,
#: Ctrl+2 brings it back). Each bug found has a named regression case below; when its fix lands, delete its
#: entry and the journeys take those paths again. Fixed so far: the segfault after New or Open, Escape in a
#: footnote, insertions into a hidden field, insertions after a footnote's field went away.
KNOWN_BUGS: dict[str, str] = {}
#: Steps in which a known bug raises an exception in a slot (Qt's event loop prints it and goes on).
EXCEPTION_BUGS: dict[str, str] = {}
#: Steps after which a known bug leaves the focus on a hidden widget.
FOCUS_BUGS: dict[str, str] = {}
_HIT = os.environ.get("FUZZ_KNOWN_BUGS", "")
#: Whether journeys go around known bugs: FUZZ_KNOWN_BUGS=hit walks into all of them, a comma-separated
#: list of KNOWN_BUGS names into those only.
AVOID_KNOWN_BUGS = _HIT != "hit"
HIT_BUGS = frozenset(_HIT.split(",")) - {"", "hit"}
#: FUZZ_VERBOSE=1 prints each step and where the focus is after it (run pytest with -s).
VERBOSE = os.environ.get("FUZZ_VERBOSE") == "1"

LATIN = "qz"
ARABIC_WORDS = ("بند", "جلسة", "قرار", "وفد", "محضر")
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"


class FuzzCheckError(AssertionError):
    """A check failed after a step: the message carries the steps so far and the seed."""


def journal_matches(window: MainWindow, services: WindowServices) -> None:
    """The report the crash recovery would give back is the live report.

    The one place that knows how recovery works: what the journal's timer
    would do now (append what changed since its last line; the first change
    takes a snapshot), then the recovery files read back from the disk as the
    next start reads them, the journal replayed on its snapshot.
    """
    window.flush()
    if not window.document.is_modified:
        return  # nothing to recover: the autosave removes its copy once the report is saved
    saver = services.autosave.saver
    assert saver is not None, "the window autosaves nothing while its report is modified"
    saver.journal_now()
    saver.wait()
    assert saver.report_path.exists(), "a modified report has no recovery snapshot after a journal tick"
    replayed = read_recovery(saver.report_path)
    assert replayed.problem is None, f"the journal could not be replayed: {replayed.problem}"
    recovered = report_to_document(replayed.report)
    live = report_to_document(window.report)
    if recovered != live:
        raise AssertionError(
            "the replayed journal differs from the live report:\n" + _first_difference(recovered, live)
        )


def _first_difference(recovered: object, live: object, path: str = "") -> str:
    if isinstance(recovered, dict) and isinstance(live, dict):
        for key in sorted(set(recovered) | set(live), key=str):
            if recovered.get(key) != live.get(key):
                return _first_difference(recovered.get(key), live.get(key), f"{path}.{key}")
    if isinstance(recovered, list) and isinstance(live, list):
        if len(recovered) != len(live):
            return f"{path}: {len(recovered)} items recovered, {len(live)} live"
        for index, (one, other) in enumerate(zip(recovered, live, strict=True)):
            if one != other:
                return _first_difference(one, other, f"{path}[{index}]")
    return f"{path}: recovered {recovered!r}, live {live!r}"


# ------------------------------------------------------------------ the journey


@dataclass
class Typed:
    """Words typed so far: those that must be in the report once, those that may be gone."""

    required: dict[str, str] = field(default_factory=dict)  # word -> where it was typed
    maybe: set[str] = field(default_factory=set)

    def all(self) -> set[str]:
        return set(self.required) | self.maybe

    def forget_required(self) -> None:
        self.maybe.update(self.required)
        self.required.clear()


def _key(text: str) -> tuple[Any, Any]:
    combination = QKeySequence(text)[0]
    return combination.key(), combination.keyboardModifiers()


class Journey:
    """A real main window with its autosave, driven one step at a time and checked after each."""

    def __init__(self, qtbot: Any, folder: Path, type_text: Callable[[QWidget, str], None], seed: str) -> None:
        self.qtbot = qtbot
        self.folder = folder
        self.type_text = type_text
        self.seed = seed
        self.log: list[str] = []
        self.counter = 0
        self.typed = Typed()
        self.known_hits: list[str] = []
        self.avoid_known = AVOID_KNOWN_BUGS
        self.hit_bugs = set(HIT_BUGS)  # known bugs this journey walks into all the same
        self.notes: dict[int, str] = {}  # step number -> the known bug it met (gone around)
        self.unsaved_answer = ask.UnsavedChoice.DISCARD
        self.questions: list[str] = []
        self.saved: list[Path] = []
        self.files = {}
        for language in ("ar", "en"):
            target = folder / f"example.{language}.minutes"
            shutil.copyfile(example_path(language), target)
            self.files[language] = target
        self.open_choice: Path | None = None
        self.step_file = os.environ.get("FUZZ_STEP_FILE")
        self._note("# journey " + seed)
        settings_store = Settings(folder / "settings.ini")
        app = QApplication.instance()
        configure_application(app, "ar")
        self.window = create_window(self.files["ar"], "ar", settings_store)
        self.services = attach_services(self.window, settings_store, recovery_folder=folder / "recovery")
        self.window.show()
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        qtbot.waitUntil(lambda: self.window.is_complete)
        self.window.focus_editor()
        self._settle()

    # ---------------------------------------------------------------- answers to the window's questions

    def install_answers(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Answer the file dialogs and questions of ask.py as the journey decides (never a native dialog)."""

        def unsaved(*_args: object) -> ask.UnsavedChoice:
            self.questions.append(f"unsaved changes? {self.unsaved_answer.value}")
            return self.unsaved_answer

        def save_path(*_args: object) -> Path:
            path = self.folder / f"saved-{len(self.saved) + 1}.minutes"
            self.saved.append(path)
            return path

        def open_path(*_args: object) -> Path | None:
            return self.open_choice

        def told(kind: str) -> Callable[..., None]:
            return lambda _parent, title, text, *_rest: self.questions.append(f"{kind}: {title}: {text}")

        def confirm(_parent: object, title: str, text: str, *_rest: object) -> bool:
            self.questions.append(f"confirm (answered No): {title}: {text}")
            return False

        monkeypatch.setattr(ask, "unsaved_changes", unsaved)
        monkeypatch.setattr(ask, "save_path", save_path)
        monkeypatch.setattr(ask, "open_path", open_path)
        monkeypatch.setattr(ask, "error", told("error"))
        monkeypatch.setattr(ask, "info", told("info"))
        monkeypatch.setattr(ask, "confirm", confirm)

    # ---------------------------------------------------------------- running

    def run(self, steps: list[str]) -> None:
        """Take ``steps`` in turn, checking after each."""
        for step in steps:
            self.do(step)

    def do(self, step: str) -> None:
        """Take one step and check the window after it."""
        self.log.append(step)
        self._note(step)
        hits = len(self.known_hits)
        verb, _, rest = step.partition(" ")
        try:
            with self.qtbot.capture_exceptions() as raised:
                getattr(self, "_" + verb)(rest)
                self._settle()
            if raised and self.going_around(EXCEPTION_BUGS.get(step, "")):
                self.known_hits.append(EXCEPTION_BUGS[step])
            elif raised:
                kind, value, _trace = raised[0]
                raise AssertionError(f"an exception escaped into Qt's event loop: {kind.__name__}: {value}")
            bug = FOCUS_BUGS.get(step, "")
            if self.going_around(bug) and not self.focus().isVisible():
                self.known_hits.append(bug)
                self.press("Ctrl+2")  # back to the text, as the user would after losing the cursor
                self._settle()
            if len(self.known_hits) > hits:
                self.notes[len(self.log)] = "; ".join(self.known_hits[hits:])
            if VERBOSE:
                print(f"{len(self.log):4d}. {step:20s} focus: {_describe(QApplication.focusWidget())}")
            self.check()
        except AssertionError as error:
            raise FuzzCheckError(self.explain(str(error))) from error

    def explain(self, message: str) -> str:
        """A failure message with the seed and every step so far."""
        steps = "\n".join(
            f"  {number:3d}. {step}" + (f"   [known bug: {self.notes[number]}]" if number in self.notes else "")
            for number, step in enumerate(self.log, 1)
        )
        hit = ", ".join(sorted(self.hit_bugs)) or "none"
        mode = f"around known bugs but {hit}" if self.avoid_known else "into known bugs"
        extra = "\n".join(f"  {line}" for line in self.questions[-5:])
        return (
            f"{message}\nseed: {self.seed} ({mode})\nsteps so far:\n{steps}"
            + (f"\nlast questions the window asked:\n{extra}" if extra else "")
            + f"\nreplay: FUZZ_REPLAY={json.dumps(self.log, ensure_ascii=False)!r}"
        )

    def close(self) -> None:
        """Close the window as the user would, discarding, and let Qt delete it."""
        self.unsaved_answer = ask.UnsavedChoice.DISCARD
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self.window.close()
        self.window.deleteLater()
        self._settle()

    def _note(self, line: str) -> None:
        if self.step_file:
            with open(self.step_file, "a", encoding="utf-8") as out:
                out.write(line + "\n")

    @staticmethod
    def _settle() -> None:
        """Let the window handle what the step posted, deferred deletions included, as its event loop would."""
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()

    # ---------------------------------------------------------------- keys

    def focus(self) -> QWidget:
        return QApplication.focusWidget() or self.window

    def press(self, keys: str) -> None:
        key, modifiers = _key(keys)
        QTest.keyClick(self.focus(), key, modifiers)

    def new_token(self, script: str) -> str:
        self.counter += 1
        if script == "arabic":
            digits = "".join(ARABIC_DIGITS[int(d)] for d in f"{self.counter:04d}")
            return ARABIC_WORDS[self.counter % len(ARABIC_WORDS)] + digits
        return f"{LATIN}{self.counter:04d}"

    # ---------------------------------------------------------------- the steps

    def _type(self, script: str) -> None:
        widget = self.focus()
        free = self.is_free_text(widget)
        before = _field_state(widget)
        token = self.new_token(script)
        if before is not None and free:
            text, start, end = before
            self._forget_words_cut(text, start, end)
        self.type_text(widget, token)
        self._settle()
        if not free or before is None:
            self.typed.maybe.add(token)  # not free text (times, searches, lists): typed, not checked
            return
        self.typed.required[token] = f"{type(widget).__name__} {widget.objectName()!r}"
        text, start, end = before
        after = _field_state(widget)
        expected = text[:start] + token + text[end:]
        assert QApplication.focusWidget() is widget, f"typing {token!r} moved the focus to {_describe(self.focus())}"
        assert after is not None
        assert after[0] == expected, (
            f"{_describe(widget)} does not read its text with {token!r} put in at the cursor ({start}):\n"
            f"  expected …{expected[max(0, start - 30) : start + len(token) + 30]!r}…\n"
            f"  reads    …{after[0][max(0, start - 30) : start + len(token) + 30]!r}…"
        )
        assert after[1] == after[2] == start + len(token), f"the cursor is not after {token!r}"

    def _forget_words_cut(self, text: str, start: int, end: int) -> None:
        """Typing over a selection, or inside a word, takes words out on purpose: they may be gone now."""
        for token in list(self.typed.required):
            at = text.find(token)
            while at != -1:
                overlaps = at < end and start < at + len(token) if end > start else at < start < at + len(token)
                if overlaps:
                    self.typed.maybe.add(self.typed.required.pop(token))
                    self.typed.maybe.add(token)
                    break
                at = text.find(token, at + 1)

    def _key(self, keys: str) -> None:
        if keys in REMOVING_KEYS:
            self.typed.forget_required()
        if keys == "Ctrl+Shift+T":
            self._forget_selection()
        self.press(keys)

    def going_around(self, bug: str) -> bool:
        """Whether the journey goes around ``bug`` (it is still known, and FUZZ_KNOWN_BUGS is not ``hit``)."""
        return self.avoid_known and bug in KNOWN_BUGS and bug not in self.hit_bugs

    def _outline(self, keys: str) -> None:
        self.press("Ctrl+1")
        self._settle()
        if keys == "Delete":
            self.typed.forget_required()
        self.press(keys)

    def _name(self, how: str) -> None:
        self._forget_selection()
        self.press("Ctrl+K")
        self._settle()
        popup = QApplication.activePopupWidget()
        if popup is None and self.going_around("stale-footnote-field"):
            return  # the RuntimeError of the known bug; do() notes it
        assert popup is not None, f"Ctrl+K opened no popup; the focus is on {_describe(self.focus())}"
        self.press("Return" if how == "Enter" else how)

    def _forget_selection(self) -> None:
        """The time or a name goes in place of the focused field's selection, as typing would."""
        widget = self.focus()
        state = _field_state(widget)
        if state is not None and self.is_free_text(widget):
            self._forget_words_cut(*state)

    def _footnote(self, _rest: str) -> None:
        editor = self.window.current_editor()
        self.press("Ctrl+Alt+F")
        self._settle()
        note = self.focus()
        if editor is None or not isinstance(note, QLineEdit) or not note.objectName().startswith("note_"):
            return  # no body here: the window says so in the status bar
        self._type("latin")
        self._settle()
        self.press("Escape")
        self._settle()
        if self.focus() is note:
            if self.going_around("escape-footnote"):
                self.known_hits.append("escape-footnote")
                self.press("Ctrl+2")
                return
            raise AssertionError("Escape in a footnote's field left the focus there, not in the text")
        assert self.focus() is editor, f"Escape in a footnote's field put the focus on {_describe(self.focus())}"

    def _new(self, answer: str) -> None:
        if self.going_around("new-open-f6-segfault"):
            self.known_hits.append("new-open-f6-segfault: step skipped")
            return
        self.unsaved_answer = ask.UnsavedChoice(answer)
        self.typed.forget_required()
        self._with_modal_enter(lambda: self.press("Ctrl+N"))

    def _open(self, rest: str) -> None:
        if self.going_around("new-open-f6-segfault"):
            self.known_hits.append("new-open-f6-segfault: step skipped")
            return
        which, _, answer = rest.partition(" ")
        self.unsaved_answer = ask.UnsavedChoice(answer)
        if which == "saved":
            if not self.saved or not self.saved[-1].exists():
                return
            self.open_choice = self.saved[-1]
        else:
            self.open_choice = self.files[which]
        self.typed.forget_required()
        self.press("Ctrl+O")

    def _save(self, rest: str) -> None:
        self.press("Ctrl+Shift+S" if rest == "as" else "Ctrl+S")

    def _with_modal_enter(self, action: Callable[[], None]) -> None:
        """Run ``action``; a modal dialog it opens is accepted with Enter, as a user would."""
        waiting = [True]

        def press_enter() -> None:
            if not waiting[0]:
                return
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, press_enter)
                return
            target = QApplication.focusWidget()
            if target is None or not dialog.isAncestorOf(target):
                target = dialog
            key, modifiers = _key("Return")
            QTest.keyClick(target, key, modifiers)

        QTimer.singleShot(0, press_enter)
        try:
            action()
        finally:
            waiting[0] = False

    # ---------------------------------------------------------------- the checks

    def is_free_text(self, widget: QWidget) -> bool:
        """Whether what is typed into ``widget`` goes into the report as typed (not a time, a search, a list)."""
        window = self.window
        if isinstance(widget, BodyEditor):
            return not widget.isReadOnly() and window.isAncestorOf(widget)
        title = window.title_page
        fields = [title.meeting, title.subtitle, title.location]
        fields += [window.section_page.heading, window.session_page.title, window.session_page.goals]
        if any(widget is candidate for candidate in fields):
            return True
        return isinstance(widget, QLineEdit) and widget.objectName().startswith("note_")

    def check(self) -> None:
        """The invariants that hold after every step."""
        focus = QApplication.focusWidget()
        assert focus is not None, "nothing has the focus"
        assert focus.isVisible(), f"the focus is on a widget that is not visible: {_describe(focus)}"
        self.window.flush()
        text = json.dumps(report_to_document(self.window.report), ensure_ascii=False)
        for token in self.typed.all():
            count = text.count(token)
            assert count <= 1, f"{token!r} is in the report {count} times"
        for token, where in self.typed.required.items():
            assert text.count(token) == 1, f"{token!r}, typed into {where}, is not in the report"
        journal_matches(self.window, self.services)


def _field_state(widget: QWidget) -> tuple[str, int, int] | None:
    """A text field's text and its selection (start, end; equal when there is none), else None."""
    if isinstance(widget, QLineEdit):
        if widget.hasSelectedText():
            start = widget.selectionStart()
            return widget.text(), start, start + len(widget.selectedText())
        return widget.text(), widget.cursorPosition(), widget.cursorPosition()
    if isinstance(widget, BodyEditor | QPlainTextEdit):
        cursor = widget.textCursor()
        return widget.toPlainText(), cursor.selectionStart(), cursor.selectionEnd()
    return None


def _describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    names = []
    current: QWidget | None = widget
    while current is not None and len(names) < 4:
        names.append(f"{type(current).__name__}({current.objectName()!r})")
        current = current.parentWidget()
    return " in ".join(names) + ("" if widget.isVisible() else " [not visible]")


# ------------------------------------------------------------------ the state machine


def _seed_text(request: pytest.FixtureRequest) -> tuple[int | None, str]:
    seed = request.config.getoption("hypothesis_seed", None)
    if seed is None:
        return None, "derandomized (the fixed default run)"
    return int(seed), f"--hypothesis-seed={seed}"


@pytest.fixture
def journeys(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, type_text, request):
    """Make journeys, each with a window of its own; close them all at the end."""
    made: list[Journey] = []
    _seed, seed_text = _seed_text(request)

    def make() -> Journey:
        folder = tmp_path / f"journey-{len(made) + 1}"
        folder.mkdir()
        journey = Journey(qtbot, folder, type_text, seed_text)
        journey.install_answers(monkeypatch)
        made.append(journey)
        return journey

    yield make
    for journey in made:
        with contextlib.suppress(RuntimeError):  # already deleted with the journey it ended
            journey.close()
    configure_application(QApplication.instance(), "en")


def test_random_keyboard_journeys_lose_no_word(journeys, request) -> None:
    seed, _text = _seed_text(request)
    examples = int(os.environ.get("FUZZ_EXAMPLES", "12"))
    steps = int(os.environ.get("FUZZ_STEPS", "50"))

    class FuzzWindow(RuleBasedStateMachine):
        """Random steps from STEPS on one window; the journey checks after each."""

        def __init__(self) -> None:
            super().__init__()
            self.journey: Journey | None = None

        @initialize()
        def open_window(self) -> None:
            self.journey = journeys()

        @rule(step=st.sampled_from(STEPS))
        def step(self, step: str) -> None:
            assert self.journey is not None
            self.journey.do(step)

        def teardown(self) -> None:
            if self.journey is not None:
                self.journey.close()

    run_state_machine_as_test(
        FuzzWindow,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            derandomize=seed is None,
            database=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        ),
    )


# ------------------------------------------------------------------ known journeys, replayed


def test_replay(journeys) -> None:
    """Replay the journey in FUZZ_REPLAY (a JSON list of steps): the child-process helper runs this."""
    steps = os.environ.get("FUZZ_REPLAY")
    if not steps:
        pytest.skip("FUZZ_REPLAY names no journey")
    journeys().run(json.loads(steps))


def replay_in_child(steps: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Replay ``steps`` in another process, so that a crash ends that process and not the tests."""
    env = {**os.environ, "FUZZ_REPLAY": json.dumps(steps), "QT_QPA_PLATFORM": "offscreen", "FUZZ_KNOWN_BUGS": "hit"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{Path(__file__)}::test_replay"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)


NEW_THEN_F6 = ["key F6", "type latin", "new discard", "key F6"]
OPEN_THEN_F6 = ["key F6", "type arabic", "open en discard", "key F6"]


@pytest.mark.slow
@pytest.mark.parametrize("steps", [NEW_THEN_F6, OPEN_THEN_F6], ids=["new", "open"])
def test_new_report_or_open_then_f6_does_not_crash(steps: list[str], tmp_path: Path) -> None:
    result = replay_in_child(steps, tmp_path)
    assert result.returncode == 0, f"the child ended with {result.returncode}:\n{result.stderr[-3000:]}"


# Ctrl+Down ("next field") once moved the focus to an invisible widget; now it steps through the shown
# page's fields (gui/fields.py; tests/gui/test_trust_journeys.py). These journeys go round the whole chain
# from each kind of page; the check after every step (the focus is on a visible widget) holds them.
@pytest.mark.parametrize(
    "start",
    [
        ["key Ctrl+1"],
        ["key F6"],
        ["key F6", "key F6"],
        ["key Ctrl+Shift+N", "type latin", "key Tab", "type arabic"],
        ["key F6", "footnote", "key Ctrl+2"],
    ],
    ids=["title", "section", "participation", "session", "footnote"],
)
def test_ctrl_down_keeps_the_focus_on_visible_widgets(journeys, start: list[str]) -> None:
    journeys().run([*start, *["key Ctrl+Down"] * 24])


def test_next_field_from_a_footnote_then_another_footnote(journeys) -> None:
    # Found by make fuzz (seeds 1 and 2): Ctrl+Down walked the window's whole focus chain, after which
    # deleting the footnote's row made PySide6 drop its wrapper of the preview's document, and the next
    # footnote raised "Internal C++ object (QTextDocument) already deleted".
    journeys().run(["key F6", "footnote", "key Ctrl+Down", "footnote", "type latin"])


def test_escape_leaves_a_footnote_for_the_text(journeys) -> None:
    journey = journeys()
    journey.avoid_known = False
    journey.run(["key F6", "type arabic", "footnote", "type latin"])


@pytest.mark.parametrize("insert", ["key Ctrl+Shift+T", "name Enter"])
def test_inserting_from_the_outline_goes_to_a_shown_field(journeys, insert: str) -> None:
    journey = journeys()
    journey.avoid_known = False
    journey.run(["outline Insert", insert])


@pytest.mark.parametrize("insert", ["key Ctrl+Shift+T", "name Enter"])
def test_inserting_after_leaving_a_footnote_field_works(journeys, insert: str) -> None:
    journey = journeys()
    journey.hit_bugs.add("stale-footnote-field")
    journey.run(["key F6", "footnote", "key Ctrl+Down", "key Ctrl+Down", "outline Down", insert])


def test_a_typical_journey_loses_no_word(journeys) -> None:
    journeys().run(
        [
            "key F6",
            "type arabic",
            "key Enter",
            "type latin",
            "key Ctrl+1",
            "key Ctrl+2",
            "type arabic",
            "key Ctrl+Shift+N",
            "type latin",
            "key Tab",
            "type arabic",
            "name Enter",
            "key Ctrl+Shift+T",
            "save as",
            "type latin",
            "key Ctrl+Z",
            "key Ctrl+Y",
            "outline Alt+Up",
        ]
    )
