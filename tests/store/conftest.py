"""Fixtures for the store: a fresh SQLite file per test, optionally with the two reference plans."""
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


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "egov.sqlite"


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


def table_dump(path) -> dict[str, list[tuple]]:
    """Every row of every table, read with plain sqlite3: to show a database did not change."""
    con = sqlite3.connect(path)
    try:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY rowid').fetchall() for n in names}
    finally:
        con.close()
