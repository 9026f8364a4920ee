"""File > Back up (to a folder such as a pen drive) and File > Restore from a backup, on real SQLite files."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from egov_desktop.store import backup
from egov_desktop.store.service import Store
from tests.gui.shell import make_window, when_modal


def test_back_up_to_a_chosen_folder(qtbot, demo, settings, tmp_path, monkeypatch):
    window = make_window(qtbot, demo, settings)
    pen = tmp_path / "pendrive"
    pen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(pen))
    window.ui.actionBackup.trigger()
    qtbot.waitUntil(lambda: bool(backup.list_backups(demo.path, pen)), timeout=10000)
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=10000)
    [copy] = backup.list_backups(demo.path, pen)
    assert copy.reason == "manual" and str(copy.path) in window.ui.statusbar.currentMessage()
    with Store.open(copy.path, readonly=True) as store:  # a whole database, readable on its own
        assert {p.fiscal_year for p in store.list_plans()} == {"2021-22", "2023-24"}


def test_restore_a_backup_replaces_the_database_and_keeps_the_current_one(qtbot, demo, settings):
    office_key = demo.office_of(demo.find_plan("2023-24", "egov_innovation"))
    old = backup.backup_now(demo.path, "manual", now=dt.datetime(2024, 3, 16, 9, 30))
    backup.backup_now(demo.path, "signoff", label="plan2-H1-r1", now=dt.datetime(2024, 3, 17, 10, 0))
    demo.set_office_field(office_key, "phone", "০২-৯৩৩০০৮১")  # made after the backup: the restore undoes it
    window = make_window(qtbot, demo, settings)
    seen = {}

    def choose(dialog):
        table = dialog.ui.backups
        rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        seen["rows"] = rows
        row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "১৬/০৩/২০২৪ ০৯:৩০")
        table.selectRow(row)
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(choose)
    window.ui.actionRestore.trigger()
    assert seen["rows"]["১৬/০৩/২০২৪ ০৯:৩০"] == "হাতে নেওয়া ব্যাকআপ"
    assert seen["rows"]["১৭/০৩/২০২৪ ১০:০০"] == "স্বাক্ষরের সময় (অর্ধবার্ষিক, সংস্করণ ১)"
    store = window.store
    try:
        assert store is not demo and not store.readonly
        assert store.get_office(office_key).phone is None
        assert window.plan_editor is not None and window.plan_editor.model.rowCount() > 0
        assert window.undo_stack.count() == 0
        # The database as it was (with the phone) was backed up first, and the message says where.
        [safety] = [b for b in backup.list_backups(store.path) if b.reason == "restore"]
        assert str(safety.path) in window.ui.statusbar.currentMessage()
        with Store.open(safety.path, readonly=True) as before:
            assert before.get_office(office_key).phone == "০২-৯৩৩০০৮১"
        assert old.exists()
    finally:
        store.close()


def test_restore_refuses_without_a_choice_and_a_bad_file_leaves_the_database_as_it_was(qtbot, demo, settings,
                                                                                       tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from egov_desktop.gui.dialogs.restore import RestoreDialog

    empty = RestoreDialog([])
    qtbot.addWidget(empty)
    empty.accept()
    assert empty.result() == 0 and empty.ui.error.text() == "এই ডাটাবেসের কোনো ব্যাকআপ এখনো নেই।"

    window = make_window(qtbot, demo, settings)
    office_key = demo.office_of(window.plan_key)
    demo.set_office_field(office_key, "phone", "০২-৯৩৩০০৮১")
    bad = tmp_path / "not-a-backup.sqlite"
    bad.write_bytes(b"this is not a database")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))

    def choose(dialog):
        dialog.ui.browse.click()
        assert dialog.ui.backups.item(0, 1).text() == "not-a-backup.sqlite"
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(choose)
    window.ui.actionRestore.trigger()
    store = window.store
    try:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert boxes and "ব্যাকআপ" in boxes[0].text()
        boxes[0].accept()
        assert store.get_office(office_key).phone == "০২-৯৩৩০০৮১"  # untouched, and open again
        assert window.plan_editor.model.rowCount() > 0
    finally:
        store.close()


def test_a_read_only_database_can_be_backed_up_but_not_restored(qtbot, demo, settings):
    reader = Store.open(demo.path, readonly=True)
    try:
        window = make_window(qtbot, reader, settings)
        assert window.ui.actionBackup.isEnabled() and not window.ui.actionRestore.isEnabled()
        window.ui.actionEnglish.trigger()  # a language switch does not enable it either
        window.ui.actionBangla.trigger()
        assert not window.ui.actionRestore.isEnabled()
    finally:
        reader.close()
    window = make_window(qtbot, demo, settings)
    assert window.ui.actionRestore.isEnabled()
