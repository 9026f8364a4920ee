"""`egov-desktop email-draft (FILE.json | --fiscal-year Y [--kind K] [--db PATH]) --period P --out OUT.eml
[--docx FILE.docx] [--to ADDRESS ...] [--cc ADDRESS ...]`: an e-mail draft with the memo as text and the
Word file attached.

Without --docx the Word file is exported beside the draft (same name, .docx). To is
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
    parser.add_argument("--to", action="append", default=[],
                        help=_("recipient address (repeatable; replaces the office profile's)"))
    parser.add_argument("--cc", action="append", default=[],
                        help=_("copy address (repeatable; replaces the office profile's)"))
    parser.add_argument("--font", choices=FONT_CHOICES, default="Nikosh", help=_("Bangla font of the Word file"))
    add_setting_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core.emails import AddressError, parse_addresses
    from egov_desktop.core.guarded import Unreadable
    from egov_desktop.export.docx_report import ExportError, export_docx
    from egov_desktop.export.email_draft import draft_addresses, write_eml

    try:
        given_to, given_cc = parse_addresses(args.to), parse_addresses(args.cc)
    except AddressError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    if args.docx is not None and not args.docx.exists():  # said before the plan is opened; a pipe is refused on reading
        common.err(f"{args.docx}: " + Msg(N_("the file does not exist")).render(args.lang))
        return common.EXIT_UNREADABLE
    source = common.open_plan(args)
    if source is None:
        return common.EXIT_UNREADABLE
    try:
        profile = None
        if source.store is not None:
            profile = source.store.office_profile(source.store.office_of(source.plan_key))
        to, cc = draft_addresses(source.doc, args.period, profile)
        to, cc = given_to or to, given_cc or cc
        settings = settings_from(args, source)
    finally:
        source.close()
    docx_path = args.docx or args.out.with_suffix(".docx")
    writing = docx_path  # the file named when writing fails
    try:
        if args.docx is None:
            export_docx(source.doc, args.period, docx_path, font=args.font, settings=settings)
        writing = args.out
        write_eml(source.doc, args.period, docx_path, args.out, to, settings=settings, cc=cc)
    except ExportError as exc:
        common.err(exc.render(args.lang))
        return common.EXIT_ERRORS
    except Unreadable as exc:  # the --docx given cannot be read (a pipe, a device, too large)
        common.err(f"{docx_path}: {exc.render(args.lang)}")
        return common.EXIT_UNREADABLE
    except OSError as exc:
        return common.cannot_write(writing, exc, args.lang)
    common.written(args.out, args.lang)
    if not to:
        common.out(Msg(N_("No recipient address was found: fill in To in the mail program.")).render(args.lang))
    return common.EXIT_OK
