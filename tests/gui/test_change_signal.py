"""Every open view follows every change, whichever view made it (issue 13.1, 15.1): the views that share
data, typed into through the real window."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import open_editor, type_text
from tests.gui.shell import make_window


def _window(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the cell editors take the keyboard focus
    return window


def _show_period(window, period: str):
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    window.ui.period.setCurrentIndex(window.ui.period.findData(period))
    editor = window.progress_editor()
    assert editor.period == period
    return editor


def _cell(editor, code: str, column: str):
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == code)
    return model.index(row, model.column_of(column))


def _type(qtbot, editor, index, text: str) -> None:
    line = open_editor(editor, index)
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def _saved(store, plan_key, period, code):
    entry = store.get_document(plan_key).report(period).entry(code)
    return entry.value if entry else None


def test_a_first_quarter_edit_reaches_the_open_second_quarter_and_plus_adds_to_it(qtbot, demo, settings):
    # Issue 15.1: Q2 open, then Q1's count achievement ১ -> ৯, back to Q2: "+২" must save ১১, not ৩.
    window = _window(qtbot, demo, settings)
    key = window.plan_key
    q2 = _show_period(window, "Q2")
    assert _cell(q2, "2.1.1", "previous").data() == "১"
    q1 = _show_period(window, "Q1")
    _type(qtbot, q1, _cell(q1, "2.1.1", "value"), "৯")
    assert _saved(demo, key, "Q1", "2.1.1") == 9

    q2 = _show_period(window, "Q2")
    assert _cell(q2, "2.1.1", "previous").data() == "৯"
    _type(qtbot, q2, _cell(q2, "2.1.1", "value"), "+২")
    assert _saved(demo, key, "Q2", "2.1.1") == 11
    assert _cell(q2, "2.1.1", "value").data() == "১১" and _cell(q2, "2.1.1", "own").data() == "২"

    # The same after undo: Q2's ১১ and Q1's ৯ are taken back, whichever grid is shown.
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert _saved(demo, key, "Q1", "2.1.1") == 1
    assert _cell(q2, "2.1.1", "previous").data() == "১"
    _type(qtbot, q2, _cell(q2, "2.1.1", "value"), "+২")
    assert _saved(demo, key, "Q2", "2.1.1") == 3
    # Q1's grid, out of sight while its edit was undone, shows ১ once it is shown again.
    q1 = _show_period(window, "Q1")
    assert _cell(q1, "2.1.1", "value").data() == "১"


def test_a_plan_weight_reaches_the_progress_grid_and_the_score_and_undo_takes_it_back(qtbot, demo, settings):
    from egov_desktop.gui.models import INDICATOR

    window = _window(qtbot, demo, settings)
    q1 = _show_period(window, "Q1")
    before = window.score_summary.score.out_of
    window.ui.tabs.setCurrentWidget(window.ui.planTab)
    plan = window.plan_editor
    weight = plan.model.index(plan.model.row_of(INDICATOR, "2.1.1"), plan.model.column_of("weight"))
    old = demo.get_document(window.plan_key).plan.indicator("2.1.1").weight
    _type(qtbot, plan, weight, str(old + 5))
    # Back on the Progress tab, the grid scores against the new weight, and the score panel beside it says so.
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    assert q1.model.document.plan.indicator("2.1.1").weight == old + 5
    assert window.score_summary.score.out_of == before + 5
    window.undo_stack.undo()
    assert q1.model.document.plan.indicator("2.1.1").weight == old
    assert window.score_summary.score.out_of == before
    window.undo_stack.redo()
    assert window.score_summary.score.out_of == before + 5


def test_a_progress_edit_reaches_the_history_window_opened_from_the_plan_grid(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    q1 = _show_period(window, "Q1")
    # The history of 2.1.1, opened from the plan grid, follows an edit made in the progress grid.
    plan = window.plan_editor
    plan.view.setCurrentIndex(plan.model.index(plan.model.row_of("indicator", "2.1.1"), 0))
    dialog = plan.history_action.trigger() or plan.history_dialog
    seen = dialog.model.rowCount()
    evidence = _cell(q1, "2.1.1", "evidence")
    assert q1.model.setData(evidence, "সভার কার্যবিবরণী")
    assert dialog.model.rowCount() == seen + 1
    window.undo_stack.undo()
    assert dialog.model.rowCount() == seen + 2  # the undo is logged as a step of its own
    assert dialog.model.entry(0).operation.startswith("undo ")


def test_the_office_dialog_reaches_the_titles_and_undo_too(qtbot, demo, settings):
    from tests.gui.shell import when_modal

    window = _window(qtbot, demo, settings)
    name = demo.get_office(demo.office_of(window.plan_key)).name
    new = "তথ্য অধিদপ্তর"

    def rename(dialog):
        dialog.ui.name.setText(new)
        dialog.accept()
        if dialog.isVisible():  # refused: the test fails on the title below rather than wait here
            dialog.reject()

    when_modal(rename)
    window.ui.actionOffice.trigger()
    assert window.ui.officeName.text() == new and new in window.windowTitle()
    window.undo_stack.undo()
    assert window.ui.officeName.text() == name and new not in window.windowTitle()
    window.undo_stack.redo()
    assert window.ui.officeName.text() == new


def test_a_sign_off_locks_the_plan_grid_and_reopening_frees_it(qtbot, demo, settings):
    from egov_desktop.core.model import Signatory

    settings.setValue("last/period", "H1")
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    _show_period(window, "H1")
    plan = window.plan_editor
    assert not plan.banner.isVisibleTo(plan)
    # What the sign-off dialog does, then tells the window.
    demo.sign_off(window.plan_key, "H1", Signatory(name="মোঃ আব্দুল করিম", designation="সচিব"))
    window._after_seal_change()
    assert plan.banner.isVisibleTo(plan) and window.progress_editor().model.locked
    demo.reopen(window.plan_key, "H1", "ভুল সংশোধন")
    window._after_seal_change()
    assert not plan.banner.isVisibleTo(plan) and not window.progress_editor().model.locked


def test_a_bijoy_conversion_in_the_plan_grid_reaches_the_progress_grid_and_undo_too(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    q1 = _show_period(window, "Q1")
    key = demo.get_document(window.plan_key).plan.indicator("2.1.1").key
    window.session.push(demo.set_indicator_field(key, "title", "Avgvi ZvwjKv"))  # "আমার তালিকা" typed in Bijoy
    assert _cell(q1, "2.1.1", "title").data() == "Avgvi ZvwjKv"
    plan = window.plan_editor
    assert plan.bijoy_bar.isVisibleTo(plan)
    plan.bijoy_bar.button.click()
    assert _cell(q1, "2.1.1", "title").data() == "আমার তালিকা"
    window.undo_stack.undo()
    assert _cell(q1, "2.1.1", "title").data() == "Avgvi ZvwjKv" and plan.bijoy_bar.isVisibleTo(plan)


def test_a_memo_change_reaches_the_problems_list_and_the_report_state(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    _show_period(window, "Q1")
    rules = {f.rule for f in window.problems.findings()}
    assert "memo_missing" in rules
    state = window.ui.reportState.text()
    # What the memo dialog does on OK: the memo is written, then the window is told through the session.
    window.session.push(demo.set_memo_field(window.plan_key, "Q1", "subject", "ই-গভর্ন্যান্স কর্মপরিকল্পনার অগ্রগতি"))
    rules = {f.rule for f in window.problems.findings()}
    assert "memo_missing" not in rules and "memo_field_missing" in rules  # its number, date, signatory still wanted
    assert window.ui.reportState.text() != state
    window.undo_stack.undo()
    assert "memo_missing" in {f.rule for f in window.problems.findings()} and window.ui.reportState.text() == state


def test_a_report_out_of_sight_reads_the_changes_when_it_is_shown_again(qtbot, demo, settings):
    window = _window(qtbot, demo, settings)
    q2 = _show_period(window, "Q2")
    q1 = _show_period(window, "Q1")
    reloads = []
    q2.model.changed.connect(lambda: reloads.append(1))
    assert q1.model.setData(_cell(q1, "2.1.1", "value"), "৯")
    assert q1.model.setData(_cell(q1, "5.1.1", "value"), "৪")
    assert not reloads  # not at every edit made while Q2 is not shown
    _show_period(window, "Q2")
    assert len(reloads) == 1 and _cell(q2, "2.1.1", "previous").data() == "৯"
    assert _cell(q2, "5.1.1", "previous").data() == "৪"


def _bangla_date(day) -> str:
    from egov_desktop.core.digits import localize_digits
    from egov_desktop.core.values import format_date

    return localize_digits(format_date(day, "en"), "bn")


def test_a_deadline_changed_in_the_deadlines_dialog_reaches_the_status_bar_and_undo_too(qtbot, store, settings):
    import datetime as dt

    from egov_desktop.core.model import PERIODS
    from egov_desktop.core.periods import FiscalYear
    from egov_desktop.gui.deadlines import save_deadline_table
    from tests.gui.shell import make_window, when_modal

    # No plan open: the dialog edits this fiscal year's table, the one the status bar's next deadline is from. The
    # tables are set first so the test does not depend on the day it runs: this year's far off, last year's done.
    today = dt.date.today()
    far, near = today + dt.timedelta(days=60), today + dt.timedelta(days=3)
    this_year = FiscalYear.of(today)
    save_deadline_table(store, this_year.previous(), {p: today - dt.timedelta(days=400) for p in PERIODS})
    save_deadline_table(store, this_year, {p: far for p in PERIODS})
    window = make_window(qtbot, store, settings, select=None)
    label = window.deadline_label
    assert _bangla_date(far) in label.text() and "#a40000" not in label.styleSheet()

    def move_closer(dialog):
        for edit in dialog.edits.values():
            edit.setText(near.strftime("%d/%m/%Y"))
        dialog.accept()
        if dialog.isVisible():  # refused: the test fails on the status bar below rather than wait here
            dialog.reject()

    when_modal(move_closer)
    window.ui.actionDeadlines.trigger()
    # At once, without reopening anything: the new date, three days left, in the urgent colour.
    assert _bangla_date(near) in label.text() and "৩" in label.text()
    assert "#a40000" in label.styleSheet()
    window.undo_stack.undo()
    assert _bangla_date(far) in label.text() and "#a40000" not in label.styleSheet()
    window.undo_stack.redo()
    assert _bangla_date(near) in label.text()


def test_a_scoring_setting_changed_in_its_dialog_reaches_the_score_panel_and_undo_too(qtbot, demo, settings):
    from PySide6.QtWidgets import QDialogButtonBox

    from tests.gui.shell import when_modal

    window = _window(qtbot, demo, settings)
    _show_period(window, "Q1")
    panel = window.score_summary
    before, shown = panel.score.out_of, panel.total_text()
    # PIB's Q1 marks 6.1.1 not applicable: by default its weight is left out of the total it is scored against.
    na_weight = demo.get_document(window.plan_key).plan.indicator("6.1.1").weight
    assert demo.get_document(window.plan_key).report("Q1").entry("6.1.1").not_applicable and na_weight

    def include(dialog):
        dialog.ui.notApplicable.setCurrentIndex(dialog.ui.notApplicable.findData("include"))
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        if dialog.isVisible():
            dialog.reject()

    when_modal(include)
    window.ui.actionScoring.trigger()
    # The panel beside the grid shows the total against the weight with 6.1.1's in it, at once.
    assert panel.score.out_of == before + na_weight
    assert panel.total_text() != shown
    window.undo_stack.undo()
    assert panel.score.out_of == before and panel.total_text() == shown
    window.undo_stack.redo()
    assert panel.score.out_of == before + na_weight
