"""`egov-desktop verify FILE.docx|PACKAGE.zip [--db PATH]`: does an exported Word file (each one of a submission
package, once the package is found as its manifest says) match a signed-off revision?

Exit 0 when it matches, 1 when it does not (unsigned, unknown revision, text changed),
2 when the file or the database cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, gettext_for, _

NAME = "verify"
HELP = N_("check an exported Word file (or each one in a submission package) against the signed-off revisions in the database")


def add_arguments(parser: argparse.ArgumentParser) -> None:

    parser.add_argument("file", help=_("exported Word file (.docx), or a submission package (.zip)"))
    common.add_db_argument(parser)


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core.guarded import Unreadable
    from egov_desktop.export.package import PackageRefused
    from egov_desktop.export.verify import verify_file

    store = common.open_store(args, readonly=True)
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        verdicts = verify_file(args.file, store)
    except Unreadable as exc:
        what = N_("not a readable submission package: {reason}") if isinstance(exc, PackageRefused) else \
            N_("not a readable Word (.docx) file: {reason}")
        common.err(f"{args.file}: " + Msg(what, {"reason": exc.msg}).render(args.lang))
        return common.EXIT_UNREADABLE
    finally:
        store.close()
    for member, verdict in verdicts:
        where = args.file if member is None else f"{args.file}: {member}"
        (common.out if verdict.ok else common.err)(f"{where}: {verdict.msg.render(args.lang)}")
        if verdict.difference:
            in_file, signed = verdict.difference
            # The paragraphs are shown as they are, digits and all.
            in_file_label, signed_label = gettext_for(args.lang, N_("In the file:")), gettext_for(args.lang, N_("As signed:"))
            common.err(f"  {in_file_label} {in_file}")
            common.err(f"  {signed_label} {signed}")
    return common.EXIT_OK if all(v.ok for _, v in verdicts) else common.EXIT_ERRORS
