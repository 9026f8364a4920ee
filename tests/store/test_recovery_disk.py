"""Full disk and read-only folder: a plain Bangla message, and an edit that failed is never reported
as saved (no Change comes back, the database holds the old value and passes integrity_check).

The real conditions need a small tmpfs and a read-only bind mount (root with mount rights, as in the
CI container; skipped with the reason elsewhere: tests run as root, where chmod does not stop writes).
`PRAGMA max_page_count` gives SQLITE_FULL without any privilege and always runs.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from egov_desktop.core import exchange
from egov_desktop.store.lock import ReadOnlyLocation
from egov_desktop.store.service import Store, StoreError
from tests.conftest import MODMR, PIB
from tests.store.conftest import table_dump

pytestmark = pytest.mark.sqlite_only("about a full or read-only disk under an SQLite file")

ROOT = Path(__file__).resolve().parents[2]
FULL = "ডিস্কে জায়গা নেই"
NOT_SAVED = "সংরক্ষণ করা হয়নি"


def _mount(*args) -> None:
    if shutil.which("mount") is None:
        pytest.skip("the mount tool is not installed")
    run = subprocess.run(["mount", *args], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.skip(f"no permission to mount here ({run.stderr.strip()}): needs root with mount rights")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "--lazy", str(path)], check=True)


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk))
    yield disk
    _umount(disk)


def _fill(disk: Path) -> Path:
    """Take every free byte of the disk."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    return filler


