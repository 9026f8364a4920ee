"""Opening the SQLite file: checks first (read-only, never altering), then the engine and migrations.

Steps, each a function so backups/recovery can hook in between:
`diagnose(path)` reads what is there without changing a byte (checks.py: is it ours?), `connect(path)`
makes the engine with the durability PRAGMAs, `plain_connection(path)` the store's own sqlite3 connection
with the same PRAGMAs (what the first frame reads through, before SQLAlchemy is imported: database.py),
`upgrade(engine)` runs Alembic.

SQLAlchemy is imported where it is used: opening a current database and reading it need none of it (13.6).
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desktop.core.files import os_error_msg
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store import dialect
from egov_desktop.store.checks import Expected, broken_links, expected, listed, schema_of, structure_problems
from egov_desktop.store.errors import StoreError
from egov_desktop.store.lock import is_corruption, read_only_query, storage_error

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class DatabaseState:
    path: Path
    exists: bool  # a non-empty file is there
    revision: str | None  # its Alembic revision; None for a new/empty database
    head: str  # the newest revision this program knows

    @property
    def needs_upgrade(self) -> bool:
        return self.revision != self.head


def _alembic_config(connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


# "revision = '0002'" and "down_revision = '0001'" lines of the migration scripts.
_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*=\s*['"]?(\w+)['"]?""", re.M)


