"""run_gui end to end, its options, and the first run with no database."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from egov_desktop.gui.app import open_store, parse_args, run_gui


def test_options_and_what_is_left_for_qt(tmp_path):
    args, rest = parse_args(["--db", str(tmp_path / "x.sqlite"), "--demo", "--lang", "en", "-style", "fusion"])
    assert (args.db, args.demo, args.lang) == (tmp_path / "x.sqlite", True, "en")
    assert rest == ["-style", "fusion"]
    args, rest = parse_args([])
    assert (args.db, args.demo, args.lang, rest) == (None, False, None, [])


def test_first_run_offers_the_demo(tmp_path):
    asked = []
    store = open_store(tmp_path / "new" / "egov.sqlite", demo=False, ask=lambda path: asked.append(path) or True)
    try:
        assert asked == [tmp_path / "new" / "egov.sqlite"]
        assert {p.fiscal_year for p in store.list_plans()} == {"2021-22", "2023-24"}
    finally:
        store.close()


def test_first_run_declining_the_demo_gives_an_empty_database(tmp_path):
    store = open_store(tmp_path / "egov.sqlite", demo=False, ask=lambda path: False)
    try:
        assert store.list_plans() == [] and (tmp_path / "egov.sqlite").exists()
    finally:
        store.close()
    # An existing database is opened as it is, without asking.
    store = open_store(tmp_path / "egov.sqlite", demo=False, ask=lambda path: pytest.fail("asked again"))
    store.close()


def test_run_gui_with_demo_and_english(qapp, tmp_path, user_settings):
    seen = {}

    def look_and_close():
        from egov_desktop.gui.main_window import MainWindow

        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].store is None:
            if windows:  # shown before the database is open: it says so
                seen["loading"] = windows[0].ui.emptyText.text()
            QTimer.singleShot(5, look_and_close)
            return
        window = windows[0]
        seen["window"] = window
        seen["menu"] = window.ui.menuFile.title()
        seen["plans"] = sorted(p.fiscal_year for p in window.store.list_plans())
        seen["rows"] = window.plan_editor.model.rowCount()
        window.close()

    QTimer.singleShot(0, look_and_close)
    db = tmp_path / "demo.sqlite"
    assert run_gui(["--demo", "--db", str(db), "--lang", "en"]) == 0
    assert seen["menu"] == "&File" and seen["plans"] == ["2021-22", "2023-24"] and seen["rows"] > 0
    assert seen.get("loading", "Opening the database…") == "Opening the database…"
    # --lang is for this start only; the plan shown is remembered for the next.
    assert QSettings().value("language") is None
    assert QSettings().value("last/plan") in ("2021-22/egov_innovation", "2023-24/egov_innovation")
    # The window went with the run, before its store was closed: left alive (nothing else frees it), it answered the
    # next language change by reading the closed store, and PySide crashed on that error (SIGSEGV in a later test).
    assert not shiboken6.isValid(seen.pop("window"))


def test_a_database_in_use_can_be_opened_read_only(tmp_path):
    """Another copy of the program writes to the database: refused, or opened read-only if the user says so."""
    import subprocess
    import sys

    path = tmp_path / "egov.sqlite"
    other = subprocess.Popen(
        [sys.executable, "-c", "import sys; from egov_desktop.store.service import Store; "
                               f"s = Store.open({str(path)!r}); print('open', flush=True); sys.stdin.read(); s.close()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "open"
        asked = []
        assert open_store(path, demo=False, ask_read_only=lambda exc: asked.append(exc) or False) is None
        assert "read-only" in asked[0].render("en")
        reader = open_store(path, demo=False, ask_read_only=lambda exc: True)
        try:
            assert reader.readonly and reader.list_plans() == []
        finally:
            reader.close()
    finally:
        other.communicate("", timeout=30)


def test_a_damaged_database_can_be_swapped_for_its_backup(tmp_path):
    from egov_desktop.store import backup
    from egov_desktop.store.demo import create_demo

    path = tmp_path / "egov.sqlite"
    create_demo(path).close()
    backup.backup_now(path)
    path.write_bytes(b"not a database at all")
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    store = open_store(path, demo=False, ask_restore=lambda exc: True)
    try:
        assert {p.fiscal_year for p in store.list_plans()} == {"2021-22", "2023-24"}
    finally:
        store.close()


def _locked_by_another_computer(path):
    """The lock file a computer that crashed leaves on a shared folder (no OS lock behind it)."""
    import json

    from egov_desktop.store.lock import lock_path
    from egov_desktop.store.service import Store

    Store.open(path).close()
    lock_path(path).write_text(json.dumps({"pid": 4242, "host": "accounts-pc", "user": "karim",
                                           "since": "2024-03-16 09:00:00"}), encoding="utf-8")


@pytest.mark.parametrize("button, readonly", [("takeOver", False), ("readOnly", True), (None, None)])
def test_a_lock_left_by_another_computer_can_be_taken_over(qapp, tmp_path, button, readonly):
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from tests.gui.shell import when_modal

    path = tmp_path / "egov.sqlite"
    _locked_by_another_computer(path)
    seen = {}

    def answer(box):
        seen["text"], seen["title"] = box.text(), box.windowTitle()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        if button is None:
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            box.findChild(QPushButton, button).click()

    when_modal(answer)
    store = open_store(path, demo=False, ask_read_only=lambda exc: pytest.fail("asked read-only only"))
    assert "accounts-pc" in seen["text"] and "karim" in seen["text"] and "১৬/০৩/২০২৪" in seen["text"]
    assert seen["title"] == "ডাটাবেসটি অন্য কম্পিউটারে ব্যবহৃত হচ্ছে"
    assert seen["buttons"] == sorted(["দায়িত্ব নিন", "শুধু পড়ার জন্য খুলুন", "বাতিল"])
    if readonly is None:
        assert store is None
        return
    try:
        assert store.readonly is readonly
        taken = [a for a in store.audit() if a.operation == "take_over"]
        assert [a.old["host"] for a in taken] == ([] if readonly else ["accounts-pc"])
    finally:
        store.close()


def test_the_first_start_leads_with_what_to_do_and_says_where_the_file_goes_last(qapp, tmp_path):
    from egov_desktop.gui.app import FirstStartDialog, ask_first_start
    from egov_desktop.store.audit import OFFICER_NAME
    from tests.gui.shell import when_modal

    path = tmp_path / "egov.sqlite"
    dialog = FirstStartDialog(path)
    assert [b.text() for b in dialog.buttons.values()] == ["ডেমো দিয়ে শুরু করুন", "নতুন পরিকল্পনা", "ফাইল থেকে আনুন",
                                                           "অফিসের সার্ভার"]
    assert dialog.buttons["demo"].isDefault()
    assert dialog.where.text() == f"<small>আপনার কাজ এখানে রাখা হবে: {path}</small>"  # said last, small
    dialog.deleteLater()
    for choice in ("new", "file", "server", "demo"):
        when_modal(lambda d, c=choice: (d.name.setText("  রহিমা  খাতুন "), d.buttons[c].click()))
        assert ask_first_start(path) == (choice, "রহিমা খাতুন")
    when_modal(lambda d: d.reject())
    assert ask_first_start(path) == (None, None) and not path.exists()

    # The name given there is kept before the demo is imported: the history's first line is in it.
    store = open_store(path, demo=False, ask=lambda _path: True, officer="রহিমা খাতুন")
    try:
        assert store.get_setting(OFFICER_NAME) == "রহিমা খাতুন"
        assert {e.user for e in store.audit() if e.operation == "import"} == {"রহিমা খাতুন"}
    finally:
        store.close()
