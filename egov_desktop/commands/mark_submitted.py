"""`egov-desktop mark-submitted --fiscal-year Y [--kind K] --period P [--db PATH]`: record that a signed-off
report was sent to the upper office. Its status becomes "submitted" (the exchange file says so); it stays
sealed, and `reopen` opens it as it does a signed-off report. Written to the audit log.

Exit 0 when marked, 1 when refused (not signed off, already submitted), 2 when the database cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg

NAME = "mark-submitted"
HELP = N_("mark a signed-off report as submitted to the upper office")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser, file=False)
    common.add_take_over_argument(parser)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core.periods import period_name
    from egov_desktop.store.service import StoreError

    source = common.open_db_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    try:
        source.store.mark_submitted(source.plan_key, args.period)
    except StoreError as exc:
        common.err(exc.render(args.lang))
        return common.refused(exc)
    finally:
        source.close()
    common.out(Msg(N_("The {period} report is marked as submitted."),
                {"period": period_name(args.period, args.lang)}).render(args.lang))
    return common.EXIT_OK
