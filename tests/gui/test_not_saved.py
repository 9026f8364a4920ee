"""Issue 15.2: text that was refused is an error ("সংরক্ষিত হয়নি") in the problems panel until it is fixed or
abandoned (Esc); it blocks sign-off and export, and closing the window asks."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from egov_desktop.gui.models import INDICATOR
from tests.gui.conftest import open_editor, type_text
from tests.gui.shell import make_window, sign_off_answer, when_modal
from tests.gui.test_change_signal import _cell, _show_period, _window

NOT_SAVED = "সংরক্ষিত হয়নি"


def _leave_typed(qtbot, editor, index, text: str) -> None:
    """Type `text` over the cell's value and leave it by clicking the cell to its left, as a user does (Tab and
    Enter keep the editor open on text that cannot be saved)."""
    line = open_editor(editor, index)
    line.selectAll()
    type_text(qtbot, line, text)
    other = editor.view.visualRect(index.siblingAtColumn(0)).center()
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=other)
    assert not line.isVisible()


def _not_saved(window) -> list:
    return [f for f in window.problems.findings() if f.rule == "not_saved"]


def test_a_refused_achievement_is_an_error_until_abandoned_and_blocks_sign_off(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    q1 = _show_period(window, "Q1")
    value = _cell(q1, "4.1.1", "value")
    assert value.data() == "৫৬.৯৮%"
    _leave_typed(qtbot, q1, value, "১০৫%")
    assert value.data() == "১০৫%"  # the text stays in the cell, marked
    found = _not_saved(window)
    assert len(found) == 1 and found[0].is_error and found[0].message().startswith(NOT_SAVED)
    assert "১০৫%" in found[0].message()
    assert window.problems.summary.text() != "কোনো সমস্যা পাওয়া যায়নি"
    # The problems list leads back to the cell.
    q1.view.setCurrentIndex(_cell(q1, "1.1.1", "value"))
    assert window.select_where(found[0].where)
    assert q1.view.currentIndex() == value
    # Sign-off lists it and refuses.
    text, ok = sign_off_answer(window)
    assert NOT_SAVED in text and not ok
    # Esc on the cell abandons the text: the saved value is back and so is the empty list.
    q1.view.setFocus()
    q1.view.setCurrentIndex(value)
    qtbot.keyClick(q1.view, Qt.Key.Key_Escape)
    assert value.data() == "৫৬.৯৮%" and not _not_saved(window)


def test_a_refused_plan_weight_shows_on_both_tabs_and_blocks_the_word_export(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    window.ui.tabs.setCurrentWidget(window.ui.planTab)
    plan = window.plan_editor
    weight = plan.model.index(plan.model.row_of(INDICATOR, "2.1.1"), plan.model.column_of("weight"))
    _leave_typed(qtbot, plan, weight, "-3")
    assert weight.data() == "-3" and len(_not_saved(window)) == 1
    _show_period(window, "Q1")
    assert len(_not_saved(window)) == 1  # the plan's errors block the report's sign-off too
    said = {}

    def refuse(box):
        said["text"] = box.text()
        box.accept()

    when_modal(refuse)
    window.ui.actionExportWord.trigger()
    assert NOT_SAVED in said["text"]
    assert not window._tasks  # nothing was started
    said.clear()
    when_modal(refuse)
    window.ui.actionEmail.trigger()  # nor the e-mail draft
    assert NOT_SAVED in said["text"] and not window._tasks
    # It went back to the cell, on the Plan tab.
    assert window.ui.tabs.currentWidget() is window.ui.planTab and plan.view.currentIndex() == weight
    # Fixed: the error goes.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _leave_typed(qtbot, plan, weight, "৬")
    assert not _not_saved(window) and demo.get_document(window.plan_key).plan.indicator("2.1.1").weight == 6


def test_closing_with_refused_text_asks_to_go_back_or_discard(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    q1 = _show_period(window, "Q1")
    value = _cell(q1, "4.1.1", "value")
    _leave_typed(qtbot, q1, value, "১০৫%")
    q1.view.setCurrentIndex(_cell(q1, "1.1.1", "value"))

    def answer(name):
        def click(box):
            assert isinstance(box, QMessageBox) and NOT_SAVED in box.text()
            next(b for b in box.buttons() if b.objectName() == name).click()
        return click

    when_modal(answer("backToCell"))
    assert not window.close()
    assert window.isVisible() and q1.view.currentIndex() == value
    when_modal(answer("discard"))
    assert window.close()
    # Nothing was saved: the database still holds the old figure.
    assert demo.get_document(window.plan_key).report("Q1").entry("4.1.1").value == 56.98
    QApplication.processEvents()


def test_closing_without_refused_text_does_not_ask(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    assert window.close()
