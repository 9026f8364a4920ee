"""The plan's scoring settings dialog, against a real SQLite file."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox

from egov_desktop.core.model import Signatory
from egov_desktop.core.scoring import ScoringOptions, score_report
from egov_desktop.gui.dialogs.scoring import ScoringDialog


def _ok(dialog):
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_choosing_step_scoring_changes_the_score_and_undoes(qtbot, store, pib_key):
    dialog = ScoringDialog(store, pib_key)
    qtbot.addWidget(dialog)
    assert dialog.ui.interpolation.currentData() == "linear"
    assert "৮৪%" in dialog.ui.interpolation.currentText()  # the example is in Bangla digits
    dialog.ui.notApplicable.setCurrentIndex(dialog.ui.notApplicable.findData("include"))
    _ok(dialog).click()
    doc = store.get_document(pib_key)
    assert ScoringOptions.of(doc.plan) == ScoringOptions("linear", "include")
    assert score_report(doc.plan, doc.report("Q1")).out_of == 46  # 6.1.1's weight kept in
    dialog.change.undo()
    assert ScoringOptions.of(store.get_document(pib_key).plan) == ScoringOptions()


def test_nothing_changed_writes_nothing(qtbot, store, pib_key):
    before = len(store.audit(pib_key))
    dialog = ScoringDialog(store, pib_key)
    qtbot.addWidget(dialog)
    _ok(dialog).click()
    assert dialog.change is None and len(store.audit(pib_key)) == before


def test_a_signed_report_locks_the_scoring_with_the_reason_shown(qtbot, store, pib_key):
    for field, value in (("number", "১৫.৫২.০০০০.০০১.২৫.০০৬.২৩.১"), ("subject", "প্রতিবেদন প্রেরণ"),
                         ("date", dt.date(2023, 10, 10)), ("signatory.name", "রহিম"),
                         ("signatory.designation", "পরিচালক")):
        store.set_memo_field(pib_key, "Q1", field, value)
    store.sign_off(pib_key, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    dialog = ScoringDialog(store, pib_key)
    qtbot.addWidget(dialog)
    dialog.ui.interpolation.setCurrentIndex(dialog.ui.interpolation.findData("step"))
    _ok(dialog).click()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.change is None
    assert "পুনরায় খুলুন" in dialog.ui.error.text()
    assert ScoringOptions.of(store.get_document(pib_key).plan) == ScoringOptions()


def test_from_the_file_menu_the_score_follows_and_undo_restores(qtbot, demo, settings):
    from tests.gui.shell import make_window, when_modal

    window = make_window(qtbot, demo, settings)
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)

    def choose(dialog):
        dialog.ui.notApplicable.setCurrentIndex(dialog.ui.notApplicable.findData("include"))
        _ok(dialog).click()

    when_modal(choose)
    window.ui.actionScoring.trigger()
    assert ScoringOptions.of(demo.get_document(window.plan_key).plan).not_applicable_weight == "include"
    assert "নম্বর হিসাবের নিয়ম" in window.undo_stack.undoText()
    window.undo_stack.undo()
    assert ScoringOptions.of(demo.get_document(window.plan_key).plan) == ScoringOptions()


def test_the_quarterly_basis_of_an_nis_plan(qtbot, store):
    """PLANS.md §2.9: against the quarter targets due by Q1, 1.1's one meeting of 1 due earns all 4 marks."""
    from egov_desktop.core.exchange import load
    from tests.conftest import FIXTURES

    key = store.import_document(load(FIXTURES / "nis-fid-2021-22.plan.json")).key
    dialog = ScoringDialog(store, key)
    qtbot.addWidget(dialog)
    assert (dialog.ui.quarterlyBasis.currentData(), dialog.ui.percentTotal.currentData()) == ("annual", "mean")
    dialog.ui.quarterlyBasis.setCurrentIndex(dialog.ui.quarterlyBasis.findData("due"))
    _ok(dialog).click()
    doc = store.get_document(key)
    assert doc.plan.scoring["quarterly_basis"] == "due"
    assert score_report(doc.plan, doc.report("Q1")).indicator("1.1.1").score == 4.0
    dialog.change.undo()
    doc = store.get_document(key)
    assert score_report(doc.plan, doc.report("Q1")).indicator("1.1.1").score == 1.0
