"""`egov-desktop score FILE.json [--period P]`: the score (অর্জিত মান) of a progress report.

Default period: the latest report in the file. Exit 2 when the file cannot be
read or has no such report.
"""
from __future__ import annotations

import argparse
import json
import unicodedata

from egov_desktop.commands import common
from egov_desktop.core import periods
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import N_, Msg, gettext_for, _
from egov_desktop.core.model import PERIODS, PlanDocument, Report
from egov_desktop.core.scoring import score_report
from egov_desktop.core.values import format_number, format_percent, format_value

NAME = "score"
HELP = N_("score a progress report in a plan exchange file")

COLUMNS = (N_("Indicator"), N_("Weight"), N_("Achievement"), N_("Percent"), N_("Score"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help=_("exchange file (.json)"))
    parser.add_argument("--period", choices=PERIODS, help=_("report period (default: the latest report)"))
    parser.add_argument("--json", action="store_true", help=_("print the score as JSON"))


def latest_report(doc: PlanDocument) -> Report | None:
    """The report whose period ends last; of two ending together, the longer (H1 over Q2, annual over Q4)."""
    fy = periods.FiscalYear.parse(doc.plan.fiscal_year)
    return max(
        doc.reports,
        key=lambda r: (periods.period_range(fy, r.period)[1], -periods.period_range(fy, r.period)[0].toordinal()),
        default=None,
    )


def _width(text: str) -> int:
    """Terminal cells: combining marks (Bangla hasanta, nukta, chandrabindu) take none."""
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 1 for c in text)


def text_table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows of texts as aligned lines (the columns in `right` right-aligned); templates and consolidate print
    theirs so too."""
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            cells.append(pad + cell if i in right else cell + pad)
        lines.append("  ".join(cells).rstrip())
    return lines


def rounded(x: float) -> float:
    """A figure in JSON: six places (consolidate --json rounds as score --json does, to compare them)."""
    return round(x, 6)


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    doc = common.load_or_report(args.file, lang, args.json)
    if doc is None:
        return common.EXIT_UNREADABLE
    report = doc.report(args.period) if args.period else latest_report(doc)
    if report is None:
        if args.period:
            msg = Msg(N_("the file has no report for {period}"), {"period": periods.period_name(args.period, lang)})
        else:
            msg = Msg(N_("the file has no progress report"))
        if args.json:
            common.print_json_error(msg, "reports", lang)
        else:
            common.err(msg.render(lang))
        return common.EXIT_UNREADABLE
    result = score_report(doc.plan, report, doc.reports)
    if args.json:
        common.out(
            json.dumps(
                {
                    "period": report.period,
                    "indicators": [
                        {
                            "code": s.code,
                            "weight": s.weight,
                            "value": s.value.isoformat() if hasattr(s.value, "isoformat") else s.value,
                            "percent": rounded(s.percent),
                            "score": rounded(s.score),
                            "not_applicable": s.not_applicable,
                            "scorable": s.scorable,
                        }
                        for s in result.indicators
                    ],
                    "areas": [
                        {"code": a.code, "total": rounded(a.total), "out_of": rounded(a.out_of)}
                        for a in result.areas.values()
                    ],
                    "total": rounded(result.total),
                    "out_of": rounded(result.out_of),
                    "percent": rounded(result.percent),
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return common.EXIT_OK
    fy = periods.FiscalYear.parse(doc.plan.fiscal_year)
    common.out(f"{doc.plan.title} {fy.label(lang)}: {periods.period_name(report.period, lang)}")
    common.out("")
    not_applicable = gettext_for(lang, N_("not applicable"))
    rows = [[gettext_for(lang, c) for c in COLUMNS]]
    # One score per indicator, in plan order (by code, a code used twice would take the other's unit), with its
    # own entry, as scored (a twin's is its own).
    for s, ind, entry in zip(result.indicators, doc.plan.indicators(), report.entries_of(doc.plan)):
        unit = ind.unit
        # An indicator of several target dates (NIS 1.6) shows the dates met.
        dates = format_value(entry.dates, "dates", lang) if entry is not None and entry.dates else ""
        rows.append(
            [
                localize_digits(s.code, lang),
                format_number(s.weight, lang),
                format_value(s.value, unit, lang) or dates or "—",
                not_applicable if s.not_applicable else format_percent(s.percent, lang),
                "—" if s.not_applicable else format_number(s.score, lang),
            ]
        )
    for line in text_table(rows, right={1, 2, 3, 4}):
        common.out(line)
    common.out("")
    if not doc.plan.is_flat:
        for a in result.areas.values():
            area = {"code": a.code, "total": format_number(a.total, lang), "out_of": format_number(a.out_of, lang)}
            common.out(Msg(N_("Area {code}: {total} / {out_of}"), area).render(lang))
    total = Msg(
        N_("Marks obtained {total} / {out_of} ({percent})"),
        {
            "total": format_number(result.total, lang),
            "out_of": format_number(result.out_of, lang),
            "percent": format_percent(result.percent, lang),
        },
    )
    common.out(total.render(lang))
    return common.EXIT_OK
