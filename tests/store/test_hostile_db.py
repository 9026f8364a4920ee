"""Databases made to fool the program (issue 14.3), generated here with plain sqlite3 from a real backup:
`restore` refuses each before it replaces anything, and opening refuses each without changing a byte
(not even the header's journal mode: issue 14.10), with a Bangla message naming what is wrong."""
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop.core import exchange
from egov_desktop.store import backup
from egov_desktop.store.engine import head_revision
from egov_desktop.store.opening import DatabaseUnusable
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB
from tests.store.conftest import table_dump

ROOT = Path(__file__).resolve().parents[2]


def _program(*argv):
    return subprocess.run([sys.executable, "-m", "egov_desktop", *argv], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def _sql(script: str):
    def change(path: Path) -> None:
        con = sqlite3.connect(path)
        con.executescript(script)
        con.close()

    return change


def _only_the_migration_table(path: Path) -> None:
    path.unlink()
    _sql(f"""CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
             INSERT INTO alembic_version VALUES ('{head_revision()}');""")(path)


# name -> (how the file is made hostile, words the refusal must contain)
HOSTILE = {
    # The next audit row (any edit) deletes every entry: restored with exit 0 before.
    "trigger": (_sql("CREATE TRIGGER wipe AFTER INSERT ON audit BEGIN DELETE FROM entry; END;"),
                ["wipe", "ট্রিগার"]),
    "only_migration_table": (_only_the_migration_table, ["activity টেবিলটি নেই", "আরও"]),
    "dropped_plan": (_sql("PRAGMA foreign_keys=OFF; DROP TABLE plan;"), ["plan", "নেই"]),
    "view_for_table": (_sql("PRAGMA foreign_keys=OFF; DROP TABLE memo; CREATE VIEW memo AS "
                            "SELECT id, id AS report_id FROM report;"), ["memo", "ভিউ"]),
    "orphans": (_sql("PRAGMA foreign_keys=OFF; DELETE FROM report WHERE id = (SELECT min(report_id) FROM entry);"),
                ["entry", "report"]),
    "foreign_table": (_sql("CREATE TABLE notes (body TEXT);"), ["notes"]),
    "changed_column": (_sql("ALTER TABLE entry ADD COLUMN secret BLOB;"), ["entry", "secret"]),
    "cascading_link": (_sql("PRAGMA foreign_keys=OFF; ALTER TABLE plan RENAME TO plan_old; "
                            "CREATE TABLE plan AS SELECT * FROM plan_old; DROP TABLE plan_old;"), ["plan"]),
}


@pytest.fixture(scope="module")
def good_backup(tmp_path_factory) -> Path:
    """A real backup of a database with both reference plans (entries included)."""
    db = tmp_path_factory.mktemp("office") / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(MODMR))
        store.import_document(exchange.load(PIB))
    return backup.backup_now(db, "manual")


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, good_backup, tmp_path) -> tuple[Path, list[str]]:
    make, words = HOSTILE[request.param]
    path = tmp_path / "pen" / "egov-20240316-090000-manual.sqlite"
    path.parent.mkdir()
    shutil.copy(good_backup, path)
    make(path)
    return path, words


def test_restore_refuses_a_hostile_backup_and_replaces_nothing(hostile, tmp_path):
    source, words = hostile
    db = tmp_path / "office" / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    before = table_dump(db)
    run = _program("restore", str(source), "--db", str(db))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "ভালো ব্যাকআপ নয়" in run.stderr, run.stderr
    for word in words:
        assert word in run.stderr, run.stderr
    assert table_dump(db) == before
    assert backup.list_backups(db) == []  # not even the safety copy of a restore was begun


def test_opening_refuses_a_hostile_database_and_leaves_every_byte(hostile, tmp_path):
    source, words = hostile
    db = tmp_path / "egov.sqlite"
    shutil.copy(source, db)
    before = db.read_bytes()
    with pytest.raises(DatabaseUnusable) as info:
        Store.open(db)
    assert info.value.kind in ("altered", "foreign")
    text = info.value.render("bn")
    for word in words:
        assert word in text, text
    with pytest.raises(DatabaseUnusable):
        Store.open(db, readonly=True)
    assert db.read_bytes() == before  # the header too: no switch to WAL
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("egov.sqlite-")) == []


def test_a_database_made_by_the_migrations_is_exactly_ours(tmp_path):
    """The expected schema comes from the SQLModel tables; the migrations must make exactly that (else every
    new database would be refused), from nothing and from the first revision."""
    from alembic import command

    from egov_desktop.store.checks import broken_links, expected, structure_problems
    from egov_desktop.store.engine import _alembic_config, connect, upgrade

    old = tmp_path / "old.sqlite"
    engine = connect(old)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    upgrade(engine)
    engine.dispose()
    new = tmp_path / "new.sqlite"
    Store.open(new).close()
    for path in (old, new):
        con = sqlite3.connect(path)
        assert structure_problems(con, expected()) == [] and broken_links(con) == []
        con.close()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _zero_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


UNREADABLE = {"fifo": _fifo, "link_to_dev_zero": _zero_link, "folder": Path.mkdir,
              "missing": lambda path: None}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("kind", sorted(UNREADABLE))
def test_restore_from_what_is_not_a_regular_file_is_unreadable_and_changes_nothing(kind, tmp_path):
    db = tmp_path / "office" / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    before = table_dump(db)
    source = tmp_path / "egov-20240316-090000-manual.sqlite"
    UNREADABLE[kind](source)
    run = _program("restore", str(source), "--db", str(db))  # a FIFO or /dev/zero must not hang it
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert "ব্যাকআপটি পড়া যায়নি" in run.stderr and ("ফাইলটি নেই" in run.stderr) == (kind == "missing"), run.stderr
    assert table_dump(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["egov.sqlite", "egov.sqlite.lock"]


@pytest.mark.parametrize("make", ["dropped_plan", "trigger", "changed_column"])
def test_an_older_database_is_compared_with_its_own_revision_before_any_upgrade(make, tmp_path):
    """A file of the first revision, made hostile: refused before the upgrade would back it up, switch it to
    WAL and migrate it."""
    from alembic import command

    from egov_desktop.store.engine import _alembic_config, connect

    db = tmp_path / "egov.sqlite"
    engine = connect(db)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=DELETE")  # as a backup is: a switch to WAL would show in the header
    con.close()
    HOSTILE[make][0](db)
    before = db.read_bytes()
    with pytest.raises(DatabaseUnusable) as info:
        Store.open(db)
    assert info.value.kind == "altered"
    assert db.read_bytes() == before
    assert backup.list_backups(db) == []  # no migration backup: nothing was begun
