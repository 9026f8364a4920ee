"""Other officers' changes reaching an open window on the office's server (issue 12.3, LISTEN/NOTIFY).

1. Another officer's edit of an achievement on the 200-indicator plan: from its commit (the other officer's
   `Store.set_entry_field` returned) to the open window's progress grid holding the new value and painted (the
   notice read on the window's socket, the plan read again, re-checked, re-scored, the grid repainted). Offscreen,
   one process: the other officer is a store of its own, with its own connection to the server. 50 edits, alternated
   one for one with the baseline: psycopg, one connection LISTENing, another doing UPDATE + pg_notify + COMMIT, from
   that commit to the listener's socket readable and the notice read (the server's own delivery, the floor).
2. Another officer's new plan (the plan copied to the next year): from its commit to the window's plan picker
   listing it. 10 times, the copy deleted again between them (not timed).

The server is a throwaway cluster on a free local port (tests/pg_cluster.py), stopped at the end; without
PostgreSQL the benchmark says so and skips.
"""
from __future__ import annotations

import os
import select
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, emit, median, percentile, plan_path

EDITS = int(os.environ.get("EGOV_BENCH_LIVE_EDITS", 50))
PLANS = int(os.environ.get("EGOV_BENCH_LIVE_PLANS", 10))
TIMEOUT_S = 30


def bare_notice(url: str):
    """One bare round per call: UPDATE + pg_notify + COMMIT on one connection, the notice read on another; the
    seconds from the commit to the notice read."""
    import psycopg

    writer = psycopg.connect(url)
    writer.execute("CREATE TABLE cell (id integer PRIMARY KEY, value text)")
    writer.execute("INSERT INTO cell (id) SELECT generate_series(0, 199)")
    writer.commit()
    listener = psycopg.connect(url, autocommit=True)
    listener.execute("LISTEN bare")
    n = iter(range(10**9))

    def round_trip() -> float:
        i = next(n)
        writer.execute("UPDATE cell SET value = %s WHERE id = %s", (str(i), i % 200))
        writer.execute("SELECT pg_notify('bare', %s)", (f'{{"cell": {i % 200}}}',))
        writer.commit()
        t0 = time.perf_counter()
        while True:
            select.select([listener.fileno()], [], [], TIMEOUT_S)
            if list(listener.notifies(timeout=0)):
                return time.perf_counter() - t0

    return round_trip, (writer, listener)


def _until(app, shown) -> float:
    """Run the window's event loop until `shown()`; the time it became so."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + TIMEOUT_S
    while not shown():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not show the change")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    return time.perf_counter()


def main() -> None:
    from tests.pg_cluster import Cluster, pg_bin

    bindir = pg_bin()
    if bindir is None:
        print("bench_server_live skipped: PostgreSQL (initdb) is not installed on this PC "
              "(Debian: apt install postgresql)")
        return
    from PySide6.QtCore import QSettings

    from egov_desktop.core import exchange
    from egov_desktop.core.periods import FiscalYear
    from egov_desktop.gui.app import application
    from egov_desktop.gui.main_window import S_PLAN, MainWindow
    from egov_desktop.store.service import Store

    cluster = Cluster(bindir)
    cluster.start()
    tmp = tempfile.TemporaryDirectory()
    try:
        url = cluster.create("bench")
        doc = exchange.load(plan_path(200))
        app = application()
        store = Store.open(url)
        plan = store.import_document(doc).key
        settings = QSettings(str(Path(tmp.name) / "ui.ini"), QSettings.Format.IniFormat)
        settings.setValue(S_PLAN, f"{doc.plan.fiscal_year}/{doc.plan.kind}")
        window = MainWindow(store, settings)
        window.show()
        window.ui.tabs.setCurrentWidget(window.ui.progressTab)
        period = window.period
        editor = window.progress_editor()
        other = Store.open(url)
        cells = [i.key for i in other.get_document(plan).plan.indicators() if i.unit == "count"]
        rows = {ind.key: r for r, ind in enumerate(editor.model.document.plan.indicators())}
        n = iter(range(10**9))

        def remote_edit() -> float:
            i = next(n)
            key = cells[i % len(cells)]
            other.set_entry_field(plan, period, key, "value", 1000 + i)
            t0 = time.perf_counter()

            def shown() -> bool:
                return editor.model.report.entry(editor.model.indicator(rows[key]).code).value == 1000 + i

            _until(app, shown)
            editor.view.viewport().repaint()  # what the officer sees: the grid painted with it
            return time.perf_counter() - t0

        bare, connections = bare_notice(cluster.create("bare"))
        bare_times, live_times = [], []
        for i in range(EDITS + 1):
            b, r = bare(), remote_edit()
            if i:  # the first round warms both up
                bare_times.append(b)
                live_times.append(r)
        for c in connections:
            c.close()

        # The copy's year (store.copy_to_next_year).
        next_year = FiscalYear(FiscalYear.parse(doc.plan.fiscal_year).start_year + 1).code
        picker_times = []
        for _ in range(PLANS):
            made = other.copy_to_next_year(plan).key
            t0 = time.perf_counter()
            t1 = _until(app, lambda: window.ui.fiscalYear.findData(next_year) >= 0)
            picker_times.append(t1 - t0)
            other.delete_plan(made)
            _until(app, lambda: window.ui.fiscalYear.count() == 1)
        window.close()
        other.close()
        store.close()
    finally:
        cluster.stop()
        tmp.cleanup()
    base = median(bare_times) * 1000
    emit(Figure("another officer's edit on the server shown in the open window (commit -> grid painted), median",
                median(live_times) * 1000, "ms", base, "psycopg LISTEN: commit -> notice read, median",
                "a few seconds", percentile(live_times, 100) < 3,
                f"{EDITS} edits on the 200-indicator plan alternated with the bare ones; p95 "
                f"{percentile(live_times, 95) * 1000:.1f} ms, max {max(live_times) * 1000:.1f} ms; bare p95 "
                f"{percentile(bare_times, 95) * 1000:.2f} ms"),
         Figure("another officer's new plan on the server listed in the open window's plan picker, median",
                median(picker_times) * 1000, "ms", base, "psycopg LISTEN: commit -> notice read, median",
                "a few seconds", max(picker_times) < 3,
                f"{PLANS} copies of the 200-indicator plan to the next year; max {max(picker_times) * 1000:.1f} ms"))


if __name__ == "__main__":
    sys.exit(main())
