"""The editors as a user drives them: typing into the real cell editors, undo, problems, row operations."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHBoxLayout, QMessageBox, QWidget

from egov_desktop.core.address import Address
from egov_desktop.core.i18n import Msg
from egov_desktop.core.i18n import _ as _t
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.problems import ProblemsPanel
from egov_desktop.gui.progress_editor import ProgressEditor
from egov_desktop.gui.score_view import ScoreSummary
from tests.gui.conftest import open_editor, show, type_text, with_undo_shortcuts
from tests.gui.shell import when_modal


def test_impossible_date_target_is_marked_with_the_bangla_reason_and_not_saved(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    messages = []
    editor.status.connect(messages.append)
    model = editor.model
    index = model.index(model.row_of("indicator", "1.1.1"), model.column_of("target:0"))
    assert index.data() == "১৬/০৩/২০২৪"

    line = open_editor(editor, index)
    line.selectAll()
    type_text(qtbot, line, "৩১/০২/২০২২")
    reason = "ফেব্রুয়ারি মাসে ৩১ তারিখ নেই"
    assert line.property("invalid") is True
    assert "#c62828" in line.styleSheet()  # the red border
    assert line.toolTip() == reason
    assert messages[-1] == reason  # the status bar
    # Enter cannot commit it: the editor stays open with the text to fix.
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor.view.state() == QAbstractItemView.State.EditingState
    assert store.get_document(pib_key).plan.indicator("1.1.1").targets[0] == dt.date(2024, 3, 16)
    assert undo_stack.count() == 0
    # Fixing the text clears the mark at once.
    line.selectAll()
    type_text(qtbot, line, "15/03/2024")
    assert line.property("invalid") is False and line.toolTip() == "" and messages[-1] == ""
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.get_document(pib_key).plan.indicator("1.1.1").targets[0] == dt.date(2024, 3, 15)
    assert index.data() == "১৫/০৩/২০২৪"


def test_invalid_text_left_by_focus_out_stays_marked_in_the_cell(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    index = model.index(0, model.column_of("value"))
    line = open_editor(editor, index)
    type_text(qtbot, line, "৩১/০২/২০২৪")
    editor.view.setFocus()  # clicking elsewhere commits what the editor holds
    qtbot.waitUntil(lambda: editor.view.state() != QAbstractItemView.State.EditingState)
    assert index.data() == "৩১/০২/২০২৪"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "ফেব্রুয়ারি মাসে ৩১ তারিখ নেই"
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").value is None
    # Esc on the cell gives up the refused text: the saved (empty) value shows again.
    qtbot.keyClick(editor.view, Qt.Key.Key_Escape)
    assert not index.data() and index.data(Qt.ItemDataRole.ToolTipRole) is None


def test_valid_date_is_saved_shown_in_bangla_scored_and_undone_with_ctrl_z(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    summary = ScoreSummary()
    editor.attach_score(summary)
    window = with_undo_shortcuts(editor, undo_stack)
    show(qtbot, window)
    model = editor.model
    value = model.index(0, model.column_of("value"))  # 1.1.1: a date, nothing achieved yet
    score = model.index(0, model.column_of("score"))
    assert not value.data() and score.data() == "০"
    assert summary.total_text() == "প্রাপ্ত নম্বর ৮.৪ / ৪৩ (১৯.৫৩%)"

    line = open_editor(editor, value)
    type_text(qtbot, line, "১৬/০৩/২০২৪")
    assert line.property("invalid") is False
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").value == dt.date(2024, 3, 16)
    assert value.data() == "১৬/০৩/২০২৪"
    assert (model.index(0, model.column_of("percent")).data(), score.data()) == ("১০০%", "১০")
    assert summary.total_text() == "প্রাপ্ত নম্বর ১৮.৪ / ৪৩ (৪২.৭৯%)"
    # One undo step, named by the store's description of the change.
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == Msg("Change the achievement of {code}", {"code": "1.1.1"}).render()

    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").value is None
    assert not value.data()
    assert score.data() == "০" and summary.total_text() == "প্রাপ্ত নম্বর ৮.৪ / ৪৩ (১৯.৫৩%)"
    qtbot.keyClick(editor.view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").value == dt.date(2024, 3, 16)
    assert value.data() == "১৬/০৩/২০২৪" and score.data() == "১০"


def test_percent_and_score_follow_the_keystrokes_before_saving(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    summary = ScoreSummary()
    editor.attach_score(summary)
    show(qtbot, editor)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "4.1.1")
    percent, score = model.index(row, model.column_of("percent")), model.index(row, model.column_of("score"))
    assert (percent.data(), score.data()) == ("০%", "০")  # 56.98 % is below every level
    line = open_editor(editor, model.index(row, model.column_of("value")))
    line.selectAll()
    type_text(qtbot, line, "৭২")
    # 72 %: 80 + (72 - 70) / (75 - 70) * 10 = 84 %, 6.72 of 8, shown before anything is saved.
    assert (percent.data(), score.data()) == ("৮৪%", "৬.৭২")
    assert summary.total_text() == "প্রাপ্ত নম্বর ১৫.১২ / ৪৩ (৩৫.১৬%)"
    assert store.get_document(pib_key).report("Q1").entry("4.1.1").value == 56.98
    # Escape abandons the typing: the saved value's score comes back.
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert (percent.data(), score.data()) == ("০%", "০")
    assert summary.total_text() == "প্রাপ্ত নম্বর ৮.৪ / ৪৩ (১৯.৫৩%)"
    assert undo_stack.count() == 0


def test_clicking_a_problem_selects_its_cell(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    panel = ProblemsPanel()
    editor.attach_problems(panel)
    window = QWidget()
    layout = QHBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(panel)
    show(qtbot, window)
    wheres = [str(panel.model.finding(r).where) for r in range(panel.model.rowCount())]
    assert "Q1/5.1.1/evidence" in wheres
    row = wheres.index("Q1/5.1.1/evidence")
    rect = panel.view.visualRect(panel.model.index(row, 0))
    with qtbot.waitSignal(panel.activated) as signal:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [Address.parse("Q1/5.1.1/evidence")]
    current = editor.view.currentIndex()
    assert editor.model.indicator(current.row()).code == "5.1.1"
    assert editor.model.column_key(current.column()) == "evidence"
    assert editor.view.selectionModel().isSelected(current)
    # Filling in the evidence removes the problem from the panel.
    line = open_editor(editor, current)
    type_text(qtbot, line, "ওয়েবসাইটের স্ক্রিনশট")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert "Q1/5.1.1/evidence" not in [str(f.where) for f in panel.findings()]


def test_plan_rows_are_added_moved_and_removed_with_codes_renumbered_and_undone(qtbot, store, modmr_key, session, undo_stack):
    editor = PlanEditor(session, modmr_key)
    show(qtbot, editor)
    model = editor.model
    codes = lambda: [i.code for i in store.get_document(modmr_key).plan.indicators()]  # noqa: E731
    titles = lambda: [i.title for i in store.get_document(modmr_key).plan.indicators()]  # noqa: E731
    before_codes, before_titles = codes(), titles()
    first = model.row_of("indicator", "1.1.1")
    editor.view.setCurrentIndex(model.index(first, model.column_of("title")))

    qtbot.keyClick(editor.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(codes()) == len(before_codes) + 1
    assert titles()[1] == "নতুন সূচক" and codes()[1] == "1.1.2"
    # The cursor is on the new row; its title can be typed straight away.
    assert model.row_item(editor.view.currentIndex().row())[3].code == "1.1.2"
    assert model.headerData(editor.view.currentIndex().row(), Qt.Orientation.Vertical) == "১.১.২"
    undo_stack.undo()
    assert (codes(), titles()) == (before_codes, before_titles)
    # The plan's own two rows (title and levels), then every area, activity and indicator.
    assert model.rowCount() == 2 + len(before_codes) + len(store.get_document(modmr_key).plan.areas) + sum(
        len(a.activities) for a in store.get_document(modmr_key).plan.areas)

    # 2.2.1 moves below 2.2.2: the rows swap, the codes stay in order.
    i = before_codes.index("2.2.1")
    editor.view.setCurrentIndex(model.index(model.row_of("indicator", "2.2.1"), model.column_of("title")))
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert titles()[i:i + 2] == [before_titles[i + 1], before_titles[i]]
    assert codes() == before_codes
    assert model.index(model.row_of("indicator", "2.2.2"), model.column_of("title")).data() == before_titles[i]
    assert model.row_item(editor.view.currentIndex().row())[3].code == "2.2.2"  # the cursor moved with the row

    # It has progress in the half-yearly report: asked first (test_remove_confirm), answered Yes.
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert titles() == before_titles[:i] + [before_titles[i + 1]] + before_titles[i + 2:]
    assert codes() == before_codes[:-1]
    undo_stack.undo()
    undo_stack.undo()
    assert (codes(), titles()) == (before_codes, before_titles)
    assert model.index(model.row_of("indicator", "2.2.1"), model.column_of("title")).data() == before_titles[i]


def test_weight_edit_updates_the_weight_sum_warning(qtbot, store, modmr_key, session, undo_stack):
    editor = PlanEditor(session, modmr_key)
    show(qtbot, editor)
    model = editor.model
    area = model.index(model.row_of("area", "1"), model.column_of("weight"))
    assert area.data() == "২৯"
    assert not any(f.rule == "area_weight_sum" for f in editor.findings())
    line = open_editor(editor, area)
    line.selectAll()
    type_text(qtbot, line, "৩০")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.get_document(modmr_key).plan.areas[0].weight == 30
    assert area.data() == "৩০"
    assert area.data(Qt.ItemDataRole.ToolTipRole)  # the sum no longer matches: a warning on the cell
    assert any(f.rule == "area_weight_sum" and str(f.where) == "area:1" for f in editor.findings())


def _sign_off(store, plan_key, period="Q1"):
    from egov_desktop.core.model import Signatory

    for field, value in (("subject", "ই-গভর্ন্যান্স কর্মপরিকল্পনার প্রতিবেদন প্রেরণ"), ("number", "১৫.৫২.০০০০.০০১.১১.০০১.২৩.১"),
                         ("date", dt.date(2023, 10, 10)), ("signatory.name", "মোঃ আবদুল করিম"),
                         ("signatory.designation", "উপপরিচালক")):
        store.set_memo_field(plan_key, period, field, value)
    store.sign_off(plan_key, period, Signatory("মোঃ আবদুল করিম", "উপপরিচালক"))


def test_a_signed_off_report_is_read_only_and_its_old_steps_cannot_be_undone(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    messages = []
    editor.status.connect(messages.append)
    assert not editor.banner.isVisibleTo(editor)  # a draft needs no banner
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "2.1.1")
    assert model.setData(model.index(row, model.column_of("evidence")), "ডাটাবেজ")
    _sign_off(store, pib_key)
    model.reload()
    assert model.locked and editor.banner.isVisibleTo(editor) and "পুনরায় খুলুন" in editor.banner.text()
    value = model.index(row, model.column_of("value"))
    assert not value.flags() & Qt.ItemFlag.ItemIsEditable
    assert not editor.view.next_stop(model.index(0, 0)).isValid()  # nothing left for Tab to visit
    assert editor.view.paste_text("৯\n").skipped == 1
    # Undoing the edit made before the sign-off is refused by the store; the step leaves the stack.
    undo_stack.undo()
    assert store.get_document(pib_key).report("Q1").entry("2.1.1").evidence == "ডাটাবেজ"
    assert messages[-1] == Msg("The {period} report is signed off. Reopen it before changing it.",
                               {"period": "১ম ত্রৈমাসিক"}).render()
    assert undo_stack.count() == 0


def test_choices_are_picked_from_a_list_by_keyboard(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    row = model.row_of("indicator", "2.1.1")
    index = model.index(row, model.column_of("aggregation"))
    assert index.data() == "সমষ্টি"
    combo = open_editor(editor, index)
    assert [combo.itemText(i) for i in range(combo.count())] == ["সমষ্টি", "গড়", "ক্রমপুঞ্জিভূত", "তারিখ"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # sum -> average
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert store.get_document(pib_key).plan.indicator("2.1.1").aggregation == "average"
    assert index.data() == "গড়"
    # Enter moved on to the next cell and opened it.
    assert model.column_key(editor.view.currentIndex().column()) == "evidence"
    assert editor.view.state() == QAbstractItemView.State.EditingState


def test_undo_steps_are_renamed_when_the_language_changes(qtbot, store, pib_key, session, undo_stack):
    from egov_desktop.core.i18n import set_language

    editor = ProgressEditor(session, pib_key, "Q1")
    action = undo_stack.createUndoAction(editor, "")
    model = editor.model
    assert model.setData(model.index(0, model.column_of("remarks")), "চলমান")
    bangla = undo_stack.undoText()
    assert bangla == Msg("Change the achievement of {code}", {"code": "1.1.1"}).render("bn")
    set_language("en")
    editor.retranslate()
    assert undo_stack.undoText() == "Change the achievement of 1.1.1"
    assert action.text().endswith("Change the achievement of 1.1.1")


def test_a_plan_is_built_from_nothing_by_keyboard(qtbot, store, session, undo_stack):
    from egov_desktop.core.exchange import load
    from tests.conftest import PIB

    empty = load(PIB)
    empty.plan.areas, empty.reports = [], []
    plan_key = store.import_document(empty).key
    editor = PlanEditor(session, plan_key)
    show(qtbot, editor)
    editor.view.setFocus()
    model = editor.model
    assert model.rowCount() == 2  # the plan's own rows

    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.view, Qt.Key.Key_A, ctrl_shift)
    qtbot.keyClick(editor.view, Qt.Key.Key_K, ctrl_shift)
    qtbot.keyClick(editor.view, Qt.Key.Key_I, ctrl_shift)
    plan = store.get_document(plan_key).plan
    assert [a.code for a in plan.areas] == ["1"]
    assert [act.code for act in plan.areas[0].activities] == ["1.1"]
    assert [i.code for i in plan.indicators()] == ["1.1.1"]
    # The cursor waits on the new indicator's title: type it, then its weight and unit.
    current = editor.view.currentIndex()
    assert model.row_item(current.row())[0] == "indicator" and model.column_key(current.column()) == "title"
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    line = QApplication.focusWidget()
    line.selectAll()
    type_text(qtbot, line, "ই-নথিতে নোট নিষ্পত্তি")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "৮")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    combo = QApplication.focusWidget()
    combo.setCurrentIndex(combo.findData("percent"))
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "৮০")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    ind = store.get_document(plan_key).plan.indicator("1.1.1")
    assert (ind.title, ind.weight, ind.unit, ind.targets[0]) == ("ই-নথিতে নোট নিষ্পত্তি", 8, "percent", 80.0)
    assert model.index(model.row_of("indicator", "1.1.1"), model.column_of("target:0")).data() == "৮০%"


def test_target_levels_are_added_and_removed_as_columns(qtbot, store, modmr_key, session, undo_stack):
    editor = PlanEditor(session, modmr_key)
    show(qtbot, editor)
    model = editor.model
    before = store.get_document(modmr_key).plan
    assert [lvl.percent for lvl in before.levels] == [100, 80, 60]
    row = model.row_of("indicator", "1.1.1")
    editor.view.setCurrentIndex(model.index(row, model.column_of("target:0")))
    qtbot.keyClick(editor.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    plan = store.get_document(modmr_key).plan
    # The new level sits between অসাধারণ (100) and উত্তম (80), at 90, empty for every indicator.
    assert [(lvl.label, lvl.percent) for lvl in plan.levels][:2] == [("অসাধারণ", 100), ("নতুন স্তর", 90)]
    assert all(i.targets[1] is None and len(i.targets) == 4 for i in plan.indicators())
    assert model.headerData(model.column_of("target:1"), Qt.Orientation.Horizontal) == "নতুন স্তর"
    assert model.column_key(editor.view.currentIndex().column()) == "target:1"
    editor.actions_["remove_level"].trigger()
    assert store.get_document(modmr_key).plan == before
    undo_stack.undo()
    undo_stack.undo()
    assert store.get_document(modmr_key).plan == before
    assert model.columnCount() == 3 + 3 + 4  # title, weight, unit; three levels; scoring, roll-up, evidence, responsible


def test_a_database_opened_read_only_offers_no_cell_to_type_into(qtbot, tmp_path, undo_stack):
    from egov_desktop.core.exchange import load
    from egov_desktop.gui.session import Session
    from egov_desktop.store.service import Store
    from tests.conftest import PIB

    path = tmp_path / "shared.sqlite"
    with Store.open(path) as writer:
        plan_key = writer.import_document(load(PIB)).key
    with Store.open(path, readonly=True) as reader:
        session = Session(reader, undo_stack)
        for editor in (PlanEditor(session, plan_key), ProgressEditor(session, plan_key, "Q1")):
            qtbot.addWidget(editor)
            model = editor.model
            assert not editor.view.next_stop(QModelIndex()).isValid()
            assert not any(model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
                           for r in range(model.rowCount()) for c in range(model.columnCount()))
            assert editor.view.paste_text("১\n").skipped == 1
        assert undo_stack.count() == 0


def test_the_right_click_menu_offers_copy_paste_delete_and_row_operations(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    qtbot.addWidget(editor)
    texts = [a.text() for a in editor.view.actions() if not a.isSeparator()]
    assert texts[:3] == [_t("&Copy"), _t("&Paste"), _t("Delete")]
    assert "সূচক যোগ" in texts and "উপরে সরান" in texts
