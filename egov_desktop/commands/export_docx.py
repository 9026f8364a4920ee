"""`egov-desktop export-docx (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.docx
[--parts memo,report] [--font NAME]`: the Word memo and report.

Exit 0 when written, 1 when the export is refused (no such report, no memo for a
memo-only export, a signed report whose content no longer matches its seal),
2 when the input cannot be read or the file cannot be written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop import cli
from egov_desktop.core.i18n import N_, Msg
from egov_desktop.export.cli_source import add_plan_arguments, open_plan
from egov_desktop.export.fonts import FONT_CHOICES

NAME = "export-docx"
HELP = N_("export the forwarding memo and report as a Word file")


def _parts(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    if not parts or set(parts) - {"memo", "report"}:
        raise argparse.ArgumentTypeError("memo, report or memo,report")
    return parts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_plan_arguments(parser)
    parser.add_argument("--out", required=True, type=Path,
                        help="Word file to write (.docx), or a folder: the file is named after office, plan and period")
    parser.add_argument("--parts", type=_parts, default=("memo", "report"), help="memo,report (default), memo or report")
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help="Bangla font (default Nikosh)")
    parser.add_argument("--all-plans", action="store_true",
                        help="every governance plan of --fiscal-year in one file (the memo, then each plan's report)")
    add_setting_arguments(parser)


def add_setting_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--one-line-date", action="store_true", help='memo date as "10/01/2022 AD" only')
    parser.add_argument("--no-numbering", action="store_true", help="do not number the memo's paragraphs")
    parser.add_argument("--not-by-seniority", action="store_true", help='add "not in order of seniority" to the copies')
    parser.add_argument("--no-score", action="store_true", help="leave out the percent and score columns")


def settings_from(args: argparse.Namespace, source):
    """The export settings saved in the database for the plan (or for all plans), then the command's flags."""
    from egov_desktop.export.docx_report import ExportSettings, saved_settings

    settings = saved_settings(source.store, source.plan_key) if source.store is not None else ExportSettings()
    if args.one_line_date:
        settings.date_style = "gregorian"
    if args.no_numbering:
        settings.number_paragraphs = False
    if args.not_by_seniority:
        settings.not_by_seniority = True
    if args.no_score:
        settings.include_score = False
    settings.lang = args.lang
    return settings


def _run_all_plans(args: argparse.Namespace) -> int:
    """--all-plans: the period's reports of every plan of the fiscal year in the database, in one file."""
    from egov_desktop.commands.import_json import open_store
    from egov_desktop.export.cli_source import Source
    from egov_desktop.export.docx_report import ExportError, export_all_plans

    if args.file or not args.fiscal_year:
        cli.err(Msg(N_("--all-plans takes the plans of --fiscal-year from the database (--db), not a file."))
                .render(args.lang))
        return cli.EXIT_UNREADABLE
    store = open_store(args, readonly=True)
    if store is None:
        return cli.EXIT_UNREADABLE
    try:
        keys = [p.key for p in store.list_plans() if p.fiscal_year == args.fiscal_year]
        docs = [store.document_as_signed(key, args.period) for key in keys]
        settings = settings_from(args, Source(None, store, None))
    finally:
        store.close()
    try:
        export_all_plans(docs, args.period, args.out, parts=args.parts, font=args.font, settings=settings)
    except ExportError as exc:
        cli.err(exc.render(args.lang))
        return cli.EXIT_ERRORS
    except OSError as exc:
        return cli.cannot_write(args.out, exc, args.lang)
    return cli.written(args.out, args.lang)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.export.docx_report import ExportError, default_file_name, export_docx

    if args.all_plans:
        return _run_all_plans(args)
    source = open_plan(args)
    if source is None:
        return cli.EXIT_UNREADABLE
    try:
        settings = settings_from(args, source)
    finally:
        source.close()
    out = args.out
    try:
        # Inside the error handling: a name over 255 bytes makes even this question fail (ENAMETOOLONG).
        if out.is_dir():
            out = out / default_file_name(source.doc, args.period, args.lang)
        export_docx(source.doc, args.period, out, parts=args.parts, font=args.font, settings=settings)
    except ExportError as exc:
        cli.err(exc.render(args.lang))
        return cli.EXIT_ERRORS
    except OSError as exc:
        return cli.cannot_write(out, exc, args.lang)
    return cli.written(out, args.lang)