@lru_cache(maxsize=1)
def _revisions() -> dict[str, str | None]:
    """revision -> the revision before it, read from the scripts' own lines: importing Alembic only to
    list them cost every start-up 0.14 s (a test checks this reading against Alembic's)."""
    graph: dict[str, str | None] = {}
    for script in (Path(__file__).parent / "migrations" / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            graph[found["revision"]] = None if down in (None, "None") else down
    return graph


def known_revisions() -> frozenset[str]:
    """Every schema revision this program can read (the migration scripts it ships)."""
    return frozenset(_revisions())


def head_revision() -> str:
    graph = _revisions()
    (head,) = set(graph) - set(graph.values())
    return head


PROBLEMS = {
    "empty": N_("The database file is empty: its data is missing."),
    "not_sqlite": N_("This file is not a database of this program (not an SQLite file)."),
    "damaged": N_("The database file is damaged and cannot be opened."),
    "foreign": N_("This is an SQLite file, but not a database of this program."),
    "newer": N_("The database was made by a newer version of this program (schema {revision}). "
                "Please install the newer version; this database has not been changed."),
    "altered": N_("The database is not as this program makes it: {problems}. It is not used, and nothing "
                  "in it was changed."),
}


@dataclass(frozen=True)
class Diagnosis:
    """What is wrong with a file (`kind`, a key of PROBLEMS, or None), its schema revision (None: a
    database not made yet) and, for "altered", what is not this program's."""

    kind: str | None
    revision: str | None = None
    details: tuple[Msg, ...] = ()

    def message(self) -> Msg:
        params: dict = {"revision": self.revision or "?"}
        if self.details:
            params["problems"] = listed(list(self.details))
        return Msg(PROBLEMS[self.kind or "empty"], params)


def diagnose(path: Path, full: bool = False) -> Diagnosis:
    """What is in the file, read without changing a byte. `full` also runs integrity_check and
    compares the schema with this program's (store/checks.py). A missing or empty file is
    Diagnosis(None): a database not made yet. A file that cannot be read for another reason
    (a full disk, no permission) raises that plainly: it is not damaged."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return Diagnosis(None)
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(os_error_msg(exc, path, writing=False)) from None
    if header != SQLITE_HEADER:
        return Diagnosis("not_sqlite")
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?{read_only_query(path)}", uri=True)
        try:
            return _diagnose(con, full)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if not is_corruption(exc):
            raise storage_error(exc, path) from None
        return Diagnosis("damaged")


def _diagnose(con: sqlite3.Connection, full: bool) -> Diagnosis:
    if full and [r[0] for r in con.execute("PRAGMA integrity_check")] != ["ok"]:
        return Diagnosis("damaged")
    # Every object but SQLite's own (sqlite_sequence, sqlite_autoindex_*).
    objects = dict(con.execute("SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"))
    revision = None
    if objects.get("alembic_version") == "table":  # read only from a real table, never from a view
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    if revision is None:
        return Diagnosis("foreign" if set(objects) - {"alembic_version"} else None)
    if revision not in known_revisions():
        return Diagnosis("newer", revision)
    if full:
        # Broken links are looked for in a schema that is ours (a link to a missing table cannot be checked).
        want = expected() if revision == head_revision() else schema_at(revision)
        problems = structure_problems(con, want) or broken_links(con)
        if problems:
            return Diagnosis("altered", revision, tuple(problems))
    return Diagnosis(None, revision)


def inspect_database(path: Path, diagnosis: Diagnosis | None = None) -> DatabaseState:
    """What is in the file, read-only (or from its `diagnosis`, already made). Raises StoreError for
    anything but our own database, including one written by a newer version of the program."""
    path = Path(path)
    diagnosis = diagnosis or diagnose(path)
    if diagnosis.kind is not None:
        raise StoreError(diagnosis.message())
    exists = path.exists() and path.stat().st_size > 0
    return DatabaseState(path, exists, diagnosis.revision, head_revision())


def _set_pragmas(dbapi_con: sqlite3.Connection, readonly: bool) -> None:
    """Every connection to the file, SQLAlchemy's and the store's own: WAL, foreign keys on, durable
    (synchronous=FULL), and pysqlite's own transaction handling off (the store says BEGIN itself)."""
    dbapi_con.isolation_level = None
    cur = dbapi_con.cursor()
    if not readonly:
        cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def connect(path: Path, readonly: bool = False) -> Engine:
    """An engine whose every connection is WAL, foreign keys on, and durable (synchronous=FULL).

    pysqlite's own transaction handling is switched off so a write transaction starts with
    BEGIN IMMEDIATE: the write lock is taken up front, no deadlock when two programs write.
    """
    from sqlalchemy import create_engine, event

    path = Path(path).resolve()
    url = f"sqlite:///file:{path}?{read_only_query(path)}&uri=true" if readonly else f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_con, _record):
        _set_pragmas(dbapi_con, readonly)

    @event.listens_for(engine, "begin")
    def _begin(conn):
        reading = readonly or conn.get_execution_options().get("egov_read", False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


class PlainConnection(sqlite3.Connection):
    """The store's own sqlite3 connection. `info` is per-connection state, as on a SQLAlchemy connection
    (reading.rows records the versions it read there)."""

    info: dict


def plain_connection(path: Path, readonly: bool = False) -> PlainConnection:
    """A sqlite3 connection to the file with the engine's PRAGMAs, for reading only (database.py). It may be
    used from any thread, one at a time (the caller holds a lock)."""
    path = Path(path).resolve()
    target = f"{path.as_uri()}?{read_only_query(path)}" if readonly else str(path)
    con = sqlite3.connect(target, uri=readonly, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                          factory=PlainConnection)
    con.info = {}
    _set_pragmas(con, readonly)
    return con


@lru_cache(maxsize=None)
def schema_at(revision: str) -> Expected:
    """The schema the migrations make up to `revision`, in a database in memory: what a file of that
    older revision is compared with before it is upgraded (rare, so Alembic's cost is paid only then)."""
    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with engine.begin() as conn:
            command.upgrade(_alembic_config(conn), revision)
            return schema_of(conn.connection.driver_connection)
    finally:
        engine.dispose()


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it in a new database)."""
    from alembic import command

    if dialect.is_postgresql(engine):
        dialect.upgrade_server(engine, lambda conn: command.upgrade(_alembic_config(conn), "head"))
        return
    # Batch migrations copy and drop tables: with foreign keys on, a drop would cascade.
    with engine.connect() as conn:
        raw = conn.connection.driver_connection  # outside any transaction, where this PRAGMA works
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.upgrade(_alembic_config(conn), "head")
                bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if bad:
                    raise StoreError(Msg(N_("The database upgrade left broken links; nothing was changed.")))
                # What the migrations made is this program's schema, or the upgrade is rolled back.
                problems = structure_problems(raw, expected())
                if problems:
                    raise StoreError(Diagnosis("altered", head_revision(), tuple(problems)).message())
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def check_integrity(engine: Engine) -> list[str]:
    """PRAGMA integrity_check; an empty list when the file is sound (a server keeps its own pages)."""
    if dialect.is_postgresql(engine):
        return []
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows
