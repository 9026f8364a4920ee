"""`egov-desktop import-table FILE.xlsx|FILE.docx`: a plan table from Excel or Word into the database.

The columns are recognised by their Bangla headers (egov_desktop/tables); every cell that cannot be read
as its column says is a finding naming the cell, and its row is kept with that value blank. Exit 0 when
there are no errors, 1 when there are (the plan is imported all the same, unless --dry-run: fix them in
the grid), 2 when the file cannot be read or holds no plan table.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.commands.check import SEVERITY_LABELS
from egov_desktop.core import exchange, rules
from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import N_, Msg, gettext_for, _
from egov_desktop.core.model import PLAN_KINDS, TIERS

NAME = "import-table"
HELP = N_("import a plan table from an Excel (.xlsx) or Word (.docx) file")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=_("the .xlsx or .docx file"))
    parser.add_argument("--kind", choices=PLAN_KINDS, help=_("plan kind (default: from the title line)"))
    parser.add_argument("--fiscal-year", type=to_latin_digits, help=_("e.g. 2021-22 (default: from the title line)"))
    parser.add_argument("--office", help=_("the office's name (default: from the title lines, else this database's)"))
    parser.add_argument("--tier", choices=TIERS, help=_("the office's tier"))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sheet", help=_("the Excel sheet to read (default: the first with a plan table)"))
    where.add_argument("--table", type=int, help=_("the Word table to read, counted from 1"))
    common.add_db_argument(parser)
    common.add_take_over_argument(parser)
    parser.add_argument("--replace", action="store_true",
                        help=_("replace a plan of the same kind and fiscal year already in the database"))
    parser.add_argument("--dry-run", action="store_true", help=_("read and report, write nothing"))
    parser.add_argument("--json", action="store_true",
                        help=_('print {"plan": <exchange document>, "findings": [...]} as JSON'))


def run(args: argparse.Namespace) -> int:
    from egov_desktop.tables import Overrides, TableFileError, read_plan_table

    lang = args.lang
    overrides = Overrides(kind=args.kind, fiscal_year=args.fiscal_year, office=args.office, tier=args.tier)
    # Nothing said instead: a file of ours is read exactly from the plan it carries, not from its table.
    overrides = None if overrides == Overrides() else overrides
    try:
        result = read_plan_table(Path(args.file), sheet=args.sheet, table=args.table, overrides=overrides)
    except TableFileError as exc:
        return _unreadable(args, exc.msg)
    except OSError as exc:
        from egov_desktop.core.files import os_error_msg

        return _unreadable(args, os_error_msg(exc, args.file, writing=False), named=True)
    doc = result.document
    findings = list(result.findings)
    if not doc.plan.fiscal_year:
        return _unreadable(args, Msg(N_("The fiscal year cannot be told from the file: give --fiscal-year "
                                        "(e.g. 2021-22).")), findings)
    # The plan's and the reports' own rules too (weights adding up, dates within the year, ...), beside
    # what the table said; a code problem already named at its cell is not said twice (of a twin too: "1.1.1#2").
    checked = rules.check_plan(doc.plan) + [f for r in doc.reports for f in rules.check_report(doc.plan, r)]
    findings += [f for f in checked if not (f.rule in ("duplicate_code", "code_shape")
                                            and f.where.row_code in result.flagged_codes)]
    has_errors = bool(rules.errors(findings))
    if not args.dry_run:
        code = _import(args, doc)
        if code is not None:
            return code
    if args.json:
        found = [common.finding_json(f, lang) for f in findings]
        common.out(json.dumps({"plan": exchange.to_dict(doc), "findings": found},
                           ensure_ascii=False, indent=2))
    else:
        for f in findings:
            common.out(f"{gettext_for(lang, SEVERITY_LABELS[f.severity])}\t{f.where}: {f.message(lang)}")
        n_errors = len(rules.errors(findings))
        common.out(Msg(N_("{title} {year}: {indicators} indicators read. Errors: {errors}, warnings: {warnings}."), {
            "title": doc.plan.title, "year": doc.plan.fiscal_year, "indicators": len(doc.plan.indicators()),
            "errors": n_errors, "warnings": len(findings) - n_errors}).render(lang))
    return common.EXIT_ERRORS if has_errors else common.EXIT_OK


def _unreadable(args, msg: Msg, findings: list | None = None, named: bool = False) -> int:
    """Exit 2 after saying why; `named`: the message names the file already."""
    text = msg.render(args.lang) if named else f"{args.file}: {msg.render(args.lang)}"
    if args.json:
        common.out(json.dumps({"error": {"message": text, "where": args.file},
                            "findings": [common.finding_json(f, args.lang) for f in findings or []]},
                           ensure_ascii=False, indent=2))
    else:
        common.err(text)
    return common.EXIT_UNREADABLE


def _import(args, doc) -> int | None:
    """Import into the database; None when done, else the exit code after saying why."""
    from egov_desktop.store.service import StoreError

    store = common.open_store(args, create=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        if not doc.office.name and args.office is None:
            office = store.current_office()
            if office is not None:
                doc.office = store.get_office(office)
        common.import_plan(store, doc, args.replace)
    except StoreError as exc:
        common.err(f"{args.file}: {exc.render(args.lang)}")
        return common.refused(exc)
    finally:
        store.close()
    return None
