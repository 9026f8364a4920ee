"""Other officers' changes on the office's server reach an open window (issue 12.3, LISTEN/NOTIFY): another
connection, or another process, edits an achievement and the progress grid and the score show it; the window's
own changes are not read twice. A real PostgreSQL server (tests/pg_cluster.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop.gui.session import Session
from egov_desktop.store.demo import create_demo
from egov_desktop.store.service import Store
from tests.gui.shell import delete_windows, make_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server_demo(pg_url):
    """The demo plans on the server, open as this window's store."""
    store = create_demo(pg_url)
    yield store
    delete_windows()
    store.close()


def _progress(window, period: str):
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    window.ui.period.setCurrentIndex(window.ui.period.findData(period))
    return window.progress_editor()


def _cell(editor, code: str, column: str = "value"):
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.indicator(r).code == code)
    return model.index(row, model.column_of(column))


def _indicator(store, plan_key, code):
    return next(i.key for i in store.get_document(plan_key).plan.indicators() if i.code == code)


def test_another_officers_achievement_shows_in_the_open_progress_grid_and_the_score(qtbot, server_demo, pg_url,
                                                                                      settings):
    window = make_window(qtbot, server_demo, settings)
    key = window.plan_key
    q1 = _progress(window, "Q1")
    assert _cell(q1, "2.1.1").data() == "১"
    score_before = window.score_summary.score.total

    with Store.open(pg_url) as other:  # another officer's program: a connection of its own
        other.set_entry_field(key, "Q1", _indicator(other, key, "2.1.1"), "value", 9)
    qtbot.waitUntil(lambda: _cell(q1, "2.1.1").data() == "৯", timeout=5000)
    assert window.score_summary.score.total > score_before
    # What the window read is now what it knows: an edit on it is not refused as made on a stale value.
    q1.model.setData(_cell(q1, "2.1.1"), "১০")
    assert server_demo.get_document(key).report("Q1").entry("2.1.1").value == 10


def test_a_change_made_in_another_process_reaches_the_window(qtbot, server_demo, pg_url, settings):
    window = make_window(qtbot, server_demo, settings)
    key = window.plan_key
    q1 = _progress(window, "Q1")
    code = (f"from egov_desktop.store.service import Store\n"
            f"with Store.open({pg_url!r}) as s:\n"
            f"    ind = next(i.key for i in s.get_document({key}).plan.indicators() if i.code == '2.1.1')\n"
            f"    s.set_entry_field({key}, 'Q1', ind, 'value', 7)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    qtbot.waitUntil(lambda: _cell(q1, "2.1.1").data() == "৭", timeout=5000)


def test_a_programs_own_changes_are_not_told_back_to_it(qtbot, server_demo, pg_url):
    key = server_demo.list_plans()[0].key
    mine, theirs = _indicator(server_demo, key, "1.1.1"), _indicator(server_demo, key, "2.1.1")
    listener = server_demo.listen()
    try:
        server_demo.set_entry_field(key, "Q1", mine, "remarks", "নিজের")
        with Store.open(pg_url) as other:
            other.set_entry_field(key, "Q1", theirs, "remarks", "অন্যের")
        told = []
        # Notices come in the order of the commits: once the other's has come, one of our own would have too.
        qtbot.waitUntil(lambda: bool(told.extend(listener.changes()) or told), timeout=5000)
    finally:
        listener.close()
    assert [(n.summary.plans, n.summary.indicators, "entry" in n.tables) for n in told] == [
        (frozenset({key}), frozenset({theirs}), True)]


def test_on_sqlite_nothing_is_listened_to(qapp, store):
    session = Session(store)
    assert store.listen() is None and session._listener is None
