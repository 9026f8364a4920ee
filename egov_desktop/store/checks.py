"""Is a file our database as this program made it? Checked, read-only, before it is opened or restored.

A database can come from outside (a backup on a pen drive, a file someone sent) and SQLite
runs what its schema says: a trigger that deletes every entry on the next audit row, a view
standing in for a table, a missing table or column, rows whose parent is gone. So a file is
used only when its tables, columns (with their types), indexes and links are exactly the ones
this program makes (`tables.metadata`, which the newest migration produces, as schema.py writes it out:
tests check both),
with no table, trigger or view of anyone else, `PRAGMA foreign_key_check` finds no broken
link and `PRAGMA integrity_check` finds no damage. A file of an older revision is compared
with what the migrations make up to that revision (engine.schema_at), and the upgraded
result with this program's tables again, before the upgrade commits.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store import schema

# Made by SQLite itself: the AUTOINCREMENT counters and the indexes of UNIQUE constraints.
_SQLITE_OWN_TABLES = {"sqlite_sequence"}
_SQLITE_OWN_INDEX = "sqlite_autoindex_"
# The migration tool's own table, as Alembic makes it.
_ALEMBIC = {"alembic_version": {"version_num": "VARCHAR(32)"}}
SHOWN = 5  # problems named in a message; the rest are counted


@dataclass(frozen=True)
class Expected:
    columns: dict[str, dict[str, str]]  # table -> column -> declared type
    indexes: dict[str, str]  # index -> its table
    links: dict[str, frozenset[tuple[str, str, str, str]]]  # table -> (column, parent, parent column, on delete)


@lru_cache(maxsize=1)
def expected() -> Expected:
    """What this program makes: tables.metadata's schema, as schema.py writes it out (a test checks that they
    agree; reading tables.py here would import SQLAlchemy before the file can even be opened)."""
    columns = {t: {c: "TEXT" if kind == schema.JSON else kind for c, kind in cols.items()}
               for t, cols in schema.COLUMNS.items()}
    columns.update(_ALEMBIC)
    return Expected(columns, dict(schema.INDEXES), dict(schema.LINKS))


def schema_of(con: sqlite3.Connection) -> Expected:
    """The schema of a database as it is (for an older revision, the one its migrations make)."""
    tables = [name for kind, name, _ in _objects(con) if kind == "table" and name not in _SQLITE_OWN_TABLES]
    columns = {t: {row[1]: row[2] for row in _found(con, t, "table_info")} for t in tables}
    indexes = {name: table for kind, name, table in _objects(con)
               if kind == "index" and not name.startswith(_SQLITE_OWN_INDEX)}
    return Expected(columns, indexes, {t: _links(con, t) for t in tables})


def _objects(con: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return con.execute("SELECT type, name, tbl_name FROM sqlite_master ORDER BY type, name").fetchall()


def _found(con: sqlite3.Connection, table: str, pragma: str) -> list[tuple]:
    return con.execute(f"SELECT * FROM pragma_{pragma}(?)", (table,)).fetchall()


def _links(con: sqlite3.Connection, table: str) -> frozenset[tuple[str, str, str, str]]:
    # (id, seq, parent, from, to, on_update, on_delete, match)
    return frozenset((r[3], r[2], r[4], r[6].upper()) for r in _found(con, table, "foreign_key_list"))


def structure_problems(con: sqlite3.Connection, want: Expected) -> list[Msg]:
    """What in the file's schema is not as `want` (expected(), or schema_of the file's own revision):
    every table, column with its type, index and link, and no trigger or view at all."""
    problems: list[Msg] = []
    tables = set()
    indexes = set()
    for kind, name, table in _objects(con):
        if kind == "trigger":
            problems.append(Msg(N_("a trigger {name} on the table {table} (this program makes no triggers)"),
                                {"name": name, "table": table}))
        elif kind == "view":
            problems.append(Msg(N_("a view {name} (this program makes no views)"), {"name": name}))
        elif kind == "table" and name not in _SQLITE_OWN_TABLES:
            tables.add(name)
        elif kind == "index" and not name.startswith(_SQLITE_OWN_INDEX):
            indexes.add(name)
    for name in sorted(tables - set(want.columns)):
        problems.append(Msg(N_("a table {name} that this program does not make"), {"name": name}))
    for name in sorted(set(want.columns) - tables):
        problems.append(Msg(N_("the table {name} is missing"), {"name": name}))
    for name in sorted(indexes - set(want.indexes)):
        problems.append(Msg(N_("an index {name} that this program does not make"), {"name": name}))
    for name in sorted(set(want.indexes) - indexes):
        if want.indexes[name] not in tables:
            continue  # said already: its table is missing
        problems.append(Msg(N_("the index {name} is missing"), {"name": name}))
    for table in sorted(tables & set(want.columns)):
        problems += _table_problems(con, table, want)
    return problems


def _table_problems(con: sqlite3.Connection, table: str, want: Expected) -> list[Msg]:
    problems = []
    found = {row[1]: row[2] for row in _found(con, table, "table_info")}
    for column, kind in want.columns[table].items():
        if column not in found:
            problems.append(Msg(N_("the table {table} has no column {column}"), {"table": table, "column": column}))
        elif found[column].upper() != kind.upper():
            problems.append(Msg(N_("the column {table}.{column} is of type {found}, not {expected}"),
                                {"table": table, "column": column, "found": found[column] or "-", "expected": kind}))
    for column in sorted(set(found) - set(want.columns[table])):
        problems.append(Msg(N_("the table {table} has a column {column} that this program does not make"),
                            {"table": table, "column": column}))
    if _links(con, table) != want.links.get(table, frozenset()):
        problems.append(Msg(N_("the links of the table {table} to other tables are not this program's"),
                            {"table": table}))
    return problems


def broken_links(con: sqlite3.Connection) -> list[Msg]:
    """Rows whose parent row is missing (PRAGMA foreign_key_check), counted per table and parent."""
    counts: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in con.execute("PRAGMA foreign_key_check"):
        counts[(table, parent)] = counts.get((table, parent), 0) + 1
    return [Msg(N_("{count} rows of the table {table} point to rows of {parent} that do not exist"),
                {"count": n, "table": table, "parent": parent}) for (table, parent), n in sorted(counts.items())]


def listed(problems: list[Msg]) -> Msg:
    """The first few problems, then how many more."""
    text = problems[0]
    for p in problems[1:SHOWN]:
        text = Msg(N_("{first}; {next}"), {"first": text, "next": p})
    if len(problems) > SHOWN:
        text = Msg(N_("{first}; and {count} more"), {"first": text, "count": len(problems) - SHOWN})
    return text
