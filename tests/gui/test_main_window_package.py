"""The submission package from the main window: প্রতিবেদন → দাখিল প্যাকেজ… (a file dialog, made off the GUI thread)
and the e-mail draft with the package attached."""
from __future__ import annotations

import email
import email.policy
import io

import docx
from PySide6.QtWidgets import QFileDialog, QMessageBox

from egov_desktop.core import evidence
from egov_desktop.export import package
from tests import evidence_files as make
from tests.gui.shell import make_window


def _attach(demo, plan_key):
    keys = {ind.code: ind.key for ind in demo.get_document(plan_key).plan.indicators()}
    demo.attach_evidence(plan_key, "H1", keys["1.1.1"], [evidence.from_bytes("চিঠি.pdf", make.pdf())])


def test_the_package_action_writes_the_chosen_file(qtbot, demo, settings, tmp_path, monkeypatch):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    _attach(demo, window.plan_key)
    out = tmp_path / "প্যাকেজ.zip"
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: suggested.append(a[2]) or (str(out), ""))
    window.ui.actionPackage.trigger()
    qtbot.waitUntil(out.exists, timeout=30000)
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=30000)
    assert suggested[0].endswith("অর্ধবার্ষিক.zip")
    read = package.read(out)
    assert [(e.indicator, e.path, e.file.content) for e in read.plans[0].evidence] == [
        ("1.1.1", "প্রমাণক/[১.১.১]-১-চিঠি.pdf", make.pdf())]
    texts = [p.text for p in docx.Document(io.BytesIO(read.plans[0].word)).paragraphs]
    assert "প্রমাণক ফাইলের তালিকা" in texts
    assert "প্যাকেজ" in window.ui.statusbar.currentMessage()
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]  # small: no warning


def test_the_package_action_refuses_a_report_without_a_memo(qtbot, demo, settings, monkeypatch):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    window.ui.period.setCurrentIndex(window.ui.period.findData("Q3"))
    dialogs = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: dialogs.append(a) or ("", ""))
    window.ui.actionPackage.trigger()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    assert dialogs == []


def test_the_email_draft_can_attach_the_package(qtbot, demo, settings, opened):
    window = make_window(qtbot, demo, settings, select="2021-22/egov_innovation")
    _attach(demo, window.plan_key)
    window.ui.actionEmailPackage.trigger()
    qtbot.waitUntil(lambda: bool(opened.urls), timeout=30000)
    with open(opened.urls[0].toLocalFile(), "rb") as fh:
        message = email.message_from_binary_file(fh, policy=email.policy.default)
    parts = list(message.iter_attachments())
    assert [p.get_filename().rsplit(".", 1)[1] for p in parts] == ["docx", "zip"]
    read = package.read(io.BytesIO(parts[1].get_content()))
    assert [e.file.name for e in read.plans[0].evidence] == ["চিঠি.pdf"]
