"""`egov-desktop verify FILE.docx [--db PATH]`: does an exported Word file match a signed-off revision?

Exit 0 when it matches, 1 when it does not (unsigned, unknown revision, text changed),
2 when the file or the database cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, gettext_for, _

NAME = "verify"
HELP = N_("check an exported Word file against the signed-off revisions in the database")


def add_arguments(parser: argparse.ArgumentParser) -> None:

    parser.add_argument("file", help=_("exported Word file (.docx)"))
    common.add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core.guarded import Unreadable
    from egov_desktop.export.verify import verify_docx

    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        verdict = verify_docx(args.file, store)
    except Unreadable as exc:
        common.err(f"{args.file}: " + Msg(N_("not a readable Word (.docx) file: {reason}"), {"reason": exc.msg})
                .render(args.lang))
        return common.EXIT_UNREADABLE
    finally:
        store.close()
    (common.out if verdict.ok else common.err)(f"{args.file}: {verdict.msg.render(args.lang)}")
    if verdict.difference:
        in_file, signed = verdict.difference
        # The paragraphs are shown as they are, digits and all.
        in_file_label, signed_label = gettext_for(args.lang, N_("In the file:")), gettext_for(args.lang, N_("As signed:"))
        common.err(f"  {in_file_label} {in_file}")
        common.err(f"  {signed_label} {signed}")
    return common.EXIT_OK if verdict.ok else common.EXIT_ERRORS
