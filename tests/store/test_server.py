"""The same program on the office's PostgreSQL server (issue 12): `--db postgresql://...` opens it, the
migrations make the same schema there, `db upgrade` upgrades it, and what cannot be used (a newer schema,
another program's database, a server that is down, a wrong password) is said in Bangla, exit 2, nothing
changed. The store's own tests run on the server too (tests/store/conftest.py)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.store.engine import head_revision
from egov_desktop.store.service import Store, StoreError
from tests.conftest import PIB
from tests.store.conftest import query, table_dump

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "egov_desktop", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, stdin=subprocess.DEVNULL)


def test_db_upgrade_brings_an_older_server_database_to_the_newest_schema_keeping_its_data(pg_url):
    from alembic import command
    from sqlalchemy import create_engine

    from egov_desktop.store.engine import _alembic_config

    engine = create_engine(pg_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
        conn.exec_driver_sql("INSERT INTO office (name, tier, default_recipients) VALUES "
                             "('মন্ত্রিপরিষদ বিভাগ', 'ministry', '[\"সচিব, a@cabinet.gov.bd\"]')")
    engine.dispose()

    done = _cli("db", "upgrade", "--db", pg_url)
    assert done.returncode == 0, done.stderr
    assert query(pg_url, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    # 0002's data step ran on the server too.
    assert query(pg_url, "SELECT name, recipient_emails FROM office") == [("মন্ত্রিপরিষদ বিভাগ", '["a@cabinet.gov.bd"]')]
    with Store.open(pg_url) as store:
        assert store.import_document(exchange.load(PIB)).key


def test_a_server_schema_newer_than_the_program_is_refused_with_the_newer_file_message(pg_url):
    Store.open(pg_url).close()
    future = "9999"
    query(pg_url, "UPDATE alembic_version SET version_num = ?", (future,))
    before = table_dump(pg_url)
    with pytest.raises(StoreError) as caught:
        Store.open(pg_url)
    assert "নতুন সংস্করণ" in caught.value.render() and "৯৯৯৯" in caught.value.render()
    done = _cli("import", str(PIB), "--db", pg_url)
    assert done.returncode == 2 and "নতুন সংস্করণ" in done.stderr and "Traceback" not in done.stderr
    assert table_dump(pg_url) == before


def test_a_database_of_another_program_is_refused_and_left_alone(pg_url):
    query(pg_url, "CREATE TABLE customers (id int)")
    done = _cli("db", "upgrade", "--db", pg_url)
    assert done.returncode == 2 and "এই প্রোগ্রামের ডাটাবেস নয়" in done.stderr and "Traceback" not in done.stderr
    assert [r[0] for r in query(pg_url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")] == ["customers"]


def test_a_server_that_is_down_is_said_plainly_exit_2(pg_cluster):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    done = _cli("export-json", "--fiscal-year", "২০২৩-২৪", "--out", "/dev/null",
                "--db", f"postgresql://egov@127.0.0.1:{port}/egov")
    assert done.returncode == 2, done.stderr
    assert "পৌঁছানো যাচ্ছে না" in done.stderr and "Traceback" not in done.stderr


def test_no_such_database_is_said_plainly_exit_2(pg_cluster):
    done = _cli("db", "upgrade", "--db", pg_cluster.url("no_such_db"))
    assert done.returncode == 2 and "no_such_db" in done.stderr and "Traceback" not in done.stderr


def test_the_password_comes_from_the_pgpass_file_and_a_wrong_one_is_said_plainly(clerk, tmp_path):
    pgpass = tmp_path / "pgpass"
    pgpass.write_text("127.0.0.1:*:*:clerk:ভুল\n")
    pgpass.chmod(0o600)
    done = _cli("db", "upgrade", "--db", clerk, env={"PGPASSFILE": str(pgpass)})
    assert done.returncode == 2 and "clerk" in done.stderr and ".pgpass" in done.stderr
    assert "Traceback" not in done.stderr

    pgpass.write_text("127.0.0.1:*:*:clerk:সঠিক-pass\n")
    done = _cli("db", "upgrade", "--db", clerk, env={"PGPASSFILE": str(pgpass)})
    assert done.returncode == 0, done.stderr
    assert query(clerk.replace("clerk@", "egov@"), "SELECT version_num FROM alembic_version") == [(head_revision(),)]
