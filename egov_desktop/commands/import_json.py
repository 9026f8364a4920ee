"""`egov-desktop import FILE.json [--db PATH] [--replace]`: put an exchange file into the database.

Exit 0 when imported, 1 when refused (a plan of that kind and fiscal year is already
there: use --replace), 2 when the file or the database cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.core.rules import describe_where
from egov_desktop.store.service import StoreError

NAME = "import"
HELP = N_("import a plan exchange file into the database")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=_("exchange file (.json)"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)
    parser.add_argument("--replace", action="store_true",
                        help=_("replace a plan of the same kind and fiscal year already in the database"))


def run(args: argparse.Namespace) -> int:
    doc = common.load_or_report(args.file, args.lang)
    if doc is None:
        return common.EXIT_UNREADABLE
    for warning in doc.warnings:  # e.g. a sign-off that does not match: imported as a draft, said here
        where = describe_where(warning.where, doc.plan, args.lang)
        common.err(f"{args.file}: {where}: {warning.msg.render(args.lang)}")
    store = common.open_store(args, create=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        common.import_plan(store, doc, args.replace)
    except StoreError as exc:
        common.err(f"{args.file}: {exc.render(args.lang)}")
        return common.refused(exc)
    finally:
        store.close()
    # Paths keep their own digits: they are printed beside the message, not inside it.
    common.out(f"{store.path}: " + Msg(N_("imported {title} {year}"),
                                    {"title": doc.plan.title, "year": doc.plan.fiscal_year}).render(args.lang))
    return common.EXIT_OK
