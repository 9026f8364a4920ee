"""`egov-desktop export-json --fiscal-year 2023-24 [--kind egov_innovation] --out FILE.json [--db PATH]`:
write a plan from the database as an exchange file (the same document that was imported).

Exit 0 when written, 1 when there is no such plan, 2 when the database cannot be
read or the file cannot be written.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core import exchange
from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import N_, _
from egov_desktop.core.model import PLAN_KINDS

NAME = "export-json"
HELP = N_("write a plan from the database as an exchange file")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fiscal-year", required=True, type=to_latin_digits, help=_("e.g. 2023-24"))
    parser.add_argument("--kind", choices=PLAN_KINDS, default="egov_innovation", help=_("plan kind"))
    parser.add_argument("--out", required=True, help=_("exchange file to write (.json)"))
    common.add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        key = common.find_plan(store, args)
        if key is None:
            return common.EXIT_ERRORS
        doc = store.document_to_export(key)
    finally:
        store.close()
    try:
        exchange.dump(doc, args.out)
    except OSError as exc:
        return common.cannot_write(args.out, exc, args.lang)
    return common.written(args.out, args.lang)
