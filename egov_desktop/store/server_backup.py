"""Backups of the office's server database (`backup --db URL`, `restore FILE --db URL`), beside backup.py's of
SQLite files (a module of its own: it opens stores, which backup.py, used while a store opens, cannot).

A server's backup is one of our own SQLite files, not a pg_dump archive: the program can open, check and
restore it on any PC without PostgreSQL's client tools (whose pg_dump must be as new as the server), it is
verified row by row as it is written (copy.py), and in an emergency it is a working office database of its
own (`--db` the file).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from egov_desktop.core.files import fsync_folder, os_error_msg
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store.backup import BackupError, _check_taken_in, _take_in
from egov_desktop.store.copy import copy_database
from egov_desktop.store.engine import inspect_database
from egov_desktop.store.lock import storage_error
from egov_desktop.store.service import Store


def backup_server(source, dest: Path) -> dict[str, int]:
    """Write the server database of `source` (a Store) into the new SQLite file `dest`: one consistent
    snapshot, verified (copy.py), then synced and renamed into place, so `dest` is either a whole good
    backup or not there (an older file of that name is replaced only by a good one). Rows per table."""
    dest = Path(dest)
    work = None
    try:
        work = Path(tempfile.mkdtemp(prefix=dest.name + ".part-", dir=dest.parent))  # beside it: renamed, not copied
        tmp = work / dest.name
        with Store.open(tmp) as target:
            counts = copy_database(source, target)
        con = sqlite3.connect(tmp)
        try:
            con.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
        finally:
            con.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        fsync_folder(dest.parent)
        return counts
    except (OSError, sqlite3.Error) as exc:
        reason = os_error_msg(exc, dest) if isinstance(exc, OSError) else str(exc)
        raise BackupError(Msg(N_("No backup could be made: {reason}"), {"reason": reason})) from None
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def restore_server(backup: Path, target, replace: bool = False) -> dict[str, int]:
    """Put the backup file (ours: a server's backup or any office database file) into the server database
    of `target` (a Store), in one transaction, verified row by row before it commits (copy.py). A
    server holding data is refused (copy.TargetNotEmpty) unless `replace`. The backup is read from a copy
    taken in through the guarded reader and checked as a file being restored is (an older one is upgraded
    in that copy, never in place). Rows per table. BackupUnreadable, BackupError, StoreError."""
    work = Path(tempfile.mkdtemp(prefix="egov-restore-"))
    try:
        tmp = work / "backup.sqlite"
        try:
            with tmp.open("wb") as fh:
                _take_in(Path(backup), fh)
            _check_taken_in(tmp)
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(Msg(N_("The backup could not be restored: {reason}"),
                                  {"reason": storage_error(exc, tmp).render()})) from None
        # Read-only unless it is from an older version, which is upgraded (in this copy) first.
        with Store.open(tmp, readonly=not inspect_database(tmp).needs_upgrade) as source:
            return copy_database(source, target, replace=replace)
    finally:
        shutil.rmtree(work, ignore_errors=True)
