"""Issue 15.3: of two indicators with one code (the Citizen's Charter plan prints [১.১.১] twice, PLANS.md §4.6), a
finding in the problems panel names the twin it is about and leads to that twin's row, on the Plan tab and on the
Progress tab; fixing it in that row clears it. Real widgets: the main window, its problems list, the grids."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from egov_desktop.core import exchange
from egov_desktop.core.address import ENTRY, Address
from egov_desktop.gui.models import INDICATOR, Role
from tests.conftest import FIXTURES
from tests.gui.conftest import open_editor, type_text
from tests.gui.shell import make_window

CC = FIXTURES / "cc-fid-2021-22.plan.json"


@pytest.fixture
def cc(tmp_path):
    """The CC plan, its second [১.১.১] (a count, target 4, in activity 2.1) given a weight of -3: an error only the
    second twin has (the first, a percent, has no target: an error only the first has)."""
    from egov_desktop.store.service import Store

    raw = json.loads(CC.read_text(encoding="utf-8"))
    twin = raw["plan"]["areas"][1]["activities"][0]["indicators"][0]
    assert twin["code"] == "1.1.1"
    twin["weight"] = -3
    store = Store.open(tmp_path / "cc.sqlite")
    key = store.import_document(exchange.from_dict(raw)).key
    yield store, key
    store.close()


def _window(qtbot, store, settings):
    window = make_window(qtbot, store, settings, select="2021-22/citizen_charter")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the cell editors take the keyboard focus
    return window


def _entry_of(window, rule: str, where: str):
    """The problems list's line of the finding `rule` at `where` (its written form), or None."""
    model = window.problems.model
    return next((model.index(r, 0) for r in range(model.rowCount())
                 if model.finding(r).rule == rule and str(model.finding(r).where) == where), None)


def _click(qtbot, window, entry) -> None:
    view = window.problems.view
    view.scrollTo(entry)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(entry).center())


def _activate(qtbot, window, entry) -> None:
    """Enter on the line, as the keyboard does."""
    view = window.problems.view
    view.setFocus()
    view.setCurrentIndex(entry)
    qtbot.keyClick(view, Qt.Key.Key_Return)


def _type(qtbot, editor, index, text: str) -> None:
    line = open_editor(editor, index)
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_plan_finding_leads_to_its_own_twin_and_is_cleared_there(qtbot, cc, settings):
    store, key = cc
    window = _window(qtbot, store, settings)
    window.ui.tabs.setCurrentWidget(window.ui.planTab)
    plan = window.plan_editor.model
    first, twin = [r for r in range(plan.rowCount()) if plan.row_item(r)[0] == INDICATOR
                   and plan.row_item(r)[3].code == "1.1.1"]
    assert (plan.row_of(INDICATOR, "1.1.1"), plan.row_of(INDICATOR, "1.1.1", 2)) == (first, twin)
    assert plan.row_item(first)[3].unit == "percent" and plan.row_item(twin)[3].unit == "count"

    weight = _entry_of(window, "negative_weight", "1.1.1#2/weight")
    assert weight is not None and weight.data().startswith("১.১.১ (এই কোডের ২ নম্বরটি): ")
    # Only the twin's weight cell is marked, not the first's.
    assert plan.index(twin, plan.column_of("weight")).data(Role.SEVERITY) == "error"
    assert plan.index(first, plan.column_of("weight")).data(Role.SEVERITY) is None

    _click(qtbot, window, weight)
    assert window.plan_editor.view.currentIndex() == plan.index(twin, plan.column_of("weight"))
    # The first twin's own error (it has no target) leads to the first, from the keyboard as well.
    _activate(qtbot, window, _entry_of(window, "no_targets", "1.1.1"))
    assert window.plan_editor.view.currentIndex().row() == first
    # The duplicate code is reported at the repeat: the twin's row, the one to renumber.
    _click(qtbot, window, _entry_of(window, "duplicate_code", "1.1.1#2"))
    assert window.plan_editor.view.currentIndex().row() == twin

    # Fixed in the twin's row, the finding goes; the first twin's stays as it was.
    _type(qtbot, window.plan_editor, plan.index(twin, plan.column_of("weight")), "5")
    assert [i.weight for i in store.get_document(key).plan.indicators() if i.code == "1.1.1"] == [8, 5]
    assert _entry_of(window, "negative_weight", "1.1.1#2/weight") is None
    assert _entry_of(window, "no_targets", "1.1.1") is not None


def test_a_progress_finding_leads_to_its_own_twin_and_is_cleared_there(qtbot, cc, settings):
    store, key = cc
    window = _window(qtbot, store, settings)
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    window.ui.period.setCurrentIndex(window.ui.period.findData("Q1"))
    q1 = window.progress_editor()
    model = q1.model
    first, twin = [r for r in range(model.rowCount()) if model.indicator(r).code == "1.1.1"]

    # 150 trainings on the twin (a count, target 4): no error, it is not the first twin's percent.
    _type(qtbot, q1, model.index(twin, model.column_of("value")), "১৫০")
    assert store.get_document(key).report("Q1").entry("1.1.1", 2).value == 150
    assert not [f for f in window.problems.errors() if f.where.scope == ENTRY]
    # Achieved without evidence: a warning about the twin, named so in the list, marked in its row only.
    missing = _entry_of(window, "evidence_missing", "Q1/1.1.1#2/evidence")
    assert missing is not None and missing.data().startswith("১.১.১ (এই কোডের ২ নম্বরটি): ")
    assert window.problems.model.finding(missing.row()).where == \
        Address(ENTRY, "1.1.1", "evidence", period="Q1", occurrence=2)
    evidence = model.index(twin, model.column_of("evidence"))
    assert evidence.data(Role.SEVERITY) == "warning"
    assert model.index(first, model.column_of("evidence")).data(Role.SEVERITY) is None

    _click(qtbot, window, missing)
    assert window.ui.tabs.currentWidget() is window.ui.progressTab
    assert q1.view.currentIndex() == evidence
    _activate(qtbot, window, _entry_of(window, "evidence_missing", "Q1/1.1.1#2/evidence"))
    assert q1.view.currentIndex() == evidence

    # Evidence named in the twin's row: the warning goes.
    _type(qtbot, q1, evidence, "প্রশিক্ষণের হাজিরা")
    assert store.get_document(key).report("Q1").entry("1.1.1", 2).evidence == "প্রশিক্ষণের হাজিরা"
    assert _entry_of(window, "evidence_missing", "Q1/1.1.1#2/evidence") is None
    assert evidence.data(Role.SEVERITY) is None
