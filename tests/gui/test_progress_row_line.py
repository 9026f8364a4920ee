"""The progress grid names the current row's indicator below it: the title column scrolls out of view."""
from __future__ import annotations

from egov_desktop.gui.progress_editor import ProgressEditor
from tests.gui.conftest import show


def test_the_current_rows_indicator_is_named_below_the_grid(qtbot, store, pib_key, session, undo_stack):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "4.1.1")
    editor.view.setCurrentIndex(model.index(row, model.column_of("narrative")))  # the title is scrolled away
    assert editor.row_line.text() == "৪.১.১: " + model.indicator(row).title
