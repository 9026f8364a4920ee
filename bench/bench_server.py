"""Saving on the office's PostgreSQL server (issue 12): a store operation on the 200-indicator plan, and 20
officers editing at once.

1. One `Store.set_entry_field` (validate, write, audit row, commit) against a local server, 1,000 edits,
   alternated one for one with the baseline: psycopg doing the bare UPDATE + audit INSERT + COMMIT on the
   same server (synchronous_commit on, as the store leaves it). Target: p99 under 10 ms. Also the
   statements one save sends (SQLAlchemy's before_cursor_execute; BEGIN and COMMIT not counted).
2. 20 clients (processes, as 20 officers' PCs) × 200 edits, each "+1" on a cell as its window shows it,
   going round the plan's count cells from a different place each, so that now and then two meet on one
   cell; an edit refused as made on a stale value (StaleEdit) reloads and tries again, as the officer
   would. Throughput of accepted edits, and lost updates, asserted to be zero: every cell ends at
   its start plus the edits accepted on it, and the audit has one row for each.

The server is a throwaway cluster on a free local port (tests/pg_cluster.py), stopped at the end; without
PostgreSQL the benchmark says so and skips.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import sys
import time

from common import Figure, alternate, emit, median, percentile, plan_path

EDITS = int(os.environ.get("EGOV_BENCH_SERVER_EDITS", 1000))
CLIENTS, PER_CLIENT = 20, int(os.environ.get("EGOV_BENCH_SERVER_PER_CLIENT", 200))


def bare_saver(url: str):
    """One bare save per call: UPDATE + INSERT + COMMIT through psycopg, on tables shaped like ours."""
    import psycopg

    con = psycopg.connect(url)
    con.execute("CREATE TABLE cell (id integer PRIMARY KEY, value text, version integer NOT NULL DEFAULT 1)")
    con.execute("CREATE TABLE bare_audit (id serial PRIMARY KEY, at text, what text, old text, new text)")
    con.execute("INSERT INTO cell (id) SELECT generate_series(0, 199)")
    con.commit()
    n = iter(range(10**9))

    def save() -> None:
        i = next(n)
        con.execute("UPDATE cell SET value = %s, version = version + 1 WHERE id = %s", (str(i), i % 200))
        con.execute("INSERT INTO bare_audit (at, what, old, new) VALUES (now()::text, 'value', %s, %s)",
                    (str(i - 1), str(i)))
        con.commit()

    return save, con


def store_saver(url: str, plan: int):
    from egov_desktop.store.service import Store

    store = Store.open(url)
    doc = store.get_document(plan)
    period = doc.reports[0].period
    keys = [ind.key for ind in doc.plan.indicators() if ind.unit == "count"]
    n = iter(range(10**9))

    def save() -> None:
        i = next(n)
        store.set_entry_field(plan, period, keys[i % len(keys)], "value", 1000 + i)

    return save, store, period, keys


def statements_per_save(store, save) -> int:
    from sqlalchemy import event

    sent = []

    def count(*_args):
        sent.append(1)

    save()  # the connection's first save also asks who the officer is (once per connection)
    event.listen(store._engine, "before_cursor_execute", count)
    save()
    event.remove(store._engine, "before_cursor_execute", count)
    return len(sent)


def client(url: str, plan: int, period: str, cells: list[int], number: int, ready, go, results) -> None:
    try:
        _client(url, plan, period, cells, number, ready, go, results)
    except BaseException as exc:  # said, not a hang of the parent
        results.put(("error", f"client {number}: {exc!r}"))
        raise


def _client(url: str, plan: int, period: str, cells: list[int], number: int, ready, go, results) -> None:
    """One officer: PER_CLIENT edits, each +1 on a cell as last seen, reloading when refused."""
    from egov_desktop.store.errors import StaleEdit
    from egov_desktop.store.service import Store

    with Store.open(url) as store:
        def seen() -> dict[int, int]:
            doc = store.get_document(plan)
            key_of = {ind.code: ind.key for ind in doc.plan.indicators()}
            return {key_of[e.indicator]: int(e.value) for e in doc.report(period).entries
                    if key_of[e.indicator] in cells}

        view = seen()
        ready.wait()
        go.wait()
        accepted, refused = {}, 0
        for i in range(PER_CLIENT):
            cell = cells[(number * len(cells) // CLIENTS + i) % len(cells)]
            while True:
                try:
                    store.set_entry_field(plan, period, cell, "value", view[cell] + 1)
                    view[cell] += 1
                    accepted[cell] = accepted.get(cell, 0) + 1
                    break
                except StaleEdit:
                    refused += 1
                    view = seen()
        results.put((accepted, refused))


def concurrent(url: str, plan: int, period: str, keys: list[int]) -> tuple[float, int, int, int]:
    """(seconds, accepted edits, refusals, lost updates) of CLIENTS processes editing at once."""
    from egov_desktop.store.service import Store

    with Store.open(url) as store:
        doc = store.get_document(plan)
        code = {ind.key: ind.code for ind in doc.plan.indicators()}
        cells = keys
        for cell in cells:
            store.set_entry_field(plan, period, cell, "value", 0)
        audit_before = len(store.audit(plan))
    ctx = mp.get_context("spawn")
    ready, go, results = ctx.Barrier(CLIENTS + 1), ctx.Barrier(CLIENTS + 1), ctx.Queue()
    procs = [ctx.Process(target=client, args=(url, plan, period, cells, n, ready, go, results)) for n in range(CLIENTS)]
    for p in procs:
        p.start()
    ready.wait()
    t0 = time.perf_counter()
    go.wait()
    done = [results.get(timeout=1800) for _ in procs]
    seconds = time.perf_counter() - t0
    errors = [said for kind, said in done if kind == "error"]
    if errors:
        raise RuntimeError("; ".join(errors))
    for p in procs:
        p.join()
    accepted: dict[int, int] = {}
    for counts, _ in done:
        for cell, n in counts.items():
            accepted[cell] = accepted.get(cell, 0) + n
    refused = sum(r for _, r in done)
    with Store.open(url) as store:
        report = store.get_document(plan).report(period)
        final = {cell: int(report.entry(code[cell]).value) for cell in cells}
        audit_rows = len(store.audit(plan)) - audit_before
    total = sum(accepted.values())
    lost = sum(accepted.get(cell, 0) - final[cell] for cell in cells)
    assert total == CLIENTS * PER_CLIENT, total
    assert lost == 0 and all(final[c] == accepted.get(c, 0) for c in cells), (final, accepted)
    assert audit_rows == total, (audit_rows, total)
    return seconds, total, refused, lost


def main() -> None:
    from tests.pg_cluster import Cluster, pg_bin

    bindir = pg_bin()
    if bindir is None:
        print("bench_server skipped: PostgreSQL (initdb) is not installed on this PC (Debian: apt install postgresql)")
        return
    from egov_desktop.core import exchange
    from egov_desktop.store.service import Store

    cluster = Cluster(bindir)
    cluster.start()
    try:
        url = cluster.create("bench")
        with Store.open(url) as store:
            plan = store.import_document(exchange.load(plan_path(200))).key
        bare, con = bare_saver(cluster.create("bare"))
        real, store, period, keys = store_saver(url, plan)
        statements = statements_per_save(store, real)
        bare_times, real_times = alternate(bare, real, EDITS)
        store.close()
        con.close()
        base = percentile(bare_times, 99) * 1000
        emit(Figure("saving one edit on a local PostgreSQL server (operation + audit + commit), p99",
                    percentile(real_times, 99) * 1000, "ms", base, "psycopg UPDATE + audit INSERT + COMMIT, p99",
                    "p99 < 10 ms", percentile(real_times, 99) < 0.010,
                    f"{EDITS} edits alternated with the bare ones; median {median(real_times) * 1000:.2f} ms vs "
                    f"bare {median(bare_times) * 1000:.2f} ms; {statements} SQL statements a save (bare: 2)"))
        seconds, total, refused, lost = concurrent(url, plan, period, keys)
    finally:
        cluster.stop()
    emit(Figure(f"{CLIENTS} clients x {PER_CLIENT} edits at once on the server, accepted edits per second",
                total / seconds, "edits/s", None, "-", "zero lost updates", lost == 0,
                f"{total} edits accepted in {seconds:.1f} s over {len(keys)} cells, {refused} refused as stale and "
                f"made again on the reloaded value, {lost} lost (final values and audit rows checked)"))


if __name__ == "__main__":
    sys.exit(main())
