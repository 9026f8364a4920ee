"""Structural edits on the 1,000-indicator plan: adding, moving and removing areas, activities and
indicators (each renumbers the codes after it), and undoing a removal.

Each edit is timed (median of 9, every run undone untimed before the next) and its SQL statements
counted with a SQLAlchemy `before_cursor_execute` listener (an executemany counts once). The count
is printed beside the same edit on the 100-indicator plan: it must not grow with the plan
(tests/store/test_structure_statements.py asserts that). Baseline: the durable floor of one save,
a sqlite3 UPDATE + audit INSERT + COMMIT with the store's pragmas (bench_save.py). Target: < 20 ms.
"""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench_save import bare_saves
from common import Figure, emit, median, store_with_plan

N = 1000
SMALL = 100
REPEATS = 9


def _add_indicator(store, doc):
    return store.add_indicator(doc.plan.areas[0].activities[0].key, 0, "নতুন সূচক")


def _add_area(store, doc):
    return store.add_area(doc.plan.key, 0, "নতুন কার্যক্রম", 1)


def _move_indicator(store, doc):
    return store.move_indicator(doc.plan.areas[0].activities[0].indicators[0].key, 0,
                                doc.plan.areas[-1].activities[-1].key)


def _move_area(store, doc):
    return store.move_area(doc.plan.areas[0].key, len(doc.plan.areas))


def _remove_activity(store, doc):
    return store.remove_activity(doc.plan.areas[0].activities[0].key)


EDITS = {
    "add an indicator at the top of an activity": _add_indicator,
    "add an area at the top (every code changes)": _add_area,
    "move an indicator to the last activity": _move_indicator,
    "move the first area to the end": _move_area,
    "remove an activity with its indicators and achievements": _remove_activity,
}


class Statements:
    """Counts the SQL statements the store's engine sends while it is on."""

    def __init__(self, store):
        from sqlalchemy import event

        self.count = 0
        event.listen(store._engine, "before_cursor_execute", self._one)

    def _one(self, *args) -> None:
        self.count += 1


def measure(n: int, repeats: int) -> dict[str, tuple[int, float, float, int, float]]:
    """edit -> (statements, median seconds, median CPU seconds, statements of its undo, median seconds of
    the undo). The CPU time leaves out the wait for the disk (the commit's fsync) and for other jobs."""
    from egov_desktop.store.service import Store

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        db, key = store_with_plan(n, Path(tmp) / "bench.sqlite")
        store = Store.open(db)
        counter = Statements(store)
        for name, edit in EDITS.items():
            counts, times, cpu, undo_counts, undo_times = [], [], [], [], []
            for _ in range(repeats):
                doc = store.get_document(key)
                counter.count = 0
                t0, c0 = time.perf_counter(), time.process_time()
                change = edit(store, doc)
                times.append(time.perf_counter() - t0)
                cpu.append(time.process_time() - c0)
                counts.append(counter.count)
                counter.count = 0
                t0 = time.perf_counter()
                change.undo()
                undo_times.append(time.perf_counter() - t0)
                undo_counts.append(counter.count)
            out[name] = (counts[0], median(times), median(cpu), undo_counts[0], median(undo_times))
        store.close()
    return out


def main() -> None:
    big = measure(N, REPEATS)
    small = measure(SMALL, 1)
    with tempfile.TemporaryDirectory() as tmp:
        bare = median(bare_saves(Path(tmp) / "bare.sqlite", 200)) * 1000
    figures = []
    for name, (count, seconds, cpu, undo_count, undo_seconds) in big.items():
        small_count, _, _, small_undo, _ = small[name]
        figures.append(Figure(
            f"{name}, {N:,}-indicator plan", seconds * 1000, "ms", bare,
            "sqlite3 UPDATE + audit INSERT + COMMIT, median", "< 20 ms, statements constant",
            seconds < 0.020 and count == small_count,
            f"{count} statements ({small_count} on a {SMALL}-indicator plan), CPU {cpu * 1000:.1f} ms; "
            f"its undo {undo_seconds * 1000:.1f} ms, "
            f"{undo_count} statements ({small_undo})"))
    emit(*figures)


if __name__ == "__main__":
    main()
