"""`egov-desktop check FILE.json`: the validation findings of an exchange file.

Exit 0 when there are no errors (warnings allowed), 1 when there are errors,
2 when the file cannot be read.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json

from egov_desktop.commands import common
from egov_desktop.core import exchange, rules
from egov_desktop.core.i18n import N_, Msg, gettext_for, _

NAME = "check"
HELP = N_("check a plan exchange file against the rules")

# Each printed line starts with its label: a capital in English.
SEVERITY_LABELS = {rules.ERROR: N_("Error"), rules.WARNING: N_("Warning")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=_("exchange file (.json)"))
    parser.add_argument("--json", action="store_true", help=_("print the findings as JSON"))
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help=_("the date to check against, YYYY-MM-DD (default: today)"),
    )


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    doc = common.load_or_report(args.file, lang, args.json)
    if doc is None:
        return common.EXIT_UNREADABLE
    findings = rules.check_document(doc, today=args.today or dt.date.today())
    if args.json:
        common.out(
            json.dumps(
                {
                    "findings": [common.finding_json(f, lang) for f in findings]
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for f in findings:
            label = gettext_for(lang, SEVERITY_LABELS[f.severity])
            common.out(f"{label}\t{rules.describe_where(f.where, doc.plan, lang)}: {f.message(lang)}")
        n_errors = len(rules.errors(findings))
        if findings:
            counts = {"errors": n_errors, "warnings": len(findings) - n_errors}
            # No plural forms in the catalog: "errors: 1" reads right for any count in English.
            summary = Msg(N_("Errors: {errors}, warnings: {warnings}."), counts)
        else:
            summary = Msg(N_("No problems found."))
        common.out(summary.render(lang))
    return common.EXIT_ERRORS if rules.errors(findings) else common.EXIT_OK
