"""Many kills (up to 20): SIGKILL at random moments while a child process edits, imports and signs off. After
every kill the database opens, passes PRAGMA integrity_check, holds every acknowledged operation, and has no
half-finished import. Bounded: about 25 seconds of kills at most. A SIGKILL is not a power cut (the OS page
cache survives it): test_durability checks that commits reach the disk. The moments of the kills come from a
printed seed (crash_rng).

Run as a module (`python -m tests.store.test_kills_during_work DB FIRST`) it is the child: operation n
(numbered from FIRST) is, by n % 4, an entry edit, an entry edit, an import, or a sign-off/reopen,
acknowledged on stdout once the call has returned.
"""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODES = ("2.1.1", "5.1.1", "6.1.1", "7.1.1")  # the count indicators of the PIB plan
BUDGET_S, MIN_ROUNDS, MAX_ROUNDS = 25, 8, 20


def import_year(n: int) -> str:
    start = 3000 + n  # far from real years, one fiscal year per import
    return f"{start}-{(start + 1) % 100:02d}"


def _child(db: str, first: int) -> None:
    from egov_desktop.core import exchange
    from egov_desktop.core.model import Signatory
    from egov_desktop.store.service import Store
    from tests.conftest import MODMR

    store = Store.open(db)
    pib = store.find_plan("2023-24", "egov_innovation")
    keys = {i.code: i.key for i in store.get_document(pib).plan.indicators()}
    template = exchange.load(MODMR)
    print("READY", flush=True)
    n = first
    while True:
        kind = n % 4
        if kind in (0, 1):
            code = CODES[(n // 4) % len(CODES)]
            store.set_entry_field(pib, "Q2", keys[code], "value", n)
            detail = code
        elif kind == 2:
            template.plan.fiscal_year = import_year(n)
            store.import_document(template)
            detail = template.plan.fiscal_year
        elif store.get_document(pib).report("Q1").status == "draft":
            detail = f"signed {store.sign_off(pib, 'Q1', Signatory(name='রহিম', designation='পরিচালক')).revision}"
        else:
            store.reopen(pib, "Q1", f"সংশোধন {n}")
            detail = "reopened"
        print(f"ACK {n} {detail}", flush=True)
        n += 1


def _prepare(db: Path):
    from egov_desktop.core import exchange
    from egov_desktop.store.service import Store
    from tests.conftest import MODMR, PIB

    with Store.open(db) as store:
        pib = store.import_document(exchange.load(PIB)).key
        for field, value in [("number", "১৫.৫১.০০০০.০১২.৮"), ("date", dt.date(2023, 10, 10)),
                             ("subject", "প্রতিবেদন প্রেরণ"), ("signatory.name", "রহিম"),
                             ("signatory.designation", "পরিচালক")]:
            store.set_memo_field(pib, "Q1", field, value)
    reference = exchange.load(MODMR)
    return len(reference.plan.indicators()), sum(len(r.entries) for r in reference.reports)


def _one_kill(db: Path, first: int, rnd: random.Random) -> list[str]:
    child = subprocess.Popen([sys.executable, "-m", "tests.store.test_kills_during_work", str(db), str(first)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    lines: list[str] = []
    ready = threading.Event()

    def reader():
        for line in child.stdout:
            if line.strip() == "READY":
                ready.set()
            else:
                lines.append(line.split())

    t = threading.Thread(target=reader, daemon=True)
    t.start()
    try:
        assert ready.wait(120), child.stderr.read() if child.poll() is not None else "child did not start"
        # Counted in acknowledged operations, not seconds, so a busy machine still kills among real work.
        wanted, deadline = rnd.randint(1, 4), time.monotonic() + 120
        while len(lines) < wanted and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rnd.uniform(0.0, 0.05))  # then somewhere inside the next operation
        child.kill()  # SIGKILL: no cleanup, possibly mid-transaction or mid-backup (the page cache stays)
    finally:
        child.kill()
        child.wait()
        t.join(30)
    for parts in lines:
        assert parts[0] == "ACK", (parts, child.stderr.read())
    return lines


def test_many_kills_during_edits_imports_and_sign_offs(tmp_path, crash_rng):
    from egov_desktop.store.service import Store

    db = tmp_path / "egov.sqlite"
    n_indicators, n_entries = _prepare(db)
    rnd = crash_rng
    expected: dict[str, int] = {}  # entry code -> last acknowledged value
    imported: set[str] = set()
    checked: set[str] = set()  # imports already seen complete (no later operation touches them)
    signed = 0  # acknowledged sign-offs (each one a revision row)
    status = "draft"
    first, rounds, acks = 0, 0, 0
    started = time.monotonic()
    while rounds < MAX_ROUNDS and (rounds < MIN_ROUNDS or time.monotonic() - started < BUDGET_S):
        rounds += 1
        lines = _one_kill(db, first, rnd)
        acks += len(lines)
        for _, n, *detail in lines:
            n = int(n)
            if n % 4 in (0, 1):
                expected[detail[0]] = n
            elif n % 4 == 2:
                imported.add(detail[0])
            elif detail[0] == "signed":
                signed, status = signed + 1, "signed_off"
            else:
                status = "draft"
        in_flight = first + len(lines)  # the operation under way at the kill: done or not, never half

        con = sqlite3.connect(db)
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        con.close()

        with Store.open(db) as store:  # the next start: opens despite the stale lock
            pib = store.find_plan("2023-24", "egov_innovation")
            doc = store.get_document(pib)
            q2 = doc.report("Q2")
            assert q2 is not None or not expected
            for code, n in expected.items():
                value = q2.entry(code).value
                late = in_flight % 4 in (0, 1) and CODES[(in_flight // 4) % len(CODES)] == code
                assert value == n or (late and value == in_flight), (code, n, value, in_flight)
            years = {p.fiscal_year for p in store.list_plans()} - {"2023-24"}
            assert imported <= years, "an acknowledged import is missing"
            extra = years - imported
            assert extra <= ({import_year(in_flight)} if in_flight % 4 == 2 else set())
            for p in store.list_plans():
                if p.fiscal_year in years - checked:  # complete, not half-written
                    other = store.get_document(p.key)
                    assert len(other.plan.indicators()) == n_indicators
                    assert sum(len(r.entries) for r in other.reports) == n_entries
                    checked.add(p.fiscal_year)
            imported |= extra  # an import that committed just before the kill counts from now on
            revisions = store.signed_revisions(pib, "Q1")
            q1 = doc.report("Q1").status
            if in_flight % 4 == 3:  # a sign-off or reopen may have committed without its ACK
                if len(revisions) == signed + 1:
                    signed, status = signed + 1, "signed_off"
                elif q1 == "draft" and status == "signed_off":
                    status = "draft"
            assert len(revisions) == signed and q1 == status, (len(revisions), signed, q1, status)
            late_code = CODES[(in_flight // 4) % len(CODES)]
            if in_flight % 4 in (0, 1) and q2 is not None and q2.entry(late_code) is not None \
                    and q2.entry(late_code).value == in_flight:
                expected[late_code] = in_flight  # committed just before the kill
        first = in_flight + 1
    assert acks > rounds  # the kills landed among real work, not only at start-up


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))
