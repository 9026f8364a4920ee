"""Backups: the online-API copy, when copies are made (start, migration, sign-off), retention, and the
backup/restore round trip through the real CLI on the reference plans."""
import datetime as dt
import sqlite3

import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.core.model import Signatory
from egov_desktop.store import backup
from egov_desktop.store.service import Store
from tests.store.conftest import table_dump

pytestmark = pytest.mark.sqlite_only("about backups of database files")


def _documents(db):
    with Store.open(db, readonly=True) as store:
        return {(p.fiscal_year, p.kind): exchange.dumps(store.get_document(p.key)) for p in store.list_plans()}


def _run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_backup_and_restore_round_trip_through_the_cli(loaded, db_path, tmp_path, capsys):
    store, modmr, pib = loaded
    store.set_plan_field(pib, "title", "মূল শিরোনাম")  # an edit still in the WAL, not checkpointed
    original = _documents(db_path)
    assert len(original) == 2

    pen = tmp_path / "pen drive"
    code, out, _ = _run(capsys, "backup", "--db", str(db_path), "--to", str(pen))
    assert code == 0 and "ব্যাকআপ তৈরি হয়েছে" in out
    (copy,) = pen.iterdir()
    # A self-contained file (journal mode DELETE, no -wal needed) holding both plans.
    con = sqlite3.connect(copy)
    assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert con.execute("SELECT count(*) FROM plan").fetchone() == (2,)
    con.close()
    assert not copy.with_name(copy.name + "-wal").exists()

    # Work goes on, then the office wants yesterday's state back.
    store.delete_plan(modmr)
    store.set_plan_field(pib, "title", "পরে বদলানো")
    changed = _documents(db_path)
    store.close()

    code, out, _ = _run(capsys, "restore", str(copy), "--db", str(db_path))
    assert code == 0 and "ফিরিয়ে আনা হয়েছে" in out and "আগের ডাটাবেসটি রাখা আছে" in out
    assert _documents(db_path) == original
    # The state just before the restore was backed up first, and is itself restorable.
    (safety,) = [b for b in backup.list_backups(db_path) if b.reason == "restore"]
    assert str(safety.path) in out
    code, out, _ = _run(capsys, "restore", str(safety.path), "--db", str(db_path), "--lang", "en")
    assert code == 0 and "Restored:" in out
    assert _documents(db_path) == changed

    code, out, _ = _run(capsys, "backup", "--list", "--db", str(db_path))
    assert code == 0 and out.count("ফেরত আনার আগে") == 2


def test_backup_into_a_named_file_replaces_it_only_with_a_good_copy(loaded, db_path, tmp_path, capsys):
    store, modmr, pib = loaded
    out = tmp_path / "nightly.sqlite"
    code, said, _ = _run(capsys, "backup", "--db", str(db_path), "--out", str(out))
    assert code == 0 and str(out) in said
    store.delete_plan(modmr)
    code, _, _ = _run(capsys, "backup", "--db", str(db_path), "--out", str(out))  # the next night's
    assert code == 0 and [p.name for p in tmp_path.iterdir() if p.name.startswith("nightly")] == ["nightly.sqlite"]
    assert _documents(out) == _documents(db_path) and len(_documents(out)) == 1
    assert backup.list_backups(db_path) == [] or all(b.reason != "manual" for b in backup.list_backups(db_path))


def test_backup_of_a_missing_database_and_restore_of_a_missing_file(tmp_path, capsys):
    code, _, err = _run(capsys, "backup", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "নেই" in err
    code, _, err = _run(capsys, "restore", str(tmp_path / "none.sqlite"), "--db", str(tmp_path / "x.sqlite"))
    assert code == 2 and "নেই" in err
    code, _, err = _run(capsys, "restore", "--db", str(tmp_path / "x.sqlite"))
    assert code == 2 and "--latest" in err


def test_restore_refuses_a_file_that_is_not_a_good_backup(loaded, db_path, tmp_path, capsys):
    store = loaded[0]
    store.close()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = table_dump(db_path)
    code, _, err = _run(capsys, "restore", str(bad), "--db", str(db_path))
    assert code == 1 and "ভালো ব্যাকআপ নয়" in err
    assert table_dump(db_path) == before
    assert backup.list_backups(db_path) == []


def test_start_backup_at_most_once_a_day(loaded, db_path):
    store = loaded[0]
    store.close()
    day = dt.datetime(2024, 3, 16, 9, 0)
    first = backup.maybe_daily_backup(db_path, now=day)
    assert first is not None and first.name.endswith("-start.sqlite")
    assert backup.maybe_daily_backup(db_path, now=day + dt.timedelta(hours=8)) is None
    assert backup.maybe_daily_backup(db_path, now=day + dt.timedelta(days=1)) is not None
    assert [b.reason for b in backup.list_backups(db_path)] == ["start", "start"]


def test_opening_the_program_makes_the_start_backup(loaded, db_path):
    store = loaded[0]
    store.close()
    assert backup.list_backups(db_path) == []  # a brand-new database had nothing to back up
    Store.open(db_path).close()
    Store.open(db_path).close()
    (start,) = backup.list_backups(db_path)
    assert start.reason == "start" and start.created.date() == dt.date.today()
    con = sqlite3.connect(start.path)
    assert con.execute("SELECT count(*) FROM plan").fetchone() == (2,)
    con.close()


def test_a_schema_upgrade_is_preceded_by_a_backup(db_path):
    from alembic import command

    from egov_desktop.store.engine import _alembic_config, connect

    engine = connect(db_path)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "base")  # a database from before the first schema
    engine.dispose()
    Store.open(db_path).close()
    reasons = [b.reason for b in backup.list_backups(db_path)]
    assert "migration" in reasons


