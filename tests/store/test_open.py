import hashlib
import sqlite3

import pytest

from egov_desktop.core import exchange
from egov_desktop.store import dialect
from egov_desktop.store.engine import connect, head_revision
from egov_desktop.store.service import Store, StoreError
from tests.conftest import PIB
from tests.store.conftest import query


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.sqlite_only("WAL and the pragmas are SQLite's")
def test_every_connection_is_wal_with_foreign_keys_and_full_sync(store):
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
    assert store.integrity_errors() == []


def test_new_database_is_at_the_newest_revision_and_matches_the_models(db_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from egov_desktop.store.tables import metadata

    Store.open(db_path).close()
    assert query(db_path, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    engine = dialect.server_engine(db_path) if dialect.is_server(db_path) else connect(db_path)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()


@pytest.mark.sqlite_only("walks the revisions of an SQLite file (the server's upgrade: test_server.py)")
def test_older_database_is_upgraded_keeping_its_data(db_path):
    """Walk every revision: a database left at revision r (with data where r has the tables) opens at head."""
    from alembic import command
    from alembic.script import ScriptDirectory

    from egov_desktop.store.engine import _alembic_config

    revisions = [None] + [s.revision for s in reversed(list(ScriptDirectory.from_config(_alembic_config()).walk_revisions()))]
    for older in revisions[:-1]:
        db_path.unlink(missing_ok=True)
        engine = connect(db_path)
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), older or "base")
        engine.dispose()
        with Store.open(db_path) as store:
            key = store.import_document(exchange.load(PIB)).key
            assert store.get_document(key).plan.fiscal_year == "2023-24"


@pytest.mark.sqlite_only("a newer SQLite file (a newer server: test_server.py)")
def test_newer_database_is_refused_and_left_untouched(db_path):
    Store.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    con.commit()
    con.close()
    before = _sha(db_path)
    with pytest.raises(StoreError) as info:
        Store.open(db_path)
    assert "ডাটাবেসটি এই প্রোগ্রামের নতুন সংস্করণে তৈরি" in info.value.render("bn")
    assert "newer version" in info.value.render("en")
    assert _sha(db_path) == before


@pytest.mark.sqlite_only("files that are not SQLite")
@pytest.mark.parametrize(
    "content, needle",
    [
        (b"this is a text file, not a database\n" * 10, "SQLite"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "নষ্ট"),
    ],
)
def test_a_file_that_is_not_our_database_is_refused_with_a_store_error(db_path, content, needle):
    db_path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        Store.open(db_path)
    assert needle in info.value.render("bn")
    assert db_path.read_bytes() == content


@pytest.mark.sqlite_only("another program's SQLite file (another program's server database: test_server.py)")
def test_someone_elses_sqlite_database_is_refused(db_path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE songs (title TEXT)")
    con.commit()
    con.close()
    before = _sha(db_path)
    with pytest.raises(StoreError):
        Store.open(db_path)
    assert _sha(db_path) == before


def test_readonly_store_reads_but_refuses_edits(db_path):
    with Store.open(db_path) as s:
        key = s.import_document(exchange.load(PIB)).key
    with Store.open(db_path, readonly=True) as ro:
        doc = ro.get_document(key)
        with pytest.raises(StoreError):
            ro.set_plan_field(key, "title", "x")
    assert doc.plan.fiscal_year == "2023-24"


def test_the_store_imports_no_qt():
    import subprocess
    import sys

    code = ("import sys, egov_desktop.store.service, egov_desktop.store.demo\n"
            "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_revisions_read_without_alembic_are_alembics():
    from alembic.script import ScriptDirectory

    from egov_desktop.store import engine

    script = ScriptDirectory.from_config(engine._alembic_config())
    assert engine.known_revisions() == {r.revision for r in script.walk_revisions()}
    assert engine.head_revision() == script.get_current_head()


def test_opening_a_current_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    from egov_desktop.store.service import Store

    Store.open(tmp_path / "egov.sqlite").close()
    code = ("import sys\nfrom egov_desktop.store.service import Store\n"
            f"Store.open(__import__('pathlib').Path({str(tmp_path / 'egov.sqlite')!r})).close()\n"
            "print('alembic' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
