"""One writer: a second copy of the program (a real second process) is told who writes and may open
read-only; a crashed writer's lock is recovered; a lock from another computer is respected."""
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.digits import to_bangla_digits
from egov_desktop.store import backup
from egov_desktop.store.lock import DatabaseInUse, WriterLock, current_owner, lock_path
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB
from tests.store.conftest import table_dump

ROOT = Path(__file__).resolve().parents[2]

# The first copy of the program: opens the database for writing, says so, waits for a line on stdin.
# It also opens and closes a plain connection to the file, as a backup does: closing a descriptor of
# the file must not drop the lock (it would drop a plain POSIX lock).
WRITER = """
import sqlite3, sys
from egov_desktop.store.service import Store
store = Store.open(sys.argv[1])
sqlite3.connect(sys.argv[1]).close()
print("READY", flush=True)
sys.stdin.readline()
store.close()
print("CLOSED", flush=True)
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "egov.sqlite"
    with Store.open(path) as store:
        store.import_document(exchange.load(PIB))
    return path


@pytest.fixture
def writer(db):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "READY", proc.stderr.read()
    yield proc
    proc.kill()
    proc.wait()


def _program(*argv):
    return subprocess.run([sys.executable, "-m", "egov_desktop", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_second_copy_is_told_who_writes_and_may_open_read_only(db, writer):
    before = table_dump(db)
    with pytest.raises(DatabaseInUse) as info:
        Store.open(db)
    owner = info.value.owner
    assert owner.pid == writer.pid and owner.here and owner.alive()
    text = info.value.render("bn")
    assert "আরেকটি কপিতে লেখার জন্য খোলা আছে" in text and "শুধু পড়ার জন্য খুলতে পারেন" in text
    assert to_bangla_digits(str(writer.pid)) in text
    with Store.open(db, readonly=True) as ro:
        assert [p.fiscal_year for p in ro.list_plans()] == ["2023-24"]

    # A third process, the real CLI, is refused too and changes nothing.
    run = _program("import", str(MODMR), "--db", str(db))
    assert run.returncode == 2 and "লেখার জন্য খোলা আছে" in run.stderr and "Traceback" not in run.stderr
    run = _program("restore", "--latest", "--db", str(db))
    assert run.returncode in (1, 2) and "Traceback" not in run.stderr
    assert table_dump(db) == before

    # Once the first copy closes, the database is free.
    writer.stdin.write("\n")
    writer.stdin.flush()
    assert writer.stdout.readline().strip() == "CLOSED"
    writer.wait(timeout=60)
    assert current_owner(db) is None
    with Store.open(db) as store:
        store.import_document(exchange.load(MODMR))


def test_deleting_the_lock_file_does_not_let_a_second_writer_in(db, writer):
    before = table_dump(db)
    lock_path(db).unlink()
    with pytest.raises(DatabaseInUse) as info:
        Store.open(db)
    assert info.value.held and not info.value.can_take_over
    run = _program("import", str(MODMR), "--db", str(db))
    assert run.returncode == 2 and "লেখার জন্য খোলা আছে" in run.stderr and "Traceback" not in run.stderr
    run = _program("import", str(MODMR), "--db", str(db), "--take-over")
    assert run.returncode == 2 and "লেখার জন্য খোলা আছে" in run.stderr
    assert table_dump(db) == before


def test_a_crashed_writer_leaves_a_stale_lock_that_is_recovered(db, writer):
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=60)
    stale = current_owner(db)
    assert stale is not None and stale.pid == writer.pid and stale.alive() is False
    store = Store.open(db)
    try:
        assert store._writer.recovered == stale
        assert current_owner(db).pid == os.getpid()
    finally:
        store.close()
    assert current_owner(db) is None


def test_a_lock_from_another_computer_is_respected_until_taken_over(db):
    lock_path(db).write_text(json.dumps({"pid": 4242, "host": "accounts-pc", "user": "karim",
                                         "since": "2024-03-16 09:00:00"}), encoding="utf-8")
    before = table_dump(db)
    with pytest.raises(DatabaseInUse) as info:
        Store.open(db)
    assert info.value.owner.alive() is None
    text = info.value.render("bn")
    assert "accounts-pc" in text and "karim" in text
    assert table_dump(db) == before
    lock = WriterLock(db)
    lock.acquire(force=True)
    try:
        assert lock.recovered.host == "accounts-pc"
        assert current_owner(db).host == socket.gethostname()
    finally:
        lock.release()


def test_restore_is_refused_while_the_program_writes(db, writer):
    good = backup.backup_now(db, "manual")
    before = table_dump(db)
    with pytest.raises(DatabaseInUse):
        backup.restore(good, db)
    assert table_dump(db) == before


def test_the_same_process_shares_its_lock_until_the_last_store_closes(db):
    a = Store.open(db)
    b = Store.open(db)
    a.close()
    assert current_owner(db).pid == os.getpid()
    b.close()
    assert current_owner(db) is None


def test_restore_refuses_a_database_this_program_has_open(db):
    good = backup.backup_now(db, "manual")
    with Store.open(db) as store:
        before = table_dump(db)
        with pytest.raises(Exception) as info:
            backup.restore(good, db)
        assert "বন্ধ করুন" in info.value.render("bn")
        assert store.list_plans()  # still usable
    assert table_dump(db) == before
    backup.restore(good, db)  # closed: fine
