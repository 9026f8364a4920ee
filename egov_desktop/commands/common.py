"""What the CLI commands share (egov_desktop/cli.py only dispatches to them).

- exit codes: EXIT_OK 0, EXIT_ERRORS 1 (the content has errors, or the operation was refused), EXIT_UNREADABLE 2
  (the input cannot be read or used);
- output: `out`, `err` (UTF-8 whatever the console), `written`, `cannot_write`;
- the database: `add_db_argument`, `add_take_over_argument`, `open_store`, `report_store_error`;
- an exchange file from outside: `load_or_report`, `print_json_error`;
- a finding as --json prints it: `finding_json`;
- the plan a command works on, from an exchange file or the database by fiscal year and kind:
  `add_plan_arguments`, `open_plan`, `open_db_plan`, `find_plan`, `Source`.

Each helper that can fail prints its own reason in the chosen language and returns None, so commands stay a
straight line of steps and never show a traceback. The store is imported only by the helpers that open it:
`egov-desktop check` does not pay for SQLAlchemy.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.files import os_error_msg
from egov_desktop.core.i18n import N_, Msg, _
from egov_desktop.core.model import PERIODS, PLAN_KIND_NAMES, PLAN_KINDS, PlanDocument
from egov_desktop.store.dialect import database_target, is_server, shown

if TYPE_CHECKING:
    from egov_desktop.store.service import Store, StoreError

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


# ------------------------------------------------------------------ output

def _utf8(text: str) -> bytes:
    """UTF-8 whatever the console's code page (Windows consoles default to cp437). A file name given in
    bytes that are not UTF-8 is written back as those bytes; another lone surrogate (a JSON escape in a
    hostile file) as "?"."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")


def out(text: str) -> None:
    sys.stdout.buffer.write(_utf8(text + "\n"))
    sys.stdout.flush()


def err(text: str) -> None:
    sys.stderr.buffer.write(_utf8(text + "\n"))
    sys.stderr.flush()


def written(path, lang: str) -> int:
    """Say that a command wrote `path`; the exit code of success."""
    out(f"{path}: " + Msg(N_("written")).render(lang))
    return EXIT_OK


def cannot_write(path, exc: OSError, lang: str) -> int:
    """Say why `path` could not be written; the exit code for it."""
    err(os_error_msg(exc, path).render(lang))
    return EXIT_UNREADABLE


# ------------------------------------------------------------------ the database

def add_db_argument(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument("--db", type=database_target, default=default,
                        help=_("database file (default: the per-user data folder), or the office's server: "
                               "postgresql://USER@HOST[:PORT]/DBNAME"))


def copied(msgid: str, counts: dict[str, int], lang: str) -> str:
    """A copy's message (db copy, a server's backup or restore) with what it copied: plans, reports, audit."""
    return Msg(msgid, {"plans": counts["plan"], "reports": counts["report"], "audit": counts["audit"]}).render(lang)


def add_lang_after_action(parser: argparse.ArgumentParser) -> None:
    """--lang after a command's action too (`evidence add ... --lang en`); SUPPRESS keeps the value given
    before the action."""
    from egov_desktop.core.i18n import LANGUAGES

    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=_("language of the messages (default bn)"))


def add_take_over_argument(parser: argparse.ArgumentParser) -> None:
    """For the commands that write: the take-over that DatabaseInUse offers when the writer named in the
    lock file is another computer that may have crashed."""
    parser.add_argument("--take-over", action="store_true",
                        help=_("take over the database from another computer that crashed or is switched off"))


def report_store_error(path: Path | str, exc: "StoreError", lang: str) -> None:
    """Why the database cannot be used; for a lock another computer may have left, how to take it over."""
    err(f"{shown(path)}: {exc.render(lang)}")
    if getattr(exc, "can_take_over", False):
        err(Msg(N_("To take it over, run the command again with --take-over.")).render(lang))


def refused(exc: "StoreError") -> int:
    """The exit code of an operation the store did not do: 2 when the database could not be reached (the
    server went down meanwhile), 1 when the store refused it."""
    from egov_desktop.store.dialect import ServerUnreachable

    return EXIT_UNREADABLE if isinstance(exc, ServerUnreachable) else EXIT_ERRORS


def open_store(args: argparse.Namespace, readonly: bool = False, create: bool = False) -> "Store | None":
    """The store at --db (or the default), or None after printing why it cannot be opened. Commands that
    only read open it read-only (so they work while the program has it open); only `create` makes a new one
    where there is none (a mistyped --db is said, not made)."""
    from egov_desktop.paths import default_db_path
    from egov_desktop.store.service import Store, StoreError

    path = args.db or default_db_path()
    if not create and not is_server(path) and not path.exists():
        err(f"{path}: " + Msg(N_("the database file does not exist")).render(args.lang))
        return None
    try:
        if readonly and not is_server(path):
            from egov_desktop.store.engine import inspect_database

            # A database from an older version is upgraded first, which takes opening it to write.
            readonly = not inspect_database(path).needs_upgrade
        return Store.open(path, readonly=readonly, take_over=getattr(args, "take_over", False))
    except StoreError as exc:
        report_store_error(path, exc, args.lang)
        return None


