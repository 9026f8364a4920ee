"""The Progress tab's problems list has every error that blocks the report's sign-off: the plan's too."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.shell import make_window, sign_off_answer


def test_a_plan_error_shows_on_the_progress_tab_and_leads_to_the_plan_cell(qtbot, tmp_path, settings):
    from egov_desktop.core import exchange
    from egov_desktop.store.service import Store
    from tests.conftest import PIB

    doc = exchange.load(PIB)
    doc.plan.indicator("4.1.1").targets[0] = 150.0  # a percent target over 100: the plan is wrong
    store = Store.open(tmp_path / "plan-error.sqlite")
    try:
        store.import_document(doc)
        window = make_window(qtbot, store, settings)
        window.ui.tabs.setCurrentWidget(window.ui.progressTab)
        plan_errors = [f for f in window.problems.errors() if str(f.where).startswith("4.1.1/targets")]
        assert len(plan_errors) == 1
        assert window.problems.summary.text().startswith(f"{len(window.problems.errors())}টি ত্রুটি".translate(
            str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")))
        row = next(r for r in range(window.problems.model.rowCount())
                   if window.problems.model.finding(r) == plan_errors[0])
        entry = window.problems.model.index(row, 0)
        assert entry.data().startswith("৪.১.১: ")
        # A click goes to the Plan tab, on the target cell (the progress grid only shows the target).
        rect = window.problems.view.visualRect(entry)
        qtbot.mouseClick(window.problems.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.ui.tabs.currentWidget() is window.ui.planTab
        model = window.plan_editor.model
        assert window.plan_editor.view.currentIndex() == model.index(model.row_of("indicator", "4.1.1"),
                                                                     model.column_of("target:0"))
        # The sign-off dialog names it before OK, with the missing memo.
        window.ui.tabs.setCurrentWidget(window.ui.progressTab)
        text, ok = sign_off_answer(window)
        assert "• ৪.১.১: " in text and "অগ্রায়ণপত্র" in text and not ok
    finally:
        store.close()
