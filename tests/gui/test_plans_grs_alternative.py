"""GRS's alternative indicator in the progress grid (PLANS.md §3.4): an office that received no complaint ticks
it and types the alternative's achievement (stakeholder meetings), scored against its target with the
indicator's weight; one undo step each."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from egov_desktop.core.exchange import load
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.conftest import FIXTURES
from tests.gui.conftest import show, type_text


def test_no_complaints_the_alternative_is_ticked_and_its_meetings_typed(qtbot, store, session, undo_stack):
    doc = copy.deepcopy(load(FIXTURES / "grs-dhaka-2023-24.plan.json"))
    doc.reports = []
    key = store.import_document(doc).key
    editor = ProgressEditor(session, key, "Q1")
    show(qtbot, editor)
    model, view = editor.model, editor.view
    tick = model.index(0, model.column_of("alternative"))
    assert model.headerData(tick.column(), Qt.Orientation.Horizontal) == "বিকল্প সূচক"
    assert "স্টেকহোল্ডারের সমন্বয়ে সভা" in tick.data(Qt.ItemDataRole.ToolTipRole)
    # Space ticks it, as প্রযোজ্য নয়.
    view.setFocus()
    view.setCurrentIndex(tick)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert store.get_document(key).report("Q1").entry("1.1.1").alternative
    # The achievement is now the alternative's: a count of meetings, 1 of 2 → 12 × ½.
    view.setCurrentIndex(model.index(0, model.column_of("value")))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    type_text(qtbot, line, "১.৫")
    assert line.property("invalid") is True  # a count of meetings is whole, unlike the rate it replaces
    line.selectAll()
    type_text(qtbot, line, "১")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    entry = store.get_document(key).report("Q1").entry("1.1.1")
    assert (entry.alternative, entry.value) == (True, 1)
    assert editor.score.indicator("1.1.1").score == 6.0
    assert model.index(0, model.column_of("score")).data() == "৬"
    # Undone, the tick stays and the meetings go; undone again, the rate is back.
    undo_stack.undo()
    assert store.get_document(key).report("Q1").entry("1.1.1").value is None
    undo_stack.undo()
    report = store.get_document(key).report("Q1")
    assert report is None or not report.entry("1.1.1").alternative
    assert tick.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
