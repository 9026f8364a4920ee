"""Long texts (narrative, evidence, remarks, titles): a wrapping text box, line breaks, rows that grow."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QToolButton

from egov_desktop.gui import bijoy_fix
from egov_desktop.gui.delegates import MAX_LINES, TextCellEditor
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.gui.conftest import open_editor, show, type_text


def _focus():
    return QApplication.focusWidget()


def test_shift_or_ctrl_enter_breaks_the_line_and_enter_commits_and_moves_on(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    index = model.index(0, model.column_of("narrative"))
    box = open_editor(editor, index)
    assert isinstance(box, TextCellEditor)
    # The saved text is selected: typing replaces it, as in the other cells.
    assert box.textCursor().selectedText().startswith("myGov")
    type_text(qtbot, box, "সভা হয়েছে")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, box, "কার্যবিবরণী পাঠানো হয়েছে")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, box, "৩টি সিদ্ধান্ত")
    assert editor.view.state() == QAbstractItemView.State.EditingState  # still typing in the same cell
    qtbot.keyClick(box, Qt.Key.Key_Return)

    want = "সভা হয়েছে\nকার্যবিবরণী পাঠানো হয়েছে\n৩টি সিদ্ধান্ত"
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").narrative == want
    assert index.data() == want
    # Enter moved on to the evidence cell and opened its box, as the keyboard-first flow expects.
    assert model.column_key(editor.view.currentIndex().column()) == "evidence"
    assert isinstance(_focus(), TextCellEditor) and _focus() is not box
    # Shift+Tab goes back without changing anything; Esc leaves the cell as it was.
    qtbot.keyClick(_focus(), Qt.Key.Key_Backtab)
    assert model.column_key(editor.view.currentIndex().column()) == "narrative"
    type_text(qtbot, _focus(), "ভুল")
    qtbot.keyClick(_focus(), Qt.Key.Key_Escape)
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").narrative == want
    assert undo_stack.count() == 1


def test_rows_grow_with_wrapped_text_up_to_a_limit(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model, view = editor.model, editor.view
    line = view.fontMetrics().lineSpacing()
    short_row = model.rowCount() - 1  # 7.1.1 has short texts: the two-line minimum
    qtbot.waitUntil(lambda: view.rowHeight(short_row) >= 2 * line)
    short = view.rowHeight(short_row)
    assert short < 4 * line

    # Six lines of narrative: the row grows to show them all.
    assert model.setData(model.index(short_row, model.column_of("narrative")), "\n".join("১২৩৪৫৬"))
    qtbot.waitUntil(lambda: view.rowHeight(short_row) >= 5 * line)
    # A long paragraph wraps (no line breaks in it) and stops growing at the limit.
    essay = "ই-নথিতে নোট নিষ্পত্তির হার বাড়াতে প্রতি সপ্তাহে পর্যালোচনা সভা হয়েছে। " * 40
    assert model.setData(model.index(short_row, model.column_of("remarks")), essay)
    cap = MAX_LINES * line + 8 + (1 if view.showGrid() else 0)  # the grid line is part of the row
    qtbot.waitUntil(lambda: view.rowHeight(short_row) == cap)
    # Emptying the texts brings the row back to its size.
    assert model.setData(model.index(short_row, model.column_of("narrative")), "")
    assert model.setData(model.index(short_row, model.column_of("remarks")), "")
    qtbot.waitUntil(lambda: view.rowHeight(short_row) == short)
    # The open text box is at least four lines high, whatever the row.
    box = open_editor(editor, model.index(short_row, model.column_of("evidence")))
    assert box.height() >= 4 * line


def test_plan_titles_get_the_text_box_and_level_names_stay_one_line(qtbot, store, pib_key, session, undo_stack):
    editor = PlanEditor(session, pib_key)
    show(qtbot, editor)
    model = editor.model
    title = model.index(model.row_of("indicator", "1.1.1"), model.column_of("title"))
    box = open_editor(editor, title)
    assert isinstance(box, TextCellEditor)
    type_text(qtbot, box, "উদ্ভাবনী ধারণা বাস্তবায়িত")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, box, "(সেবা সহজিকরণ)")
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # Tab commits and moves on, to the weight
    assert store.get_document(pib_key).plan.indicator("1.1.1").title == "উদ্ভাবনী ধারণা বাস্তবায়িত\n(সেবা সহজিকরণ)"
    assert model.column_key(editor.view.currentIndex().column()) == "weight"
    assert isinstance(_focus(), QLineEdit)
    # A title cannot be left empty: the box's text is refused and shown with the reason.
    box = open_editor(editor, title)
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert title.data(Qt.ItemDataRole.ToolTipRole) == "এই ঘরটি খালি রাখা যাবে না"
    assert store.get_document(pib_key).plan.indicator("1.1.1").title.startswith("উদ্ভাবনী")
    # Opened again, the box shows the refused (empty) text marked red with the reason.
    box = open_editor(editor, title)
    assert box.text() == "" and box.property("invalid") is True and "#c62828" in box.styleSheet()
    assert box.toolTip() == "এই ঘরটি খালি রাখা যাবে না"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.keyClick(editor.view, Qt.Key.Key_Escape)  # Esc on the cell brings the saved title back
    assert title.data().startswith("উদ্ভাবনী")
    # The target level's name is short: a line edit.
    level = open_editor(editor, model.index(0, model.column_of("target:0")))
    assert isinstance(level, QLineEdit)


def test_the_bijoy_icon_shows_in_the_text_box_and_converts_before_saving(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    bijoy_fix.attach_grid(editor)
    show(qtbot, editor)
    model = editor.model
    box = open_editor(editor, model.index(2, model.column_of("evidence")))
    assert isinstance(box, TextCellEditor)
    icon = box.findChild(QToolButton)
    assert icon is not None and not icon.isVisible()
    type_text(qtbot, box, "Avgvi")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, box, "Kg©cwiKíbv")
    assert icon.isVisible() and "বিজয়" in icon.defaultAction().toolTip()
    qtbot.mouseClick(icon, Qt.MouseButton.LeftButton)
    assert box.text() == "আমার\nকর্মপরিকল্পনা" and not icon.isVisible()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    code = model.indicator(2).code
    assert store.get_document(pib_key).report("Q1").entry(code).evidence == "আমার\nকর্মপরিকল্পনা"


def test_rows_out_of_view_are_fitted_when_scrolled_to(qtbot, store, modmr_key, session, undo_stack):
    editor = PlanEditor(session, modmr_key)
    show(qtbot, editor)
    editor.resize(1400, 260)  # a few rows in view
    model, view = editor.model, editor.view
    last = model.rowCount() - 1
    assert model.setData(model.index(last, model.column_of("evidence")), "\n".join("১২৩৪৫৬"))
    qtbot.wait(20)
    line = view.fontMetrics().lineSpacing()
    default = view.verticalHeader().defaultSectionSize()
    assert view.rowViewportPosition(last) > view.viewport().height() and view.rowHeight(last) == default
    view.scrollToBottom()
    qtbot.waitUntil(lambda: view.rowHeight(last) >= 5 * line)
