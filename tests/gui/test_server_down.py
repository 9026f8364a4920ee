"""A server that goes down mid-edit (issue 12, bad input): the throwaway server is stopped at once (as in a power
cut) while the window is open or a command is writing. A value typed then is said not saved, in Bangla, and stays
in its cell as typed; the window says the connection is lost and finds the server again by itself; the officer
saves the value with Enter once it is back. A command says so and exits 2. A server of this module's own, since it
is stopped and started again (tests/pg_cluster.py)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from egov_desktop.gui.models import NOT_SAVED, REFUSED, Role
from egov_desktop.store.demo import create_demo
from egov_desktop.store.service import Store
from tests.conftest import PIB, missing_tool
from tests.gui.conftest import open_editor, type_text
from tests.gui.shell import delete_windows, make_window

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def own_cluster():
    from tests.pg_cluster import Cluster, pg_bin

    bindir = pg_bin()
    if bindir is None:
        missing_tool("PostgreSQL (initdb) is not installed on this PC")
    cluster = Cluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def server(own_cluster, request):
    """A database on the module's server, which is running again at the end whatever the test did."""
    name = "down_" + request.node.name[5:40].lower()
    own_cluster.create(name)
    yield own_cluster.url(name)
    delete_windows()
    if not _running(own_cluster):
        own_cluster.resume()
    own_cluster.drop(name)


def _running(cluster) -> bool:
    import psycopg

    try:
        psycopg.connect(cluster.url(), connect_timeout=5).close()
    except psycopg.OperationalError:
        return False
    return True


def _type(qtbot, editor, index, text: str) -> None:
    line = open_editor(editor, index)
    line.selectAll()
    type_text(qtbot, line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_typing_while_the_server_is_down_is_not_saved_and_is_saved_once_it_is_back(qtbot, own_cluster, server,
                                                                                   settings):
    store = create_demo(server)
    window = make_window(qtbot, store, settings)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key = window.plan_key
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    window.ui.period.setCurrentIndex(window.ui.period.findData("Q1"))
    q1 = window.progress_editor()
    model = q1.model
    index = model.index(next(r for r in range(model.rowCount()) if model.indicator(r).code == "2.1.1"),
                        model.column_of("value"))
    assert index.data() == "১" and not window.server_label.isVisible()

    own_cluster.halt()
    # The window notices by itself: its connection for others' changes is gone.
    qtbot.waitUntil(window.server_label.isVisible, timeout=10000)
    assert window.server_label.text() == "সার্ভারের সঙ্গে সংযোগ নেই"

    _type(qtbot, q1, index, "৯")
    said = index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data() == "৯" and index.data(Role.SEVERITY) == REFUSED  # as typed, marked not saved
    assert "ডাটাবেস সার্ভারে পৌঁছানো যাচ্ছে না" in said and "সংরক্ষিত হয়নি" in said
    assert window.statusBar().currentMessage() == said
    assert [f.rule for f in model.findings() if f.rule == NOT_SAVED] == [NOT_SAVED]  # blocks sign-off meanwhile
    assert window.undo_stack.count() == 0

    own_cluster.resume()
    qtbot.waitUntil(lambda: not window.server_label.isVisible(), timeout=15000)
    assert index.data() == "৯" and index.data(Role.SEVERITY) == REFUSED  # still there to be saved
    _type(qtbot, q1, index, "৯")  # Enter on it again
    assert index.data(Role.SEVERITY) != REFUSED and index.data() == "৯"
    assert not [f for f in model.findings() if f.rule == NOT_SAVED]
    with Store.open(server) as other:
        assert other.get_document(key).report("Q1").entry("2.1.1").value == 9
    store.close()


def test_a_command_whose_server_goes_down_midway_says_so_exit_2_and_can_be_run_again(own_cluster, server):
    import psycopg

    Store.open(server).close()  # the tables made
    blocker = psycopg.connect(server)
    # The import's write waits for the audit table held by another connection: the server goes down under it.
    blocker.execute("LOCK TABLE audit IN ACCESS EXCLUSIVE MODE")
    command = subprocess.Popen([sys.executable, "-m", "egov_desktop", "import", str(PIB), "--db", server],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    watcher = psycopg.connect(server, autocommit=True)  # pg_stat_activity is read afresh outside a transaction
    try:
        for _attempt in range(1200):
            waiting = watcher.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'egov-desktop' "
                                      "AND wait_event_type = 'Lock'").fetchone()[0]
            if waiting or command.poll() is not None:
                break
            time.sleep(0.05)
        assert waiting, command.communicate(timeout=60)
        own_cluster.halt()
        _out, err = command.communicate(timeout=120)
    finally:
        command.kill()
        for conn in (watcher, blocker):
            conn.close()
    assert command.returncode == 2, err
    assert "ডাটাবেস সার্ভারে পৌঁছানো যাচ্ছে না" in err and "সংরক্ষিত হয়নি" in err and "Traceback" not in err

    own_cluster.resume()
    done = subprocess.run([sys.executable, "-m", "egov_desktop", "import", str(PIB), "--db", server],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    with Store.open(server) as store:
        assert [p.fiscal_year for p in store.list_plans()] == ["2023-24"]
