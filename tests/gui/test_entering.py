"""Entering a plan from nothing: a blank plan, new rows ready to type, Enter and letters doing the expected."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from egov_desktop.gui.delegates import TextCellEditor
from egov_desktop.gui.models import ACTIVITY, AREA, INDICATOR
from egov_desktop.gui.plan_editor import PlanEditor
from tests.gui.conftest import show, type_text
from tests.gui.shell import make_window, when_modal


def _current(editor) -> tuple[str, str]:
    index = editor.view.currentIndex()
    return editor.model.row_item(index.row())[0], editor.model.column_key(index.column())


def test_a_blank_plan_from_the_new_plan_dialog(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)

    def choose(dialog):
        ui = dialog.ui
        ui.kind.setCurrentIndex(ui.kind.findData("grs"))
        ui.kind.activated.emit(ui.kind.currentIndex())  # choosing a kind chooses "blank"
        assert dialog.source == "blank" and ui.fiscalYear.isEnabled() and not ui.template.isEnabled()
        ui.fiscalYear.setText("২০২৫-২৬")
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(choose)
    window.ui.actionNewPlan.trigger()
    key = demo.find_plan("2025-26", "grs")
    assert key is not None and window.plan_key == key
    model = window.plan_editor.model
    assert [model.row_item(r)[0] for r in range(2, model.rowCount())] == [AREA, ACTIVITY, INDICATOR]
    # For the office of the plan that was open, like a template plan.
    assert demo.office_of(key) == demo.office_of(demo.find_plan("2023-24", "egov_innovation"))
    # Ready to type: the first title is open in its editor, its placeholder selected.
    view = window.plan_editor.view
    assert _current(window.plan_editor) == (AREA, "title")
    editor = view.indexWidget(view.currentIndex())
    assert isinstance(editor, TextCellEditor) and editor.textCursor().selectedText() == "নতুন কর্মসম্পাদন ক্ষেত্র"


def test_a_new_row_opens_its_title_for_typing_and_enter_moves_down(qtbot, store, undo_stack):
    key = store.create_blank("egov_innovation", "2025-26").key
    editor = PlanEditor(store, key, undo_stack)
    show(qtbot, editor)
    model = editor.model
    editor.view.setFocus()
    editor.view.setCurrentIndex(model.index(model.row_of("indicator", "1.1.1"), model.column_of("weight")))
    qtbot.keyClick(editor.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    # The new indicator's title, in edit mode: typing replaces the placeholder.
    assert _current(editor) == (INDICATOR, "title")
    assert model.row_item(editor.view.currentIndex().row())[3].code == "1.1.2"
    typing = QApplication.focusWidget()
    assert isinstance(typing, TextCellEditor)
    type_text(qtbot, typing, "ই-নথি ব্যবহার")
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    assert store.get_document(key).plan.indicator("1.1.2").title == "ই-নথি ব্যবহার"
    # Enter in a title cell goes down to the next title, as in a list, not across the row to the weight.
    editor.view.setCurrentIndex(model.index(model.row_of("indicator", "1.1.1"), model.column_of("title")))
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    typing = QApplication.focusWidget()
    assert isinstance(typing, TextCellEditor)
    type_text(qtbot, typing, "ই-সেবা")
    qtbot.keyClick(typing, Qt.Key.Key_Return)
    assert store.get_document(key).plan.indicator("1.1.1").title == "ই-সেবা"
    assert _current(editor) == (INDICATOR, "title")
    assert editor.view.currentIndex().row() == model.row_of("indicator", "1.1.2")


def test_the_unit_is_chosen_by_typing_its_first_letter(qtbot, store, undo_stack):
    key = store.create_blank("egov_innovation", "2025-26").key
    editor = PlanEditor(store, key, undo_stack)
    show(qtbot, editor)
    model = editor.model
    row = model.row_of("indicator", "1.1.1")
    editor.view.setFocus()
    for typed, unit in (("d", "date"), ("p", "percent"), ("স", "count"), ("ত", "date"), ("c", "count")):
        editor.view.setCurrentIndex(model.index(row, model.column_of("unit")))
        type_text(qtbot, editor.view, typed)  # the key opens the choice and picks the unit it begins
        combo = QApplication.focusWidget()
        assert isinstance(combo, QComboBox)
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        assert store.get_document(key).plan.indicator("1.1.1").unit == unit, typed