def _program(*argv):
    return subprocess.run([sys.executable, "-m", "egov_desktop", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def _integrity(db) -> list:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()


def test_full_disk_edit_and_import_are_refused_and_not_saved(small_disk):
    db = small_disk / "egov.sqlite"
    store = Store.open(db)
    try:
        _full_disk(store, small_disk, db)
    finally:
        store.close()


def _full_disk(store, small_disk, db):
    pib = store.import_document(exchange.load(PIB)).key
    before = store.get_document(pib)
    filler = _fill(small_disk)
    with pytest.raises(StoreError) as info:
        store.import_document(exchange.load(MODMR))
    assert FULL in info.value.render("bn") and NOT_SAVED in info.value.render("bn")
    assert "disk is full" in info.value.render("en") and "NOT saved" in info.value.render("en")
    with pytest.raises(StoreError) as info:
        store.set_plan_field(pib, "notes", "নতুন টীকা " * 300)  # long enough to need pages
    assert FULL in info.value.render("bn")
    filler.unlink()  # space again: the program carries on, and nothing of the failed edits is there
    assert [p.key for p in store.list_plans()] == [pib]
    assert store.get_document(pib) == before
    store.set_plan_field(pib, "title", "পরে")
    store.close()
    assert _integrity(db) == [("ok",)]
    with Store.open(db, readonly=True) as ro:
        assert ro.get_document(pib).plan.title == "পরে" and len(ro.list_plans()) == 1


def test_the_real_program_on_a_full_disk(small_disk):
    db = small_disk / "egov.sqlite"
    assert _program("import", str(PIB), "--db", str(db)).returncode == 0
    before = table_dump(db)
    filler = _fill(small_disk)
    run = _program("import", str(MODMR), "--db", str(db))
    # Here the disk is too full even to open the database (SQLite needs its WAL index): exit 2.
    assert run.returncode == 2 and FULL in run.stderr and NOT_SAVED in run.stderr
    assert "Traceback" not in run.stderr
    filler.unlink()  # reading with plain sqlite3 needs room for the WAL index
    assert table_dump(db) == before
    assert _integrity(db) == [("ok",)]


def test_database_full_without_mount_rights(db_path):
    """SQLITE_FULL from a page limit: the same path through the store as a full disk."""
    with Store.open(db_path) as store:
        _page_limit(store, db_path)
    assert _integrity(db_path) == [("ok",)]


def _page_limit(store, db_path):
    pib = store.import_document(exchange.load(PIB)).key
    with store._engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    store._engine.dispose()
    event.listen(store._engine, "connect",
                 lambda con, _rec: con.execute(f"PRAGMA max_page_count={pages}"))
    before = table_dump(db_path)
    with pytest.raises(StoreError) as info:
        store.import_document(exchange.load(MODMR))
    assert FULL in info.value.render("bn")
    assert table_dump(db_path) == before
    assert [p.key for p in store.list_plans()] == [pib]


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder holding a database with the PIB plan, seen through a read-only bind mount."""
    rw, ro = tmp_path / "rw", tmp_path / "ro"
    rw.mkdir()
    ro.mkdir()
    with Store.open(rw / "egov.sqlite") as store:
        store.import_document(exchange.load(PIB))
    if hasattr(os, "geteuid") and os.geteuid() != 0:  # chmod is enough where we are not root
        ro.rmdir()
        ro.symlink_to(rw, target_is_directory=True)
        files = list(rw.iterdir())
        for f in files:
            f.chmod(0o444)
        rw.chmod(0o555)
        yield ro
        rw.chmod(0o755)
        for f in files:
            f.chmod(0o644)
        return
    _mount("--bind", str(rw), str(ro))
    try:
        _mount("-o", "remount,bind,ro", str(ro))
    except BaseException:
        _umount(ro)
        raise
    yield ro
    _umount(ro)


def test_read_only_folder_is_said_plainly_and_can_be_read(read_only_folder):
    db = read_only_folder / "egov.sqlite"
    before = db.read_bytes()
    with pytest.raises(ReadOnlyLocation) as info:
        Store.open(db)
    text = info.value.render("bn")
    assert "শুধু পড়ার জন্য" in text and "লেখা যায় এমন কোনো ফোল্ডারে কপি করুন" in text
    with Store.open(db, readonly=True) as ro:
        assert [p.fiscal_year for p in ro.list_plans()] == ["2023-24"]
    run = _program("import", str(MODMR), "--db", str(db))
    assert run.returncode == 2 and "শুধু পড়ার জন্য" in run.stderr and "Traceback" not in run.stderr
    assert db.read_bytes() == before


def test_write_protected_database_file_is_said_plainly(db_path):
    """A read-only file in a writable folder (the immutable attribute stops even root)."""
    with Store.open(db_path) as store:
        store.import_document(exchange.load(PIB))
    if shutil.which("chattr") is None:
        pytest.skip("the chattr tool is not installed")
    if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no immutable attribute, or no permission to set it")
    try:
        before = table_dump(db_path)
        with pytest.raises(ReadOnlyLocation) as info:
            Store.open(db_path)
        assert "শুধু পড়ার জন্য" in info.value.render("bn")
        with Store.open(db_path, readonly=True) as ro:
            assert len(ro.list_plans()) == 1
        run = _program("import", str(MODMR), "--db", str(db_path))
        assert run.returncode == 2 and "শুধু পড়ার জন্য" in run.stderr and "Traceback" not in run.stderr
        assert table_dump(db_path) == before
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=True)


def test_restore_on_a_full_disk_leaves_the_database_as_it_was(small_disk, tmp_path):
    from egov_desktop.store import backup

    other = tmp_path / "office" / "egov.sqlite"
    with Store.open(other) as store:
        store.import_document(exchange.load(MODMR))
        store.import_document(exchange.load(PIB))
    copy = backup.backup_now(other, "manual", to=tmp_path / "pen")
    db = small_disk / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    before = table_dump(db)
    filler = _fill(small_disk)
    with pytest.raises(backup.BackupError) as info:
        backup.restore(copy, db)
    assert FULL in info.value.render("bn")
    filler.unlink()
    assert table_dump(db) == before
    assert sorted(p.name for p in small_disk.iterdir() if not p.name.startswith("egov.sqlite-")) == [
        "egov.sqlite", "egov.sqlite.lock"]  # no half copy left behind


def test_backup_to_a_read_only_folder_speaks_of_the_backup(read_only_folder, tmp_path):
    db = tmp_path / "office" / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    before = db.read_bytes()
    run = _program("backup", "--db", str(db), "--to", str(read_only_folder))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "ব্যাকআপ তৈরি করা যায়নি" in run.stderr and "শুধু পড়ার জন্য" in run.stderr
    assert NOT_SAVED not in run.stderr  # the words for a failed edit: no edit was made
    assert db.read_bytes() == before


def test_backup_to_a_full_disk_speaks_of_the_backup(small_disk, tmp_path):
    db = tmp_path / "office" / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    filler = _fill(small_disk)
    run = _program("backup", "--db", str(db), "--to", str(small_disk))
    filler.unlink()
    assert run.returncode == 1 and "ব্যাকআপ তৈরি করা যায়নি" in run.stderr and FULL in run.stderr
    assert NOT_SAVED not in run.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == []  # no half copy left behind
