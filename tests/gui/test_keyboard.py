"""Keyboard first: a whole progress report entered without the mouse."""
from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from egov_desktop.core.exchange import load
from egov_desktop.gui.delegates import TextCellEditor
from egov_desktop.gui.progress_editor import ProgressEditor
from tests.conftest import PIB
from tests.gui.conftest import show, type_text

# What the section officer types for PIB's first quarter: (achievement, narrative, evidence, not applicable).
# The achievements are typed the ways people do: Bangla or Latin digits, with or without the % sign.
TYPED = {
    "1.1.1": ("", None, None, False),
    "2.1.1": ("১", None, "হালনাগাদকৃত ডাটাবেজ", False),
    "3.1.1": ("", None, None, False),
    "4.1.1": ("৫৬.৯৮%", None, "ই-নথি ড্যাশবোর্ডের প্রতিবেদন", False),
    "5.1.1": ("1", None, "www.pib.gov.bd", False),
    "6.1.1": ("", None, None, True),
    "7.1.1": ("০", None, None, False),
}


def _key(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def _type(qtbot, text: str, editor_type=QLineEdit) -> None:
    widget = QApplication.focusWidget()
    assert isinstance(widget, editor_type), "Tab/Enter should have opened the next cell's editor"
    type_text(qtbot, widget, text)


def test_the_whole_pib_first_quarter_report_by_keyboard_alone(qtbot, store, session, undo_stack):
    reference = load(PIB)
    expected = {e.indicator: e for e in reference.report("Q1").entries}
    blank = copy.deepcopy(reference)
    blank.reports = []
    plan_key = store.import_document(blank).key

    editor = ProgressEditor(session, plan_key, "Q1")
    show(qtbot, editor)
    editor.view.setFocus()
    model = editor.model
    codes = [model.indicator(r).code for r in range(model.rowCount())]
    assert codes == list(TYPED)

    # Focus lands on the first cell that takes input; Enter opens its editor.
    first = editor.view.currentIndex()
    assert (first.row(), model.column_key(first.column())) == (0, "value")
    _key(qtbot, Qt.Key.Key_Return)
    for code in codes:
        value, _narrative, evidence, not_applicable = TYPED[code]
        current = editor.view.currentIndex()
        assert (model.indicator(current.row()).code, model.column_key(current.column())) == (code, "value")
        _type(qtbot, value)
        _key(qtbot, Qt.Key.Key_Return)  # Enter commits and moves on, like Tab
        # The texts open in wrapping text boxes; Enter and Tab still commit and move on.
        _type(qtbot, expected[code].narrative, TextCellEditor)
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, evidence or "", TextCellEditor)
        _key(qtbot, Qt.Key.Key_Tab)
        _type(qtbot, "", TextCellEditor)  # remarks: nothing
        _key(qtbot, Qt.Key.Key_Tab)
        # The not-applicable tick box: Space ticks it, Tab goes on to the next indicator.
        assert model.column_key(editor.view.currentIndex().column()) == "not_applicable"
        if not_applicable:
            _key(qtbot, Qt.Key.Key_Space)
        _key(qtbot, Qt.Key.Key_Tab)

    report = store.get_document(plan_key).report("Q1")
    assert report is not None and report.status == "draft"
    got = {e.indicator: e for e in report.entries}
    for code, (_v, _n, evidence, not_applicable) in TYPED.items():
        want = expected[code]
        assert got[code].value == want.value, code
        assert type(got[code].value) is type(want.value), code
        assert got[code].narrative == want.narrative, code
        assert got[code].evidence == evidence, code
        assert got[code].remarks is None and got[code].not_applicable is not_applicable, code
    # Every value shows in Bangla digits, and the score is the reference report's.
    row = codes.index("4.1.1")
    assert model.index(row, model.column_of("value")).data() == "৫৬.৯৮%"
    assert editor.score.total == 8.4 and editor.score.out_of == 43
    # No warning is left: every achievement names its evidence.
    assert not [f for f in editor.findings() if f.rule == "evidence_missing"]
