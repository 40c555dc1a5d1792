"""The window's feature parts, installed after the first paint: each plugs into the session and the registry.

A feature part takes an ``EditorView`` (gui/parts.py), adds its actions and
menus through the action registry and follows the session's signals; the
window only holds the ``Features`` this module returns. The order is the
order of their menus: review before compare (compare names its reviewer),
circulation before the parts that add to the File menu after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes_editor.gui.action_items import ActionItems
    from minutes_editor.gui.circulation import Circulation
    from minutes_editor.gui.coedit import CoeditPart
    from minutes_editor.gui.compare_part import ComparePart
    from minutes_editor.gui.parts import EditorView
    from minutes_editor.gui.review_actions import ReviewPart
    from minutes_editor.gui.table_part import TablePart


@dataclass(frozen=True)
class Features:
    """The installed feature parts, by name."""

    #: The review pane and the Review menu (gui/review_actions.py).
    review: ReviewPart
    #: Export to PDF, Print, View > Zoom (gui/circulation.py).
    circulation: Circulation
    #: File > Compare with… (gui/compare_part.py).
    compare: ComparePart
    #: Format > Action item, its panel, File > New report from previous… (gui/action_items.py).
    action_items: ActionItems
    #: Edit > Insert a table…, the Table menu, the keys in tables (gui/table_part.py).
    tables: TablePart
    #: File > Share…, Join…, Leave shared room (gui/coedit.py).
    coedit: CoeditPart


def install_features(view: EditorView) -> Features:
    """Build every feature part for the window behind ``view``, in menu order."""
    from minutes_editor.gui.action_items import install_action_items
    from minutes_editor.gui.circulation import install_circulation
    from minutes_editor.gui.coedit import install_coedit
    from minutes_editor.gui.compare_part import install_compare
    from minutes_editor.gui.review_actions import install_review
    from minutes_editor.gui.table_part import install_tables

    review = install_review(view)
    circulation = install_circulation(view)
    compare = install_compare(view, review.comments.reviewer)
    return Features(
        review=review,
        circulation=circulation,
        compare=compare,
        action_items=install_action_items(view),
        tables=install_tables(view),
        coedit=install_coedit(view),
    )
