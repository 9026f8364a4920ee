"""`egov-desktop collect FILES... [--db PATH] [--fiscal-year Y] [--period P] [--yes] [--json]`: take in the reports of
subordinate offices (egov_desktop/collector.py): exchange files, .docx/.xlsx files with the data this program puts in
them, or without it (read from their table, with the findings), and submission packages (.zip, with their evidence).

Each file is one transaction. What needs the user's consent (an office not yet among the subordinate offices, a
signed report changed after signing, a newer revision or other content of a report collected before) is asked on a
terminal, or agreed with --yes; otherwise it is not collected. Exit 0 when every report was collected (or was there
already), 1 when one was not (refused, not agreed, or collected with errors), 2 when a file or the database cannot
be read.
"""
from __future__ import annotations

import argparse
import json
import sys

from egov_desktop.commands import common
from egov_desktop.commands.check import SEVERITY_LABELS
from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import N_, Msg, _, gettext_for
from egov_desktop.core.model import PERIODS

NAME = "collect"
HELP = N_("collect the reports of subordinate offices (.json, .docx, .xlsx, .zip)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=_("a subordinate office's report: .json, .docx, .xlsx or a submission package .zip"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)
    parser.add_argument("--fiscal-year", type=to_latin_digits,
                        help=_("collect only reports of this fiscal year, e.g. 2023-24 (others are flagged)"))
    parser.add_argument("--period", choices=PERIODS, help=_("collect only reports of this period (others are flagged)"))
    parser.add_argument("--yes", action="store_true",
                        help=_("agree to every question (add an unknown office, replace a collected report, keep a "
                               "report changed after signing)"))
    parser.add_argument("--json", action="store_true", help=_("print the result of each file as JSON"))


def run(args: argparse.Namespace) -> int:
    from egov_desktop.collector import UNREADABLE, collect_file

    lang = args.lang
    store = common.open_store(args)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        office = store.current_office()
        if office is None:
            common.err(Msg(N_("The database has no office yet: make or import the office's own plan first, so that "
                              "its reports are told apart from the subordinate offices'.")).render(lang))
            return common.EXIT_ERRORS
        results = []
        for path in args.files:
            outcomes, _change = collect_file(store, office, path, args.fiscal_year, args.period,
                                             ask=lambda question: _ask(args, question))
            results += outcomes
            if not args.json:
                _print(outcomes, lang)
    finally:
        store.close()
    if args.json:
        common.out(json.dumps({"results": [_outcome_json(o, lang) for o in results]}, ensure_ascii=False, indent=2))
    if any(o.status == UNREADABLE for o in results):
        return common.EXIT_UNREADABLE
    return common.EXIT_OK if all(o.ok for o in results) else common.EXIT_ERRORS


def _ask(args, question: Msg) -> bool:
    """--yes agrees; on a terminal the user is asked; otherwise (a script, --json) the answer is no."""
    if args.yes:
        return True
    if args.json or not sys.stdin.isatty():
        return False
    sys.stdout.buffer.write((question.render(args.lang) + " " + Msg(N_("[y/N]")).render(args.lang) + " ")
                            .encode("utf-8", "replace"))
    sys.stdout.flush()
    answer = sys.stdin.readline().strip().casefold()
    return answer in ("y", "yes", "হ", "হ্যাঁ", gettext_for(args.lang, N_("yes")).casefold())


def _print(outcomes, lang: str) -> None:
    from egov_desktop.collector import STATUS_LABELS, describe

    for o in outcomes:
        what = describe(o, lang)
        status = gettext_for(lang, STATUS_LABELS[o.status])
        common.out(f"{o.file}: {what + ': ' if what else ''}{status}")
        for f in o.findings:
            where = f" ({f.where})" if f.where else ""
            common.out(f"  {gettext_for(lang, SEVERITY_LABELS[f.severity])}{where}: {f.message(lang)}")


def _outcome_json(o, lang: str) -> dict:
    got = o.received
    return {
        "file": o.file, "status": o.status, "office": o.office, "kind": o.kind, "fiscal_year": o.fiscal_year,
        "period": o.period, "collected": o.key,
        "source": got.source_kind if got else None, "signed": got.signed if got else None,
        "verified": got.verified if got else None, "revision": got.revision if got else None,
        "findings": [common.finding_json(f, lang) for f in o.findings],
    }
