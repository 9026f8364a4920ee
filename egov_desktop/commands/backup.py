"""`egov-desktop backup [--to DIR] [--db PATH] [--list]`: copy the database now (e.g. to a pen drive).

The copy is made with SQLite's online backup API, so it is consistent even while
the program is open. Exit 0 when written, 1 when it could not be made, 2 when
there is no database.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.paths import default_db_path
from egov_desktop.store import backup
from egov_desktop.store.dialect import SERVER_BACKUP, is_server, shown

NAME = "backup"
HELP = N_("copy the database now (to the backups folder or to --to DIR)")

def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_db_argument(parser)
    parser.add_argument("--to", type=Path, default=None, help=_("folder for the copy (default: backups beside the database)"))
    parser.add_argument("--list", action="store_true", help=_("list the backups instead of making one"))


def print_backups(db: Path, lang: str) -> None:
    infos = backup.list_backups(db)
    if not infos:
        common.out(Msg(N_("No backups yet in {folder}."), {"folder": backup.backups_dir(db)}).render(lang))
    for info in infos:
        when = localize_digits(info.created.strftime("%d/%m/%Y %H:%M:%S"), lang)
        common.out(f"{when}  {backup.reason_text(info.reason, info.label, lang)}  {info.path}")


def run(args: argparse.Namespace) -> int:
    db = args.db or default_db_path()
    if is_server(db):
        common.err(f"{shown(db)}: " + Msg(SERVER_BACKUP).render(args.lang))
        return common.EXIT_UNREADABLE
    if args.list:
        print_backups(db, args.lang)
        return common.EXIT_OK
    if not db.exists():
        common.err(f"{db}: " + Msg(N_("the database file does not exist")).render(args.lang))
        return common.EXIT_UNREADABLE
    try:
        dest = backup.backup_now(db, "manual", to=args.to)
    except backup.BackupError as exc:
        common.err(f"{db}: {exc.render(args.lang)}")
        return common.EXIT_ERRORS
    common.out(Msg(N_("Backup written:")).render(args.lang) + f" {dest}")
    return common.EXIT_OK