# ------------------------------------------------------------------ an exchange file from outside

def import_plan(store, doc: PlanDocument, replace: bool) -> None:
    """A whole plan into the database as one undo step; with `replace`, the plan of the same kind and year
    there goes first (the store refuses a clash otherwise, and a plan with a sealed report). StoreError."""
    with store.group(Msg(N_("Import {title} {year}"), {"title": doc.plan.title, "year": doc.plan.fiscal_year})):
        existing = store.find_plan(doc.plan.fiscal_year, doc.plan.kind)
        if existing is not None and replace:
            store.delete_plan(existing)
        store.import_document(doc)


def load_or_report(path: str, lang: str, as_json: bool = False) -> PlanDocument | None:
    """The document, or None after printing why it cannot be read (through core.guarded: a regular file of a
    bounded size). With `as_json` the reason goes to the output as JSON, as the command's answer would have."""
    from egov_desktop.core import exchange

    try:
        return exchange.load(path)
    except exchange.ExchangeError as exc:
        if as_json:
            print_json_error(exc.msg, exc.where, lang)
        else:
            # The reason says what is wrong; the path keeps its own digits.
            err(f"{path}: {exc.render(lang)}")
        return None


def print_json_error(msg: Msg, where: str, lang: str) -> None:
    """A --json command that cannot answer still prints JSON, so a script can read why."""
    out(json.dumps({"error": {"message": msg.render(lang), "where": where}}, ensure_ascii=False, indent=2))


def finding_json(f, lang: str) -> dict:
    """A rules.Finding for --json: severity, rule, where (core.address's written form), message; and, of one of two
    indicators with one code (a twin), its "occurrence" (2 for the second; as an exchange file's entry names it),
    which "where" also carries ("1.1.1#2/weight"). Absent otherwise, so output without twins is as before."""
    found = {"severity": f.severity, "rule": f.rule, "where": str(f.where), "message": f.message(lang)}
    occurrence = getattr(f.where, "occurrence", None)  # a table import's findings name a file's cell, as text
    return found if occurrence is None else found | {"occurrence": occurrence}


# ------------------------------------------------------------------ the plan a command works on

def add_plan_arguments(parser: argparse.ArgumentParser, file: bool = True) -> None:
    if file:
        parser.add_argument("file", nargs="?", help=_("exchange file (.json); or give --fiscal-year and --db"))
    parser.add_argument("--fiscal-year", type=to_latin_digits, help=_("e.g. 2023-24 (the plan in the database)"))
    parser.add_argument("--kind", choices=PLAN_KINDS, default="egov_innovation", help=_("plan kind"))
    add_db_argument(parser)
    parser.add_argument("--period", required=True, choices=PERIODS, help=_("report period"))


@dataclass
class Source:
    doc: PlanDocument
    store: object | None = None  # the open Store when the plan came from the database
    plan_key: int | None = None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def find_plan(store, args: argparse.Namespace) -> int | None:
    """The key of the plan of --fiscal-year/--kind in the open store, or None after saying there is none."""
    key = store.find_plan(args.fiscal_year, args.kind)
    if key is None:
        kind = Msg(PLAN_KIND_NAMES.get(args.kind, PLAN_KIND_NAMES["other"]))
        err(Msg(N_("There is no {kind} for fiscal year {year} in the database."),
                {"kind": kind, "year": args.fiscal_year}).render(args.lang))
    return key


def open_plan(args: argparse.Namespace, readonly: bool = True) -> Source | None:
    """The plan of --fiscal-year/--kind in the database (store left open, read-only unless asked), or the
    exchange file."""
    if getattr(args, "file", None):
        doc = load_or_report(args.file, args.lang)
        return None if doc is None else Source(doc)
    if not args.fiscal_year:
        err(Msg(N_("Give an exchange file, or --fiscal-year for a plan in the database.")).render(args.lang))
        return None
    from egov_desktop.store.service import StoreError

    store = open_store(args, readonly=readonly)
    if store is None:
        return None
    try:
        key = find_plan(store, args)
        if key is None:
            store.close()
            return None
        return Source(store.document_as_signed(key, args.period), store, key)
    except StoreError as exc:
        err(exc.render(args.lang))
        store.close()
        return None


def open_db_plan(args: argparse.Namespace) -> Source | None:
    """For commands that change the database: its plan of --fiscal-year/--kind, or None after saying why."""
    if not args.fiscal_year:
        err(Msg(N_("Give --fiscal-year (and --db) of the plan in the database.")).render(args.lang))
        return None
    return open_plan(args, readonly=False)
