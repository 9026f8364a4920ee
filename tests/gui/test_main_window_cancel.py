"""The busy bar's Cancel button: a cancelled task runs to its end in the background, but its result never
takes effect and it leaves nothing behind; a task that has already finished is not undone."""
from __future__ import annotations

import threading

import docx
from PySide6.QtWidgets import QFileDialog, QMessageBox

from egov_desktop.core import exchange
from egov_desktop.gui.cancel import CancelToken, write_staged
from tests.conftest import PIB
from tests.gui.shell import make_window


def test_a_cancelled_import_is_not_imported(qtbot, demo, settings, tmp_path, monkeypatch):
    doc = exchange.load(PIB)
    doc.plan.fiscal_year = "2024-25"
    incoming = tmp_path / "incoming.plan.json"
    incoming.write_text(exchange.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(incoming), ""))
    # A file on a slow network share: the read waits until the test lets it go. (A named pipe did this
    # before; the guarded reader now refuses a pipe at once, as it should.)
    gate, read = threading.Event(), exchange.load
    monkeypatch.setattr(exchange, "load", lambda path: gate.wait(30) and read(path))
    window = make_window(qtbot, demo, settings)
    plans = demo.list_plans()
    try:
        window.ui.actionImport.trigger()  # the reading task waits
        assert window.busy.isVisible() and window.cancel_button.isVisible()
        assert window.cancel_button.text() == "বাতিল"
        window.cancel_button.click()
        assert not window.busy.isVisible() and not window.cancel_button.isVisible()
        assert window.ui.statusbar.currentMessage() == "বাতিল করা হয়েছে: কিছুই পরিবর্তন হয়নি।"
    finally:
        gate.set()  # the file arrives after all: the read finishes in the background
    qtbot.waitUntil(lambda: not window._tasks, timeout=30000)
    assert demo.list_plans() == plans and demo.find_plan("2024-25", "egov_innovation") is None
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_a_cancelled_word_export_leaves_the_file_that_was_there(demo, tmp_path):
    from egov_desktop.export.docx_report import export_docx

    doc = demo.get_document(demo.find_plan("2021-22", "egov_innovation"))
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / "report.docx"
    out.write_bytes(b"last month's report")
    token = CancelToken()

    def write_then_cancel(staged):
        export_docx(doc, "H1", staged)
        assert token.cancel()  # the user clicks Cancel while the file is being written

    assert write_staged(token, out, write_then_cancel) is None
    assert out.read_bytes() == b"last month's report"
    assert sorted(p.name for p in folder.iterdir()) == ["report.docx"]  # no temporary file left

    # Not cancelled: the new file takes the name. Cancelling after that is too late and changes nothing.
    token = CancelToken()
    assert write_staged(token, out, lambda staged: export_docx(doc, "H1", staged)) == out
    assert not token.cancel() and not token.cancelled
    assert "অর্ধবার্ষিক" in "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert sorted(p.name for p in folder.iterdir()) == ["report.docx"]
