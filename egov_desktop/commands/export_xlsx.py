"""`egov-desktop export-xlsx (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.xlsx`:
the report as an Excel workbook, in the Word table's layout, numbers kept as numbers (export/xlsx_report.py).

Exit 0 when written, 1 when the export is refused (no such report, a signed report whose content no longer
matches its seal), 2 when the input cannot be read or the file cannot be written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.commands.export_docx import run_export
from egov_desktop.core.i18n import N_, _
from egov_desktop.export.fonts import FONT_CHOICES

NAME = "export-xlsx"
HELP = N_("export the report as an Excel workbook")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser)
    parser.add_argument("--out", required=True, type=Path,
                        help=_("Excel file to write (.xlsx), or a folder: the file is named after office, plan and period"))
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help=_("Bangla font (default Nikosh)"))
    parser.add_argument("--no-score", action="store_true", help=_("leave out the percent and score columns"))
    # settings_from reads these too; the memo's layout does not apply to a workbook.
    parser.set_defaults(one_line_date=False, no_numbering=False, not_by_seniority=False)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.export.xlsx_report import export_xlsx

    return run_export(args, ".xlsx", lambda doc, out, settings: export_xlsx(
        doc, args.period, out, font=args.font, settings=settings))
