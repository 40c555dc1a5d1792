"""The body store converts only the paragraphs edited since its last flush, and still gives what a full read gives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCharFormat, QTextCursor, QUndoStack

from minutes_editor.gui.bodies import BodyStore
from minutes_editor.gui.document import ReportDocument
from minutes_editor.gui.rich_text import insert_footnote, set_block_kind
from minutes_editor.gui.table_text import document_to_body
from minutes_editor.model.report import Block, BlockKind, Direction, Report, Section, SectionKind, Session, Span


class _Views:
    """What undo commands ask of a window that shows no editor: the document undoes by itself."""

    def structure_changed(self, select: object | None) -> None:
        pass

    def field_changed(self, target: object, attribute: str) -> None:
        pass

    def reveal_body(self, owner: object) -> None:
        return None

    def show_cursor(self, owner: object, cursor: QTextCursor) -> None:
        pass


@pytest.fixture
def make_store(qapp):
    """Body stores on a one-session report of n paragraphs, each with its report document's undo stack."""
    kept: list[ReportDocument] = []

    def make(paragraphs: int) -> tuple[BodyStore, Session, QUndoStack]:
        session = Session(
            "s",
            blocks=[
                Block(BlockKind.BULLET if index % 3 == 0 else BlockKind.PARAGRAPH, [Span(f"فقرة {index} text")], 1)
                for index in range(paragraphs)
            ],
        )
        report = Report(language="ar", sections=[Section(SectionKind.DISCUSSION, sessions=[session])])
        assert report.direction is Direction.RTL
        document = ReportDocument(report)
        kept.append(document)
        return BodyStore(report, document.undo_stack, _Views(), document), session, document.undo_stack

    yield make
    for document in kept:
        # As the window does: the stack announces its clearing while it is destroyed, nobody must hear it.
        document.undo_stack.blockSignals(True)


TEXT = st.text(alphabet=st.sampled_from(list("ab قال\n\u2028،")), min_size=1, max_size=6)
EDIT = st.one_of(
    st.tuples(st.just("insert"), st.floats(0, 1), TEXT),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 12)),
    st.tuples(st.just("bold"), st.floats(0, 1), st.integers(1, 12)),
    st.tuples(st.just("kind"), st.floats(0, 1), st.sampled_from([(k, lv) for k in BlockKind for lv in (1, 2, 3)])),
    st.tuples(st.just("footnote"), st.floats(0, 1), st.sampled_from(["fn1", "fn2"])),
    st.tuples(st.just("undo"), st.just(0.0), st.just(0)),
    st.tuples(st.just("redo"), st.just(0.0), st.just(0)),
    st.tuples(st.just("flush"), st.just(0.0), st.just(0)),
)


def _apply(store: BodyStore, session: Session, stack: QUndoStack, edit: tuple[str, float, object]) -> None:
    action, where, value = edit
    document = store.document(session)
    cursor = QTextCursor(document)
    cursor.setPosition(int(where * (document.characterCount() - 1)))
    if action == "insert":
        assert isinstance(value, str)
        for piece in value.split("\n"):
            cursor.insertText(piece)
            if piece is not value.split("\n")[-1]:
                cursor.insertBlock()
    elif action in ("delete", "bold"):
        assert isinstance(value, int)
        cursor.setPosition(
            min(cursor.position() + value, document.characterCount() - 1), QTextCursor.MoveMode.KeepAnchor
        )
        if action == "delete":
            cursor.removeSelectedText()
        else:
            fmt = QTextCharFormat()
            fmt.setFontWeight(700 if cursor.charFormat().fontWeight() < 600 else 400)
            cursor.mergeCharFormat(fmt)
    elif action == "kind":
        assert isinstance(value, tuple)
        set_block_kind(cursor, value[0], value[1])
    elif action == "footnote":
        assert isinstance(value, str)
        insert_footnote(cursor, value)
    elif action == "undo":
        stack.undo()
    elif action == "redo":
        stack.redo()
    else:
        store.flush()
        assert session.blocks == document_to_body(document)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(EDIT, max_size=25), paragraphs=st.integers(0, 6))
def test_flushing_after_any_edits_gives_what_reading_the_whole_document_gives(make_store, edits, paragraphs) -> None:
    store, session, stack = make_store(paragraphs)
    document = store.document(session)
    for edit in edits:
        _apply(store, session, stack, edit)
    store.flush()
    assert session.blocks == document_to_body(document)
    # Edits since that flush, then a flush again: the paragraphs it kept are still right.
    _apply(store, session, stack, ("insert", 0.5, "x\ny"))
    store.flush()
    assert session.blocks == document_to_body(document)


def test_a_flush_after_a_keystroke_in_a_long_body_reads_that_paragraph_not_all(make_store, monkeypatch) -> None:
    from minutes_editor.gui import bodies

    store, session, _stack = make_store(1000)
    document = store.document(session)
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("x")
    store.flush()
    read: list[int] = []
    real = bodies.block_to_model
    monkeypatch.setattr(bodies, "block_to_model", lambda block: read.append(block.blockNumber()) or real(block))
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.insertText("y")
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertBlock()
    cursor.insertText("z")
    store.flush()
    assert read == [0, 999, 1000]
    assert session.blocks == document_to_body(document)
    assert session.blocks[0].plain_text.startswith("y")
    assert session.blocks[-1].plain_text == "z"


def test_reloading_a_body_forgets_what_was_read(make_store) -> None:
    store, session, _stack = make_store(3)
    document = store.document(session)
    QTextCursor(document).insertText("a")
    store.flush()
    session.blocks = [Block(BlockKind.LABEL, [Span("عملية بودابست:")])]
    store.reload(session)
    QTextCursor(document).insertText("b")
    store.flush()
    assert session.blocks == [Block(BlockKind.LABEL, [Span("bعملية بودابست:")])]
