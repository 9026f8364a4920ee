"""`egov-desktop db upgrade --db PATH_OR_URL`: bring a database (an SQLite file or the office's server)
to this program's schema. `egov-desktop db copy --from PATH_OR_URL --to PATH_OR_URL [--replace]`: move an
office onto the server (or back to a file): every row, verified (store/copy.py).

What an office's IT person runs after installing a new version (README, "The office's server"). Exit 0
when done, 1 when refused (a copy onto a database holding data, without --replace), 2 when it cannot be used (server down, wrong password, a database of
another program or of a newer program: said plainly, nothing changed).
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.store.dialect import database_target, shown

NAME = "db"
HELP = N_("manage the database: upgrade it to this program's schema, copy it to the server or back")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # --db before the action too, as every other command takes it anywhere after its name.
    common.add_db_argument(parser)
    actions = parser.add_subparsers(dest="action", required=True, help=_("what to do with the database"))
    upgrade = actions.add_parser("upgrade", help=_("upgrade the database (file or server) to this program's schema"))
    _after_action(upgrade, db=True)
    copy = actions.add_parser("copy", help=_("copy every plan, report and audit row to another database"))
    _after_action(copy, db=False)
    copy.add_argument("--from", dest="source", type=database_target, required=True,
                      help=_("the database copied: a file or postgresql://USER@HOST[:PORT]/DBNAME"))
    copy.add_argument("--to", dest="target", type=database_target, required=True,
                      help=_("the database written: a file or postgresql://USER@HOST[:PORT]/DBNAME"))
    copy.add_argument("--replace", action="store_true", help=_("replace what the target database holds"))


def _after_action(parser: argparse.ArgumentParser, db: bool) -> None:
    """--lang (and --db, where the action uses it) after the action as well; SUPPRESS keeps the value given
    before it."""
    common.add_lang_after_action(parser)
    if db:
        common.add_db_argument(parser, default=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.action == "copy" and args.db is not None:
        common.err(Msg(N_("db copy takes the databases as --from and --to, not --db.")).render(args.lang))
        return common.EXIT_UNREADABLE
    return _copy(args) if args.action == "copy" else _upgrade(args)


def _copy(args: argparse.Namespace) -> int:
    from egov_desktop.store.copy import TargetNotEmpty, copy_database
    from egov_desktop.store.errors import StoreError

    source = common.open_store(argparse.Namespace(db=args.source, lang=args.lang), readonly=True)
    if source is None:
        return common.EXIT_UNREADABLE
    try:
        target = common.open_store(argparse.Namespace(db=args.target, lang=args.lang), create=True)
        if target is None:
            return common.EXIT_UNREADABLE
        try:
            counts = copy_database(source, target, replace=args.replace)
        except TargetNotEmpty as exc:
            common.err(f"{shown(args.target)}: {exc.render(args.lang)}")
            return common.EXIT_ERRORS
        except StoreError as exc:
            common.err(f"{shown(args.target)}: {exc.render(args.lang)}")
            return common.EXIT_UNREADABLE
        finally:
            target.close()
    finally:
        source.close()
    common.out(common.copied(N_("Copied and verified: {plans} plans, {reports} reports, {audit} audit rows."),
                             counts, args.lang))
    return common.EXIT_OK


def _upgrade(args: argparse.Namespace) -> int:
    from egov_desktop.store.engine import head_revision

    store = common.open_store(args, create=True)  # opening to write upgrades it (a file after a backup)
    if store is None:
        return common.EXIT_UNREADABLE
    store.close()
    common.out(Msg(N_("The database is at the newest schema ({revision})."), {"revision": head_revision()})
               .render(args.lang))
    return common.EXIT_OK
