"""The progress grid shows how many evidence files an entry has and opens them from its menu."""
from __future__ import annotations

from egov_desktop.core import evidence
from egov_desktop.gui.progress_editor import ProgressEditor
from tests import evidence_files as make
from tests.gui.conftest import show


def test_the_evidence_column_counts_the_files_and_the_menu_opens_them(qtbot, store, pib_key, session, undo_stack, opened):
    keys = {ind.code: ind.key for ind in store.get_document(pib_key).plan.indicators()}
    store.attach_evidence(pib_key, "Q1", keys["4.1.1"], [evidence.from_bytes("চিঠি.pdf", make.pdf()),
                                                           evidence.from_bytes("ছবি.png", make.png())])
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "4.1.1")
    cell = model.index(row, model.column_of("evidence"))
    assert "২টি ফাইল" in model.data(cell)
    assert editor.open_evidence_action in editor.view.actions()

    editor.view.setCurrentIndex(cell)
    editor.open_evidence_action.trigger()
    assert [u.fileName() for u in opened.urls] == ["চিঠি.pdf", "ছবি.png"]
    assert [open(u.toLocalFile(), "rb").read() for u in opened.urls] == [make.pdf(), make.png()]

    other = next(r for r in range(model.rowCount()) if model.indicator(r).code != "4.1.1")
    editor.view.setCurrentIndex(model.index(other, model.column_of("evidence")))
    with qtbot.waitSignal(editor.status) as said:
        assert editor.open_evidence_action.trigger() is None
    assert "প্রমাণক" in said.args[0]
    assert len(opened.urls) == 2
