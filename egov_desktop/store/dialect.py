"""Where the office's shared PostgreSQL server differs from the PC's SQLite file: all of it here.

- Which one: `--db` is a file path (SQLite, the default) or a `postgresql://USER@HOST[:PORT]/DBNAME`
  URL (`is_server`, `database_target`); this is the only place that decides.
- Locking: SQLite has one writer per file (BEGIN IMMEDIATE, engine.connect, and the writer lock file,
  lock.py); a server has many writers, so a write transaction locks the rows it reads before changing
  them (`SELECT ... FOR UPDATE`, `locking`): two officers' read-modify-writes of one row follow each
  other instead of one silently overwriting the other.
- Opening: a server has no file to lock, no WAL pragma and no file to back up at opening; its checks
  are "can we connect" (down, wrong password, no such database: a clear message), "is it ours" (a
  database of another program is refused) and "is it newer than us" (refused as a newer file is).
  PostgreSQL's DDL is transactional, so an upgrade runs as one transaction without batch mode.
- JSON: the JSON-in-TEXT columns (tables.JSONText) stay TEXT on the server too, so a value comes back
  exactly as written (10.0 stays a float) on both.
- The password: libpq reads the standard password file (~/.pgpass or PGPASSFILE) itself; on a terminal
  a refused login asks for it (getpass). It is kept only in this process's memory, never stored by us.
"""
from __future__ import annotations

import getpass
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store.errors import StoreError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

# SQLAlchemy is imported where it is used: the command line reads `--db` with this module, and a
# command that never opens a database (check, score) does not pay for it.
SERVER_SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 10


def is_server(target) -> bool:
    """True for a postgresql:// URL, False for a path of an SQLite file."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def database_target(text_: str) -> Path | str:
    """`--db`'s value: a server URL stays text, anything else is a file path."""
    return text_ if is_server(text_) else Path(text_)


def shown(target) -> str:
    """The database as named in messages: a file's path, a server URL without any password."""
    if is_server(target):
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    return str(target)


def is_postgresql(engine_or_conn) -> bool:
    return engine_or_conn.dialect.name == "postgresql"


def locking(query, conn, shared: bool = False, of=None):
    """A read inside a write transaction, made to lock its rows on a server until the commit (on SQLite
    the whole file is already locked by BEGIN IMMEDIATE). `shared` (FOR SHARE): many such readers may
    hold the rows at once, but none while one holds them to change them (FOR UPDATE). `of`: in a join,
    the table whose rows are locked (the others are only read)."""
    return query.with_for_update(read=shared, of=of) if is_postgresql(conn) else query


def snapshot(conn):
    """`conn` made to read one consistent state for a whole transaction, whatever others commit meanwhile
    (a backup, a copy): REPEATABLE READ, read-only, on a server; on SQLite a deferred BEGIN, whose first
    read fixes its snapshot of the WAL."""
    if is_postgresql(conn):
        return conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    return conn.execution_options(egov_read=True)


def server_role(conn) -> str | None:
    """Who writes, on a server: each officer connects as their own role, and the audit names it (a name
    kept in the database's settings would be one name for the whole office). None on SQLite."""
    if not is_postgresql(conn):
        return None
    # Asked once per connection (its info lives as long as the connection in the pool): a round trip less
    # on every save.
    if "egov_role" not in conn.info:
        conn.info["egov_role"] = conn.exec_driver_sql("SELECT current_user").scalar()
    return conn.info["egov_role"]


def after_copy(conn, tables) -> None:
    """Rows copied in under their own ids: a server's id sequences move past them (SQLite's AUTOINCREMENT
    counter follows by itself)."""
    if is_postgresql(conn):
        for t in tables:
            conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('\"{t.name}\"', 'id'), "
                                 f"COALESCE((SELECT MAX(id) FROM \"{t.name}\"), 0) + 1, false)")


# ---------------------------------------------------------------- connecting

class ServerUnreachable(StoreError):
    """The server cannot be used: down, refused login, no such database."""


def _problem(exc: BaseException) -> str:
    message = str(getattr(exc, "orig", exc)).lower()
    if "password authentication failed" in message or "no password supplied" in message:
        return "password"
    if "does not exist" in message and "database" in message:
        return "no_database"
    if "role" in message and "does not exist" in message:
        return "no_role"
    return "down"


_PROBLEMS = {
    "password": N_("The server refused the login of {user} (wrong or missing password). Put the password in "
                   "the PostgreSQL password file (.pgpass) or type it when asked."),
    "no_database": N_("The server has no database named {database}. Ask the office's IT person to create it."),
    "no_role": N_("The server has no user named {user}. Ask the office's IT person to create it."),
    "down": N_("The database server {server} cannot be reached (it may be switched off or the network is "
               "down): {reason}"),
}


