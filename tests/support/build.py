"""Small builders of model pieces for tests."""

from __future__ import annotations

from minutes_editor.model.report import Block, BlockKind, Inline, Span


def para(*content: Inline | str) -> Block:
    """A paragraph of ``content``: strings become plain spans, footnote references stay as they are."""
    return Block(BlockKind.PARAGRAPH, [Span(item) if isinstance(item, str) else item for item in content])
