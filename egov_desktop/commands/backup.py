"""`egov-desktop backup [--to DIR | --out FILE] [--db PATH_OR_URL] [--list]`: copy the database now (e.g. to a
pen drive, or a server's nightly backup).

A file is copied with SQLite's online backup API, so the copy is consistent even while the program is
open. A server database is written into one of our own SQLite files from one snapshot, verified row by
row (store/server_backup.py): `restore --db URL FILE` puts it back. Exit 0 when written, 1 when it
could not be made, 2 when there is no database (or the server cannot be used).
"""
from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.paths import default_db_path
from egov_desktop.store import backup
from egov_desktop.store.dialect import is_server, shown
from egov_desktop.store.errors import StoreError

NAME = "backup"
HELP = N_("copy the database now (to the backups folder, to --to DIR or into --out FILE)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_db_argument(parser)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--to", type=Path, default=None, help=_("folder for the copy (default: backups beside the database)"))
    where.add_argument("--out", type=Path, default=None,
                       help=_("the copy's file (replaced by the new copy once it is good)"))
    parser.add_argument("--list", action="store_true", help=_("list the backups instead of making one"))


def print_backups(db: Path, lang: str, folder: Path | None = None) -> None:
    infos = backup.list_backups(db, folder)
    if not infos:
        common.out(Msg(N_("No backups yet in {folder}."), {"folder": folder or backup.backups_dir(db)}).render(lang))
    for info in infos:
        when = localize_digits(info.created.strftime("%d/%m/%Y %H:%M:%S"), lang)
        common.out(f"{when}  {backup.reason_text(info.reason, info.label, lang)}  {info.path}")


def run(args: argparse.Namespace) -> int:
    db = args.db or default_db_path()
    if is_server(db):
        return _server(args, db)
    if args.list:
        print_backups(db, args.lang)
        return common.EXIT_OK
    if not db.exists():
        common.err(f"{db}: " + Msg(N_("the database file does not exist")).render(args.lang))
        return common.EXIT_UNREADABLE
    try:
        dest = backup.backup_now(db, "manual", to=args.to, out=args.out)
    except backup.BackupError as exc:
        common.err(f"{db}: {exc.render(args.lang)}")
        return common.EXIT_ERRORS
    common.out(Msg(N_("Backup written:")).render(args.lang) + f" {dest}")
    return common.EXIT_OK


def _server(args: argparse.Namespace, url: str) -> int:
    """A server has no backups folder of its own: the copy goes into --out FILE, or a dated file in --to DIR
    (named after the database, as a file's backups are), which --list then lists."""
    if args.to is None and args.out is None:
        common.err(f"{shown(url)}: " + Msg(SERVER_WHERE).render(args.lang))
        return common.EXIT_UNREADABLE
    stem = Path(server_stem(url))
    if args.list:
        print_backups(stem, args.lang, folder=args.to)
        return common.EXIT_OK
    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        if args.out is not None:
            dest = args.out
        else:
            args.to.mkdir(parents=True, exist_ok=True)
            dest = backup.new_name(args.to, stem, "manual", None, dt.datetime.now())
        from egov_desktop.store.server_backup import backup_server

        counts = backup_server(store, dest)
    except StoreError as exc:  # the copy does not verify: nothing is left at dest
        common.err(f"{shown(url)}: {exc.render(args.lang)}")
        return common.EXIT_ERRORS
    except OSError as exc:
        return common.cannot_write(args.to, exc, args.lang)
    finally:
        store.close()
    common.out(common.copied(N_("Backup written and verified ({plans} plans, {reports} reports, {audit} audit rows):"),
                             counts, args.lang) + f" {dest}")
    return common.EXIT_OK


SERVER_WHERE = N_("A database on the server is backed up into a file: give it (--out FILE) or a folder for "
                  "dated copies (--to DIR).")


def server_stem(url: str) -> str:
    """The name a server database's backups start with: its database name."""
    from sqlalchemy.engine import make_url

    return make_url(url).database or "egov"
