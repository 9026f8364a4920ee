"""`egov-desktop restore BACKUP [--db PATH]` or `egov-desktop restore --latest [--db PATH]`.

Puts a backup in place of the database. The current database is backed up
first; if it cannot be used (damaged, not a database, from a newer version) it is
renamed aside instead, never overwritten. Refused while the program has the
database open for writing. Exit 0 restored, 1 refused, 2 no such backup.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.paths import default_db_path
from egov_desktop.store import backup
from egov_desktop.store.dialect import SERVER_BACKUP, is_server, shown
from egov_desktop.store.errors import StoreError

NAME = "restore"
HELP = N_("put a backup in place of the database (the current one is backed up first)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("backup", type=Path, nargs="?", default=None, help=_("backup file (.sqlite)"))
    parser.add_argument("--latest", action="store_true", help=_("restore the newest good backup"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    db = args.db or default_db_path()
    if is_server(db):
        common.err(f"{shown(db)}: " + Msg(SERVER_BACKUP).render(args.lang))
        return common.EXIT_UNREADABLE
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
