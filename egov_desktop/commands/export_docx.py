"""`egov-desktop export-docx (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.docx
[--parts memo,report] [--font NAME]`: the Word memo and report.

Exit 0 when written, 1 when the export is refused (no such report, no memo for a
memo-only export, a signed report whose content no longer matches its seal),
2 when the input cannot be read or the file cannot be written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.export.fonts import FONT_CHOICES

NAME = "export-docx"
HELP = N_("export the forwarding memo and report as a Word file")


def _parts(text: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in text.split(",") if p.strip())
    if not parts or set(parts) - {"memo", "report"}:
        raise argparse.ArgumentTypeError("memo, report or memo,report")
    return parts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser)
    parser.add_argument("--out", required=True, type=Path,
                        help=_("Word file to write (.docx), or a folder: the file is named after office, plan and period"))
    parser.add_argument("--parts", type=_parts, default=("memo", "report"), help=_("memo,report (default), memo or report"))
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help=_("Bangla font (default Nikosh)"))
    parser.add_argument("--all-plans", action="store_true",
                        help=_("every governance plan of --fiscal-year in one file (the memo, then each plan's report)"))
    add_setting_arguments(parser)


def add_setting_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--one-line-date", action="store_true", help=_('memo date as "10/01/2022 AD" only'))
    parser.add_argument("--no-numbering", action="store_true", help=_("do not number the memo's paragraphs"))
    parser.add_argument("--not-by-seniority", action="store_true", help=_('add "not in order of seniority" to the copies'))
    parser.add_argument("--no-score", action="store_true", help=_("leave out the percent and score columns"))
    parser.add_argument("--short-attention", action="store_true", help=_('attention line in the short form "[Attn: ...]"'))


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
    if getattr(args, "short_attention", False):  # export-xlsx shares these settings but has no memo
        settings.attention_style = "short"
    settings.lang = args.lang
    return settings


def _run_all_plans(args: argparse.Namespace) -> int:
    """--all-plans: the period's reports of every plan of the fiscal year in the database, in one file."""
    from egov_desktop.export.docx_report import ExportError, export_all_plans

    if args.file or not args.fiscal_year:
        common.err(Msg(N_("--all-plans takes the plans of --fiscal-year from the database (--db), not a file."))
                .render(args.lang))
        return common.EXIT_UNREADABLE
    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        keys = [p.key for p in store.list_plans() if p.fiscal_year == args.fiscal_year]
        docs = [store.document_as_signed(key, args.period) for key in keys]
        settings = settings_from(args, common.Source(None, store, None))
        memo = _office_memo(store, docs, args.fiscal_year, args.period)
    finally:
        store.close()
    try:
        export_all_plans(docs, args.period, args.out, parts=args.parts, font=args.font, settings=settings,
                         memo=memo)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    except OSError as exc:
        return common.cannot_write(args.out, exc, args.lang)
    return common.written(args.out, args.lang)


def _office_memo(store, docs, fiscal_year: str, period: str):
    """The memo of the all-plans file: of the office of the first plan in annex order (None when no plan has
    a report of the period: the export says so)."""
    import datetime as dt

    from egov_desktop.core.apa import in_annex_order

    plans = in_annex_order(docs, period)
    if not plans:
        return None
    return store.all_plans_memo_or_new(store.office_of(plans[0].plan.key), fiscal_year, period, dt.date.today())


def run(args: argparse.Namespace) -> int:
    from egov_desktop.export.docx_report import export_docx

    if args.all_plans:
        return _run_all_plans(args)
    return run_export(args, ".docx", lambda doc, out, settings: export_docx(
        doc, args.period, out, parts=args.parts, font=args.font, settings=settings))


def run_export(args: argparse.Namespace, suffix: str, write) -> int:
    """An export of the plan's report to a file (`write(doc, out, settings)`): the plan from the file or the
    database, the saved settings and the flags, `--out` a file or a folder; shared by export-docx and
    export-xlsx."""
    from egov_desktop.export.docx_report import ExportError, default_file_name

    source = common.open_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    try:
        settings = settings_from(args, source)
    finally:
        source.close()
    out = args.out
    try:
        # Inside the error handling: a name over 255 bytes makes even this question fail (ENAMETOOLONG).
        if out.is_dir():
            out = out / default_file_name(source.doc, args.period, args.lang, suffix=suffix)
        write(source.doc, out, settings)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    except OSError as exc:
        return common.cannot_write(out, exc, args.lang)
    return common.written(out, args.lang)
