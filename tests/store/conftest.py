"""Fixtures for the store: a fresh database per test, optionally with the two reference plans.

Every test using `db_path` or `store` runs twice: on an SQLite file and on a fresh database of the
throwaway PostgreSQL server (tests/pg_cluster.py): `db_path` is then its URL. A test about SQLite
files (WAL, file backups, file locks, the bytes on disk) is marked `sqlite_only("why")` and runs once.
"""
from __future__ import annotations

import os
import random
import sqlite3
from pathlib import Path

import pytest

from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB


@pytest.fixture
def crash_rng(request) -> random.Random:
    """The random choices of a kill test (when to kill), from a seed it prints: a failure shows the seed, and
    EGOV_CRASH_SEED=<seed> replays the same choices (the child's own speed still varies from run to run)."""
    seed = int(os.environ.get("EGOV_CRASH_SEED") or random.SystemRandom().randrange(2**32))
    print(f"kill test seed {seed}: replay with EGOV_CRASH_SEED={seed} pytest '{request.node.nodeid}'")
    return random.Random(seed)


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): the test is about SQLite files; not run on a server")


def pytest_generate_tests(metafunc):
    if "backend" in metafunc.fixturenames:
        only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("backend", ["sqlite"] if only else ["sqlite", "postgresql"], scope="function")


@pytest.fixture
def db_path(backend, tmp_path, request):
    """An SQLite file's path, or the postgresql:// URL of a fresh empty database on the test server."""
    if backend == "sqlite":
        return tmp_path / "egov.sqlite"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_path):
    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def loaded(store):
    """The store with both reference plans; returns (store, modmr_key, pib_key)."""
    modmr = store.import_document(exchange.load(MODMR)).key
    pib = store.import_document(exchange.load(PIB)).key
    return store, modmr, pib


def query(db, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of a plain SQL query ("?" parameters) on an SQLite file (sqlite3) or a server database (psycopg),
    beside the store: to see what is really in the database."""
    if isinstance(db, str) and db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db) as conn:
            cur = conn.execute(sql.replace("?", "%s"), params)
            return [tuple(r) for r in cur.fetchall()] if cur.description else []
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def table_dump(db) -> dict[str, list[tuple]]:
    """Every row of every table, read beside the store: to show a database did not change."""
    if isinstance(db, str):
        names = [r[0] for r in query(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")]
        return {n: query(db, f'SELECT * FROM "{n}" ORDER BY 1') for n in names}
    con = sqlite3.connect(db)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
    finally:
        con.close()
