"""`egov-desktop feedback`: feedback memos to the subordinate offices (issue 11.6), and NIS 1.7 from them.

    feedback --fiscal-year Y --kind K --period P [--office NAME]... [--all-in-one] [--date DD/MM/YYYY]
             [--db PATH] --out DIR_OR_FILE
    feedback --list [--fiscal-year Y] [--kind K] [--json] [--db PATH]
    feedback --fill-nis --fiscal-year Y --period P [--db PATH]

The first writes a memo to each subordinate office (or those named, or one to all) from the consolidation of
their collected `P` reports (export/feedback_docx.py), numbered from the office's memo series, and records them
(one undo step in the window's history). `--list` lists what was sent. `--fill-nis` sets indicator 1.7 (feedback
to subordinate offices) of the office's own NIS plan of the year, in its `P` report, from the memos recorded on
the subordinates' NIS reports: through the progress operations (checked, audited, refused on a signed report).

Exit 0 done, 1 refused (no such office, no 1.7, a signed report...), 2 the database or a file cannot be used.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.digits import localize_digits, to_latin_digits
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.core.model import PERIODS, PLAN_KIND_NAMES, PLAN_KINDS

NAME = "feedback"
HELP = N_("write feedback memos to the subordinate offices, list them, or fill NIS 1.7 from them")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help=_("list the feedback memos recorded"))
    what.add_argument("--fill-nis", action="store_true",
                      help=_("fill indicator 1.7 of the office's NIS plan of the year, in the period's report, "
                             "from the feedback memos recorded"))
    parser.add_argument("--fiscal-year", type=to_latin_digits, help=_("e.g. 2023-24"))
    parser.add_argument("--kind", choices=PLAN_KINDS, help=_("plan kind of the subordinate offices' reports"))
    parser.add_argument("--period", choices=PERIODS, help=_("report period"))
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--office", action="append", metavar="NAME",
                     help=_("a subordinate office to write to (again for more; default: every subordinate office)"))
    who.add_argument("--all-in-one", action="store_true",
                     help=_("one memo to all the subordinate offices, with a table of them"))
    parser.add_argument("--date", help=_("the memo's date, e.g. 25/10/2023 (default: today)"))
    parser.add_argument("--out", help=_("folder for the memos, or the .docx of a single memo"))
    parser.add_argument("--json", action="store_true", help=_("with --list: print JSON"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)


def run(args: argparse.Namespace) -> int:
    if args.list:
        return _list(args)
    missing = [flag for flag, value in (("--fiscal-year", args.fiscal_year), ("--period", args.period))
               + ((("--kind", args.kind), ("--out", args.out)) if not args.fill_nis else ()) if not value]
    if missing:
        common.err(Msg(N_("Give {flags}."), {"flags": ", ".join(missing)}).render(args.lang))
        return common.EXIT_ERRORS
    return _fill_nis(args) if args.fill_nis else _send(args)


def _send(args: argparse.Namespace) -> int:
    from egov_desktop.core.values import ParseError, parse_date
    from egov_desktop.feedback import FeedbackError, send_feedback
    from egov_desktop.store.service import StoreError

    lang = args.lang
    try:
        memo_date = parse_date(args.date) if args.date else None
    except ParseError as exc:
        common.err(f"--date: {exc.render(lang)}")
        return common.EXIT_ERRORS
    store = common.open_store(args)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        sent, _change = send_feedback(store, args.kind, args.fiscal_year, args.period, Path(args.out),
                                      args.office or (), args.all_in_one, memo_date, lang)
    except FeedbackError as exc:
        common.err(exc.render(lang))
        return common.EXIT_ERRORS
    except StoreError as exc:
        common.err(exc.render(lang))
        return common.refused(exc)
    except OSError as exc:
        return common.cannot_write(args.out, exc, lang)
    finally:
        store.close()
    for s in sent:
        common.out(f"{s.path}: " + Msg(N_("written, memo no. {number}"), {"number": s.record.number or "—"})
                   .render(lang))
    if any(s.record.number is None for s in sent):
        common.err(Msg(N_("The office profile has no memo-number series: the memos' number is left blank. Add a "
                          "series in the office profile, or write the number by hand.")).render(lang))
    return common.EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from egov_desktop.core.periods import period_name
    from egov_desktop.core.values import format_date

    lang = args.lang
    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        office = store.current_office()
        records = store.list_feedback(office, args.fiscal_year, args.kind) if office is not None else []
    finally:
        store.close()
    if args.json:
        common.out(json.dumps({"feedback": [
            {"office": r.recipient, "kind": r.kind, "fiscal_year": r.fiscal_year, "period": r.period,
             "number": r.number, "date": r.memo_date.isoformat(), "file": r.file_name,
             "recorded": r.created_at.isoformat()} for r in records]}, ensure_ascii=False, indent=2))
        return common.EXIT_OK
    if not records:
        common.out(Msg(N_("No feedback memo is recorded.")).render(lang))
    everyone = Msg(N_("All subordinate offices")).render(lang)
    for r in records:
        kind = Msg(PLAN_KIND_NAMES.get(r.kind, PLAN_KIND_NAMES["other"])).render(lang)
        common.out(" | ".join((format_date(r.memo_date, lang), r.number or "—", r.recipient or everyone,
                               f"{kind} {localize_digits(r.fiscal_year, lang)}", period_name(r.period, lang),
                               r.file_name)))
    return common.EXIT_OK


def _fill_nis(args: argparse.Namespace) -> int:
    from egov_desktop.core.feedback import filled
    from egov_desktop.store.service import StoreError

    lang = args.lang
    store = common.open_store(args)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        plan = store.find_plan(args.fiscal_year, "nis")
        if plan is None:
            common.err(Msg(N_("There is no {kind} for fiscal year {year} in the database."),
                           {"kind": Msg(PLAN_KIND_NAMES["nis"]), "year": args.fiscal_year}).render(lang))
            return common.EXIT_ERRORS
        store.fill_nis_feedback(plan, args.period)
        doc = store.get_document(plan)
    except StoreError as exc:
        common.err(Msg(N_("NIS {code} was not filled: {reason}"), {"code": "1.7", "reason": exc.msg}).render(lang))
        return common.refused(exc)
    finally:
        store.close()
    common.out(filled(doc, args.period, lang))
    return common.EXIT_OK
