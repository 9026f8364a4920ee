"""Moving an office between an SQLite file and the office's server, either way (`egov-desktop db copy`), and
a server's backups (backup.py): every row of every table (plans, reports, memos, sign-offs, settings,
evidence files, the audit log), under the same ids, in one transaction on the target, verified before it
commits: the exchange document of every plan and the audit log read back from the target equal the
source's. The source is read in one snapshot (dialect.snapshot), so a copy of a server that officers are
editing is the state of one moment: never an edit's new value without its audit row, or the reverse."""
from __future__ import annotations

from sqlalchemy import delete, func, insert, select

from egov_desktop.core import exchange
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store import dialect
from egov_desktop.store import reading
from egov_desktop.store.audit import read_audit
from egov_desktop.store.errors import StoreError
from egov_desktop.store.tables import TABLES, metadata

BATCH = 2_000


class TargetNotEmpty(StoreError):
    """The target already holds data: copying over it needs --replace."""


def copy_database(source, target, replace: bool = False) -> dict[str, int]:
    """Copy every row of `source` (a Store) into `target` (a Store, current schema); rows per table.
    A target holding data is refused (TargetNotEmpty) unless `replace`, which empties it first, in the
    same transaction. Raises StoreError when the copy does not read back as the source; a failure of any
    kind leaves the target as it was."""
    tables = metadata.sorted_tables  # parents before children
    counts: dict[str, int] = {}
    with source._engine.connect() as plain, target._engine.connect() as dst:
        src = dialect.snapshot(plain)
        with src.begin(), dst.begin():
            if not replace and any(dst.execute(select(func.count()).select_from(t)).scalar() for t in tables):
                raise TargetNotEmpty(Msg(N_("The target database already holds data. To copy over it (its "
                                            "data is replaced), run the command again with --replace.")))
            for t in reversed(tables):
                dst.execute(delete(t))
            for t in tables:
                counts[t.name] = 0
                result = src.execute(select(t).order_by(t.c.id))
                while rows := result.mappings().fetchmany(BATCH):
                    dst.execute(insert(t), [dict(r) for r in rows])
                    counts[t.name] += len(rows)
            dialect.after_copy(dst, tables)
            # Inside both transactions: the source's snapshot against what the target would commit.
            if _contents(src) != _contents(dst):
                raise StoreError(Msg(N_("The copy does not read back as the original; do not use it.")))
            # Windows open on the target (a server) show what was there: they read it all again once this commits.
            target._uow.announce_replaced(dst, {t.name for t in tables})
    return counts


def _contents(conn) -> tuple[dict[int, str], list]:
    """What a database says, as a reader sees it: every plan's exchange document, and the audit log."""
    p = TABLES["plan"]
    plans = {key: exchange.dumps(reading.read_document(conn, key)) for key in conn.execute(select(p.c.id)).scalars()}
    return plans, read_audit(conn)
