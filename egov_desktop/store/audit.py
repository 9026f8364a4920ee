"""The audit log: who changed what, when, from which value to which."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, or_, select
from sqlalchemy.engine import Connection

from egov_desktop.store.dialect import server_role
from egov_desktop.store.lock import user_name
from egov_desktop.store.documents import now_iso
from egov_desktop.store.reading import OFFICER_NAME, setting_row
from egov_desktop.store.tables import TABLES

# The audit operations that make a plan (plans.py): the first line of every indicator's history.
PLAN_MADE = ("import", "from_template", "blank", "copy_to_next_year")


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


def who(conn: Connection) -> str:
    """Who is making a change, as the audit log, a sign-off and a reopening record it: on a server the
    officer's own role, else the officer's name kept in the database, else the computer's login."""
    return server_role(conn) or officer_name(conn) or user_name()  # on a server, no read of the setting


def write_audit(conn: Connection, rows: list[dict]) -> None:
    if rows:
        at, user = now_iso(), who(conn)
        conn.execute(insert(TABLES["audit"]), [r | {"at": at, "user": user} for r in rows])


def officer_name(conn: Connection) -> str | None:
    row = setting_row(conn, OFFICER_NAME, None, None)
    return None if row is None else row["value"]


def read_audit(conn: Connection, plan_key: int | None = None, indicator_key: int | None = None) -> list[AuditEntry]:
    t = TABLES["audit"]
    q = select(t).order_by(t.c.id)
    if plan_key is not None:
        q = q.where(t.c.plan_id == plan_key)
    if indicator_key is not None:
        mine = or_(t.c.indicator_id == indicator_key, (t.c.entity == "indicator") & (t.c.entity_key == indicator_key))
        if plan_key is not None:  # how the plan was made is where the indicator's history begins
            mine = or_(mine, (t.c.entity == "plan") & t.c.operation.in_(PLAN_MADE))
        q = q.where(mine)
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
