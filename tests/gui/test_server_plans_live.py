"""Other officers' plans, undo, seals and whole-database writes reach an open window on the office's server (issue
12.3 leftovers): the plan picker and the APA overview follow a plan another officer imports, makes or deletes; the plan
on screen deleted or replaced by another is said, in Bangla, with the text typed into it that could not be saved, and
another plan is shown; db copy --replace and restore --replace by another process make the window read everything
again; another officer's undo and redo, sign-off and reopen show at once. A real PostgreSQL server, other officers as
stores of their own or processes (tests/pg_cluster.py)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from egov_desktop.core import exchange
from egov_desktop.core.model import Signatory
from egov_desktop.store.demo import create_demo
from egov_desktop.store.service import Store
from tests.conftest import FIXTURES, PIB
from tests.gui.conftest import open_editor, type_text
from tests.gui.shell import make_window, when_modal
from tests.gui.test_not_saved import _leave_typed
from tests.gui.test_server_live import _cell, _indicator, _progress, server_demo  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 5000  # "within a few seconds": the notice itself takes milliseconds
RTI = FIXTURES / "rti-betagi-2023-24.plan.json"


def _cli(*args) -> None:
    """Another officer's program: the command line, a process of its own."""
    done = subprocess.run([sys.executable, "-m", "egov_desktop", *map(str, args)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def _years(window) -> list[str]:
    combo = window.ui.fiscalYear
    return [combo.itemData(i) for i in range(combo.count())]


def _kinds(window) -> list[int]:
    combo = window.ui.kind
    return [combo.itemData(i) for i in range(combo.count())]


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_plan_picker_follows_the_plans_another_officer_makes_and_deletes(qtbot, server_demo, pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    shown, editor = window.plan_key, window.plan_editor
    assert _years(window) == ["2023-24", "2021-22"] and _kinds(window) == [shown]
    with Store.open(pg_url) as other:
        rti = other.import_document(exchange.load(RTI)).key
        qtbot.waitUntil(lambda: _kinds(window) == [shown, rti], timeout=WAIT_MS)
        other.create_blank("grs", "2024-25")
        qtbot.waitUntil(lambda: _years(window) == ["2024-25", "2023-24", "2021-22"], timeout=WAIT_MS)
        other.delete_plan(other.find_plan("2021-22", "egov_innovation"))
        qtbot.waitUntil(lambda: _years(window) == ["2024-25", "2023-24"], timeout=WAIT_MS)
    # The plan on screen stays as it was: not opened again, its year and kind still chosen, nothing said.
    assert window.plan_key == shown and window.plan_editor is editor
    assert window.ui.fiscalYear.currentData() == "2023-24" and window.ui.kind.currentData() == shown
    assert not _boxes()


def test_the_plan_on_screen_deleted_by_another_officer_is_said_with_the_text_typed_into_it(qtbot, server_demo, pg_url,
                                                                                          settings):
    window = make_window(qtbot, server_demo, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the cell editors take the keyboard focus
    shown = window.plan_key
    q1 = _progress(window, "Q1")
    _leave_typed(qtbot, q1, _cell(q1, "4.1.1"), "১০৫%")  # refused: kept in the cell, not saved
    line = open_editor(q1, _cell(q1, "2.1.1", "remarks"))
    type_text(qtbot, line, "অর্ধেক লেখা মন্তব্য")  # typed, Enter not pressed yet
    with Store.open(pg_url) as other:
        other.delete_plan(shown)
        modmr = other.find_plan("2021-22", "egov_innovation")
    qtbot.waitUntil(lambda: window.plan_key == modmr, timeout=WAIT_MS)
    [box] = _boxes()
    text = box.text()
    assert "অন্য একজন কর্মকর্তা" in text and "মুছে" in text and "২০২১-২২" in text
    # Nothing typed is lost without a word: both texts are in the message, to be copied.
    assert "১০৫%" in text and "অর্ধেক লেখা মন্তব্য" in text
    assert box.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert window.ui.fiscalYear.currentData() == "2021-22" and _years(window) == ["2021-22"]
    assert window.undo_stack.count() == 0
    box.close()


def test_the_plan_on_screen_imported_again_by_another_process_is_shown_anew(qtbot, server_demo, pg_url, settings,
                                                                           tmp_path):
    window = make_window(qtbot, server_demo, settings)
    shown = window.plan_key
    doc = exchange.load(PIB)
    doc.plan.title = "নতুন করে আনা পরিকল্পনা"
    exchange.dump(doc, tmp_path / "pib.plan.json")
    _cli("import", tmp_path / "pib.plan.json", "--db", pg_url, "--replace")
    qtbot.waitUntil(lambda: window.plan_key not in (shown, None), timeout=WAIT_MS)
    assert window.ui.fiscalYear.currentData() == "2023-24"  # the same plan, as imported again
    assert window.plan_editor.model.document.plan.title == "নতুন করে আনা পরিকল্পনা"
    [box] = _boxes()
    assert "অন্য একজন কর্মকর্তা" in box.text() and "নতুন করে" in box.text()
    box.close()


def test_the_apa_overview_follows_another_officers_plans_and_figures(qtbot, server_demo, pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    window.ui.period.setCurrentIndex(window.ui.period.findData("Q1"))
    seen = {}

    def check(dialog):
        def row(kind):
            return next(p for p in dialog.overview.plans if p.kind == kind)

        assert not row("rti").present
        with Store.open(pg_url) as other:
            rti = other.import_document(exchange.load(RTI)).key
            qtbot.waitUntil(lambda: row("rti").present, timeout=WAIT_MS)
            before = row("rti").total
            other.set_entry_field(rti, "Q1", _indicator(other, rti, "1.1.1"), "value", 0)  # 100% before
            qtbot.waitUntil(lambda: row("rti").total < before, timeout=WAIT_MS)
            other.delete_plan(rti)
            qtbot.waitUntil(lambda: not row("rti").present, timeout=WAIT_MS)
        seen["ok"] = True
        dialog.reject()

    when_modal(check)
    window.show_apa_overview()
    assert seen.get("ok")


def test_db_copy_and_restore_over_the_server_make_the_window_read_everything_again(qtbot, server_demo, pg_url,
                                                                                    settings, tmp_path):
    window = make_window(qtbot, server_demo, settings)
    key = window.plan_key
    q1 = _progress(window, "Q1")
    backup = tmp_path / "server.sqlite"
    _cli("backup", "--db", pg_url, "--out", backup)
    q1.model.setData(_cell(q1, "2.1.1"), "৩")  # an edit of the window's own, on the undo stack
    assert window.undo_stack.count() == 1
    office = create_demo(tmp_path / "office.sqlite")  # the office's own file, with another figure
    with office:
        office.set_entry_field(key, "Q1", _indicator(office, key, "2.1.1"), "value", 8)

    _cli("db", "copy", "--from", tmp_path / "office.sqlite", "--to", pg_url, "--replace")
    qtbot.waitUntil(lambda: _cell(window.progress_editor(), "2.1.1").data() == "৮", timeout=WAIT_MS)
    # The steps taken on the data written over cannot be undone: they are gone, and why is said.
    assert window.undo_stack.count() == 0
    assert "অন্য একজন কর্মকর্তা" in window.ui.statusbar.currentMessage()

    _cli("restore", backup, "--db", pg_url, "--replace")
    qtbot.waitUntil(lambda: _cell(window.progress_editor(), "2.1.1").data() == "১", timeout=WAIT_MS)
    # What the window read is what it knows: its next edit is saved, not refused as made on a stale value.
    editor = window.progress_editor()
    assert editor.model.setData(_cell(editor, "2.1.1"), "৪")
    assert server_demo.get_document(window.plan_key).report("Q1").entry("2.1.1").value == 4


def test_another_officers_undo_and_redo_reach_the_window(qtbot, server_demo, pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    key = window.plan_key
    q1 = _progress(window, "Q1")
    with Store.open(pg_url) as other:
        change = other.set_entry_field(key, "Q1", _indicator(other, key, "2.1.1"), "value", 9)
        qtbot.waitUntil(lambda: _cell(q1, "2.1.1").data() == "৯", timeout=WAIT_MS)
        redo = change.undo()
        qtbot.waitUntil(lambda: _cell(q1, "2.1.1").data() == "১", timeout=WAIT_MS)
        redo.undo()
        qtbot.waitUntil(lambda: _cell(q1, "2.1.1").data() == "৯", timeout=WAIT_MS)


def test_another_officers_sign_off_seals_the_open_report_and_reopen_opens_it(qtbot, server_demo, pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    key = window.plan_key
    q1 = _progress(window, "Q1")
    value = _cell(q1, "2.1.1")
    assert value.flags() & Qt.ItemFlag.ItemIsEditable
    with Store.open(pg_url) as other:
        # The memo a sign-off needs (the rules refuse a report without it), then the seal.
        for field, text in (("number", "১৫.৫১.০০০০.০১২.৮"), ("date", dt.date(2023, 10, 10)),
                            ("subject", "প্রতিবেদন প্রেরণ"), ("signatory.name", "রহিম উদ্দিন"),
                            ("signatory.designation", "পরিচালক")):
            other.set_memo_field(key, "Q1", field, text)
        other.sign_off(key, "Q1", Signatory(name="রহিম উদ্দিন", designation="পরিচালক"))
        qtbot.waitUntil(lambda: "রহিম উদ্দিন" in window.ui.reportState.text(), timeout=WAIT_MS)
        assert not window.ui.signOffButton.isEnabled() and window.ui.reopenButton.isEnabled()
        assert not value.flags() & Qt.ItemFlag.ItemIsEditable  # the seal shows: the cells take no typing
        # An edit begun before the seal came is refused by the store, and the cell says why.
        assert not q1.model.setData(value, "৫")
        assert "স্বাক্ষর" in value.data(Qt.ItemDataRole.ToolTipRole)
        assert other.get_document(key).report("Q1").entry("2.1.1").value == 1
        q1.model.discard_not_saved()
        other.reopen(key, "Q1", "ভুল সংশোধন")
        qtbot.waitUntil(lambda: bool(value.flags() & Qt.ItemFlag.ItemIsEditable), timeout=WAIT_MS)
        assert window.ui.signOffButton.isEnabled()


def test_the_plans_to_copy_in_the_new_plan_dialog_follow_another_officers_plans(qtbot, server_demo, pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    seen = {}

    def check(dialog):
        combo = dialog.ui.plan

        def listed():
            return [combo.itemData(i) for i in range(combo.count())]

        combo.setCurrentIndex(combo.findData(window.plan_key))
        with Store.open(pg_url) as other:
            rti = other.import_document(exchange.load(RTI)).key
            qtbot.waitUntil(lambda: rti in listed(), timeout=WAIT_MS)
            modmr = other.find_plan("2021-22", "egov_innovation")
            other.delete_plan(modmr)
            qtbot.waitUntil(lambda: modmr not in listed(), timeout=WAIT_MS)
        assert combo.currentData() == window.plan_key  # the plan chosen stays chosen
        seen["ok"] = True
        dialog.reject()

    when_modal(check)
    window.new_plan()
    assert seen.get("ok")


def test_the_consolidation_window_offers_the_years_of_plans_another_officer_makes_and_deletes(qtbot, server_demo,
                                                                                               pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    window.ui.actionConsolidate.trigger()
    cons = window.consolidation
    combo = cons.fiscal_year

    def years() -> list[str]:
        return [combo.itemData(i) for i in range(combo.count())]

    assert "2024-25" not in years() and "2021-22" in years()
    combo.setCurrentIndex(combo.findData("2021-22"))
    with Store.open(pg_url) as other:
        other.create_blank("grs", "2024-25")
        qtbot.waitUntil(lambda: "2024-25" in years(), timeout=WAIT_MS)
        assert cons.selection()[1] == "2021-22"  # the year chosen stays chosen
        other.delete_plan(other.find_plan("2021-22", "egov_innovation"))
        qtbot.waitUntil(lambda: "2021-22" not in years(), timeout=WAIT_MS)
    assert cons.selection()[1] == years()[0]
