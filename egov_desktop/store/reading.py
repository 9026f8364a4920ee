"""Reading the store: a plan as its exchange document, the plan list, settings, rows by id.

Each read is SQL text that runs on either connection the store has: its own sqlite3 connection
(database.py), through which an SQLite file is always read here, and through which the window's first
frame reads before SQLAlchemy is even imported (13.6: it was a quarter of the start-up); or a SQLAlchemy
connection (a server; a write transaction that reads what it changes; a copy's snapshot). One function,
the same statement, whichever: named parameters (":name"), which sqlite3 and SQLAlchemy's text() both
take, and double-quoted names, which SQLite and PostgreSQL both read. The columns are tables.py's as
schema.py writes them out (a test keeps the two equal), and a JSON column is decoded here as
tables.JSONText decodes it.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterator

from egov_desktop.core.evidence import EVIDENCE_KEY
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import (
    Activity,
    Alternative,
    Area,
    DateWindow,
    Entry,
    Indicator,
    Level,
    Memo,
    OFFICE_TEXT_FIELDS,
    Office,
    Plan,
    PlanDocument,
    Report,
    Signatory,
    Signoff,
    Value,
)
from egov_desktop.store import schema
from egov_desktop.store.errors import StoreError

# Each table's columns in tables.py's order, and those holding JSON (tables.JSONText) or a Boolean (0/1 in SQLite).
COLUMNS = {t: tuple(cols) for t, cols in schema.COLUMNS.items()}
JSON_COLUMNS = {t: frozenset(c for c, kind in cols.items() if kind == schema.JSON)
                for t, cols in schema.COLUMNS.items()}
BOOLEAN_COLUMNS = {t: frozenset(c for c, kind in cols.items() if kind == "BOOLEAN")
                   for t, cols in schema.COLUMNS.items()}
_SELECT = {t: "SELECT " + ", ".join(f'"{c}"' for c in cols) + f' FROM "{t}"' for t, cols in COLUMNS.items()}

# conn.info's key of the versions a reading records (database.Database.read): table, id -> version.
SEEN = "egov_seen"
# The setting holding the officer's own name (asked once by the program): who the audit log says made a
# change. Until it is given, the operating-system login stands in.
OFFICER_NAME = "officer_name"
# Format 1.1's alternative indicator (GRS with no complaint) and an entry's "it applied", kept in the rows' extras
# (JSON) under this key, which no exchange extension ("x-...") can take.
ALTERNATIVE_KEY = "alternative"
# Ids per statement: SQLite takes at most 32,766 parameters.
BATCH = 10_000
OFFICE_FIELDS = ("name", "tier", *OFFICE_TEXT_FIELDS)


def no_plan() -> StoreError:
    return StoreError(Msg(N_("The plan was not found; it may have been deleted.")))


def batches(keys) -> Iterator[list]:
    """Ids in lists short enough for one statement."""
    keys = list(keys)
    for i in range(0, len(keys), BATCH):
        yield keys[i:i + BATCH]


def fetch(conn, sql: str, params: dict[str, Any]) -> list[tuple]:
    """The rows of `sql` on the store's sqlite3 connection or on a SQLAlchemy one (only then is SQLAlchemy
    needed, and it is loaded already)."""
    if isinstance(conn, sqlite3.Connection):
        return conn.execute(sql, params).fetchall()
    from sqlalchemy import text

    return conn.execute(text(sql), params).all()


def _in(column: str, keys: list) -> tuple[str, dict[str, Any]]:
    """`column IN (...)` with a parameter per key."""
    params = {f"k{i}": key for i, key in enumerate(keys)}
    return f'{column} IN ({", ".join(":" + name for name in params)})', params


def select_rows(conn, table: str, where: str, params: dict[str, Any], order: str = "") -> list[dict]:
    """Whole rows of `table` (every column, JSON decoded) that `where` selects."""
    sql = f"{_SELECT[table]} WHERE {where}" + (f" ORDER BY {order}" if order else "")
    names = COLUMNS[table]
    # Tuples zipped with the names: a mapping per row costs more than the query itself.
    found = [dict(zip(names, r)) for r in fetch(conn, sql, params)]
    decode = [c for c in names if c in JSON_COLUMNS[table]]
    flags = [c for c in names if c in BOOLEAN_COLUMNS[table]]
    for row in found:
        for c in decode:
            if row[c] is not None:
                row[c] = json.loads(row[c])
        for c in flags:
            if row[c] is not None:
                row[c] = bool(row[c])
    return found


def rows(conn, table: str, column: str, keys) -> list[dict]:
    """The rows of `table` whose `column` is one of `keys`, in (column, position) order where rows have a
    position. The versions of what is read are recorded where the reading records them (SEEN): what the user
    is shown is what an edit is checked against."""
    keys = list(keys)
    if not keys:
        return []
    where, params = _in(f'"{column}"', keys)
    found = select_rows(conn, table, where, params, f'"{column}", "position"' if "position" in COLUMNS[table] else "")
    seen = conn.info.get(SEEN)
    if seen is not None and "version" in COLUMNS[table]:
        seen.update(((table, r["id"]), r["version"]) for r in found)
    return found


def read_row(conn, table: str, key: int) -> dict | None:
    return next(iter(rows(conn, table, "id", [key])), None)


def setting_row(conn, key: str, plan_key: int | None, fiscal_year: str | None) -> dict | None:
    """The setting `key` of one plan, one fiscal year, or everything (both None)."""
    where = ['"key" = :key', '"plan_id" IS NULL' if plan_key is None else '"plan_id" = :plan_id',
             '"fiscal_year" IS NULL' if fiscal_year is None else '"fiscal_year" = :fiscal_year']
    found = select_rows(conn, "setting", " AND ".join(where),
                        {"key": key, "plan_id": plan_key, "fiscal_year": fiscal_year})
    return found[0] if found else None


@dataclass(frozen=True)
class PlanSummary:
    key: int
    kind: str
    title: str
    fiscal_year: str
    office_key: int
    office_name: str
    # period -> status, for the reports that exist
    reports: dict[str, str] = field(default_factory=dict, hash=False)


def list_plans(conn) -> list[PlanSummary]:
    """Every plan, the newest fiscal year first, with its office and the status of each of its reports."""
    plans = fetch(conn, 'SELECT p."id", p."kind", p."title", p."fiscal_year", o."id", o."name" FROM "plan" AS p '
                        'JOIN "office" AS o ON o."id" = p."office_id" ORDER BY p."fiscal_year" DESC, p."kind"', {})
    reports: dict[int, dict[str, str]] = {}
    for plan_id, period, status in fetch(conn, 'SELECT "plan_id", "period", "status" FROM "report" ORDER BY "position"',
                                         {}):
        reports.setdefault(plan_id, {})[period] = status
    return [PlanSummary(k, kind, t, fy, ok, on, reports.get(k, {})) for k, kind, t, fy, ok, on in plans]


# --------------------------------------------------------------------- a plan as its document


def value_from_json(value: Any, unit: str) -> Value:
    """A stored value of `unit` (an indicator's value_unit); a date target may be a window."""
    if value is not None and unit == "date":
        if isinstance(value, dict):
            return DateWindow(dt.date.fromisoformat(value["from"]), dt.date.fromisoformat(value["to"]))
        return dt.date.fromisoformat(value)
    return value


def _list_from_json(values: list | None, unit: str) -> list | None:
    return None if values is None else [value_from_json(v, unit) for v in values]


def read_office(row: dict) -> Office:
    return Office(**{f: row[f] for f in OFFICE_FIELDS}, extras=row["extras"] or {})


def read_document(conn, plan_id: int) -> PlanDocument | None:
    plan_row = next(iter(rows(conn, "plan", "id", [plan_id])), None)
    if plan_row is None:
        return None
    office_row = rows(conn, "office", "id", [plan_row["office_id"]])[0]
    levels = [
        Level(id=r["ident"], label=r["label"], percent=r["percent"], extras=r["extras"] or {})
        for r in rows(conn, "level", "plan_id", [plan_id])
    ]
    areas = {
        r["id"]: Area(code=r["code"], title=r["title"], weight=r["weight"], key=r["id"], extras=r["extras"] or {})
        for r in rows(conn, "area", "plan_id", [plan_id])
    }
    activities = {}
    for r in rows(conn, "activity", "area_id", areas):
        act = Activity(code=r["code"], title=r["title"], key=r["id"], extras=r["extras"] or {})
        activities[r["id"]] = (r["area_id"], act)
    indicators = {}
    for r in rows(conn, "indicator", "activity_id", activities):
        ind = Indicator(
            code=r["code"],
            title=r["title"],
            unit=r["unit"],
            weight=r["weight"],
            targets=[],
            scoring=r["scoring"],
            aggregation=r["aggregation"],
            evidence=r["evidence"],
            responsible=r["responsible"],
            key=r["id"],
            extras=dict(r["extras"] or {}),
        )
        ind.alternative = _alternative_from_json(ind.extras.pop(ALTERNATIVE_KEY, None))
        unit = ind.value_unit
        ind.targets = [value_from_json(v, unit) for v in r["targets"]]
        ind.quarter_targets = _list_from_json(r["quarter_targets"], unit)
        ind.target_dates = _list_from_json(r["target_dates"], "date")
        ind.previous_actuals = _list_from_json(r["previous_actuals"], unit)
        indicators[r["id"]] = (r["activity_id"], ind)
    # Children come ordered by (parent, position); attach in parent order below.
    for activity_id, ind in indicators.values():
        activities[activity_id][1].indicators.append(ind)
    for area_id, act in activities.values():
        areas[area_id].activities.append(act)
    plan = Plan(
        kind=plan_row["kind"],
        title=plan_row["title"],
        fiscal_year=plan_row["fiscal_year"],
        total_weight=plan_row["total_weight"],
        levels=levels,
        areas=list(areas.values()),
        scoring=plan_row["scoring"],
        key=plan_id,
        extras=plan_row["extras"] or {},
    )
    report_rows = rows(conn, "report", "plan_id", [plan_id])
    reports = {r["id"]: _report(r) for r in report_rows}
    entry_rows = rows(conn, "entry", "report_id", reports)
    # The occurrence an entry carries in the exchange format, for twins (two indicators with one code).
    occurrence = {ind.key: n for ind, (_code, n) in zip(plan.indicators(), plan.places())}
    files = entry_files(conn, [r["id"] for r in entry_rows])
    for r in entry_rows:
        ind = indicators[r["indicator_id"]][1]
        extras = dict(r["extras"] or {})
        alternative = bool(extras.pop(ALTERNATIVE_KEY, False))
        reports[r["report_id"]].entries.append(
            Entry(
                indicator=ind.code,
                alternative=alternative,
                value=value_from_json(r["value"], ind.reported(Entry(ind.code, alternative=alternative)).value_unit),
                not_applicable=bool(r["not_applicable"]),
                narrative=r["narrative"],
                evidence=r["evidence"],
                remarks=r["remarks"],
                dates=_list_from_json(r["dates"], "date"),
                period_value=r["period_value"],
                numerator=r["numerator"],
                denominator=r["denominator"],
                occurrence=occurrence[r["indicator_id"]],
                extras=_with_files(extras, files.get(r["id"])),
                indicator_key=r["indicator_id"],
            )
        )
    for r in rows(conn, "memo", "report_id", reports):
        reports[r["report_id"]].memo = read_memo(r)
    return PlanDocument(
        office=read_office(office_row),
        plan=plan,
        reports=list(reports.values()),
        notes=plan_row["doc_notes"],
        extras=plan_row["doc_extras"] or {},
    )


def entry_files(conn, entry_ids) -> dict[int, list[dict]]:
    """entry id -> its evidence files in order: {"name", "sha256", "type", "size", "file_id"} (no content)."""
    out: dict[int, list[dict]] = {}
    for part in batches(entry_ids):
        where, params = _in('l."entry_id"', part)
        sql = ('SELECT l."entry_id", l."name", f."sha256", f."media_type", f."size", f."id" FROM "entry_evidence" AS l '
               f'JOIN "evidence_file" AS f ON f."id" = l."file_id" WHERE {where} ORDER BY l."entry_id", l."position"')
        for entry_id, name, sha, media_type, size, file_id in fetch(conn, sql, params):
            out.setdefault(entry_id, []).append(
                {"name": name, "sha256": sha, "type": media_type, "size": size, "file_id": file_id})
    return out


def _with_files(extras: dict, files: list[dict] | None) -> dict:
    """The entry's extras with its attached files listed: the digest of a signed report covers them."""
    if not files:
        return extras
    return extras | {EVIDENCE_KEY: [{k: f[k] for k in ("name", "sha256", "type", "size")} for f in files]}


def _report(r: dict) -> Report:
    signoff = None
    if r["signoff_name"] is not None:
        signoff = Signoff(
            name=r["signoff_name"],
            designation=r["signoff_designation"],
            signed_at=dt.datetime.fromisoformat(r["signoff_at"]),
            digest=r["signoff_digest"],
            extras=r["signoff_extras"] or {},
        )
    return Report(
        period=r["period"],
        status=r["status"],
        signoff=signoff,
        revision=r["revision"],
        key=r["id"],
        extras=r["extras"] or {},
    )


def read_memo(r: dict) -> Memo:
    return Memo(
        number=r["number"],
        date=dt.date.fromisoformat(r["date"]) if r["date"] else None,
        subject=r["subject"],
        reference=r["reference"],
        body=list(r["body"] or []),
        attachment=r["attachment"],
        signatory=Signatory(
            name=r["signatory_name"],
            designation=r["signatory_designation"],
            phone=r["signatory_phone"],
            email=r["signatory_email"],
            extras=r["signatory_extras"] or {},
        ),
        recipient=list(r["recipient"] or []),
        attention=r["attention"],
        copies=list(r["copies"] or []),
        copies_purpose=r["copies_purpose"],
        extras=r["extras"] or {},
    )


def _alternative_from_json(raw: dict | None):
    if not raw:
        return None
    return Alternative(code=raw["code"], title=raw["title"], unit=raw["unit"],
                       targets=[value_from_json(v, raw["unit"]) for v in raw["targets"]],
                       condition=raw.get("condition"), extras=raw.get("extras") or {})


# --------------------------------------------------------------------- the reading room


class Reads:
    """The store's reads of plans and settings (Store forwards to them): all the window's first frame asks
    for, so opening a plan loads none of the rooms that write, nor SQLAlchemy on an SQLite file."""

    def __init__(self, db):
        self.db = db  # database.Database

    def list_plans(self) -> list[PlanSummary]:
        with self.db.read() as conn:
            return list_plans(conn)

    def get_document(self, plan_key: int) -> PlanDocument:
        """The plan with its reports, every row's `key` set (also the document an exchange file is written from)."""
        with self.db.read() as conn:
            doc = read_document(conn, plan_key)
        if doc is None:
            raise no_plan()
        return doc

    def read_row(self, table: str, key: int) -> dict | None:
        with self.db.read() as conn:
            return read_row(conn, table, key)

    def plan_row(self, plan_key: int) -> dict:
        row = self.read_row("plan", plan_key)
        if row is None:
            raise no_plan()
        return row

    def get_setting(self, key: str, plan_key: int | None = None, fiscal_year: str | None = None,
                    default: Any = None) -> Any:
        with self.db.read() as conn:
            row = setting_row(conn, key, plan_key, fiscal_year)
        return default if row is None else row["value"]

    def deadlines(self, plan_key: int | None = None, fiscal_year: str | None = None) -> dict[str, dt.date]:
        """The report deadlines of a plan (its own table, else its fiscal year's, else the APA calendar's),
        or of a fiscal year with no plan given (its table, else the calendar's)."""
        fy = self.plan_row(plan_key)["fiscal_year"] if plan_key is not None else fiscal_year
        table = ((plan_key is not None and self.get_setting("deadlines", plan_key=plan_key))
                 or self.get_setting("deadlines", fiscal_year=fy))
        if table:
            return {p: dt.date.fromisoformat(d) for p, d in table.items()}
        from egov_desktop.core.periods import FiscalYear, default_deadlines

        return default_deadlines(FiscalYear.parse(fy))