def test_every_sign_off_is_kept_and_other_backups_are_pruned_to_ten(loaded, db_path):
    store, _, pib = loaded
    for field, value in [("number", "১৫.৫১.০০০০.০১২.৮"), ("date", dt.date(2023, 10, 10)),
                         ("subject", "প্রতিবেদন প্রেরণ"), ("signatory.name", "রহিম"),
                         ("signatory.designation", "পরিচালক")]:
        store.set_memo_field(pib, "Q1", field, value)
    store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    store.reopen(pib, "Q1", "সংশোধন")
    store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    signoffs = [b for b in backup.list_backups(db_path) if b.reason == "signoff"]
    assert sorted(b.label for b in signoffs) == [f"plan{pib}-Q1-r1", f"plan{pib}-Q1-r2"]
    # The first sign-off copy holds the report as signed (revision 1), not the later state.
    con = sqlite3.connect(min(signoffs, key=lambda b: b.label).path)
    assert con.execute("SELECT status, revision FROM report WHERE plan_id=? AND period='Q1'", (pib,)).fetchone() \
        == ("signed_off", 1)
    con.close()

    base = dt.datetime(2024, 1, 1)
    made = [backup.backup_now(db_path, "manual", now=base + dt.timedelta(minutes=i)) for i in range(14)]
    kept = backup.list_backups(db_path)
    assert len([b for b in kept if b.reason != "signoff"]) == 10
    assert {b.path for b in kept if b.reason == "manual"} == set(made[-10:])  # the newest ten
    assert len([b for b in kept if b.reason == "signoff"]) == 2


def test_backups_made_in_the_same_second_do_not_overwrite_each_other(loaded, db_path):
    now = dt.datetime(2024, 5, 1, 10, 0, 0)
    a = backup.backup_now(db_path, "manual", now=now)
    b = backup.backup_now(db_path, "manual", now=now)
    assert a != b and a.exists() and b.exists()
    assert [x.path for x in backup.list_backups(db_path)] == [b, a]


def test_half_copies_left_by_a_power_cut_are_cleared_once_stale(loaded, db_path):
    import os

    folder = backup.backups_dir(db_path)
    folder.mkdir()
    old = folder / "egov-20240101-090000-signoff-plan1-Q1-r1.sqlite.part"
    fresh = folder / "egov-20240101-090001-manual.sqlite.part"
    for part in (old, fresh):
        part.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    os.utime(old, (0, 0))
    backup.backup_now(db_path, "manual")
    assert not old.exists() and fresh.exists()
    assert [b.reason for b in backup.list_backups(db_path)] == ["manual"]


def test_restore_onto_a_new_pc_creates_the_database(loaded, db_path, tmp_path, capsys):
    store = loaded[0]
    store.close()
    original = _documents(db_path)
    code, _, _ = _run(capsys, "backup", "--db", str(db_path), "--to", str(tmp_path / "pen"))
    (copy,) = (tmp_path / "pen").iterdir()
    new_db = tmp_path / "new pc" / "AppData" / "egov.sqlite"
    code, out, err = _run(capsys, "restore", str(copy), "--db", str(new_db))
    assert code == 0, err
    assert _documents(new_db) == original


def test_a_backups_time_is_read_from_its_name_as_written():
    from egov_desktop.store.backup import _STAMP, _stamped

    for when in (dt.datetime(2026, 12, 5, 8, 15, 0), dt.datetime(2024, 2, 29, 23, 59, 59), dt.datetime(2025, 1, 1)):
        assert _stamped(when.strftime(_STAMP)) == when == dt.datetime.strptime(when.strftime(_STAMP), _STAMP)
