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


def test_a_new_row_opens_its_title_for_typing_and_enter_moves_down(qtbot, store, session):
    key = store.create_blank("egov_innovation", "2025-26").key
    editor = PlanEditor(session, key)
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


def test_the_unit_is_chosen_by_typing_its_first_letter(qtbot, store, session):
    key = store.create_blank("egov_innovation", "2025-26").key
    editor = PlanEditor(session, key)
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


def _mnemonic(text: str) -> str | None:
    """The letter after a single "&" ("ফাইল (&F)" -> "f"), None when there is none."""
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].casefold() if at >= 0 else None


def test_every_menu_and_item_has_an_alt_letter_in_both_languages(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    for lang in ("bn", "en"):
        (window.ui.actionBangla if lang == "bn" else window.ui.actionEnglish).trigger()
        menus = [a.menu() for a in window.menuBar().actions()]
        titles = [m.title() for m in menus]
        assert all(_mnemonic(t) for t in titles), titles
        assert len({_mnemonic(t) for t in titles}) == len(titles), titles
        if lang == "bn":
            # A Bangla title keeps its words and gets a Latin letter to press with Alt, as Windows programs do.
            assert window.ui.menuFile.title() == "ফাইল (&F)"
            assert window.ui.actionNewPlan.text() == "নতুন কর্মপরিকল্পনা (&N)…"
        for menu in menus:
            items = [a.text() for a in menu.actions() if not a.isSeparator()]
            letters = [_mnemonic(t) for t in items]
            assert all(letters), (menu.title(), items)
            assert len(set(letters)) == len(letters), (menu.title(), items)
    window.ui.actionBangla.trigger()


def test_ctrl_tab_and_ctrl_page_keys_switch_between_plan_and_progress(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tabs = window.ui.tabs
    tabs.setCurrentWidget(window.ui.planTab)
    window.plan_editor.view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    for key, mods, tab in ((Qt.Key.Key_Tab, ctrl, window.ui.progressTab),
                           (Qt.Key.Key_Tab, ctrl, window.ui.planTab),
                           (Qt.Key.Key_PageDown, ctrl, window.ui.progressTab),
                           (Qt.Key.Key_PageUp, ctrl, window.ui.planTab),
                           (Qt.Key.Key_Backtab, ctrl | Qt.KeyboardModifier.ShiftModifier, window.ui.progressTab)):
        qtbot.keyClick(QApplication.focusWidget(), key, mods)
        assert tabs.currentWidget() is tab, (key, mods)
        # The grid of the tab now shown has the keys.
        assert window.current_editor().view.hasFocus()


def test_help_lists_every_shortcut_from_the_actions_themselves(qtbot, demo, settings):
    from egov_desktop.gui.dialogs.shortcuts import plain_text, shortcut_rows

    window = make_window(qtbot, demo, settings)
    rows = shortcut_rows(window)
    keys = {k for _what, k in rows}
    # The menus' own, the tab keys, the plan editor's row operations, the grids' copy and paste, history.
    for expected in ("Ctrl+N", "Ctrl+Q", "Ctrl+Z", "Ctrl+Tab", "Ctrl+PgDown", "Ctrl+Shift+I", "Alt+Up", "Ctrl+C",
                     "Ctrl+V", "Ctrl+H", "F1"):
        assert any(expected in k.split(", ") for k in keys), expected
    what = dict(rows)
    assert "নতুন কর্মপরিকল্পনা" in what and "&" not in "".join(what)
    # Every action of the window with a key is listed: a new one cannot be forgotten.
    from PySide6.QtGui import QAction

    named = {plain_text(a.text()) for a in window.findChildren(QAction) if a.shortcuts() and a.isVisible()}
    assert named and named <= set(what)
    # Opened from Help with F1.
    when_modal(lambda dialog: (_check_dialog(dialog, len(rows)), dialog.accept()))
    window.ui.actionShortcuts.trigger()


def _check_dialog(dialog, count: int) -> None:
    from egov_desktop.gui.dialogs.shortcuts import ShortcutsDialog

    assert isinstance(dialog, ShortcutsDialog) and dialog.table.rowCount() == count


def test_a_target_date_outside_the_fiscal_year_is_a_warning_while_typing_yet_saved(qtbot, store, pib_key, session):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    index = model.index(model.row_of("indicator", "1.1.1"), model.column_of("target:0"))
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    messages = []
    editor.status.connect(messages.append)
    type_text(qtbot, editor.view, "১")  # the first key opens the editor
    typing = QApplication.focusWidget()
    type_text(qtbot, typing, "৬/০৩/২০২৫")  # a year too late: a slip, or meant
    assert typing.text() == "১৬/০৩/২০২৫"
    assert typing.property("warning") and not typing.property("invalid")
    assert typing.toolTip() == "১৬/০৩/২০২৫ তারিখটি ২০২৩-২৪ অর্থবছরের বাইরে"
    assert messages[-1] == typing.toolTip()
    # Back inside the year, the mark goes.
    typing.setText("")
    type_text(qtbot, typing, "১৬/০৩/২০২৪")
    assert not typing.property("warning") and typing.toolTip() == "" and messages[-1] == ""
    typing.setText("")
    type_text(qtbot, typing, "১৬/০৩/২০২৫")
    qtbot.keyClick(typing, Qt.Key.Key_Return)  # a warning never stops saving
    import datetime as dt

    assert store.get_document(pib_key).plan.indicator("1.1.1").targets[0] == dt.date(2025, 3, 16)


def test_the_memo_date_is_checked_while_typing(qtbot, demo):
    import datetime as dt

    from egov_desktop.gui.dialogs.memo import MemoDialog

    key = demo.find_plan("2023-24", "egov_innovation")
    dialog = MemoDialog(demo, key, "Q1", today=dt.date(2023, 10, 5))
    show(qtbot, dialog)
    date = dialog.ui.date
    date.setFocus()
    date.selectAll()
    type_text(qtbot, date, "৩১/০২/২০২৪")
    # Red with the reason, before OK is pressed.
    assert date.property("invalid") and dialog.ui.error.isVisible()
    assert "ফেব্রুয়ারি" in dialog.ui.error.text() and "ফেব্রুয়ারি" in date.toolTip()
    date.selectAll()
    type_text(qtbot, date, "০৫/১০/২০২৩")
    assert not date.property("invalid") and not dialog.ui.error.isVisible()
    # Outside the fiscal year: said, not refused.
    date.selectAll()
    type_text(qtbot, date, "০৫/১০/২০২৪")
    assert date.property("warning") and dialog.ui.error.text() == "তারিখ: ০৫/১০/২০২৪ তারিখটি ২০২৩-২৪ অর্থবছরের বাইরে"
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.change is not None and demo.get_document(key).report("Q1").memo.date == dt.date(2024, 10, 5)


def test_a_year_end_memo_may_be_dated_up_to_its_deadline(qtbot, demo):
    import datetime as dt

    from egov_desktop.gui.dialogs.memo import MemoDialog

    dialog = MemoDialog(demo, demo.find_plan("2023-24", "egov_innovation"), "annual", today=dt.date(2024, 7, 10))
    show(qtbot, dialog)
    assert not dialog.ui.date.property("warning") and not dialog.ui.error.isVisible()


def test_the_status_bar_drops_the_reason_once_the_typing_is_abandoned(qtbot, store, pib_key, session):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    index = model.index(model.row_of("indicator", "1.1.1"), model.column_of("target:0"))
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    messages = []
    editor.status.connect(messages.append)
    type_text(qtbot, editor.view, "৩")
    typing = QApplication.focusWidget()
    type_text(qtbot, typing, "১/০২/২০২৪")
    assert "ফেব্রুয়ারি" in messages[-1]
    qtbot.keyClick(typing, Qt.Key.Key_Escape)  # abandoned: the saved date stays, and so must the bar be clear
    assert messages[-1] == "" and model.index(index.row(), index.column()).data() == "১৬/০৩/২০২৪"
