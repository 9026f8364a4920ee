"""`egov-desktop evidence add|list|remove`: the evidence files (প্রমাণক) of a report's entries, kept inside the
database.

    evidence add --fiscal-year Y [--kind K] --period P --indicator CODE FILE... [--db PATH]
    evidence list --fiscal-year Y [--kind K] --period P [--indicator CODE] [--db PATH]
    evidence remove --fiscal-year Y [--kind K] --period P --indicator CODE NAME... [--db PATH]

Every file is checked before the database is opened (its type by its content, at most 20 MB), and all of them
are attached in one undoable step, or none. Exit 0 when done, 1 when refused (the report is signed off, a name
is taken or unknown), 2 when a file or the database cannot be read.
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import N_, Msg, _

NAME = "evidence"
HELP = N_("attach, list or remove the evidence files of a report")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="add|list|remove",
                                help=_("what to do with the evidence files"))
    add = sub.add_parser("add", help=_("attach evidence files to an indicator's entry"),
                         description=_("attach evidence files to an indicator's entry"))
    _common(add, indicator_required=True)
    add.add_argument("files", nargs="+", metavar="FILE", help=_("PDF, JPEG, PNG, .docx or .xlsx, 20 MB each at most"))
    common.add_take_over_argument(add)
    lst = sub.add_parser("list", help=_("list the evidence files of a report"),
                         description=_("list the evidence files of a report"))
    _common(lst, indicator_required=False)
    remove = sub.add_parser("remove", help=_("remove evidence files from an indicator's entry"),
                            description=_("remove evidence files from an indicator's entry"))
    _common(remove, indicator_required=True)
    remove.add_argument("names", nargs="+", metavar="NAME", help=_("the evidence file's name as listed"))
    common.add_take_over_argument(remove)


def _common(parser: argparse.ArgumentParser, indicator_required: bool) -> None:
    common.add_lang_after_action(parser)
    common.add_plan_arguments(parser, file=False)
    parser.add_argument("--indicator", required=indicator_required, metavar="CODE", type=to_latin_digits,
                        help=_("indicator code"))


def run(args: argparse.Namespace) -> int:
    from egov_desktop.core import evidence
    from egov_desktop.core.guarded import Unreadable
    from egov_desktop.store.service import StoreError

    if not args.fiscal_year:
        common.err(Msg(N_("Give --fiscal-year (and --db) of the plan in the database.")).render(args.lang))
        return common.EXIT_UNREADABLE
    files = []
    for path in getattr(args, "files", ()):
        try:
            files.append(evidence.read(path))
        except Unreadable as exc:
            common.err(f"{path}: {exc.render(args.lang)}")
            return common.EXIT_UNREADABLE
    store = common.open_store(args, readonly=args.action == "list")
    if store is None:
        return common.EXIT_UNREADABLE
    try:
        plan = common.find_plan(store, args)
        if plan is None:
            return common.EXIT_UNREADABLE
        keys = {ind.code: ind.key for ind in store.get_document(plan).plan.indicators()}
        if args.indicator is not None and args.indicator not in keys:
            common.err(Msg(N_("There is no indicator {code} in the plan."), {"code": args.indicator}).render(args.lang))
            return common.EXIT_ERRORS
        if args.action == "add":
            store.attach_evidence(plan, args.period, keys[args.indicator], files)
            for f in files:
                common.out(Msg(N_("{name}: attached to {code}"), {"name": f.name, "code": args.indicator})
                           .render(args.lang))
        elif args.action == "remove":
            with store.group(Msg(N_("Remove evidence"))):
                for name in args.names:
                    store.remove_evidence(plan, args.period, keys[args.indicator], name)
            for name in args.names:
                common.out(Msg(N_("{name}: removed from {code}"), {"name": name, "code": args.indicator})
                           .render(args.lang))
        else:
            _list(store.evidence_files(plan, args.period), keys, args)
    except StoreError as exc:
        common.err(exc.render(args.lang))
        return common.refused(exc)
    finally:
        store.close()
    return common.EXIT_OK


def _list(files: dict[int, list[dict]], keys: dict[str, int], args: argparse.Namespace) -> None:
    """One line per file, in plan order: the indicator code, the name, the type and the size."""
    from egov_desktop.core.evidence import TYPE_NAMES

    for code, key in keys.items():
        if args.indicator is not None and code != args.indicator:
            continue
        for f in files.get(key, ()):
            common.out(f"{code}\t{f['name']}\t{TYPE_NAMES[f['type']]}\t{f['size']}\t{f['sha256']}")
