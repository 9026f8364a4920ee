"""Saving one edit: a store operation (validate, write, audit row, commit) on the 200-indicator plan.

Baseline: with the store's pragmas (WAL, synchronous=FULL), one sqlite3 UPDATE
plus one audit INSERT and a commit, which is the floor any durable save pays (the fsync).
Target: p99 under 20 ms.

Second figure, what a person waits for after Enter: the same edit through the
progress grid's model (setData: parse, the store operation, the undo step, the
re-check of the rules and the re-score), against the same baseline.
"""
from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from common import Figure, emit, median, percentile, store_with_plan

EDITS = 2000


def bare_saves(db: Path, n: int) -> list[float]:
    con = sqlite3.connect(db, isolation_level=None)
    # The store's durability settings (egov_desktop/store/engine.py), so the baseline pays the same fsyncs.
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        con.execute(f"PRAGMA {pragma}")
    con.execute("CREATE TABLE cell (id INTEGER PRIMARY KEY, value TEXT)")
    con.execute("CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT, what TEXT, old TEXT, new TEXT)")
    con.executemany("INSERT INTO cell (id, value) VALUES (?, NULL)", [(i,) for i in range(200)])
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        con.execute("BEGIN")
        con.execute("UPDATE cell SET value = ? WHERE id = ?", (str(i), i % 200))
        con.execute("INSERT INTO audit (at, what, old, new) VALUES (datetime('now'), 'value', ?, ?)", (str(i - 1), str(i)))
        con.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    con.close()
    return times


def store_saves(db: Path, plan_key: int, n: int) -> list[float]:
    from egov_desktop.store.service import Store

    store = Store.open(db)
    doc = store.get_document(plan_key)
    period = doc.reports[0].period
    keys = [ind.key for ind in doc.plan.indicators() if ind.unit == "count"]
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        store.set_entry_field(plan_key, period, keys[i % len(keys)], "value", i)
        times.append(time.perf_counter() - t0)
    store.close()
    return times


def grid_saves(db: Path, plan_key: int, n: int, follower: str | None = None, held: bool = False) -> list[float]:
    """`follower`: a second report's grid open on the same session (in sight it reads the plan again on every
    edit, as its "previous" column and "+২" base follow the first; `held`: out of sight, it reads it when shown)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from egov_desktop.gui.models import ProgressModel
    from egov_desktop.gui.session import Session
    from egov_desktop.store.service import Store

    app = QApplication.instance() or QApplication([])
    store = Store.open(db)
    session = Session(store)
    model = ProgressModel(session, plan_key, store.get_document(plan_key).reports[0].period)
    other = ProgressModel(session, plan_key, follower) if follower else None
    if other is not None:
        other.hold(held)
    column = model.column_of("value")
    rows = [row for row, ind in enumerate(model.document.plan.indicators()) if ind.unit == "count"]
    times = []
    for i in range(n):
        index = model.index(rows[i % len(rows)], column)
        t0 = time.perf_counter()
        if not model.setData(index, str(i), Qt.ItemDataRole.EditRole):
            raise RuntimeError(f"the grid refused {i}: {index.data(Qt.ItemDataRole.ToolTipRole)}")
        times.append(time.perf_counter() - t0)
    app.processEvents()
    if other is not None:
        other.hold(False)
        assert other.document.report(model.period).entries  # it did follow
    store.close()
    return times


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, key = store_with_plan(200, Path(tmp) / "bench.sqlite")
        real = store_saves(db, key, EDITS)
        grid = grid_saves(db, key, EDITS)
        followed = grid_saves(db, key, EDITS // 4, follower="annual")
        held = grid_saves(db, key, EDITS // 4, follower="annual", held=True)
        bare = bare_saves(Path(tmp) / "bare.sqlite", EDITS)
    base = percentile(bare, 99) * 1000
    emit(
        Figure("saving one edit (operation + audit + commit), p99", percentile(real, 99) * 1000, "ms", base,
               "sqlite3 UPDATE + audit INSERT + COMMIT, p99", "p99 < 20 ms", percentile(real, 99) < 0.020,
               f"{EDITS} edits; median {median(real) * 1000:.2f} ms vs bare {median(bare) * 1000:.2f} ms"),
        Figure("saving one edit through the progress grid (+ undo step, re-check, re-score), p99",
               percentile(grid, 99) * 1000, "ms", base, "sqlite3 UPDATE + audit INSERT + COMMIT, p99",
               "p99 < 20 ms", percentile(grid, 99) < 0.020, f"median {median(grid) * 1000:.2f} ms"),
        Figure("the same with the annual report's grid open too (it reads the plan again), p99",
               percentile(followed, 99) * 1000, "ms", base, "sqlite3 UPDATE + audit INSERT + COMMIT, p99",
               "p99 < 50 ms", percentile(followed, 99) < 0.050, f"median {median(followed) * 1000:.2f} ms"),
        Figure("the same with the annual grid open out of sight (it reads the plan when shown), p99",
               percentile(held, 99) * 1000, "ms", base, "sqlite3 UPDATE + audit INSERT + COMMIT, p99",
               "p99 < 20 ms", percentile(held, 99) < 0.020, f"median {median(held) * 1000:.2f} ms"),
    )


if __name__ == "__main__":
    main()
