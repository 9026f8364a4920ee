"""Where the export commands get their plan: an exchange file, or the database by fiscal year and kind.

Shared by export-docx, email-draft, export-json, sign-off, reopen, mark-submitted (egov_desktop/commands/). Each
function prints its own reason in the chosen language and returns None on failure,
so commands stay a straight line of steps and never show a traceback.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass

from egov_desktop import cli
from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import N_, Msg
from egov_desktop.core.model import PERIODS, PLAN_KIND_NAMES, PLAN_KINDS, PlanDocument


def add_plan_arguments(parser: argparse.ArgumentParser, file: bool = True) -> None:
    from egov_desktop.commands.import_json import add_db_argument

    if file:
        parser.add_argument("file", nargs="?", help="exchange file (.json); or give --fiscal-year and --db")
    parser.add_argument("--fiscal-year", type=to_latin_digits, help="e.g. 2023-24 (the plan in the database)")
    parser.add_argument("--kind", choices=PLAN_KINDS, default="egov_innovation", help="plan kind")
    add_db_argument(parser)
    parser.add_argument("--period", required=True, choices=PERIODS, help="report period")


@dataclass
class Source:
    doc: PlanDocument
    store: object | None = None  # the open Store when the plan came from the database
    plan_key: int | None = None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def find_plan(store, args: argparse.Namespace) -> int | None:
    """The key of the plan of --fiscal-year/--kind in the open store, or None after saying there is none."""
    key = store.find_plan(args.fiscal_year, args.kind)
    if key is None:
        kind = Msg(PLAN_KIND_NAMES.get(args.kind, PLAN_KIND_NAMES["other"]))
        cli.err(Msg(N_("There is no {kind} for fiscal year {year} in the database."),
                    {"kind": kind, "year": args.fiscal_year}).render(args.lang))
    return key


def open_plan(args: argparse.Namespace, readonly: bool = True) -> Source | None:
    """The plan of --fiscal-year/--kind in the database (store left open, read-only unless asked), or the
    exchange file."""
    if getattr(args, "file", None):
        from egov_desktop.commands.check import load_or_report

        doc = load_or_report(args.file, args.lang)
        return None if doc is None else Source(doc)
    if not args.fiscal_year:
        cli.err(Msg(N_("Give an exchange file, or --fiscal-year for a plan in the database.")).render(args.lang))
        return None
    from egov_desktop.commands.import_json import open_store
    from egov_desktop.store.service import StoreError

    store = open_store(args, readonly=readonly)
    if store is None:
        return None
    try:
        key = find_plan(store, args)
        if key is None:
            store.close()
            return None
        return Source(store.document_as_signed(key, args.period), store, key)
    except StoreError as exc:
        cli.err(exc.render(args.lang))
        store.close()
        return None


def open_db_plan(args: argparse.Namespace) -> Source | None:
    """For commands that change the database: its plan of --fiscal-year/--kind, or None after saying why."""
    if not args.fiscal_year:
        cli.err(Msg(N_("Give --fiscal-year (and --db) of the plan in the database.")).render(args.lang))
        return None
    return open_plan(args, readonly=False)
