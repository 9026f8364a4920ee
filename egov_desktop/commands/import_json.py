"""`egov-desktop import FILE.json [--db PATH] [--replace]`: put an exchange file into the database.

Exit 0 when imported, 1 when refused (a plan of that kind and fiscal year is already
there: use --replace), 2 when the file or the database cannot be read.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop import cli
from egov_desktop.commands.check import load_or_report
from egov_desktop.core.i18n import N_, Msg
from egov_desktop.core.rules import describe_where
from egov_desktop.paths import default_db_path
from egov_desktop.store.service import Store, StoreError

NAME = "import"
HELP = N_("import a plan exchange file into the database")


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, default=None, help="database file (default: the per-user data folder)")


def add_take_over_argument(parser: argparse.ArgumentParser) -> None:
    """For the commands that write: the take-over that DatabaseInUse offers when the writer named in the
    lock file is another computer that may have crashed."""
    parser.add_argument("--take-over", action="store_true",
                        help="take over the database from another computer that crashed or is switched off")


def report_store_error(path: Path, exc: StoreError, lang: str) -> None:
    """Why the database cannot be used; for a lock another computer may have left, how to take it over."""
    cli.err(f"{path}: {exc.render(lang)}")
    if getattr(exc, "can_take_over", False):
        cli.err(Msg(N_("To take it over, run the command again with --take-over.")).render(lang))


def open_store(args: argparse.Namespace, readonly: bool = False, create: bool = False) -> Store | None:
    """The store at --db (or the default), or None after printing why it cannot be opened. Commands that
    only read open it read-only (so they work while the program has it open); only `create` makes a new one
    where there is none (a mistyped --db is said, not made)."""
    path = args.db or default_db_path()
    if not create and not path.exists():
        cli.err(f"{path}: " + Msg(N_("the database file does not exist")).render(args.lang))
        return None
    try:
        if readonly:
            from egov_desktop.store.engine import inspect_database

            # A database from an older version is upgraded first, which takes opening it to write.
            readonly = not inspect_database(path).needs_upgrade
        return Store.open(path, readonly=readonly, take_over=getattr(args, "take_over", False))
    except StoreError as exc:
        report_store_error(path, exc, args.lang)
        return None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="exchange file (.json)")
    add_db_argument(parser)
    add_take_over_argument(parser)
    parser.add_argument("--replace", action="store_true",
                        help="replace a plan of the same kind and fiscal year already in the database")


def run(args: argparse.Namespace) -> int:
    doc = load_or_report(args.file, args.lang)
    if doc is None:
        return cli.EXIT_UNREADABLE
    for warning in doc.warnings:  # e.g. a sign-off that does not match: imported as a draft, said here
        where = describe_where(warning.where, doc.plan, args.lang)
        cli.err(f"{args.file}: {where}: {warning.msg.render(args.lang)}")
    store = open_store(args, create=True)
    if store is None:
        return cli.EXIT_UNREADABLE
    try:
        with store.group(Msg(N_("Import {title} {year}"), {"title": doc.plan.title, "year": doc.plan.fiscal_year})):
            existing = store.find_plan(doc.plan.fiscal_year, doc.plan.kind)
            if existing is not None and args.replace:
                store.delete_plan(existing)
            store.import_document(doc)
    except StoreError as exc:
        cli.err(f"{args.file}: {exc.render(args.lang)}")
        return cli.EXIT_ERRORS
    finally:
        store.close()
    # Paths keep their own digits: they are printed beside the message, not inside it.
    cli.out(f"{store.path}: " + Msg(N_("imported {title} {year}"),
                                    {"title": doc.plan.title, "year": doc.plan.fiscal_year}).render(args.lang))
    return cli.EXIT_OK
