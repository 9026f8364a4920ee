"""Attaching and removing evidence files from the progress grid: a file dialog, the store's operations, one undo
step each, refused with a message while the report is sealed."""
from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from egov_desktop.gui.progress_editor import ProgressEditor
from tests import evidence_files as make
from tests.gui.conftest import show
from tests.gui.test_editors import _sign_off


def _boxes(editor) -> list[str]:
    return [b.text() for b in editor.findChildren(QMessageBox) if b.isVisible()]


def _names(store, pib_key, editor, row) -> list[str]:
    return [f["name"] for f in store.evidence_files(pib_key, "Q1").get(editor.model.indicator(row).key, [])]


def test_attach_and_remove_from_the_grid_each_one_undo_step(qtbot, store, pib_key, session, undo_stack, tmp_path,
                                                              monkeypatch):
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "4.1.1")
    cell = model.index(row, model.column_of("evidence"))
    editor.view.setCurrentIndex(cell)
    assert {editor.attach_evidence_action, editor.remove_evidence_action} <= set(editor.view.actions())
    assert {editor.attach_evidence_action, editor.remove_evidence_action} <= set(editor.toolbar.actions())
    (tmp_path / "চিঠি.pdf").write_bytes(make.pdf())
    (tmp_path / "ছবি.png").write_bytes(make.png())
    chosen = [str(tmp_path / "চিঠি.pdf"), str(tmp_path / "ছবি.png")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    editor.attach_evidence_action.trigger()
    assert _names(store, pib_key, editor, row) == ["চিঠি.pdf", "ছবি.png"]
    assert "২টি ফাইল" in model.data(cell)
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert _names(store, pib_key, editor, row) == [] and "ফাইল" not in (model.data(cell) or "")
    undo_stack.redo()
    assert "২টি ফাইল" in model.data(cell)

    # Of two files, the one chosen goes.
    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: asked.append(a[3]) or ("চিঠি.pdf", True))
    editor.remove_evidence_action.trigger()
    assert asked == [["চিঠি.pdf", "ছবি.png"]]
    assert _names(store, pib_key, editor, row) == ["ছবি.png"] and "১টি ফাইল" in model.data(cell)
    undo_stack.undo()
    assert _names(store, pib_key, editor, row) == ["চিঠি.pdf", "ছবি.png"]

    # A file that claims to be a PDF and is not: said in a box, nothing attached.
    fake = tmp_path / "জাল.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(fake)], ""))
    editor.attach_evidence_action.trigger()
    qtbot.waitUntil(lambda: any("জাল.pdf" in t and "PDF, JPEG, PNG" in t for t in _boxes(editor)))
    assert _names(store, pib_key, editor, row) == ["চিঠি.pdf", "ছবি.png"] and undo_stack.count() == 2


def test_a_sealed_report_refuses_with_a_message_before_any_dialog(qtbot, store, pib_key, session, undo_stack,
                                                                   monkeypatch):
    _sign_off(store, pib_key)
    editor = ProgressEditor(session, pib_key, "Q1")
    show(qtbot, editor)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == "4.1.1")
    editor.view.setCurrentIndex(model.index(row, model.column_of("evidence")))
    dialogs = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: dialogs.append(a) or ([], ""))
    assert editor.attach_evidence() is False
    qtbot.waitUntil(lambda: any("স্বাক্ষরিত" in t or "পুনরায় খুলুন" in t for t in _boxes(editor)))
    assert dialogs == [] and undo_stack.count() == 0
    assert editor.remove_evidence("চিঠি.pdf") is False
    assert store.evidence_files(pib_key, "Q1") == {}
