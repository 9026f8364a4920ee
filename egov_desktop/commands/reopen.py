"""`egov-desktop reopen --fiscal-year Y [--kind K] --period P --reason TEXT [--db PATH]`: open a signed
report for changes again. The reason goes to the audit log, the revision goes up, and the signed
revision stays retrievable (`verify` still recognises files exported from it).

Exit 0 when reopened, 1 when refused (not signed off, no reason), 2 when the database cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _

NAME = "reopen"
HELP = N_("reopen a signed-off report for changes (needs a reason)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser, file=False)
    common.add_take_over_argument(parser)
    parser.add_argument("--reason", required=True, help=_("why the report is reopened (kept in the audit log)"))


def run(args: argparse.Namespace) -> int:
    from egov_desktop.store.service import StoreError

    source = common.open_db_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    try:
        source.store.reopen(source.plan_key, args.period, args.reason)
        revision = source.store.get_document(source.plan_key).report(args.period).revision
    except StoreError as exc:
        common.err(exc.render(args.lang))
        return common.refused(exc)
    finally:
        source.close()
    common.out(Msg(N_("Reopened; the next sign-off will be revision {revision}."), {"revision": revision})
            .render(args.lang))
    return common.EXIT_OK
