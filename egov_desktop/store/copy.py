"""Moving an office between an SQLite file and the office's server, either way (`egov-desktop db copy`):
every row of every table (plans, reports, memos, sign-offs, settings, the audit log), under the same ids,
in one transaction on the target, then verified: the exchange document of every plan and the audit log
read back from the target equal the source's."""
from __future__ import annotations

from sqlalchemy import delete, func, insert, select

from egov_desktop.core import exchange
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.store import dialect
from egov_desktop.store.audit import read_audit
from egov_desktop.store.errors import StoreError
from egov_desktop.store.tables import metadata

BATCH = 2_000


class TargetNotEmpty(StoreError):
    """The target already holds data: copying over it needs --replace."""


def copy_database(source, target, replace: bool = False) -> dict[str, int]:
    """Copy every row of `source` (a Store) into `target` (a Store, current schema); rows per table.
    A target holding data is refused (TargetNotEmpty) unless `replace`, which empties it first, in the
    same transaction (a failure leaves it as it was). Raises StoreError when the copy does not verify."""
    tables = metadata.sorted_tables  # parents before children
    counts: dict[str, int] = {}
    with source._engine.connect() as src, target._engine.connect() as dst, dst.begin():
        if not replace and any(dst.execute(select(func.count()).select_from(t)).scalar() for t in tables):
            raise TargetNotEmpty(Msg(N_("The target database already holds data. To copy over it (its data "
                                        "is replaced), run the command again with --replace.")))
        for t in reversed(tables):
            dst.execute(delete(t))
        for t in tables:
            counts[t.name] = 0
            result = src.execute(select(t).order_by(t.c.id))
            while rows := result.mappings().fetchmany(BATCH):
                dst.execute(insert(t), [dict(r) for r in rows])
                counts[t.name] += len(rows)
        dialect.after_copy(dst, tables)
    _verify(source, target)
    return counts


def _verify(source, target) -> None:
    """The target reads back as the source: every plan's exchange document, and the audit log."""
    mine = {p.key: exchange.dumps(source.get_document(p.key)) for p in source.list_plans()}
    theirs = {p.key: exchange.dumps(target.get_document(p.key)) for p in target.list_plans()}
    if mine != theirs or _audit(source) != _audit(target):
        raise StoreError(Msg(N_("The copy does not read back as the original; do not use it.")))


def _audit(store) -> list:
    with store._uow.read() as conn:
        return read_audit(conn)