def _unreachable(kind: str, url, exc: BaseException) -> ServerUnreachable:
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()
    return ServerUnreachable(Msg(_PROBLEMS[kind], {
        "user": url.username or "?", "database": url.database or "?",
        "server": f"{url.host or 'localhost'}:{url.port or 5432}", "reason": reason[0] if reason else "?"}))


def server_engine(target: str, ask_password=None) -> Engine:
    """An engine on the server, its first connection made (so a problem is said now, plainly).
    `ask_password()` is asked after a refused login (by default getpass, on a terminal only; the window
    asks in a dialog); None from it gives up."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import DBAPIError

    url = make_url(target).set(drivername="postgresql+psycopg")
    if ask_password is None and sys.stdin is not None and sys.stdin.isatty():
        def ask_password():
            return getpass.getpass(Msg(N_("Password of {user} on the database server: "),
                                       {"user": url.username or "?"}).render())
    connect_args: dict = {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "egov-desktop"}
    for attempt in range(2):
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
        try:
            with engine.connect():
                return engine
        except DBAPIError as exc:
            engine.dispose()
            kind = _problem(exc)
            password = ask_password() if kind == "password" and attempt == 0 and ask_password is not None else None
            if password is not None:
                connect_args = connect_args | {"password": password}
                continue
            raise _unreachable(kind, url, exc) from None
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- a server lost while working

LOST_WRITE = N_("The database server cannot be reached (it may be switched off, or the network is down): the change "
                "was NOT saved. Try again when the server is back.")
LOST_READ = N_("The database server cannot be reached (it may be switched off, or the network is down). Try again "
               "when the server is back.")
LOST_FOLLOW = N_("The connection to the database server was lost: changes made by others are not shown until it is "
                 "back.")


def is_server_lost(exc: BaseException) -> bool:
    """A failure of the connection to the server (switched off, restarted, the network), not of the data: no SQL
    state (the connection itself failed), a connection exception (08xxx) or the server shutting down (57P0x)."""
    orig = getattr(exc, "orig", exc)
    if not type(orig).__module__.startswith("psycopg"):  # SQLite's errors are the disk's or the file's
        return False
    import psycopg

    if getattr(exc, "connection_invalidated", False):
        return True
    if not isinstance(orig, (psycopg.OperationalError, psycopg.InterfaceError)):
        return False
    state = getattr(orig, "sqlstate", None)
    return state is None or state.startswith("08") or state.startswith("57P0")


@contextmanager
def reading() -> Iterator[None]:
    """Around a read: the server lost becomes a plain ServerUnreachable (LOST_READ)."""
    try:
        yield
    except Exception as exc:
        if is_server_lost(exc):
            raise ServerUnreachable(Msg(LOST_READ)) from exc
        raise


CHANNEL = "egov_changes"
# PostgreSQL refuses a payload of 8000 bytes or more: a change too big to list (an import of a whole plan)
# names its plans only, which is what a view needs to read them again.
PAYLOAD_LIMIT = 7900
NOTICE_DETAILS = ("indicators", "reports", "entries")


def notify(conn, sender: str, summary, tables) -> None:
    """The change summary (work.ChangeSummary) of the open transaction as a notice to the listeners (store/live.py,
    which reads it): the server delivers it when, and only if, the transaction commits."""
    import json

    from sqlalchemy import text

    doc = {"by": sender, "tables": sorted(tables), "structure": summary.structure, "settings": summary.settings,
           "plans": sorted(summary.plans), "offices": sorted(summary.offices),
           "added": sorted(summary.plans_added), "removed": sorted(summary.plans_removed), "all": summary.everything,
           **{name: sorted(getattr(summary, name)) for name in NOTICE_DETAILS}}
    payload = json.dumps(doc, separators=(",", ":"))
    if len(payload.encode()) > PAYLOAD_LIMIT:
        payload = json.dumps({**doc, **{name: [] for name in NOTICE_DETAILS}, "partial": True}, separators=(",", ":"))
    conn.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})


# ---------------------------------------------------------------- is it ours, how new

FOREIGN = N_("This database on the server is not a database of this program (it holds other tables). "
             "Nothing in it was changed.")


def server_revision(engine: Engine, known: frozenset[str]) -> tuple[str | None, str | None]:
    """(problem, revision): problem is None, "foreign" or "newer" (engine.PROBLEMS' keys); revision
    the schema's Alembic revision (None: an empty database, made at the upgrade)."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        revision = None
        if "alembic_version" in names:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None:
        return ("foreign" if names - {"alembic_version"} else None), None
    if revision not in known:
        return "newer", revision
    return None, revision


def upgrade_server(engine: Engine, run_alembic) -> None:
    """The migrations in one transaction: a failure leaves the server as it was."""
    with engine.begin() as conn:
        run_alembic(conn)

