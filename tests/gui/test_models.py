"""The item models: Qt's model tester, typed roles, findings as colours, refused input."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from egov_desktop.core import address
from egov_desktop.core.address import Address
from egov_desktop.core.rules import Finding
from egov_desktop.core.i18n import Msg
from egov_desktop.core.model import Entry
from egov_desktop.gui.models import REFUSED, FindingsModel, PlanModel, ProgressModel, Role
from egov_desktop.gui.validators import CHECK, COMPUTED, NUMBER, VALUE


def test_plan_model_passes_qt_model_tester(qtmodeltester, store, modmr_key, session, undo_stack):
    model = PlanModel(session, modmr_key)
    qtmodeltester.check(model, force_py=True)
    # Edits must keep the model consistent too.
    row = model.row_of("indicator", "1.1.1")
    assert model.setData(model.index(row, model.column_of("weight")), "৪")
    qtmodeltester.check(model, force_py=True)


def test_progress_model_passes_qt_model_tester(qtmodeltester, store, pib_key, session, undo_stack):
    model = ProgressModel(session, pib_key, "Q1")
    qtmodeltester.check(model, force_py=True)
    # A period with no report yet is an empty draft, not an error.
    qtmodeltester.check(ProgressModel(session, pib_key, "Q3"), force_py=True)


def test_findings_model_passes_qt_model_tester(qtmodeltester, store, modmr_key, session, undo_stack):
    findings = FindingsModel()
    findings.set_findings(PlanModel(session, modmr_key).findings()
                          + [Finding(Address(address.INDICATOR, "1.1.1"), "x", "error", Msg("a date is expected here"))])
    assert findings.rowCount() > 0
    qtmodeltester.check(findings, force_py=True)


def test_plan_rows_follow_the_official_table(store, modmr_key, session, undo_stack):
    model = PlanModel(session, modmr_key)
    doc = store.get_document(modmr_key)
    kinds = [model.row_item(r)[0] for r in range(model.rowCount())]
    n_ind = len(doc.plan.indicators())
    assert kinds.count("indicator") == n_ind == 13
    assert kinds.count("area") == len(doc.plan.areas) == 2
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # One column per target level, headed by the level's label, in the plan's order.
    assert [lvl.label for lvl in doc.plan.levels] == headers[3:3 + len(doc.plan.levels)]
    assert {"মান", "একক", "প্রমাণক"} <= set(headers)
    area_row = model.row_of("area", "1")
    assert model.index(area_row, model.column_of("weight")).data() == "২৯"
    assert model.index(area_row, model.column_of("weight")).data(Role.KIND) == NUMBER


def test_progress_roles_are_typed_and_bangla(store, pib_key, session, undo_stack):
    model = ProgressModel(session, pib_key, "Q1")
    row = {model.indicator(r).code: r for r in range(model.rowCount())}
    value = model.index(row["4.1.1"], model.column_of("value"))
    assert value.data() == "৫৬.৯৮%"
    assert value.data(Role.VALUE) == 56.98
    assert (value.data(Role.KIND), value.data(Role.UNIT)) == (VALUE, "percent")
    assert value.flags() & Qt.ItemFlag.ItemIsEditable
    target = model.index(row["1.1.1"], model.column_of("target:0"))
    assert target.data() == "১৬/০৩/২০২৪" and target.data(Role.VALUE) == dt.date(2024, 3, 16)
    assert not target.flags() & Qt.ItemFlag.ItemIsEditable  # targets are for reference here
    na = model.index(row["6.1.1"], model.column_of("not_applicable"))
    assert na.data(Role.KIND) == CHECK and na.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert na.flags() & Qt.ItemFlag.ItemIsUserCheckable
    # 2.1.1: targets 4/3/2/1, achieved 1 -> the fourth level, 70 %, 3.5 of 5.
    assert model.index(row["2.1.1"], model.column_of("percent")).data() == "৭০%"
    assert model.index(row["2.1.1"], model.column_of("score")).data() == "৩.৫"
    assert model.index(row["2.1.1"], model.column_of("score")).data(Role.KIND) == COMPUTED
    # Not applicable: no percent, no score.
    assert model.index(row["6.1.1"], model.column_of("score")).data() is None


def test_findings_colour_their_cells(store, pib_key, session, undo_stack):
    model = ProgressModel(session, pib_key, "Q1")
    row = {model.indicator(r).code: r for r in range(model.rowCount())}
    # PIB Q1: 2.1.1 achieved 1 but names no evidence -> a warning on its evidence cell.
    evidence = model.index(row["2.1.1"], model.column_of("evidence"))
    assert evidence.data(Role.SEVERITY) == "warning"
    assert "প্রমাণক" in evidence.data(Qt.ItemDataRole.ToolTipRole)
    assert evidence.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert any(str(f.where) == "Q1/2.1.1/evidence" for f in model.findings())
    # Naming the evidence clears the warning at once.
    assert model.setData(evidence, "হালনাগাদকৃত ডাটাবেজের লিংক")
    assert evidence.data(Role.SEVERITY) is None
    assert not any(str(f.where) == "Q1/2.1.1/evidence" for f in model.findings())


def test_refused_text_is_kept_and_marked_but_not_saved(store, pib_key, session, undo_stack):
    model = ProgressModel(session, pib_key, "Q1")
    value = model.index(0, model.column_of("value"))  # 1.1.1, a date
    assert not model.setData(value, "৩১/০২/২০২৪")
    assert value.data() == "৩১/০২/২০২৪"
    assert value.data(Role.SEVERITY) == REFUSED
    assert "ফেব্রুয়ারি" in value.data(Role.MESSAGE)
    assert store.get_document(pib_key).report("Q1").entry("1.1.1").value is None
    assert undo_stack.count() == 0


def test_unit_change_reloads_targets_the_store_cleared(store, modmr_key, session, undo_stack):
    model = PlanModel(session, modmr_key)
    doc = store.get_document(modmr_key)
    ind = next(i for i in doc.plan.indicators() if i.unit == "date")
    row = model.row_of("indicator", ind.code)
    assert model.setData(model.index(row, model.column_of("unit")), "count")
    assert model.index(row, model.column_of("unit")).data() == "সংখ্যা"
    # The dates cannot be counts: the store cleared them and the grid shows it.
    assert all(model.index(row, model.column_of(f"target:{i}")).data() is None for i in range(len(doc.plan.levels)))
    undo_stack.undo()
    assert model.index(row, model.column_of("target:0")).data() == store.get_document(modmr_key).plan.indicator(
        ind.code).targets[0].strftime("%d/%m/%Y").translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))


def test_the_plan_row_holds_title_total_weight_and_levels(store, pib_key, session, undo_stack):
    model = PlanModel(session, pib_key)
    total = model.index(0, model.column_of("weight"))
    assert total.data() == "৫০"
    # PIB's weights add up to 46: the warning sits on the total, where it can be fixed.
    assert total.data(Role.SEVERITY) == "warning" and model.index_for_where(Address.parse("plan.total_weight")) == total
    assert model.setData(total, "৪৬")
    assert store.get_document(pib_key).plan.total_weight == 46
    assert total.data(Role.SEVERITY) is None
    label = model.index(0, model.column_of("target:1"))
    assert label.data() == "অতি উত্তম"
    assert model.setData(label, "খুব ভালো")
    assert model.headerData(model.column_of("target:1"), Qt.Orientation.Horizontal) == "খুব ভালো"
    assert store.get_document(pib_key).plan.levels[1].label == "খুব ভালো"
    percent = model.index(1, model.column_of("target:1"))
    assert percent.data() == "৯০%"
    assert not model.setData(percent, "১২০")  # a level's percent is a percent
    assert percent.data(Role.SEVERITY) == REFUSED
    assert store.get_document(pib_key).plan.levels[1].percent == 90
    undo_stack.undo()
    assert model.headerData(model.column_of("target:1"), Qt.Orientation.Horizontal) == "অতি উত্তম"


def test_latin_digits_option_and_odd_values(store, pib_key, session, undo_stack):
    from egov_desktop.gui.i18n_qt import state

    model = ProgressModel(session, pib_key, "Q1")
    row = {model.indicator(r).code: r for r in range(model.rowCount())}
    value = model.index(row["4.1.1"], model.column_of("value"))
    language = state()
    language.latin_digits = True
    try:
        assert value.data() == "56.98%"
        assert model.headerData(row["4.1.1"], Qt.Orientation.Vertical) == "4.1.1"
    finally:
        language.latin_digits = False
    assert value.data() == "৫৬.৯৮%"
    # A value that does not fit its unit (say, from a hand-edited file) is shown, not a crash.
    model.document.report("Q1").entry("4.1.1").value = dt.date(2023, 9, 30)
    assert value.data() == "২০২৩-০৯-৩০"


def test_the_score_while_typing_equals_the_score_once_saved(store, modmr_key, session, undo_stack):
    """The keystroke preview rescoring one indicator must agree with scoring the whole report."""
    import copy

    from egov_desktop.core.scoring import score_report

    model = ProgressModel(session, modmr_key, "H1")
    plan = model.document.plan
    typed = {"date": "15/10/2021", "count": "2", "percent": "75"}
    for row in range(model.rowCount()):
        ind = model.indicator(row)
        model.preview(model.index(row, model.column_of("value")), typed[ind.unit])
        report = copy.deepcopy(model.report)
        entry = report.entry(ind.code)
        if entry is None:
            report.entries.append(Entry(ind.code, model.parse(model.index(row, model.column_of("value")), typed[ind.unit])))
        else:
            entry.value = model.parse(model.index(row, model.column_of("value")), typed[ind.unit])
        assert model.score == score_report(plan, report), ind.code
        model.end_preview(model.index(row, model.column_of("value")))
        assert model.score == score_report(plan, model.report)


def test_a_later_report_shows_what_the_earlier_one_reached(store, pib_key, session, undo_stack):
    """Achievements are year-to-date: the Q2 grid shows Q1's figures beside the new ones, read-only."""
    q1 = ProgressModel(session, pib_key, "Q1")
    assert "previous" not in [q1.column_key(c) for c in range(q1.columnCount())]
    q2 = ProgressModel(session, pib_key, "Q2")
    column = q2.column_of("previous")
    assert column == q2.column_of("value") - 1
    assert q2.headerData(column, Qt.Orientation.Horizontal) == "১ম ত্রৈমাসিক পর্যন্ত"
    row = {q2.indicator(r).code: r for r in range(q2.rowCount())}
    assert q2.index(row["4.1.1"], column).data() == "৫৬.৯৮%"
    assert not q2.index(row["4.1.1"], column).flags() & Qt.ItemFlag.ItemIsEditable
    assert q2.index(row["4.1.1"], q2.column_of("value")).data() is None


def test_column_headers_explain_what_is_not_obvious(store, pib_key, session, undo_stack):
    model = ProgressModel(session, pib_key, "Q1")
    tip = model.headerData(model.column_of("value"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "অর্থবছরের শুরু থেকে এই সময়কালের শেষ পর্যন্ত অর্জন"
    assert model.headerData(model.column_of("narrative"), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
