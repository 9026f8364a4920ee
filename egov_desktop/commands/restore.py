"""`egov-desktop restore BACKUP [--db PATH]` or `egov-desktop restore --latest [--db PATH]`; on the office's
server `egov-desktop restore BACKUP --db URL [--replace]`.

Puts a backup in place of the database. The current database is backed up
first; if it cannot be used (damaged, not a database, from a newer version) it is
renamed aside instead, never overwritten. Refused while the program has the
database open for writing. A server database is filled from the backup in one transaction, verified row
by row before it commits; one that holds data is refused unless --replace. Exit 0 restored, 1 refused,
2 no such backup (or the server cannot be used).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.paths import default_db_path
from egov_desktop.store import backup
from egov_desktop.store.dialect import is_server, shown
from egov_desktop.store.errors import StoreError

NAME = "restore"
HELP = N_("put a backup in place of the database (the current one is backed up first)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, nargs="?", default=None, help=_("backup file (.sqlite)"))
    parser.add_argument("--latest", action="store_true", help=_("restore the newest good backup"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)
    parser.add_argument("--replace", action="store_true",
                        help=_("on the server: replace what the database holds (a file is always replaced, "
                               "after a copy of it is kept)"))


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    db = args.db or default_db_path()
    if is_server(db):
        return _server(args, db)
    if args.backup is None:
        if not args.latest:
            common.err(Msg(N_("Give a backup file, or --latest for the newest good backup.")).render(lang))
            return common.EXIT_UNREADABLE
        info = backup.newest_good_backup(db)
        if info is None:
            common.err(f"{db}: " + Msg(N_("No good backup of this database was found.")).render(lang))
            return common.EXIT_UNREADABLE
        source = info.path
    else:
        source = args.backup
    try:
        result = backup.restore(source, db, take_over=args.take_over)
    except backup.BackupUnreadable as exc:
        common.err(f"{source}: {exc.render(lang)}")
        return common.EXIT_UNREADABLE
    except StoreError as exc:
        common.report_store_error(db, exc, lang)
        return common.EXIT_ERRORS
    common.out(Msg(N_("Restored:")).render(lang) + f" {result.restored} -> {db}")
    if result.safety_copy is not None:
        common.out(Msg(N_("The database as it was is kept in:")).render(lang) + f" {result.safety_copy}")
    if result.moved_aside is not None:
        common.out(Msg(N_("The unusable database was kept aside as:")).render(lang) + f" {result.moved_aside}")
    return common.EXIT_OK


def _server(args: argparse.Namespace, url: str) -> int:
    from egov_desktop.store.copy import TargetNotEmpty
    from egov_desktop.store.server_backup import restore_server

    lang = args.lang
    if args.backup is None:
        common.err(f"{shown(url)}: " + Msg(N_("A server has no backups folder: give the backup file.")).render(lang))
        return common.EXIT_UNREADABLE
    store = common.open_store(args, create=True)  # an empty database made by the IT person gets our tables
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        counts = restore_server(args.backup, store, replace=args.replace)
    except TargetNotEmpty:
        common.err(f"{shown(url)}: " + Msg(N_("The database on the server already holds data. To replace it "
                                               "with the backup, run the command again with --replace."))
                   .render(lang))
        return common.EXIT_ERRORS
    except backup.BackupError as exc:  # the file: unreadable, or not a good backup
        common.err(f"{args.backup}: {exc.render(lang)}")
        return common.EXIT_UNREADABLE
    except StoreError as exc:
        common.err(f"{shown(url)}: {exc.render(lang)}")
        return common.EXIT_ERRORS
    finally:
        store.close()
    common.out(common.copied(N_("Restored and verified ({plans} plans, {reports} reports, {audit} audit rows):"),
                             counts, lang) + f" {args.backup} -> {shown(url)}")
    return common.EXIT_OK
