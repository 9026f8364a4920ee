"""Opening a database, and what to do with one that cannot be used: the opening room.

`open_database()` is `Store.open` without the rooms: the one-writer lock, the checks
(read-only: a refused file is left byte for byte as it was), an upgrade (after a backup),
the start-of-day backup, the record of a lock taken over, and the connection the store
reads through (database.py; the SQLAlchemy engine only when an upgrade or that record needs it).
A database that cannot be used (not SQLite, damaged, empty, from a newer program,
altered or someone else's) raises DatabaseUnusable naming the newest good backup;
`recover()` keeps the file aside and restores that backup, and `with_recovery()` is
the dialogue around both that the program runs as it starts (`Store.open_with_recovery`).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store import backup, dialect
from egov_desktop.store.database import Database
from egov_desktop.store.engine import Diagnosis, connect, head_revision, inspect_database, known_revisions, upgrade
from egov_desktop.store.errors import StoreError
from egov_desktop.store.lock import DatabaseInUse, ReadOnlyLocation, WriterLock

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class DatabaseUnusable(StoreError):
    """The file at `path` cannot be used. `kind` is a key of engine.PROBLEMS; `backup` is the newest
    good backup (or None) that recover() would restore."""

    def __init__(self, kind: str, path: Path, msg: Msg, backup: backup.BackupInfo | None):
        super().__init__(msg)
        self.kind = kind
        self.path = path
        self.backup = backup

    def render(self, lang: str | None = None) -> str:
        text = self.msg.render(lang)
        if self.backup is not None:
            hint = Msg(N_("The newest good backup is from {date}. It can be restored; the damaged file "
                          "will be kept aside, not overwritten."),
                       {"date": self.backup.created.strftime("%d/%m/%Y %H:%M")})
        else:
            hint = Msg(N_("No good backup of it was found."))
        return f"{text} {hint.render(lang)}"


def check_database(path: Path) -> Diagnosis:
    """Raise DatabaseUnusable (with the newest good backup) when the file cannot be used; else its
    diagnosis (the revision)."""
    found = backup.diagnose_file(path, quiet=False)
    if found.kind is not None:
        raise DatabaseUnusable(found.kind, Path(path), found.message(), backup.newest_good_backup(path))
    return found


def open_database(path: Path, readonly: bool = False, take_over: bool = False) -> tuple[Database, WriterLock | None]:
    """The checked, current database and the writer lock held for it (None read-only).
    Raises DatabaseUnusable, DatabaseInUse, ReadOnlyLocation or another StoreError; nothing is
    held after a failure. See Store.open."""
    writer = None
    if not readonly:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(Msg(N_("cannot create the database folder: {reason}"),
                                 {"reason": exc.strerror or exc}))
        # One writing program per database (DatabaseInUse); a read-only folder fails here (ReadOnlyLocation).
        writer = WriterLock(path)
        writer.acquire(force=take_over)
    engine = db = None
    try:
        # Damaged, empty, foreign, newer or altered: DatabaseUnusable naming the backup, nothing written.
        state = inspect_database(path, check_database(path))
        if readonly and state.needs_upgrade:
            raise StoreError(Msg(N_("The database must be upgraded before it can be opened read-only.")))
        if state.needs_upgrade:
            engine = connect(path, readonly)
            if state.exists:
                backup.backup_now(path, "migration")
            upgrade(engine)
        if writer is not None and state.exists:
            backup.maybe_daily_backup(path)
        db = Database.on_file(path, readonly, engine)
        if writer is not None:
            _log_take_over(db, writer)
    except BaseException as exc:
        if db is not None:
            db.close()
        elif engine is not None:
            engine.dispose()
        if writer is not None:
            writer.release()
        if isinstance(exc, StoreError) or not isinstance(exc, Exception):
            raise
        # sqlite3/SQLAlchemy errors: damaged file, no permission, disk full
        raise StoreError(Msg(N_("The database cannot be opened: {reason}"),
                             {"reason": str(getattr(exc, "orig", exc))})) from exc
    return db, writer


def open_server(url: str, readonly: bool = False, ask_password=None) -> Engine:
    """The engine of a checked, current database on a server (dialect.py): no file lock, no pragmas, no
    file backup. A server that cannot be reached, a database of another program or of a newer program
    raises StoreError, the server untouched."""
    engine = dialect.server_engine(url, ask_password)
    try:
        problem, revision = dialect.server_revision(engine, known_revisions())
        if problem == "foreign":
            raise StoreError(Msg(dialect.FOREIGN))
        if problem is not None:
            raise StoreError(Diagnosis(problem, revision).message())
        if revision != head_revision():
            if readonly:
                raise StoreError(Msg(N_("The database must be upgraded before it can be opened read-only.")))
            upgrade(engine)
    except BaseException as exc:
        engine.dispose()
        if isinstance(exc, StoreError) or not isinstance(exc, Exception):
            raise
        raise StoreError(Msg(N_("The database cannot be opened: {reason}"),
                             {"reason": str(getattr(exc, "orig", exc))})) from exc
    return engine


def _log_take_over(db: Database, writer: WriterLock) -> None:
    """A lock taken over from another computer goes into the audit log."""
    taken = writer.recovered
    if taken is not None and not taken.here:
        from egov_desktop.store.work import UnitOfWork

        UnitOfWork(db).log(lambda w: w.audit("take_over", "lock", None, None, old={
            "host": taken.host, "user": taken.user, "pid": taken.pid, "since": taken.since}))


def recover(db_path: Path) -> backup.RestoreResult:
    """For a database that cannot be used: keep it aside and restore the newest good backup."""
    info = backup.newest_good_backup(db_path)
    if info is None:
        raise backup.BackupError(Msg(N_("No good backup of this database was found.")))
    return backup.restore(info.path, db_path)


def with_recovery(open_store: Callable, db_path: Path, ask_restore, ask_read_only, ask_in_use=None):
    """Open the database with `open_store(path, readonly=, take_over=)` (Store.open) as the program
    starts, with the user's say at each problem.

    `ask_restore(DatabaseUnusable) -> bool`: the file cannot be used and a good backup exists; True
    keeps the file aside and restores the backup. `ask_read_only(StoreError) -> bool`: another copy
    writes to it (DatabaseInUse) or the folder is read-only (ReadOnlyLocation); True opens read-only.
    `ask_in_use(DatabaseInUse) -> "take_over" | "read_only" | None`, when given, is asked instead of
    ask_read_only when the writer is another computer that may have crashed (`exc.can_take_over`).
    Returns the Store, or None when the user declined. Other StoreErrors propagate (show and stop).
    """
    try:
        return open_store(db_path)
    except DatabaseUnusable as exc:
        if exc.backup is None:
            raise
        if not ask_restore(exc):
            return None
        recover(db_path)
        return open_store(db_path)
    except (DatabaseInUse, ReadOnlyLocation) as exc:
        if ask_in_use is not None and isinstance(exc, DatabaseInUse) and exc.can_take_over:
            answer = ask_in_use(exc)
            if answer == "take_over":
                return open_store(db_path, take_over=True)
            return open_store(db_path, readonly=True) if answer == "read_only" else None
        if not ask_read_only(exc):
            return None
        return open_store(db_path, readonly=True)
