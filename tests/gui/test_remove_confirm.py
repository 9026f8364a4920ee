"""Removing a plan row that has progress entered asks first, naming the reports; an empty row goes at once."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from egov_desktop.gui.plan_editor import PlanEditor
from tests.gui.conftest import show
from tests.gui.shell import when_modal


def _answer(button, seen):
    def answer(dialog):
        seen.append(dialog.text())
        dialog.button(button).click()
    return answer


def test_removing_an_indicator_with_progress_asks_first(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    editor.view.setCurrentIndex(model.index(model.row_of("indicator", "2.1.1"), model.column_of("title")))
    seen = []
    when_modal(_answer(QMessageBox.StandardButton.No, seen))
    editor.remove_row()
    assert seen == ["এই সারির অগ্রগতি ১টি প্রতিবেদনে লেখা আছে: ১ম ত্রৈমাসিক। সারিটি মুছলে সেই অগ্রগতিও মুছে যাবে "
                    "(পূর্বাবস্থায় ফেরালে ফিরে আসবে)। মুছবেন?"]
    assert store.get_document(pib_key).plan.indicator("2.1.1") is not None and undo_stack.count() == 0
    when_modal(_answer(QMessageBox.StandardButton.Yes, seen))
    editor.remove_row()
    assert len(seen) == 2 and undo_stack.count() == 1
    assert len(store.get_document(pib_key).plan.indicators()) == 6


def test_removing_an_indicator_without_progress_asks_nothing(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    editor.view.setCurrentIndex(model.index(model.row_of("indicator", "2.1.1"), model.column_of("title")))
    editor.add_indicator()  # a new, empty one after it, which becomes the current row
    count = len(store.get_document(pib_key).plan.indicators())
    editor.remove_row()  # no dialog: a modal one would block here
    assert len(store.get_document(pib_key).plan.indicators()) == count - 1
