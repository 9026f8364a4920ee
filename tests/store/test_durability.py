"""An acknowledged edit is on the disk, not only in the operating system's cache.

The kill tests (test_kill_during_edits, test_kills_during_work) cannot show this: after a SIGKILL the OS page
cache still holds what the process wrote, so they pass even with `synchronous=OFF`. A power cut loses that
cache. So here: every connection the store opens has the durable settings (WAL, synchronous=FULL, foreign keys),
and a real child process, watched with strace, syncs the write-ahead log before a commit returns.
"""
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.pool import Pool

from egov_desktop.core import exchange
from egov_desktop.store import backup
from egov_desktop.store.database import Database
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB, require_tool

pytestmark = pytest.mark.sqlite_only("about the durability of an SQLite file on disk (fsync, WAL)")

ROOT = Path(__file__).resolve().parents[2]
FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL (in WAL mode a commit is not synced), 2 FULL


def test_every_connection_the_store_uses_is_durable(db_path, monkeypatch):
    seen, plain = [], []

    def pragmas(dbapi_con) -> tuple:
        return tuple(dbapi_con.execute(f"PRAGMA {name}").fetchone()[0]
                     for name in ("synchronous", "journal_mode", "foreign_keys"))

    def record(dbapi_con, _record, _proxy):
        seen.append(pragmas(dbapi_con))

    real_read = Database.read

    @contextmanager
    def read(db):  # the store's own sqlite3 connection, which it reads through, each time it is used
        with real_read(db) as conn:
            if isinstance(conn, sqlite3.Connection):
                plain.append(pragmas(conn))
            yield conn

    monkeypatch.setattr(Database, "read", read)
    event.listen(Pool, "checkout", record)  # every pool: every connection, each time it is used
    try:
        with Store.open(db_path) as store:
            pib = store.import_document(exchange.load(PIB)).key
            change = store.set_plan_field(pib, "title", "নতুন শিরোনাম")
            change.undo()
            with store.group(change.description):
                store.import_document(exchange.load(MODMR))
            for field, value in [("number", "১৫.৫১.০০০০.০১২.৮"), ("subject", "প্রতিবেদন প্রেরণ")]:
                store.set_memo_field(pib, "Q1", field, value)
            store.list_plans()
            store.audit()
            backup.backup_now(db_path, "manual")
            with Store.open(db_path, readonly=True) as ro:
                ro.get_document(pib)
        with Store.open(db_path) as again:  # the next start
            again.list_plans()
    finally:
        event.remove(Pool, "checkout", record)
    assert len(seen) + len(plain) > 10 and len(plain) >= 3  # list_plans twice, get_document read-only
    assert set(seen) | set(plain) == {(FULL, "wal", 1)}, (set(seen), set(plain))


# A real program: an edit between two markers (removing a folder: a system call strace shows by name).
CHILD = """
import os, sys
from egov_desktop.store.service import Store
db, marks = sys.argv[1], sys.argv[2]
store = Store.open(db)
plan = store.find_plan("2023-24", "egov_innovation")
key = next(i.key for i in store.get_document(plan).plan.indicators() if i.code == "2.1.1")  # a count
store.set_entry_field(plan, "Q1", key, "value", 6)  # the first write of a new log syncs its header anyway
os.rmdir(os.path.join(marks, "before"))
store.set_entry_field(plan, "Q1", key, "value", 7)
os.rmdir(os.path.join(marks, "after"))
store.close()
"""


def test_an_edit_is_synced_to_the_disk_before_it_returns(tmp_path):
    strace = require_tool("strace")
    db = tmp_path / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    marks = tmp_path / "marks"
    for name in ("before", "after"):
        (marks / name).mkdir(parents=True)
    log = tmp_path / "strace.txt"
    run = subprocess.run([strace, "-f", "-y", "-e", "trace=fsync,fdatasync,rmdir", "-o", str(log),
                          sys.executable, "-c", CHILD, str(db), str(marks)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "rmdir(" in line and "/before" in line)
    end = next(i for i, line in enumerate(lines) if "rmdir(" in line and "/after" in line)
    synced = [line for line in lines[start:end] if "sync(" in line and "egov.sqlite-wal>" in line]
    assert synced, "\n".join(lines[start:end + 1])  # the commit's log reached the disk before the call returned
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM audit WHERE operation = 'set_entry_field'").fetchone()[0] == 2
    con.close()
