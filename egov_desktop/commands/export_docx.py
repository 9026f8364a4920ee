"""`egov-desktop export-docx (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.docx
[--parts memo,report] [--font NAME]`: the Word memo and report.

Exit 0 when written, 1 when the export is refused (no such report, no memo for a
memo-only export, a signed report whose content no longer matches its seal),
2 when the input cannot be read or the file cannot be written.
"""
from __future__ import annotations

import argparse

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
    parser.add_argument("--out", required=True, help="Word file to write (.docx)")
    parser.add_argument("--parts", type=_parts, default=("memo", "report"), help="memo,report (default), memo or report")
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help="Bangla font (default Nikosh)")
    parser.add_argument("--one-line-date", action="store_true", help='memo date as "10/01/2022 AD" only')
    parser.add_argument("--no-score", action="store_true", help="leave out the percent and score columns")


def settings_from(args: argparse.Namespace):
    from egov_desktop.export.docx_report import ExportSettings

    return ExportSettings(date_style="gregorian" if getattr(args, "one_line_date", False) else "both",
                          include_score=not getattr(args, "no_score", False), lang=args.lang)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.export.docx_report import ExportError, export_docx

    source = open_plan(args)
    if source is None:
        return cli.EXIT_UNREADABLE
    source.close()
    try:
        export_docx(source.doc, args.period, args.out, parts=args.parts, font=args.font, settings=settings_from(args))
    except ExportError as exc:
        cli.err(exc.render(args.lang))
        return cli.EXIT_ERRORS
    except OSError as exc:
        cli.err(f"{args.out}: " + Msg(N_("cannot write the file: {reason}"), {"reason": exc.strerror or exc})
                .render(args.lang))
        return cli.EXIT_UNREADABLE
    cli.out(f"{args.out}: " + Msg(N_("written")).render(args.lang))
    return cli.EXIT_OK
