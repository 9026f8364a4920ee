"""The main window on a demo database: the plan shown, language switch, undo naming, settings remembered."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QDialogButtonBox

from egov_desktop.core.i18n import current_language
from tests.gui.shell import make_window


def _texts(window) -> dict[str, str]:
    ui = window.ui
    return {
        "file": ui.menuFile.title(), "edit": ui.menuEdit.title(), "plan_tab": ui.tabs.tabText(0),
        "progress_tab": ui.tabs.tabText(1), "fy_label": ui.fiscalYearLabel.text(), "fy": ui.fiscalYear.currentText(),
        "kind": ui.kind.currentText(), "saved": window.saved_label.text(), "deadline": window.deadline_label.text(),
        "header": window.plan_editor.model.headerData(1, 1), "problems": window.problems.summary.text(),
        "period": ui.period.currentText(),
    }


def test_opens_on_the_demo_database_showing_the_pib_plan(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    doc = window.plan_editor.model.document
    assert doc.office.name.startswith("প্রেস ইনস্টিটিউট বাংলাদেশ")
    assert doc.plan.fiscal_year == "2023-24"
    assert window.plan_editor.model.rowCount() > 0
    assert window.ui.pages.currentWidget() is window.ui.tabs
    texts = _texts(window)
    assert texts["file"] == "ফাইল (&F)" and texts["edit"] == "সম্পাদনা (&E)"
    assert texts["plan_tab"] == "পরিকল্পনা" and texts["progress_tab"] == "অগ্রগতি"
    assert texts["fy"] == "২০২৩-২৪"
    assert texts["kind"] == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা"
    assert texts["period"] == "১ম ত্রৈমাসিক"  # the report the plan has
    assert "সংরক্ষিত" in texts["saved"]
    assert texts["deadline"].startswith("পরবর্তী প্রতিবেদন")
    # The plan's weight warning in the problems panel; the Q1 report's score on the Progress tab, which builds the
    # report's grid (not before it is shown: tests/gui/test_start_path.py).
    assert any(f.rule == "total_weight_sum" for f in window.problems.findings())
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    assert window.score_summary.score is not None and window.score_summary.score.out_of > 0
    assert QFontInfo(window.ui.officeName.font()).family() == "Noto Sans Bengali"


def test_the_plan_picker_switches_plans(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    window.ui.fiscalYear.setCurrentIndex(window.ui.fiscalYear.findData("2021-22"))
    doc = window.plan_editor.model.document
    assert doc.plan.fiscal_year == "2021-22" and len(doc.plan.indicators()) == 13
    assert window.ui.period.currentData() == "H1"
    assert window.settings.value("last/plan") == "2021-22/egov_innovation"


def test_language_switches_live_and_back(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    bangla = _texts(window)
    window.ui.actionEnglish.trigger()
    assert current_language() == "en"
    english = _texts(window)
    assert english["file"] == "&File" and english["plan_tab"] == "Plan" and english["fy"] == "2023-24"
    assert english["kind"] == "e-Governance and Innovation Action Plan"
    assert english["period"] == "1st quarter"
    assert english["deadline"].startswith("Next report")
    assert english["saved"].endswith("Saved")
    # Every text changed, the grid's headers and the problems panel included.
    assert all(english[k] != bangla[k] for k in bangla), {k: (bangla[k], english[k]) for k in bangla}
    assert settings.value("language") == "en"
    window.ui.actionBangla.trigger()
    assert _texts(window) == bangla


def test_qt_standard_buttons_follow_the_language(qtbot, qapp):
    from egov_desktop.gui.i18n_qt import state

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    state().set_language("bn")
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "ঠিক আছে"
    state().set_language("en")
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    state().set_language("bn")
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "বাতিল"


def test_latin_digits_option(qtbot, demo, settings):
    from egov_desktop.gui.models import INDICATOR

    window = make_window(qtbot, demo, settings)
    model = window.plan_editor.model
    weight = model.index(model.row_of(INDICATOR, "1.1.1"), model.column_of("weight"))
    try:
        window.ui.actionLatinDigits.setChecked(True)
        assert window.ui.fiscalYear.currentText() == "2023-24"
        assert window.ui.menuFile.title() == "ফাইল (&F)"  # still Bangla, only the digits change
        assert weight.data() == "10"
    finally:
        window.ui.actionLatinDigits.setChecked(False)
    assert window.ui.fiscalYear.currentText() == "২০২৩-২৪"
    assert weight.data() == "১০"
    assert settings.value("latin_digits") in (False, "false")


def test_undo_names_the_step_and_restores_the_database(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    key = demo.office_of(window.plan_key)
    change = demo.set_office_field(key, "phone", "০২-৯৩৩০০৮১")
    window.session.push(change)
    undo, redo = window._undo_actions
    assert undo.isEnabled() and undo.text() == "ফিরিয়ে নিন (&U) " + change.description.render("bn")
    window.set_language("en")  # the step already on the stack is named anew
    assert window._undo_actions[0].text() == "&Undo " + change.description.render("en")
    window.set_language("bn")
    undo, redo = window._undo_actions
    undo.trigger()
    assert demo.get_office(key).phone is None
    assert redo.isEnabled()
    redo.trigger()
    assert demo.get_office(key).phone == "০২-৯৩৩০০৮১"


def test_problem_click_selects_the_cell_in_its_grid(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    findings = window.problems.findings()
    evidence = next(f for f in findings if f.rule == "evidence_missing")
    window.ui.tabs.setCurrentWidget(window.ui.planTab)
    assert window.select_where(evidence.where)
    assert window.ui.tabs.currentWidget() is window.ui.progressTab
    editor = window.progress_editor()
    assert editor.view.currentIndex() == editor.model.index_for_where(evidence.where)


def test_window_remembers_geometry_and_plan(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    window.resize(700, 500)  # the offscreen screen is 800×600
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    window.ui.progressSplitter.setSizes([500, 180])
    sizes = window.ui.progressSplitter.sizes()
    window.close()
    again = make_window(qtbot, demo, settings, select=None)
    assert again.plan_editor.model.document.plan.fiscal_year == "2021-22"
    assert (again.width(), again.height()) == (700, 500)
    again.ui.tabs.setCurrentWidget(again.ui.progressTab)
    assert again.ui.progressSplitter.sizes() == sizes


def test_an_empty_database_offers_a_new_plan(qtbot, tmp_path, settings):
    from egov_desktop.store.service import Store

    store = Store.open(tmp_path / "empty.sqlite")
    try:
        window = make_window(qtbot, store, settings, select=None)
        assert window.ui.pages.currentWidget() is window.ui.emptyPage
        assert window.ui.emptyText.text() == "এই ডাটাবেসে এখনো কোনো কর্মপরিকল্পনা নেই।"
        assert not window.ui.actionSignOff.isEnabled()
    finally:
        store.close()


def test_keyboard_first_the_grid_has_the_focus(qtbot, demo, settings):
    window = make_window(qtbot, demo, settings)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.plan_editor.view.hasFocus())
    qtbot.keyClick(window, "2", modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.ui.tabs.currentWidget() is window.ui.progressTab
    qtbot.waitUntil(lambda: window.progress_editor().view.hasFocus())
    assert window.progress_editor().view.currentIndex().isValid()


def test_a_deadline_within_the_week_stands_out_in_the_status_bar(qtbot, demo, settings):
    import datetime as dt

    from egov_desktop.core.model import PERIODS
    from egov_desktop.core.periods import FiscalYear
    from egov_desktop.gui.deadlines import save_deadline_table

    today = dt.date.today()
    save_deadline_table(demo, FiscalYear.of(today), {p: today + dt.timedelta(days=3) for p in PERIODS})
    window = make_window(qtbot, demo, settings)
    assert "#a40000" in window.deadline_label.styleSheet()
    assert window.deadline_label.text().startswith("পরবর্তী প্রতিবেদন")


def test_the_window_shows_before_the_database_is_open(qtbot, demo, settings):
    from egov_desktop.gui.main_window import MainWindow

    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    assert window.ui.pages.currentWidget() is window.ui.emptyPage
    assert window.ui.emptyText.text() == "ডাটাবেস খোলা হচ্ছে…" and window.ui.emptyNewPlan.isHidden()
    assert not window.ui.actionNewPlan.isEnabled() and not window.ui.actionOffice.isEnabled()
    window.set_language("en")
    assert window.ui.emptyText.text() == "Opening the database…"
    window.set_language("bn")
    window.set_store(demo)
    assert window.ui.pages.currentWidget() is window.ui.tabs and window.plan_editor.model.rowCount() > 0
    assert window.ui.actionNewPlan.isEnabled() and window.ui.actionOffice.isEnabled()
    assert window.deadline_label.text() and "সংরক্ষিত" in window.saved_label.text()
