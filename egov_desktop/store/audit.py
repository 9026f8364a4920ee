"""The audit log: who changed what, when, from which value to which."""
from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.engine import Connection

from egov_desktop.store.documents import now_iso
from egov_desktop.store.tables import TABLES


def user_name() -> str:
    """The operating-system user: the person at the office PC."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account, a stripped container)
        return "?"


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    user: str
    operation: str  # "set_target", "undo set_target", "sign_off", ...
    entity: str  # table: "indicator", "entry", "memo", "report", ...
    entity_key: int | None
    plan_key: int | None
    period: str | None
    indicator_key: int | None
    indicator_code: str | None
    field: str | None
    old: Any  # decoded JSON
    new: Any


def write_audit(conn: Connection, rows: list[dict]) -> None:
    if rows:
        at, user = now_iso(), user_name()
        conn.execute(insert(TABLES["audit"]), [r | {"at": at, "user": user} for r in rows])


def read_audit(conn: Connection, plan_key: int | None = None, indicator_key: int | None = None) -> list[AuditEntry]:
    t = TABLES["audit"]
    q = select(t).order_by(t.c.id)
    if plan_key is not None:
        q = q.where(t.c.plan_id == plan_key)
    if indicator_key is not None:
        q = q.where(or_(t.c.indicator_id == indicator_key, (t.c.entity == "indicator") & (t.c.entity_key == indicator_key)))
    return [
        AuditEntry(
            at=dt.datetime.fromisoformat(r["at"]),
            user=r["user"],
            operation=r["operation"],
            entity=r["entity"],
            entity_key=r["entity_key"],
            plan_key=r["plan_id"],
            period=r["period"],
            indicator_key=r["indicator_id"],
            indicator_code=r["indicator_code"],
            field=r["field"],
            old=json.loads(r["old"]) if r["old"] is not None else None,
            new=json.loads(r["new"]) if r["new"] is not None else None,
        )
        for r in conn.execute(q).mappings()
    ]
