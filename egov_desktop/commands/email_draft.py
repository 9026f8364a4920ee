"""`egov-desktop email-draft (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.eml
[--docx FILE.docx] [--package [F.zip]] [--to ADDRESS ...] [--cc ADDRESS ...]`: an e-mail draft with the memo as
text and the Word file attached.

Without --docx the Word file is exported beside the draft (same name, .docx). --package attaches the
submission package too (docs/PACKAGE.md): the one given, or, without a file, one made from the database beside
the draft (same name, .zip), with the warning the package command gives over 20 MB. To is
the office profile's recipient addresses (from the database), --to replaces them;
Cc is the profile's copy addresses, --cc replaces them. A profile without recipient
addresses (or an exchange file) falls back to the addresses written in the recipient
lines; the draft may go out with To empty, for the user to fill in.
Exit 0 written, 1 refused (no memo, a malformed address), 2 unreadable/unwritable.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.commands.export_docx import add_setting_arguments, settings_from
from egov_desktop.export.fonts import FONT_CHOICES

NAME = "email-draft"
HELP = N_("write an e-mail draft (.eml) with the memo and the Word file attached")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    common.add_plan_arguments(parser)
    parser.add_argument("--out", required=True, type=Path, help=_("draft to write (.eml)"))
    parser.add_argument("--docx", type=Path, help=_("Word file to attach (default: export one beside the draft)"))
    parser.add_argument("--package", nargs="?", const="", type=str, metavar="F.zip",
                        help=_("attach the submission package too: this file, or without one a package made beside "
                               "the draft (from the database)"))
    parser.add_argument("--to", action="append", default=[],
                        help=_("recipient address (repeatable; replaces the office profile's)"))
    parser.add_argument("--cc", action="append", default=[],
                        help=_("copy address (repeatable; replaces the office profile's)"))
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help=_("Bangla font of the Word file"))
    add_setting_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core.emails import AddressError, parse_addresses
    from egov_desktop.core.files import write_atomic
    from egov_desktop.core.guarded import Unreadable
    from egov_desktop.export import package
    from egov_desktop.export.docx_report import ExportError, export_docx
    from egov_desktop.export.email_draft import draft_addresses, write_eml

    try:
        given_to, given_cc = parse_addresses(args.to), parse_addresses(args.cc)
    except AddressError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    for given in (args.docx, Path(args.package) if args.package else None):
        if given is not None and not given.exists():  # said before the plan is opened; a pipe is refused on reading
            common.err(f"{given}: " + Msg(N_("the file does not exist")).render(args.lang))
            return common.EXIT_UNREADABLE
    make_package = args.package == ""
    if make_package and not args.fiscal_year:
        common.err(Msg(N_("A package is made from the plan in the database: give --fiscal-year (and --db), or the "
                          "package's file after --package.")).render(args.lang))
        return common.EXIT_UNREADABLE
    source = common.open_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    packed = None
    try:
        profile = None
        if source.store is not None:
            profile = source.store.office_profile(source.store.office_of(source.plan_key))
        to, cc = draft_addresses(source.doc, args.period, profile)
        to, cc = given_to or to, given_cc or cc
        settings = settings_from(args, source)
        if make_package:
            packed, _summary = package.from_store(source.store, [source.plan_key], args.period, args.font,
                                                  lambda key, doc: settings, args.lang)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    finally:
        source.close()
    docx_path = args.docx or args.out.with_suffix(".docx")
    package_path = args.out.with_suffix(".zip") if make_package else Path(args.package) if args.package else None
    writing = docx_path  # the file named when writing fails
    try:
        if args.docx is None:
            export_docx(source.doc, args.period, docx_path, font=args.font, settings=settings)
        if packed is not None:
            writing = package_path
            write_atomic(package_path, packed)
        writing = args.out
        write_eml(source.doc, args.period, docx_path, args.out, to, settings=settings, cc=cc,
                  package_path=package_path)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    except Unreadable as exc:  # a --docx or --package given cannot be read (a pipe, a device, too large): named
        common.err(exc.render(args.lang))
        return common.EXIT_UNREADABLE
    except OSError as exc:
        return common.cannot_write(writing, exc, args.lang)
    common.written(args.out, args.lang)
    if package_path is not None:
        warning = package.size_warning(package_path.stat().st_size)
        if warning is not None:
            common.err(warning.render(args.lang))
    if not to:
        common.out(Msg(N_("No recipient address was found: fill in To in the mail program.")).render(args.lang))
    return common.EXIT_OK
