"""'Fill from the previous report': the annual report starts from the latest earlier year-to-date figures."""
from __future__ import annotations

from egov_desktop.gui.progress_editor import ProgressEditor
from tests.gui.conftest import show


def _entries(store, key, period):
    report = store.get_document(key).report(period)
    return {e.indicator: (e.value, e.narrative, e.evidence) for e in report.entries} if report else {}


def test_the_annual_report_fills_its_empty_cells_from_the_latest_earlier_report(qtbot, store, pib_key, session, undo_stack):
    q1 = _entries(store, pib_key, "Q1")
    key = {ind.code: ind.key for ind in store.get_document(pib_key).plan.indicators()}
    # Q2 has a newer year-to-date figure for 2.1.1 (and no narrative).
    store.set_entry_field(pib_key, "Q2", key["2.1.1"], "value", 3)
    editor = ProgressEditor(session, pib_key, "annual")
    show(qtbot, editor)
    model = editor.model
    rows = {model.indicator(r).code: r for r in range(model.rowCount())}
    # Typed here already: a figure for 5.1.1, a narrative (no figure) for 4.1.1.
    assert model.setData(model.index(rows["5.1.1"], model.column_of("value")), "৭")
    assert model.setData(model.index(rows["4.1.1"], model.column_of("narrative")), "বার্ষিক মন্তব্য")
    before = _entries(store, pib_key, "annual")
    steps = undo_stack.count()

    said = []
    editor.status.connect(said.append)
    assert editor.fill_action.isEnabled()
    editor.fill_action.trigger()
    annual = _entries(store, pib_key, "annual")
    assert undo_stack.count() == steps + 1  # one step
    assert said[-1] == "আগের প্রতিবেদন থেকে ৩টি অর্জন পূরণ"
    assert annual["2.1.1"] == (3, None, None)  # the latest earlier report's figure: Q2's, not Q1's
    assert annual["4.1.1"] == (56.98, "বার্ষিক মন্তব্য", q1["4.1.1"][2])  # the narrative written here stays
    assert annual["5.1.1"][0] == 7  # typed here: not overwritten
    assert annual["7.1.1"] == q1["7.1.1"]  # a 0 is a figure too, narrative with it
    for code in ("1.1.1", "3.1.1", "6.1.1"):  # nothing earlier to take (6.1.1 is not applicable there)
        assert annual.get(code, (None,))[0] is None
    assert model.index(rows["2.1.1"], model.column_of("value")).data() == "৩"
    # A second fill has nothing left to do, and says so.
    editor.fill_action.trigger()
    assert undo_stack.count() == steps + 1 and said[-1].startswith("পূরণ করার কিছু নেই")

    undo_stack.undo()
    assert _entries(store, pib_key, "annual") == before
    assert not model.index(rows["2.1.1"], model.column_of("value")).data()


def test_nothing_to_fill_from_in_the_first_quarter(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    assert not editor.fill_action.isEnabled()
    assert editor.fill_action in editor.view.actions()  # in the grid's right-click menu
