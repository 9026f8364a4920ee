"""`egov-desktop package --fiscal-year Y --period P [--kind K | --all-plans] [--db PATH] --out F.zip`: the
submission package (docs/PACKAGE.md): the Word file of each report (memo, report, the plan carried inside),
its exchange document, its evidence files and a manifest, in one .zip for the upper office.

Exit 0 when written (a package over 20 MB is written too, with a warning: most government mail refuses it),
1 when refused (no such report, no memo, a signed report changed since), 2 when the database cannot be read
or the file cannot be written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.commands.export_docx import add_setting_arguments, settings_from
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.export.fonts import FONT_CHOICES

NAME = "package"
HELP = N_("make the submission package (.zip): the Word report, its evidence files and a manifest")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser, file=False)
    parser.add_argument("--all-plans", action="store_true",
                        help=_("every governance plan of --fiscal-year that has a report of the period"))
    parser.add_argument("--out", required=True, type=Path, help=_("package to write (.zip)"))
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help=_("Bangla font of the Word file"))
    add_setting_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.export import package
    from egov_desktop.export.docx_report import ExportError
    from egov_desktop.store.service import StoreError

    if not args.fiscal_year:
        common.err(Msg(N_("Give --fiscal-year (and --db) of the plan in the database.")).render(args.lang))
        return common.EXIT_UNREADABLE
    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        if args.all_plans:
            keys = [p.key for p in store.list_plans() if p.fiscal_year == args.fiscal_year]
        else:
            key = common.find_plan(store, args)
            if key is None:
                return common.EXIT_UNREADABLE
            keys = [key]
        data, summary = package.from_store(
            store, keys, args.period, args.font, lambda key, doc: settings_from(args, common.Source(doc, store, key)),
            args.lang, several=args.all_plans)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    except StoreError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_UNREADABLE
    finally:
        store.close()
    from egov_desktop.core.files import write_atomic

    try:
        write_atomic(args.out, data)
    except OSError as exc:
        return common.cannot_write(args.out, exc, args.lang)
    common.written(args.out, args.lang)
    common.out(summary.render(args.lang))
    warning = package.size_warning(len(data))
    if warning is not None:
        common.err(warning.render(args.lang))
    return common.EXIT_OK
