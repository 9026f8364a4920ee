"""Pasting a block copied from Excel or Word: every cell checked like typed input, one undo step."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from egov_desktop.gui.models import REFUSED, Role
from egov_desktop.gui.paste import parse_block
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.gui.conftest import show


def test_parse_block_reads_excel_and_word_copies():
    assert parse_block("1\t2\r\n3\t4\r\n") == [["1", "2"], ["3", "4"]]
    assert parse_block("a\t\tc\n") == [["a", "", "c"]]
    # Excel quotes a cell holding a line break.
    assert parse_block('"line one\nline two"\tx\n') == [["line one\nline two", "x"]]
    assert parse_block("") == []


def test_a_3x2_block_lands_validated_as_one_undo_step(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    rows = {model.indicator(r).code: r for r in range(model.rowCount())}
    before = store.get_document(pib_key).report("Q1")
    # Achievement and narrative of 2.1.1, 3.1.1 (a date) and 4.1.1 (a percent); 3.1.1's date does not exist.
    block = "২\tডাটাবেজ হালনাগাদ\n৩১/০২/২০২৪\tশোকেসিং হয়েছে\n72 %\tনোট নিষ্পত্তি\n"
    QGuiApplication.clipboard().setText(block)
    editor.view.setCurrentIndex(model.index(rows["2.1.1"], model.column_of("value")))
    with qtbot.waitSignal(editor.view.pasted) as pasted:
        qtbot.keyClick(editor.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    result = pasted.args[0]
    assert (len(result.applied), len(result.refused), result.skipped) == (5, 1, 0)

    report = store.get_document(pib_key).report("Q1")
    assert report.entry("2.1.1").value == 2 and report.entry("2.1.1").narrative == "ডাটাবেজ হালনাগাদ"
    assert report.entry("3.1.1").value is None  # refused: not saved
    assert report.entry("3.1.1").narrative == "শোকেসিং হয়েছে"
    assert report.entry("4.1.1").value == 72.0 and report.entry("4.1.1").narrative == "নোট নিষ্পত্তি"
    refused = model.index(rows["3.1.1"], model.column_of("value"))
    assert refused.data(Role.SEVERITY) == REFUSED
    assert refused.data() == "৩১/০২/২০২৪"
    assert refused.data(Qt.ItemDataRole.ToolTipRole) == "ফেব্রুয়ারি মাসে ৩১ তারিখ নেই"
    assert model.index(rows["4.1.1"], model.column_of("value")).data() == "৭২%"
    # 72 % of e-Nothi notes: 80 + (72 - 70) / (75 - 70) * 10 = 84 %, 6.72 of 8 (DOMAIN.md's worked example).
    assert model.index(rows["4.1.1"], model.column_of("score")).data() == "৬.৭২"

    assert undo_stack.count() == 1
    undo_stack.undo()
    after = store.get_document(pib_key).report("Q1")
    for code in ("2.1.1", "3.1.1", "4.1.1"):
        assert (after.entry(code).value, after.entry(code).narrative) == (before.entry(code).value, before.entry(code).narrative)
    assert model.index(rows["4.1.1"], model.column_of("value")).data() == "৫৬.৯৮%"


def test_paste_skips_read_only_cells_and_checks_plan_targets(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    row = model.row_of("indicator", "1.1.1")
    # Two dates into the first two target levels; the code column to the left is never written.
    editor.view.setCurrentIndex(model.index(row, model.column_of("target:0")))
    result = editor.view.paste_text("10/03/2024\t১৮-০৩-২০২৪\n")
    assert (len(result.applied), result.refused, result.skipped) == (2, [], 0)
    assert store.get_document(pib_key).plan.indicator("1.1.1").targets[:2] == [dt.date(2024, 3, 10), dt.date(2024, 3, 18)]
    # A block wider than the grid: what falls off the right edge is skipped, not wrapped.
    last = model.columnCount() - 1
    editor.view.setCurrentIndex(model.index(row, last))
    result = editor.view.paste_text("দায়িত্বপ্রাপ্ত শাখা\tবাড়তি\n")
    assert result.skipped == 1 and len(result.applied) == 1
    assert store.get_document(pib_key).plan.indicator("1.1.1").responsible == "দায়িত্বপ্রাপ্ত শাখা"
    assert undo_stack.count() == 2


def test_delete_empties_the_selected_cells_as_one_undo_step(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    rows = {model.indicator(r).code: r for r in range(model.rowCount())}
    top = model.index(rows["4.1.1"], model.column_of("value"))
    bottom = model.index(rows["5.1.1"], model.column_of("narrative"))
    editor.view.setCurrentIndex(top)
    editor.view.selectionModel().select(QItemSelection(top, bottom), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    report = store.get_document(pib_key).report("Q1")
    for code in ("4.1.1", "5.1.1"):
        assert (report.entry(code).value, report.entry(code).narrative) == (None, None)
    assert not top.data() and undo_stack.count() == 1
    undo_stack.undo()
    assert store.get_document(pib_key).report("Q1").entry("4.1.1").value == 56.98
    assert top.data() == "৫৬.৯৮%"


def test_a_copied_block_pastes_back_elsewhere(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    rows = {model.indicator(r).code: r for r in range(model.rowCount())}
    # Copy 4.1.1's achievement and narrative (Bangla digits, a % sign) ...
    top = model.index(rows["4.1.1"], model.column_of("value"))
    editor.view.setCurrentIndex(top)
    editor.view.selectionModel().select(QItemSelection(top, model.index(rows["4.1.1"], model.column_of("narrative"))),
                                        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.keyClick(editor.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "৫৬.৯৮%\t৫৬.৯৮% নোট নিষ্পত্তিকৃত\n"
    # ... into 2.1.1, a count: the narrative lands, the percent is refused there.
    editor.view.setCurrentIndex(model.index(rows["2.1.1"], model.column_of("value")))
    editor.view.selectionModel().clearSelection()
    result = editor.view.paste_text(QGuiApplication.clipboard().text())
    assert (len(result.applied), len(result.refused)) == (1, 1)
    entry = store.get_document(pib_key).report("Q1").entry("2.1.1")
    assert (entry.value, entry.narrative) == (1, "৫৬.৯৮% নোট নিষ্পত্তিকৃত")


def test_an_excel_block_steps_over_read_only_columns(qtbot, store, pib_key, session, undo_stack):
    # Q2 shows "this period's part" (computed) between the achievement and the narrative: an Excel block of
    # achievement | narrative | evidence goes onto the three editable columns, not onto that one.
    editor = ProgressEditor(session, pib_key, "Q2")
    show(qtbot, editor)
    model = editor.model
    assert model.column_of("own") == model.column_of("value") + 1
    row = {model.indicator(r).code: r for r in range(model.rowCount())}["2.1.1"]
    editor.view.setCurrentIndex(model.index(row, model.column_of("value")))
    result = editor.view.paste_text("৫\tডাটাবেজ হালনাগাদ\tসভার কার্যবিবরণী\n")
    assert (len(result.applied), result.refused, result.skipped) == (3, [], 0)
    entry = store.get_document(pib_key).report("Q2").entry("2.1.1")
    assert (entry.value, entry.narrative, entry.evidence) == (5, "ডাটাবেজ হালনাগাদ", "সভার কার্যবিবরণী")
    assert result.message().render("bn") == "৩টি ঘর পেস্ট হয়েছে; ০টি বাতিল, ০টি বাদ"
