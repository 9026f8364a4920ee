"""Reading without SQLAlchemy (13.6): schema.py is tables.py written out, and reading.py's statements, run on the
store's own sqlite3 connection, read exactly what SQLAlchemy's typed selects read, on both databases."""
from __future__ import annotations

import sqlite3

from sqlalchemy import Boolean, select
from sqlalchemy.dialects import sqlite

from egov_desktop.core import exchange
from egov_desktop.store import checks, reading, schema
from egov_desktop.store.tables import JSONText, metadata
from tests.conftest import MODMR, PIB


def test_schema_py_is_tables_py_written_out():
    """checks.py compares every file with schema.py and reading.py selects its columns: it must say what tables.py
    makes (a new column, table, index or link is written in both)."""
    dialect = sqlite.dialect()
    columns = {t.name: {c.name: schema.JSON if isinstance(c.type, JSONText) else c.type.compile(dialect=dialect)
                        for c in t.columns} for t in metadata.sorted_tables}
    # The same order too: reading.py selects the columns as tables.py lists them.
    assert {t: list(cols.items()) for t, cols in schema.COLUMNS.items()} == {t: list(c.items()) for t, c in columns.items()}
    assert schema.INDEXES == {i.name: t.name for t in metadata.sorted_tables for i in t.indexes}
    assert schema.LINKS == {t.name: frozenset((fk.parent.name, fk.column.table.name, fk.column.name,
                                               (fk.ondelete or "NO ACTION").upper()) for fk in t.foreign_keys)
                            for t in metadata.sorted_tables}
    assert reading.BOOLEAN_COLUMNS == {t.name: frozenset(c.name for c in t.columns if isinstance(c.type, Boolean))
                                       for t in metadata.sorted_tables}
    # JSON is declared TEXT, as JSONText's impl is.
    assert checks.expected().columns["plan"]["total_weight"] == JSONText().impl.compile(dialect=dialect) == "TEXT"


def test_the_store_reads_what_sqlalchemy_reads(store):
    """On a file, the first frame's reads go through the store's sqlite3 connection; on a server, and inside a write,
    through SQLAlchemy's. Both give what SQLAlchemy's own typed select of every table gives (JSON decoded, booleans
    as booleans), and the same documents, plan list and settings."""
    modmr = store.import_document(exchange.load(MODMR)).key
    pib = store.import_document(exchange.load(PIB)).key
    store.set_setting("deadlines", {"Q1": "2023-10-20"}, plan_key=pib)
    store.set_setting(reading.OFFICER_NAME, "রহিমা খাতুন")
    with store._db.engine_read() as typed:
        by_sqlalchemy = {t.name: [dict(r) for r in typed.execute(select(t).order_by(t.c.id)).mappings()]
                         for t in metadata.sorted_tables}
        documents = {key: reading.read_document(typed, key) for key in (modmr, pib)}
        plans = reading.list_plans(typed)
        deadlines = reading.setting_row(typed, "deadlines", pib, None)
    with store._db.read() as conn:
        assert isinstance(conn, sqlite3.Connection) != store.on_server
        for table, found in by_sqlalchemy.items():
            mine = sorted(reading.rows(conn, table, "id", [r["id"] for r in found]), key=lambda r: r["id"])
            assert repr(mine) == repr(found)  # the types too: False, not 0; 10.0, not 10
        assert {key: reading.read_document(conn, key) for key in (modmr, pib)} == documents
        assert reading.list_plans(conn) == plans
        assert reading.setting_row(conn, "deadlines", pib, None) == deadlines
    assert documents[modmr] == store.get_document(modmr) and len(documents[modmr].plan.indicators()) > 10
    assert all(by_sqlalchemy[t] for t in ("office", "plan", "indicator", "entry", "memo", "setting", "audit"))
    assert store.get_setting(reading.OFFICER_NAME) == "রহিমা খাতুন"
    assert store.deadlines(pib)["Q1"].isoformat() == "2023-10-20"
