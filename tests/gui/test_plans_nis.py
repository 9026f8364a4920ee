"""The NIS plan in its own shape (issue 9): quarter target columns in the plan grid, the quarter's target
beside the achievement, and a first-quarter report entered by keyboard and scored as PLANS.md §2.9 says."""
from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from egov_desktop.core.address import Address
from egov_desktop.core.exchange import load
from egov_desktop.gui.plan_editor import PlanEditor
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.conftest import FIXTURES, PIB
from tests.gui.conftest import show, type_text

NIS = FIXTURES / "nis-fid-2021-22.plan.json"


@pytest.fixture
def nis_blank(store):
    doc = copy.deepcopy(load(NIS))
    doc.reports = []
    return store.import_document(doc).key


def _enter(qtbot, editor, code: str, text: str) -> None:
    """Move to the indicator's achievement with the arrow keys, open it with Enter, type, Enter."""
    model = editor.model
    view = editor.view
    target = next(r for r in range(model.rowCount()) if model.indicator(r).code == code)
    view.setFocus()
    while view.currentIndex().row() != target:
        key = Qt.Key.Key_Down if view.currentIndex().row() < target else Qt.Key.Key_Up
        qtbot.keyClick(view, key)
    assert model.column_key(view.currentIndex().column()) == "value"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit)
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    view.setCurrentIndex(model.index(view.currentIndex().row(), model.column_of("value")))


def test_an_nis_first_quarter_report_by_keyboard(qtbot, store, session, nis_blank):
    editor = ProgressEditor(session, nis_blank, "Q1")
    show(qtbot, editor)
    model = editor.model
    # Each quarter's own target is beside the achievement: 1.1's split is 1/1/1/1.
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "1.1.1")
    assert model.index(row, model.column_of("quarter_target")).data() == "১"
    for code, typed in (("1.1.1", "১"), ("1.3.1", "1"), ("1.4.1", "১"), ("2.2.1", "৫")):
        _enter(qtbot, editor, code, typed)
    scores = {s.code: s.score for s in editor.score.indicators}
    assert (scores["1.1.1"], scores["1.3.1"], scores["1.4.1"], scores["2.2.1"]) == (1.0, 0.5, 1.0, 0.625)
    saved = store.get_document(nis_blank).report("Q1")
    assert {e.indicator: e.value for e in saved.entries} == {"1.1.1": 1, "1.3.1": 1, "1.4.1": 1, "2.2.1": 5}


def test_the_nis_plan_grid_has_quarter_target_columns(qtbot, store, session, nis_blank):
    editor = PlanEditor(session, nis_blank)
    show(qtbot, editor)
    model = editor.model
    row = model.row_of("indicator", "1.3.1")
    q2 = model.index(row, model.column_of("quarter:1"))
    assert model.headerData(q2.column(), Qt.Orientation.Horizontal) == "২য় কোয়ার্টারের লক্ষ্যমাত্রা"
    assert model.setData(q2, "২")
    assert store.get_document(nis_blank).plan.indicator("1.3.1").quarter_targets == [None, 2, None, None]
    # 2 of an annual 4: the rule says the quarters do not add up.
    assert any(f.rule == "quarter_targets_sum" and str(f.where) == "1.3.1/quarter_targets" for f in editor.findings())
    assert model.index_for_where(Address.parse("1.3.1/quarter_targets")).row() == row
    assert model.index_for_where(Address.parse("1.3.1/quarter_targets[1]")) == q2


def test_an_egov_plan_keeps_its_shape(qtbot, store, session):
    key = store.import_document(load(PIB)).key
    model = PlanEditor(session, key).model
    assert not any(k.startswith("quarter:") for k, _h in model._columns)


def test_the_dates_met_of_a_multi_date_indicator_are_typed_in_one_cell(qtbot, store, session, nis_blank):
    import datetime as dt

    editor = ProgressEditor(session, nis_blank, "Q1")
    show(qtbot, editor)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "1.6.1")
    cell = model.index(row, model.column_of("dates"))
    assert model.setData(cell, "১৫/১০/২০২১")
    saved = store.get_document(nis_blank).report("Q1").entry("1.6.1")
    assert saved.dates == [dt.date(2021, 10, 15), None, None]
    assert cell.data() == "১৫/১০/২০২১, —, —"
    assert editor.score.indicator("1.6.1").score == pytest.approx(1 / 3)  # PLANS.md §2.9
    assert not model.setData(cell, "১/১/২০২২, ২/২/২০২২, ৩/৩/২০২২, ৪/৪/২০২২")  # four dates for three targets
    # An indicator with a single date has no such cell.
    single = next(r for r in range(model.rowCount()) if model.indicator(r).code == "1.8.1")
    assert not (model.flags(model.index(single, model.column_of("dates"))) & Qt.ItemFlag.ItemIsEditable)


def test_the_target_dates_are_typed_in_order_in_the_plan_grid(qtbot, store, session, nis_blank):
    editor = PlanEditor(session, nis_blank)
    show(qtbot, editor)
    model = editor.model
    cell = model.index(model.row_of("indicator", "1.7.1"), model.column_of("target_dates"))
    assert cell.data() == "৩১/১০/২০২১, ৩১/১২/২০২১, ৩১/০৩/২০২২"
    assert not model.setData(cell, "৩১/১২/২০২১, ৩১/১০/২০২১")  # out of order: refused with the reason
    assert model.setData(cell, "৩১/১০/২০২১, ৩১/০১/২০২২")
    assert [d.isoformat() for d in store.get_document(nis_blank).plan.indicator("1.7.1").target_dates] == [
        "2021-10-31", "2022-01-31"]


def test_an_rti_plan_grid_has_the_two_previous_years_actuals(qtbot, store, session):
    key = store.import_document(load(FIXTURES / "rti-sakhipur-2022-23.plan.json")).key
    editor = PlanEditor(session, key)
    show(qtbot, editor)
    model = editor.model
    older, newer = model.column_of("actual:0"), model.column_of("actual:1")
    assert model.headerData(older, Qt.Orientation.Horizontal) == "প্রকৃত অর্জন ২০২০-২১"
    assert model.headerData(newer, Qt.Orientation.Horizontal) == "প্রকৃত অর্জন ২০২১-২২"
    assert model.setData(model.index(model.row_of("indicator", "1.1.1"), newer), "৯৫%")
    assert store.get_document(key).plan.indicator("1.1.1").previous_actuals == [None, 95]
    assert model.index_for_where(Address.parse("1.1.1/previous_actuals[1]")).column() == newer
