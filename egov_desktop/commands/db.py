"""`egov-desktop db upgrade --db PATH_OR_URL`: bring a database (an SQLite file or the office's server)
to this program's schema.

What an office's IT person runs after installing a new version (README, "The office's server"). Exit 0
when the database is current, 2 when it cannot be used (server down, wrong password, a database of
another program or of a newer program: said plainly, nothing changed).
"""
from __future__ import annotations

import argparse

from egov_desktop.commands import common
from egov_desktop.core.i18n import N_, Msg, _

NAME = "db"
HELP = N_("manage the database: upgrade it to this program's schema")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, help=_("what to do with the database"))
    upgrade = actions.add_parser("upgrade", help=_("upgrade the database (file or server) to this program's schema"))
    common.add_db_argument(upgrade)


def run(args: argparse.Namespace) -> int:
    return _upgrade(args)


def _upgrade(args: argparse.Namespace) -> int:
    from egov_desktop.store.engine import head_revision

    store = common.open_store(args, create=True)  # opening to write upgrades it (a file after a backup)
    if store is None:
        return common.EXIT_UNREADABLE
    store.close()
    common.out(Msg(N_("The database is at the newest schema ({revision})."), {"revision": head_revision()})
               .render(args.lang))
    return common.EXIT_OK
