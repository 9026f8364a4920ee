"""An NIS quarter's own figure and a percent's numerator and denominator typed in the progress grid (issue 9):
checked on every keystroke like the other cells, saved by the store's named operations as one undo step each,
the year-to-date and the score following at once."""
from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from egov_desktop.core.exchange import load
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.conftest import FIXTURES
from tests.gui.conftest import show, type_text

NIS = FIXTURES / "nis-fid-2021-22.plan.json"


@pytest.fixture
def nis_blank(store):
    doc = copy.deepcopy(load(NIS))
    doc.reports = []
    return store.import_document(doc).key


def _row(model, code: str) -> int:
    return next(r for r in range(model.rowCount()) if model.indicator(r).code == code)


def _open(qtbot, editor, code: str, column: str) -> QLineEdit:
    """Go to the cell with the arrow keys from the row's achievement, open it with Enter."""
    model, view = editor.model, editor.view
    view.setFocus()
    view.setCurrentIndex(model.index(_row(model, code), model.column_of("value")))
    target = model.column_of(column)
    while view.currentIndex().column() != target:
        qtbot.keyClick(view, Qt.Key.Key_Right if view.currentIndex().column() < target else Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    widget = QApplication.focusWidget()
    assert isinstance(widget, QLineEdit)
    return widget


def _enter(qtbot, editor, code: str, column: str, text: str) -> None:
    line = _open(qtbot, editor, code, column)
    line.selectAll()
    type_text(qtbot, line, text)
    assert line.hasAcceptableInput(), line.toolTip()
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_an_nis_first_quarter_with_own_figures_and_a_rate_as_numerator_and_denominator(
        qtbot, store, session, undo_stack, nis_blank):
    editor = ProgressEditor(session, nis_blank, "Q1")
    show(qtbot, editor)
    model = editor.model
    messages = []
    editor.status.connect(messages.append)
    for column in ("own", "numerator", "denominator"):
        assert column in model._col_index
    assert model.headerData(model.column_of("numerator"), Qt.Orientation.Horizontal) == "লব"

    # The quarter's own figure of a count: the year-to-date and the score follow while it is typed.
    row = _row(model, "1.1.1")
    line = _open(qtbot, editor, "1.1.1", "own")
    type_text(qtbot, line, "১")
    assert model.index(row, model.column_of("value")).data() == "১"
    assert model.index(row, model.column_of("score")).data() == "১"
    # A wrong figure is marked with the reason while it is typed, and cannot be committed.
    type_text(qtbot, line, "ক")
    assert line.property("invalid") is True and line.toolTip() and messages[-1] == line.toolTip()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert store.get_document(nis_blank).report("Q1") is None
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClick(line, Qt.Key.Key_Return)

    _enter(qtbot, editor, "2.2.1", "own", "5")
    _enter(qtbot, editor, "1.3.1", "value", "১")  # the year-to-date itself is typed as before
    # A percent's rate of the quarter from its two counts: 45 of 50 decisions carried out is 90%.
    _enter(qtbot, editor, "2.3.1", "numerator", "৪৫")
    rate = _row(model, "2.3.1")
    assert model.index(rate, model.column_of("value")).data() is None  # no rate without the denominator yet
    line = _open(qtbot, editor, "2.3.1", "denominator")
    type_text(qtbot, line, "৫০")
    assert model.index(rate, model.column_of("score")).data() == "১.৮"  # the score follows before saving
    qtbot.keyClick(line, Qt.Key.Key_Return)

    saved = store.get_document(nis_blank).report("Q1")
    figures = {e.indicator: (e.value, e.period_value, e.numerator, e.denominator) for e in saved.entries}
    assert figures == {"1.1.1": (1, 1, None, None), "2.2.1": (5, 5, None, None), "1.3.1": (1, None, None, None),
                       "2.3.1": (90, 90, 45, 50)}
    assert model.index(rate, model.column_of("value")).data() == "৯০%"
    assert model.index(rate, model.column_of("own")).data() == "৯০%"
    scores = {s.code: s.score for s in editor.score.indicators}
    assert (scores["1.1.1"], scores["1.3.1"], scores["2.2.1"], scores["2.3.1"]) == (1.0, 0.5, 0.625, 1.8)

    # Each figure was one named undo step: the denominator and the rate and year-to-date it made go together.
    assert undo_stack.undoText() == "২.৩.১ এর অর্জন পরিবর্তন"
    undo_stack.undo()
    entry = store.get_document(nis_blank).report("Q1").entry("2.3.1")
    assert (entry.value, entry.period_value, entry.numerator, entry.denominator) == (None, None, 45, None)
    assert editor.score.indicator("2.3.1").score == 0
    # Count cells only on a percent's row; the date rows have no figure of their own.
    assert not model.flags(model.index(row, model.column_of("numerator"))) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(_row(model, "1.8.1"), model.column_of("own"))) & Qt.ItemFlag.ItemIsEditable


def test_a_second_quarter_own_figure_adds_to_the_first(qtbot, store, session, nis_blank):
    editor = ProgressEditor(session, nis_blank, "Q1")
    show(qtbot, editor)
    _enter(qtbot, editor, "1.1.1", "own", "১")
    second = ProgressEditor(session, nis_blank, "Q2")
    show(qtbot, second)
    _enter(qtbot, second, "1.1.1", "own", "২")
    entry = store.get_document(nis_blank).report("Q2").entry("1.1.1")
    assert (entry.value, entry.period_value) == (3, 2)
    assert second.score.indicator("1.1.1").score == 3.0
