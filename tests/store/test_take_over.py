"""Taking over the writer lock of another computer: Store.open(take_over=True) and Store.open_with_recovery's
ask_in_use. A lock file written by a fake other host (a crashed PC) can be taken; a lock really held
(a live process, or another computer whose share passes locks) never is."""
import json
import os
import socket
import subprocess
import sys

import pytest

from egov_desktop.store import backup
from egov_desktop.store.lock import DatabaseInUse, current_owner, lock_path
from egov_desktop.store.service import Store
from tests.store.conftest import table_dump
from tests.conftest import MODMR
from tests.store.test_lock import ROOT, _program, db, writer  # noqa: F401 (fixtures)

OTHER = {"pid": 4242, "host": "accounts-pc", "user": "karim", "since": "2024-03-16 09:00:00"}

# A program on "accounts-pc" whose network share passes file locks: it holds the OS lock on the database
# and says who it is in the lock file.
HOLDER = """
import os, sys
from egov_desktop.store.lock import os_lock
fd = os.open(sys.argv[1], os.O_RDWR)
assert os_lock(fd)
with open(sys.argv[1] + ".lock", "w", encoding="utf-8") as info:
    info.write(sys.argv[2])
print("READY", flush=True)
sys.stdin.readline()
"""


def _refused(db) -> DatabaseInUse:
    with pytest.raises(DatabaseInUse) as info:
        Store.open(db)
    return info.value


def test_a_crashed_computers_lock_is_taken_over_and_logged(db):
    lock_path(db).write_text(json.dumps(OTHER), encoding="utf-8")
    before = table_dump(db)
    exc = _refused(db)
    assert exc.can_take_over and not exc.held
    assert "take over" in exc.render("en") and "accounts-pc" in exc.render("bn")
    assert table_dump(db) == before

    with Store.open(db, take_over=True) as store:
        assert current_owner(db).host == socket.gethostname() and current_owner(db).pid == os.getpid()
        assert [p.fiscal_year for p in store.list_plans()] == ["2023-24"]
        [entry] = [a for a in store.audit() if a.operation == "take_over"]
        assert (entry.entity, entry.old) == ("lock", OTHER)
    assert current_owner(db) is None
    with Store.open(db) as store:  # released normally: the next start needs no take-over, logs none
        assert len([a for a in store.audit() if a.operation == "take_over"]) == 1


def test_a_live_writer_on_this_computer_is_never_taken_over(db, writer):
    exc = _refused(db)
    assert exc.held and not exc.can_take_over
    with pytest.raises(DatabaseInUse):
        Store.open(db, take_over=True)
    assert current_owner(db).pid == writer.pid
    asked = []
    ro = Store.open_with_recovery(db, None, lambda e: asked.append("read_only") or True,
                            ask_in_use=lambda e: asked.append("in_use"))
    with ro:
        assert ro.readonly and asked == ["read_only"]


def test_another_computer_that_really_holds_the_lock_is_not_taken_over(db):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), json.dumps(OTHER)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "READY"
        exc = _refused(db)
        assert exc.held and not exc.can_take_over and exc.owner.host == "accounts-pc"
        assert "take over" not in exc.render("en") and "read-only" in exc.render("en")
        with pytest.raises(DatabaseInUse):
            Store.open(db, take_over=True)
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("answer", ["take_over", "read_only", None])
def test_open_with_recovery_asks_once_take_over_read_only_or_cancel(db, answer):
    lock_path(db).write_text(json.dumps(OTHER), encoding="utf-8")
    asked = []

    def ask_in_use(exc):
        asked.append(exc.owner.host)
        return answer

    store = Store.open_with_recovery(db, None, lambda e: pytest.fail("asked read-only too"), ask_in_use=ask_in_use)
    assert asked == ["accounts-pc"]
    if answer is None:
        assert store is None and current_owner(db).host == "accounts-pc"
        return
    with store:
        assert store.readonly == (answer == "read_only")
        assert current_owner(db).host == (socket.gethostname() if answer == "take_over" else "accounts-pc")


def test_the_cli_takes_over_when_asked_as_its_message_says(db):
    lock_path(db).write_text(json.dumps(OTHER), encoding="utf-8")
    before = table_dump(db)
    run = _program("import", str(MODMR), "--db", str(db))
    assert run.returncode == 2 and "accounts-pc" in run.stderr and "--take-over" in run.stderr
    assert table_dump(db) == before and current_owner(db).host == "accounts-pc"

    run = _program("import", str(MODMR), "--db", str(db), "--take-over")
    assert run.returncode == 0, run.stderr
    assert current_owner(db) is None  # released when the command ended
    with Store.open(db, readonly=True) as store:
        assert sorted(p.fiscal_year for p in store.list_plans()) == ["2021-22", "2023-24"]
        [entry] = [a for a in store.audit() if a.operation == "take_over"]
        assert entry.old == OTHER


def test_restore_takes_over_when_asked(db):
    good = backup.backup_now(db, "manual")
    lock_path(db).write_text(json.dumps(OTHER), encoding="utf-8")
    run = _program("restore", str(good), "--db", str(db))
    assert run.returncode == 1 and "--take-over" in run.stderr
    assert current_owner(db).host == "accounts-pc"
    run = _program("restore", str(good), "--db", str(db), "--take-over", "--lang", "en")
    assert run.returncode == 0 and "Restored" in run.stdout, run.stderr
