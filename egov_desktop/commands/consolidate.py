"""`egov-desktop consolidate --fiscal-year Y --kind K --period P [--db PATH] [--json] [--out F.docx|F.xlsx]`: the
subordinate offices' reports collected for a plan kind, year and period side by side (core/consolidate.py), each
office's total and whether it came on time, late or not at all (the office's deadline table). docs/CONSOLIDATION.md.

Without --json or --out it prints a table of the offices; --json prints
`{"offices": [{"office", "status", "total", "out_of", "indicators": [{"code", "value", "percent", "score"}]}]}`
(with more keys beside these); --out writes the consolidated report as Word or Excel, by the file's suffix. Nothing
collected for the period is said, and is not an error: the subordinate offices are all "missing".

Exit 0 when done, 2 when the input cannot be used (an unknown kind or period, a malformed year, an --out that is
neither .docx nor .xlsx, a database that cannot be read, a file that cannot be written).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _, gettext_for
from egov_desktop.core.model import PERIODS, PLAN_KIND_NAMES, PLAN_KINDS, DateWindow
from egov_desktop.export.fonts import FONT_CHOICES

NAME = "consolidate"
HELP = N_("the subordinate offices' reports of a plan and period side by side, with each office's marks and "
          "whether it came on time")

WRITERS = (".docx", ".xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fiscal-year", required=True, help=_("e.g. 2023-24"))
    parser.add_argument("--kind", required=True, choices=PLAN_KINDS, help=_("plan kind"))
    parser.add_argument("--period", required=True, choices=PERIODS, help=_("report period"))
    common.add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help=_("print the consolidation as JSON"))
    parser.add_argument("--out", type=Path,
                        help=_("write the consolidated report to this file: Word (.docx) or Excel (.xlsx)"))
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help=_("Bangla font (default Nikosh)"))


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core.periods import FiscalYear
    from egov_desktop.core.values import ParseError

    lang = args.lang
    try:
        fiscal_year = FiscalYear.parse(args.fiscal_year).code
    except ParseError as exc:
        common.err(f"--fiscal-year {args.fiscal_year}: {exc.render(lang)}")
        return common.EXIT_UNREADABLE
    if args.out is not None and args.out.suffix.lower() not in WRITERS:
        common.err(f"--out {args.out}: " + Msg(N_("the consolidated report is written as Word (.docx) or Excel "
                                                  "(.xlsx): give a file name ending so")).render(lang))
        return common.EXIT_UNREADABLE
    from egov_desktop.core.consolidate import from_store
    from egov_desktop.store.service import StoreError

    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        cons = from_store(store, args.kind, fiscal_year, args.period)
        office_key = store.current_office()
        office = store.get_office(office_key) if office_key is not None else None
    except StoreError as exc:
        common.err(f"{store.path}: {exc.render(lang)}")
        return common.refused(exc)
    finally:
        store.close()
    if not any(row.submission is not None for row in cons.rows):
        common.err(_nothing_collected(args.kind, fiscal_year, args.period, len(cons.rows), lang))
    if args.json:
        common.out(json.dumps(as_json(cons, args.kind, fiscal_year), ensure_ascii=False, indent=2))
    elif args.out is None:
        for line in _text(cons, args.kind, fiscal_year, lang):
            common.out(line)
    if args.out is not None:
        return _write(cons, office, args, fiscal_year)
    return common.EXIT_OK


def _nothing_collected(kind: str, fiscal_year: str, period: str, offices: int, lang: str) -> str:
    from egov_desktop.core.periods import FiscalYear, period_name

    what = {"kind": Msg(PLAN_KIND_NAMES.get(kind, PLAN_KIND_NAMES["other"])),
            "year": FiscalYear.parse(fiscal_year).label(lang), "period": period_name(period, lang)}
    if offices:
        return Msg(N_("No report of {kind} {year}, {period} has been collected: every subordinate office is "
                      "missing."), what).render(lang)
    return Msg(N_("No report of {kind} {year}, {period} has been collected, and the office has no subordinate "
                  "offices yet (office profile, or collect)."), what).render(lang)


# ------------------------------------------------------------------ JSON

def _rounded(x: float | None) -> float | None:
    from egov_desktop.commands.score import rounded

    return None if x is None else rounded(x)


def json_value(value):
    """An achievement in JSON: a number, an ISO date, a date window {"start", "end"}, or null."""
    if isinstance(value, DateWindow):
        return {"start": value.start.isoformat(), "end": value.end.isoformat()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def as_json(cons, kind: str, fiscal_year: str) -> dict:
    """The consolidation as the command prints it: an office's indicators are its plan's, matched to the columns
    by code (and title, where a plan uses a code twice: docs/CONSOLIDATION.md), in the columns' order; the later
    of two with one code says its "occurrence" (2, 3, …, as the exchange format's entry does)."""
    offices = []
    for row in cons.rows:
        indicators = []
        for index, cell in row.cells.items():
            col = cons.columns[index]
            indicators.append({
                "code": col.code, "title": col.title, "value": json_value(cell.value),
                "percent": _rounded(cell.percent), "score": _rounded(cell.score), "weight": cell.weight,
                "not_applicable": cell.not_applicable, "scorable": cell.scorable,
                "evidence_missing": cell.evidence_missing} | (
                {"dates": [json_value(d) for d in cell.dates]} if cell.dates else {}) | (
                {"occurrence": cell.place[1]} if cell.place[1] is not None else {}))
        sub = row.submission
        offices.append({
            "office": row.office, "status": row.status, "total": _rounded(row.total), "out_of": _rounded(row.out_of),
            "percent": _rounded(row.percent),
            "sent": row.sent.isoformat() if row.sent is not None else None,
            "received": row.received.isoformat() if row.received is not None else None,
            "listed": row.listed,
            "signed": sub.signed if sub is not None and row.total is not None else None,
            "verified": sub.verified if sub is not None and row.total is not None else None,
            "indicators": indicators,
        })
    return {
        "kind": kind, "fiscal_year": fiscal_year, "period": cons.period,
        "deadline": cons.deadline.isoformat() if cons.deadline else None,
        "received": sum(1 for row in cons.rows if row.total is not None),
        "columns": [{"code": c.code, "title": c.title, "unit": c.unit, "weight": c.weight} | (
            {"occurrence": c.occurrence} if c.occurrence is not None else {}) for c in cons.columns],
        "offices": offices,
    }


# ------------------------------------------------------------------ the table

def _text(cons, kind: str, fiscal_year: str, lang: str) -> list[str]:
    from egov_desktop.commands.score import text_table
    from egov_desktop.core.consolidate import STATUS_NAMES, SUMMARY_COLUMNS
    from egov_desktop.core.digits import localize_digits
    from egov_desktop.core.periods import FiscalYear, period_name
    from egov_desktop.core.values import format_date, format_number, format_percent
    from egov_desktop.export.consolidated_docx import day_text

    lines = [f"{gettext_for(lang, PLAN_KIND_NAMES.get(kind, PLAN_KIND_NAMES['other']))} "
             f"{FiscalYear.parse(fiscal_year).label(lang)}: {period_name(cons.period, lang)}"]
    counts = {s: localize_digits(str(cons.count(s)), lang) for s in STATUS_NAMES}
    deadline = format_date(cons.deadline, lang) if cons.deadline else "—"
    lines.append(gettext_for(lang, N_("Deadline {deadline}: {on_time} on time, {late} late, {missing} not "
                                      "received.")).format(deadline=deadline, **counts))
    if not cons.rows:
        return lines
    lines.append("")
    rows = [[gettext_for(lang, c) for c in SUMMARY_COLUMNS]]
    for i, row in enumerate(cons.rows, start=1):
        office = row.office if row.listed else f"{row.office} *"
        if row.total is None:
            marks = ["—", "—", "—"]
        else:
            marks = [format_number(row.total, lang), format_number(row.out_of or 0, lang),
                     format_percent(row.percent or 0, lang)]
        rows.append([localize_digits(str(i), lang), office, gettext_for(lang, STATUS_NAMES[row.status]),
                     day_text(row.sent, lang), day_text(row.received, lang), *marks])
    lines += text_table(rows, right={0, 5, 6, 7})
    if not all(row.listed for row in cons.rows):
        lines += ["", "* " + gettext_for(lang, N_("not among the subordinate offices in the office profile"))]
    return lines


# ------------------------------------------------------------------ Word and Excel

def _write(cons, office, args: argparse.Namespace, fiscal_year: str) -> int:
    from egov_desktop.export.consolidated_docx import Heading, export_docx, heading_of
    from egov_desktop.export.consolidated_xlsx import export_xlsx

    heading = heading_of(office, args.kind, fiscal_year) if office is not None else Heading(
        "", [], args.kind, fiscal_year)
    write = export_docx if args.out.suffix.lower() == ".docx" else export_xlsx
    try:
        write(cons, heading, args.out, font=args.font, lang=args.lang)
    except OSError as exc:
        return common.cannot_write(args.out, exc, args.lang)
    if args.json:
        return common.EXIT_OK  # the output is the JSON alone, for a script to read
    return common.written(args.out, args.lang)
