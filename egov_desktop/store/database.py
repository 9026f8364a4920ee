"""Where a Store's data is: the connection it reads through and the SQLAlchemy engine it writes through.

An SQLite file is read through the store's own sqlite3 connection (engine.plain_connection: the engine's
PRAGMAs, WAL, a deferred BEGIN per read), always, so there is one way of reading it (reading.py). The
engine, which writes and runs the rooms' other reads, is made at its first use: opening a file and
showing its plan import no SQLAlchemy (13.6, a quarter of the start-up). On a server everything goes
through the engine, made as the database is opened (its checks need it).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from egov_desktop.store import dialect
from egov_desktop.store.reading import SEEN


class Database:
    def __init__(self, path: Path | str, readonly: bool, *, plain=None, engine=None,
                 make_engine: Callable | None = None):
        self.path = path
        self.readonly = readonly
        self._plain = plain  # engine.PlainConnection of an SQLite file; None on a server
        self._engine = engine
        self._make_engine = make_engine
        # One read at a time on the plain connection (the GUI thread and, on a server, a listener's thread).
        self._reading = threading.RLock()
        self._making = threading.Lock()
        # The version of every row as last read (reading.rows): an edit is checked against it (journal.Tx).
        self.seen: dict[tuple[str, int], int] = {}

    @classmethod
    def on_file(cls, path: Path, readonly: bool, engine=None) -> "Database":
        """A checked, current SQLite file. `engine`: one made already (for an upgrade), else made when needed."""
        from egov_desktop.store.engine import connect, plain_connection

        return cls(path, readonly, plain=plain_connection(path, readonly), engine=engine,
                   make_engine=lambda: connect(path, readonly))

    @property
    def engine(self):
        """The SQLAlchemy engine, made (and SQLAlchemy imported) at the first call."""
        if self._engine is None:
            with self._making:
                if self._engine is None:
                    self._engine = self._make_engine()
        return self._engine

    @contextmanager
    def read(self) -> Iterator:
        """A connection in a read transaction (a deferred BEGIN: it never waits for the write lock), recording
        the versions of the rows reading.rows reads (SEEN): the plain connection of a file, else `engine_read`."""
        if self._plain is None:
            with self.engine_read() as conn:
                yield conn
            return
        with self._reading:
            con = self._plain
            if con.in_transaction:  # a read inside a read (same thread): the same transaction
                yield con
                return
            con.execute("BEGIN")
            con.info[SEEN] = self.seen
            try:
                yield con
            finally:
                con.info.pop(SEEN, None)
                con.execute("ROLLBACK")  # it wrote nothing

    @contextmanager
    def engine_read(self) -> Iterator:
        """A SQLAlchemy connection in a read transaction, as `read`: for the rooms' own queries."""
        with dialect.reading(), self.engine.connect().execution_options(egov_read=True) as conn:
            conn.info[SEEN] = self.seen
            try:
                with conn.begin():
                    yield conn
            finally:
                conn.info.pop(SEEN, None)

    def close(self) -> None:
        if self._plain is not None:
            self._plain.close()
        if self._engine is not None:
            self._engine.dispose()
