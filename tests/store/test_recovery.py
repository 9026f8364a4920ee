"""A database that cannot be used: refused on open with a clear Bangla message naming the newest good
backup, never changed; recovery keeps it aside and restores that backup (CLI and the GUI's function)."""
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop.core import exchange
from egov_desktop.store import backup
from egov_desktop.store.opening import DatabaseUnusable, recover
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB

ROOT = Path(__file__).resolve().parents[2]


def _sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _program(*argv):
    """The real program, as the office runs it."""
    return subprocess.run([sys.executable, "-m", "egov_desktop", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def _overwrite_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for n in range(2, len(data) // page):  # every page but the first: b-tree headers become garbage
        data[n * page: n * page + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'ffff00009999'")
    con.commit()
    con.close()


DAMAGE = {
    "damaged": _overwrite_pages,
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2 + 17]),
    "not_sqlite": lambda p: p.write_bytes("এটি একটি চিঠি, ডাটাবেস নয়\n".encode() * 200),
    "empty": lambda p: p.write_bytes(b""),
    "newer": _newer,
}
KIND = {"truncated": "damaged"}
NEEDLE = {
    "damaged": "নষ্ট",
    "truncated": "নষ্ট",
    "not_sqlite": "SQLite ফাইল নয়",
    "empty": "খালি",
    "newer": "নতুন সংস্করণে",
}


@pytest.fixture
def saved(tmp_path):
    """A database with both reference plans and one good backup; returns (db, backup path, documents)."""
    db = tmp_path / "data" / "egov.sqlite"
    with Store.open(db) as store:
        for f in (MODMR, PIB):
            store.import_document(exchange.load(f))
        docs = sorted(exchange.dumps(store.get_document(p.key)) for p in store.list_plans())
    good = backup.backup_now(db, "manual")
    return db, good, docs


def _docs(db):
    with Store.open(db, readonly=True) as store:
        return sorted(exchange.dumps(store.get_document(p.key)) for p in store.list_plans())


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_unusable_database_is_refused_unchanged_and_names_the_newest_good_backup(saved, damage):
    db, good, _ = saved
    DAMAGE[damage](db)
    before = _sha(db)
    with pytest.raises(DatabaseUnusable) as info:
        Store.open(db)
    err = info.value
    assert err.kind == KIND.get(damage, damage)
    assert err.backup is not None and err.backup.path == good
    text = err.render("bn")
    assert NEEDLE[damage] in text and "সর্বশেষ ভালো ব্যাকআপটি" in text and "আলাদা করে রাখা হবে" in text
    assert "restored" in err.render("en")
    assert _sha(db) == before
    with pytest.raises(DatabaseUnusable):
        Store.open(db, readonly=True)
    assert _sha(db) == before


@pytest.mark.parametrize("damage", ["damaged", "not_sqlite", "newer"])
def test_the_real_program_explains_and_restore_latest_recovers_keeping_the_damaged_file(saved, damage):
    db, good, docs = saved
    DAMAGE[damage](db)
    damaged_bytes = db.read_bytes()
    run = _program("import", str(MODMR), "--db", str(db))
    assert run.returncode == 2, run.stderr
    assert NEEDLE[damage] in run.stderr and "সর্বশেষ ভালো ব্যাকআপটি" in run.stderr
    assert "Traceback" not in run.stderr
    assert db.read_bytes() == damaged_bytes

    run = _program("restore", "--latest", "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "ব্যবহার-অযোগ্য ডাটাবেসটি আলাদা করে রাখা হয়েছে" in run.stdout
    (aside,) = [p for p in db.parent.glob("egov.sqlite.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert aside.read_bytes() == damaged_bytes
    assert _docs(db) == docs


def test_recover_for_the_gui(saved):
    db, good, docs = saved
    _overwrite_pages(db)
    damaged = db.read_bytes()
    result = recover(db)
    assert result.restored == good and result.safety_copy is None
    assert result.moved_aside.read_bytes() == damaged
    assert _docs(db) == docs
    # A second damage the same second does not overwrite the first kept-aside file.
    _overwrite_pages(db)
    second = recover(db).moved_aside
    assert second != result.moved_aside and result.moved_aside.read_bytes() == damaged


def test_no_good_backup_says_so(tmp_path):
    db = tmp_path / "egov.sqlite"
    Store.open(db).close()
    _overwrite_pages(db) if db.stat().st_size > 8192 else db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 9000)
    with pytest.raises(DatabaseUnusable) as info:
        Store.open(db)
    assert info.value.backup is None and "কোনো ভালো ব্যাকআপ পাওয়া যায়নি" in info.value.render("bn")
    with pytest.raises(backup.BackupError):
        recover(db)


def test_damaged_backups_are_skipped_when_choosing_the_newest_good_one(saved):
    db, good, _ = saved
    newer = backup.backup_now(db, "manual")
    _overwrite_pages(newer)
    assert backup.newest_good_backup(db).path == good


def test_an_empty_file_without_backups_is_simply_a_new_database(tmp_path):
    db = tmp_path / "egov.sqlite"
    db.write_bytes(b"")
    with Store.open(db) as store:
        assert store.list_plans() == []


def test_open_with_recovery_asks_and_restores(saved):
    db, good, docs = saved
    _overwrite_pages(db)
    asked = []
    assert Store.open_with_recovery(db, lambda e: asked.append(e.kind) or False, lambda e: True) is None
    assert asked == ["damaged"] and not list(db.parent.glob("*.damaged-*"))  # declined: nothing moved
    store = Store.open_with_recovery(db, lambda e: True, lambda e: False)
    try:
        assert not store.readonly
        assert sorted(exchange.dumps(store.get_document(p.key)) for p in store.list_plans()) == docs
    finally:
        store.close()
    assert len([p for p in db.parent.glob("egov.sqlite.damaged-*") if not p.name.endswith(("-wal", "-shm"))]) == 1


def test_open_with_recovery_offers_read_only_when_another_copy_writes(saved):
    from egov_desktop.store.lock import DatabaseInUse, lock_path

    db, _, _ = saved
    lock_path(db).write_text('{"pid": 1, "host": "other-pc", "user": "x", "since": "2024-01-01 09:00:00"}',
                             encoding="utf-8")
    asked = []
    store = Store.open_with_recovery(db, lambda e: False, lambda e: asked.append(type(e)) or True)
    try:
        assert asked == [DatabaseInUse] and store.readonly and len(store.list_plans()) == 2
    finally:
        store.close()
    assert Store.open_with_recovery(db, lambda e: False, lambda e: False) is None
