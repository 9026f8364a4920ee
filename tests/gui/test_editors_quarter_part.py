"""Quarters that add up (sum): the quarter's own figure beside the year-to-date, and "+২" to add to it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from egov_desktop.core.i18n import set_language
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.gui.conftest import open_editor, show, type_text


def _row(model, code):
    return next(r for r in range(model.rowCount()) if model.indicator(r).code == code)


def _q2(store, plan_key):
    return store.get_document(plan_key).report("Q2")


def test_plus_figure_adds_to_the_first_quarter_and_the_quarters_own_part_is_shown(qtbot, store, pib_key, session, undo_stack):
    # PIB Q1: 2.1.1 (count, sum) achieved 1; 5.1.1 (count, sum) 1; 4.1.1 is a percent taken as the latest figure.
    editor = ProgressEditor(session, pib_key, "Q2")
    show(qtbot, editor)
    messages = []
    editor.status.connect(messages.append)
    model = editor.model
    own = model.column_of("own")
    assert own == model.column_of("value") + 1
    assert model.headerData(own, Qt.Orientation.Horizontal) == "এই সময়ের অংশ"
    assert "+" in model.headerData(own, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    row = _row(model, "2.1.1")
    value = model.index(row, model.column_of("value"))
    line = open_editor(editor, value)
    type_text(qtbot, line, "+২")
    explained = "১ম ত্রৈমাসিক পর্যন্ত ১ + এই ত্রৈমাসিকে ২ = অর্থবছরের শুরু থেকে ৩ (অর্জন হিসেবে সংরক্ষিত হবে)"
    assert line.hasAcceptableInput() and not line.property("invalid")
    assert line.toolTip() == explained and messages[-1] == explained
    # The score and the quarter's part follow the typed figure before it is saved: 3 is the second level (90%).
    assert model.index(row, model.column_of("percent")).data() == "৯০%"
    assert model.index(row, own).data() == "২"
    qtbot.keyClick(line, Qt.Key.Key_Return)
    entry = _q2(store, pib_key).entry("2.1.1")
    assert entry.value == 3 and type(entry.value) is int  # the year-to-date is what is stored
    assert value.data() == "৩" and model.index(row, own).data() == "২"

    # A plain figure is the year-to-date, as before; the quarter's part is worked out.
    row5 = _row(model, "5.1.1")
    assert model.setData(model.index(row5, model.column_of("value")), "৫")
    assert _q2(store, pib_key).entry("5.1.1").value == 5 and model.index(row5, own).data() == "৪"
    # Typing a plain year-to-date shows its part at once; Esc gives it up and the saved part is back.
    line = open_editor(editor, model.index(row5, model.column_of("value")))
    line.selectAll()
    type_text(qtbot, line, "৮")
    assert model.index(row5, own).data() == "৭"
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert model.index(row5, own).data() == "৪" and _q2(store, pib_key).entry("5.1.1").value == 5
    # A paste takes "+" figures too; one undo step brings the value back.
    editor.view.setCurrentIndex(model.index(row5, model.column_of("value")))
    editor.view.paste_text("+১\n")
    assert _q2(store, pib_key).entry("5.1.1").value == 2 and model.index(row5, own).data() == "১"
    undo_stack.undo()
    assert _q2(store, pib_key).entry("5.1.1").value == 5

    # Dates and figures taken as the latest one have no quarter's part, and "+" means nothing there.
    assert model.index(_row(model, "1.1.1"), own).data() is None
    assert model.index(_row(model, "4.1.1"), own).data() is None
    line = open_editor(editor, model.index(_row(model, "4.1.1"), model.column_of("value")))
    type_text(qtbot, line, "+৫")
    assert not line.hasAcceptableInput() and line.property("invalid") is True
    qtbot.keyClick(line, Qt.Key.Key_Escape)

    # In English the explanation reads in English.
    set_language("en")
    try:
        line = open_editor(editor, value)
        line.selectAll()
        type_text(qtbot, line, "+1")
        assert line.toolTip() == ("1 up to 1st quarter + 1 this quarter = 2 from the start of the year "
                                  "(saved as the achievement)")
        qtbot.keyClick(line, Qt.Key.Key_Escape)
    finally:
        set_language("bn")


def test_a_percent_that_adds_up_cannot_pass_100(qtbot, store, pib_key, session, undo_stack):
    doc = store.get_document(pib_key)
    store.set_indicator_field(doc.plan.indicator("4.1.1").key, "aggregation", "sum")  # Q1: 56.98%
    editor = ProgressEditor(session, pib_key, "Q2")
    show(qtbot, editor)
    model = editor.model
    row = _row(model, "4.1.1")
    line = open_editor(editor, model.index(row, model.column_of("value")))
    type_text(qtbot, line, "+৫০")
    assert line.property("invalid") is True
    assert line.toolTip() == "আগের ৫৬.৯৮% সহ অর্থবছরের শুরু থেকে অর্জন হতো ১০৬.৯৮%, যা ১০০% এর বেশি"
    qtbot.keyClick(line, Qt.Key.Key_Return)  # refused: the editor stays open
    assert QApplication.focusWidget() is line
    line.selectAll()
    type_text(qtbot, line, "+10.5%")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert _q2(store, pib_key).entry("4.1.1").value == 67.48
    assert model.index(row, model.column_of("own")).data() == "১০.৫%"


def test_only_quarters_after_a_reported_quarter_get_the_part(qtbot, store, pib_key, modmr_key, session, undo_stack):
    from egov_desktop.gui.models import ProgressModel

    # The first quarter, the half year and the year have no quarter before them.
    for period in ("Q1", "H1", "annual"):
        model = ProgressModel(session, pib_key, period)
        assert "own" not in [model.column_key(c) for c in range(model.columnCount())], period
    # Q3 of a plan with only Q1 reported: Q1 is not the quarter before, so no part, and "+" is not taken.
    model = ProgressModel(session, pib_key, "Q3")
    assert "own" not in [model.column_key(c) for c in range(model.columnCount())]
    assert not model.setData(model.index(_row(model, "2.1.1"), model.column_of("value")), "+২")
    # MODMR has a half-year report: its Q3 counts from it (H1 ends where Q3 starts).
    model = ProgressModel(session, modmr_key, "Q3")
    h1 = store.get_document(modmr_key).report("H1").entry("1.6.1").value
    row = _row(model, "1.6.1")
    assert model.setData(model.index(row, model.column_of("value")), "+১")
    assert store.get_document(modmr_key).report("Q3").entry("1.6.1").value == (h1 or 0) + 1
    assert model.index(row, model.column_of("own")).data() == "১"


def test_column_headings_are_never_cut_in_either_language(qtbot, store, pib_key, session, undo_stack):
    """"This period's part" and "Percent achieved" are longer than their Bangla headings."""
    editor = ProgressEditor(session, pib_key, "Q2")
    show(qtbot, editor)
    header = editor.view.horizontalHeader()

    def cut() -> list[str]:
        return [editor.model.headerData(c, Qt.Orientation.Horizontal) for c in range(editor.model.columnCount())
                if header.sectionSize(c) < header.sectionSizeHint(c)]

    assert cut() == []
    set_language("en")
    try:
        editor.retranslate()
        assert cut() == []
    finally:
        set_language("bn")
