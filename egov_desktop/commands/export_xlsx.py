"""`egov-desktop export-xlsx (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.xlsx`:
the report as an Excel workbook, in the Word table's layout, numbers kept as numbers (export/xlsx_report.py).

Exit 0 when written, 1 when the export is refused (no such report, a signed report whose content no longer
matches its seal), 2 when the input cannot be read or the file cannot be written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.commands.export_docx import settings_from
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
    from egov_desktop.export.docx_report import ExportError, default_file_name
    from egov_desktop.export.xlsx_report import export_xlsx

    source = common.open_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    try:
        settings = settings_from(args, source)
    finally:
        source.close()
    out = args.out
    try:
        if out.is_dir():
            out = out / default_file_name(source.doc, args.period, args.lang, suffix=".xlsx")
        export_xlsx(source.doc, args.period, out, font=args.font, settings=settings)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    except OSError as exc:
        return common.cannot_write(out, exc, args.lang)
    return common.written(out, args.lang)
