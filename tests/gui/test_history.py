"""The history of an indicator: the audit log of its edits, shown in Bangla, opened from either grid."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from egov_desktop.core.i18n import set_language
from egov_desktop.gui import history
from egov_desktop.gui.history import NEW, OLD, WHAT, WHEN, WHO, HistoryModel
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.progress_editor import ProgressEditor
from egov_desktop.store.audit import user_name
from tests.gui.conftest import open_editor, show, type_text


def _rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_history_of_an_indicator_shows_the_edit_just_made_with_old_and_new_value(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    action = history.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    index = model.index(0, model.column_of("value"))
    code = model.indicator(0).code
    line = open_editor(editor, index)
    type_text(qtbot, line, "১৬/০৩/২০২৪")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.get_document(pib_key).report("Q1").entry(code).value == dt.date(2024, 3, 16)

    editor.view.setCurrentIndex(index)
    assert action.isEnabled() and action.text() == "এই সূচকের ইতিহাস"
    assert action in editor.view.actions()  # on the cell's context menu
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = editor.history_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "সূচক ১.১.১ এর ইতিহাস"
    rows = _rows(dialog.model)
    newest = rows[0]
    assert newest[WHAT] == "১ম ত্রৈমাসিক: সূচক ১.১.১, অর্জন"
    assert newest[OLD] == "—" and newest[NEW] == "১৬/০৩/২০২৪"
    assert newest[WHO] == user_name()
    today = dt.date.today()
    assert newest[WHEN].startswith(f"{today.day:02d}/{today.month:02d}/{today.year}".translate(
        str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")))
    assert dialog.model.headerData(OLD, Qt.Orientation.Horizontal) == "আগের মান"

    # It follows the undo stack while open: the undo is the newest line, values swapped.
    undo_stack.undo()
    rows = _rows(dialog.model)
    assert rows[0][WHAT] == "পূর্বাবস্থায় ফেরানো: ১ম ত্রৈমাসিক: সূচক ১.১.১, অর্জন"
    assert rows[0][OLD] == "১৬/০৩/২০২৪" and rows[0][NEW] == "—"


def test_plan_edits_show_targets_weights_and_units_by_name(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    history.attach_grid(editor)
    model = editor.model
    row = model.row_of("indicator", "1.1.1")
    assert model.setData(model.index(row, model.column_of("target:0")), "১৫/০৩/২০২৪")
    assert model.setData(model.index(row, model.column_of("weight")), "২.৫")
    indicator = model.document.plan.indicator("1.1.1")
    other = model.document.plan.indicator("2.1.1")
    store.set_indicator_field(other.key, "weight", 9)  # another indicator's edit is not in this history

    rows = _rows(HistoryModel(store, pib_key, indicator.key, model.document.plan))
    assert [r[WHAT] for r in rows[:2]] == ["সূচক ১.১.১, মান", f"সূচক ১.১.১, লক্ষ্যমাত্রা “{model.document.plan.levels[0].label}”"]
    assert rows[0][NEW] == "২.৫"
    assert rows[1][OLD] == "১৬/০৩/২০২৪" and rows[1][NEW] == "১৫/০৩/২০২৪"
    assert all("২.১.১" not in r[WHAT] for r in rows)

    store.set_indicator_field(indicator.key, "unit", "count")
    top = _rows(HistoryModel(store, pib_key, indicator.key))[0]
    assert (top[WHAT], top[OLD], top[NEW]) == ("সূচক ১.১.১, একক", "তারিখ", "সংখ্যা")


def test_area_rows_have_no_indicator_history(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    action = history.attach_grid(editor)
    show(qtbot, editor)
    editor.view.setCurrentIndex(editor.model.index(0, editor.model.column_of("title")))  # the first area
    assert not action.isEnabled()
    editor.view.setCurrentIndex(editor.model.index(editor.model.row_of("indicator", "1.1.1"), 1))
    assert action.isEnabled()


def test_history_model_passes_qt_model_tester(qtmodeltester, store, pib_key):
    indicator = store.get_document(pib_key).plan.indicator("1.1.1")
    model = HistoryModel(store, pib_key, indicator.key)
    qtmodeltester.check(model, force_py=True)  # the import alone
    store.set_indicator_field(indicator.key, "evidence", "নথি")
    store.set_entry_field(pib_key, "Q2", indicator.key, "not_applicable", True)
    model.refresh()
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, NEW).data() == "হ্যাঁ"
    assert model.index(0, WHAT).data() == "২য় ত্রৈমাসিক: সূচক ১.১.১, প্রযোজ্য নয়"


def test_english_history_has_latin_digits(qtbot, store, pib_key):
    indicator = store.get_document(pib_key).plan.indicator("1.1.1")
    store.set_target(indicator.key, 0, dt.date(2024, 3, 1))
    set_language("en")
    try:
        row = _rows(HistoryModel(store, pib_key, indicator.key))[0]
    finally:
        set_language("bn")
    assert row[WHAT].startswith("indicator 1.1.1, target")
    assert (row[OLD], row[NEW]) == ("16/03/2024", "01/03/2024")


def test_shortcuts_keep_their_modifiers_in_bangla_menus(qtbot, store, pib_key, session, undo_stack):
    from PySide6.QtGui import QKeySequence

    from egov_desktop.gui.app import application
    from egov_desktop.gui.i18n_qt import state

    application()  # installs the catalog translator Qt asks for "Ctrl", "Shift", ...
    state().set_language("bn")
    editor = ProgressEditor(session, pib_key, "Q1")
    action = history.attach_grid(editor)
    assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+H"


def test_a_text_that_only_looks_like_a_date_is_shown_as_typed(store, pib_key):
    ind = store.get_document(pib_key).plan.indicator("1.1.1")
    store.set_entry_field(pib_key, "Q1", ind.key, "remarks", "2024-13-45")
    rows = _rows(HistoryModel(store, pib_key, ind.key))  # it raised ValueError: the dialog did not open
    assert rows[0][NEW] == "2024-13-45"


def test_a_plan_s_history_begins_with_how_it_was_made(store, pib_key):
    """A demo or imported plan, never edited, has a history: its import ("আমদানি")."""
    indicator = store.get_document(pib_key).plan.indicator("1.1.1")
    [made] = _rows(HistoryModel(store, pib_key, indicator.key))
    assert made[WHAT] == "আমদানি (পুরো কর্মপরিকল্পনা)"
    assert made[NEW] == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪" and made[OLD] == "—"
    template = store.create_from_template("egov_innovation-2023-24-department", fiscal_year="2024-25").key
    first = store.get_document(template).plan.indicators()[0]
    [made] = _rows(HistoryModel(store, template, first.key))
    assert made[WHAT] == "টেমপ্লেট থেকে আমদানি: ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪ (অধিদপ্তর/সংস্থা)"
    assert made[NEW] == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৪-২৫"
    blank = store.create_blank("grs", "2024-25").key
    [made] = _rows(HistoryModel(store, blank, store.get_document(blank).plan.indicators()[0].key))
    assert made[WHAT] == "ফাঁকা কর্মপরিকল্পনা হিসেবে তৈরি"


def test_who_is_the_officer_s_name_once_given_not_the_computer_login(store, pib_key):
    from egov_desktop.store.audit import OFFICER_NAME

    indicator = store.get_document(pib_key).plan.indicator("1.1.1")
    store.set_setting(OFFICER_NAME, "রহিমা খাতুন")
    store.set_indicator_field(indicator.key, "evidence", "নথি")
    rows = _rows(HistoryModel(store, pib_key, indicator.key))
    assert rows[0][WHO] == "রহিমা খাতুন"
    assert rows[-1][WHO] == user_name()  # the import, before the name was given


def test_the_officer_s_name_is_asked_once_above_the_plan_and_edited_in_the_office_profile(qtbot, demo, settings):
    from PySide6.QtWidgets import QDialogButtonBox

    from egov_desktop.gui.dialogs.office import OfficeDialog
    from egov_desktop.store.audit import OFFICER_NAME
    from tests.gui.shell import make_window

    window = make_window(qtbot, demo, settings)
    bar = window.officer_bar
    assert bar.isVisible() and "ইতিহাস" in bar.label.text()
    bar.name.setFocus()
    type_text(qtbot, bar.name, "রহিমা খাতুন")
    qtbot.keyClick(bar.name, Qt.Key.Key_Return)
    assert not bar.isVisible() and demo.get_setting(OFFICER_NAME) == "রহিমা খাতুন"
    window.close()
    assert not make_window(qtbot, demo, settings).officer_bar.isVisible()  # asked once

    dialog = OfficeDialog(demo, demo.office_of(window.plan_key))
    qtbot.addWidget(dialog)
    assert dialog.ui.officerName.text() == "রহিমা খাতুন"
    dialog.ui.officerName.setText("রহিমা খাতুন চৌধুরী")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert demo.get_setting(OFFICER_NAME) == "রহিমা খাতুন চৌধুরী"
    ind = demo.get_document(window.plan_key).plan.indicator("1.1.1")
    demo.set_indicator_field(ind.key, "evidence", "নথি")
    assert demo.audit(window.plan_key, ind.key)[-1].user == "রহিমা খাতুন চৌধুরী"
