"""`egov-desktop templates [--json]`: the bundled plan templates (resources/templates), one a line: name,
plan, tier, fiscal year and how many indicators it brings. `new-plan --template NAME` makes a plan of one."""
from __future__ import annotations

import argparse
import json

from egov_desktop.commands import common
from egov_desktop.commands.score import text_table
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import N_, gettext_for, _
from egov_desktop.core.model import PLAN_KIND_NAMES, TIER_NAMES
from egov_desktop.store.plans import read_templates

NAME = "templates"
HELP = N_("list the plan templates that new-plan can start from")

COLUMNS = (N_("Template"), N_("Plan"), N_("Tier"), N_("Fiscal year"), N_("Indicators"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=_("print the list as JSON"))


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    templates = read_templates()
    if args.json:
        common.out(json.dumps([{"name": t.name, "kind": t.kind, "tier": t.tier, "fiscal_year": t.fiscal_year,
                             "title": t.title, "indicators": t.indicators} for t in templates],
                           ensure_ascii=False, indent=2))
        return common.EXIT_OK
    rows = [[gettext_for(lang, c) for c in COLUMNS]]
    for t in templates:
        rows.append([t.name, gettext_for(lang, PLAN_KIND_NAMES[t.kind]), gettext_for(lang, TIER_NAMES[t.tier]),
                     localize_digits(t.fiscal_year, lang), localize_digits(str(t.indicators), lang)])
    for line in text_table(rows, right={4}):
        common.out(line)
    return common.EXIT_OK
