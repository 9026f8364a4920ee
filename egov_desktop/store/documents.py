"""PlanDocument <-> rows. Writing goes through a journaling `Tx`; reading is plain selects.

The mapping is exact: every field and "x-" extension of the exchange format has a
column, numbers are JSON (int stays int), and rows keep their file order by `position`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from egov_desktop.core import exchange
from egov_desktop.core.evidence import EVIDENCE_KEY
from egov_desktop.core.model import (
    OFFICE_TEXT_FIELDS,
    Activity,
    Alternative,
    Area,
    DateWindow,
    Entry,
    Indicator,
    Level,
    Memo,
    Office,
    Plan,
    PlanDocument,
    places,
    Report,
    Signatory,
    Signoff,
    Value,
)
from egov_desktop.store.journal import Tx, batches
from egov_desktop.store.tables import TABLES

OFFICE_FIELDS = ("name", "tier", *OFFICE_TEXT_FIELDS)


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def value_to_json(value: Value) -> Any:
    if isinstance(value, DateWindow):
        return {"from": value.start.isoformat(), "to": value.end.isoformat()}
    return value.isoformat() if isinstance(value, dt.date) else value


def value_from_json(value: Any, unit: str) -> Value:
    """A stored value of `unit` (an indicator's value_unit); a date target may be a window."""
    if value is not None and unit == "date":
        if isinstance(value, dict):
            return DateWindow(dt.date.fromisoformat(value["from"]), dt.date.fromisoformat(value["to"]))
        return dt.date.fromisoformat(value)
    return value


def _list_to_json(values: list | None) -> list | None:
    return None if values is None else [value_to_json(v) for v in values]


def _list_from_json(values: list | None, unit: str) -> list | None:
    return None if values is None else [value_from_json(v, unit) for v in values]


def rows(conn: Connection, table: str, column: str, keys) -> list[dict]:
    keys = list(keys)
    if not keys:
        return []
    t = TABLES[table]
    q = select(t).where(t.c[column].in_(keys))
    if "position" in t.c:
        q = q.order_by(t.c[column], t.c.position)
    # Tuples zipped with the names: a mapping per row costs more than the query itself.
    names = [c.name for c in t.c]
    found = [dict(zip(names, r)) for r in conn.execute(q).all()]
    seen = conn.info.get(SEEN)
    if seen is not None and "version" in t.c:  # what the user is shown: an edit is checked against it
        seen.update(((table, r["id"]), r["version"]) for r in found)
    return found


# conn.info's key of the versions a reading records (UnitOfWork.read): table, id -> version.
SEEN = "egov_seen"


# --------------------------------------------------------------------- reading


def read_office(row: dict) -> Office:
    return Office(**{f: row[f] for f in OFFICE_FIELDS}, extras=row["extras"] or {})


def read_document(conn: Connection, plan_id: int) -> PlanDocument | None:
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


def entry_files(conn: Connection, entry_ids) -> dict[int, list[dict]]:
    """entry id -> its evidence files in order: {"name", "sha256", "type", "size", "file_id"} (no content)."""
    link, f = TABLES["entry_evidence"], TABLES["evidence_file"]
    out: dict[int, list[dict]] = {}
    for part in batches(entry_ids):
        q = (select(link.c.entry_id, link.c.name, f.c.sha256, f.c.media_type, f.c.size, f.c.id)
             .join(f, f.c.id == link.c.file_id).where(link.c.entry_id.in_(part))
             .order_by(link.c.entry_id, link.c.position))
        for entry_id, name, sha, media_type, size, file_id in conn.execute(q).all():
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


# --------------------------------------------------------------------- writing


def find_or_add_office(tx: Tx, office: Office) -> int:
    """The office row with exactly these header fields, or a new one (so the round trip stays exact)."""
    t = TABLES["office"]
    for r in tx.conn.execute(select(t).where(t.c.name == office.name)).mappings():
        if all(r[f] == getattr(office, f) for f in OFFICE_FIELDS) and (r["extras"] or {}) == office.extras:
            return r["id"]
    return tx.insert("office", {f: getattr(office, f) for f in OFFICE_FIELDS} | {"extras": office.extras or None})


def memo_values(m: Memo) -> dict[str, Any]:
    s = m.signatory
    return {
        "number": m.number,
        "date": m.date.isoformat() if m.date else None,
        "subject": m.subject,
        "reference": m.reference,
        "body": list(m.body),
        "attachment": m.attachment,
        "signatory_name": s.name,
        "signatory_designation": s.designation,
        "signatory_phone": s.phone,
        "signatory_email": s.email,
        "signatory_extras": s.extras or None,
        "recipient": list(m.recipient),
        "attention": m.attention,
        "copies": list(m.copies),
        "copies_purpose": m.copies_purpose,
        "extras": m.extras or None,
    }


def write_plan(tx: Tx, doc: PlanDocument, office_id: int) -> int:
    """Insert the plan, its levels, areas, activities and indicators (no reports)."""
    p = doc.plan
    plan_id = tx.insert(
        "plan",
        {
            "office_id": office_id,
            "kind": p.kind,
            "title": p.title,
            "fiscal_year": p.fiscal_year,
            "total_weight": p.total_weight,
            "scoring": p.scoring,
            "extras": p.extras or None,
            "doc_notes": doc.notes,
            "doc_extras": doc.extras or None,
            "created_at": now_iso(),
        },
    )
    for i, lv in enumerate(p.levels):
        tx.insert(
            "level",
            {"plan_id": plan_id, "position": i, "ident": lv.id, "label": lv.label, "percent": lv.percent,
             "extras": lv.extras or None},
        )
    for i, area in enumerate(p.areas):
        area_id = tx.insert(
            "area",
            {"plan_id": plan_id, "position": i, "code": area.code, "title": area.title, "weight": area.weight,
             "extras": area.extras or None},
        )
        for j, act in enumerate(area.activities):
            act_id = tx.insert(
                "activity",
                {"area_id": area_id, "position": j, "code": act.code, "title": act.title,
                 "extras": act.extras or None},
            )
            for k, ind in enumerate(act.indicators):
                tx.insert("indicator", indicator_values(ind) | {"activity_id": act_id, "position": k})
    return plan_id


def indicator_values(ind: Indicator) -> dict[str, Any]:
    return {
        "code": ind.code,
        "title": ind.title,
        "unit": ind.unit,
        "weight": ind.weight,
        "targets": [value_to_json(v) for v in ind.targets],
        "scoring": ind.scoring,
        "aggregation": ind.aggregation,
        "evidence": ind.evidence,
        "responsible": ind.responsible,
        "quarter_targets": _list_to_json(ind.quarter_targets),
        "target_dates": _list_to_json(ind.target_dates),
        "previous_actuals": _list_to_json(ind.previous_actuals),
        "extras": (ind.extras | _alternative_to_json(ind.alternative)) or None,
    }


# Format 1.1's alternative indicator (GRS with no complaint) and an entry's "it applied", kept in the rows' extras
# (JSON) under this key, which no exchange extension ("x-...") can take: no migration for them this session
# (0006 and 0007 are being written elsewhere).
ALTERNATIVE_KEY = "alternative"


def _alternative_to_json(alt) -> dict:
    if alt is None:
        return {}
    return {ALTERNATIVE_KEY: {"code": alt.code, "title": alt.title, "unit": alt.unit,
                              "targets": [value_to_json(v) for v in alt.targets], "condition": alt.condition,
                              "extras": alt.extras or None}}


def _alternative_from_json(raw: dict | None):
    if not raw:
        return None
    return Alternative(code=raw["code"], title=raw["title"], unit=raw["unit"],
                       targets=[value_from_json(v, raw["unit"]) for v in raw["targets"]],
                       condition=raw.get("condition"), extras=raw.get("extras") or {})


def indicator_ids_by_place(conn: Connection, plan_id: int) -> dict[tuple[str, int | None], int]:
    """The plan's indicators' row ids by their place as an entry names it (Plan.places: the code, and of two or
    more indicators with one code the occurrence, counted in plan order)."""
    ind, act, area = TABLES["indicator"], TABLES["activity"], TABLES["area"]
    q = (
        select(ind.c.code, ind.c.id)
        .join(act, act.c.id == ind.c.activity_id)
        .join(area, area.c.id == act.c.area_id)
        .where(area.c.plan_id == plan_id)
        .order_by(area.c.position, act.c.position, ind.c.position)
    )
    found = conn.execute(q).all()
    return dict(zip(places(code for code, _key in found), (key for _code, key in found)))


def write_report(tx: Tx, plan_id: int, position: int, report: Report,
                 places: dict[tuple[str, int | None], int]) -> int:
    s = report.signoff
    report_id = tx.insert(
        "report",
        {
            "plan_id": plan_id,
            "position": position,
            "period": report.period,
            "status": report.status,
            "revision": report.revision,
            "signoff_name": s.name if s else None,
            "signoff_designation": s.designation if s else None,
            "signoff_at": s.signed_at.isoformat() if s else None,
            "signoff_digest": s.digest if s else None,
            "signoff_extras": (s.extras or None) if s else None,
            "extras": report.extras or None,
        },
    )
    for i, e in enumerate(report.entries):
        tx.insert(
            "entry",
            {
                "report_id": report_id,
                "indicator_id": places[e.place],
                "position": i,
                "value": value_to_json(e.value),
                "not_applicable": e.not_applicable,
                "narrative": e.narrative,
                "evidence": e.evidence,
                "remarks": e.remarks,
                "dates": _list_to_json(e.dates),
                "period_value": e.period_value,
                "numerator": e.numerator,
                "denominator": e.denominator,
                "extras": (e.extras | ({ALTERNATIVE_KEY: True} if e.alternative else {})) or None,
            },
        )
    if report.memo is not None:
        tx.insert("memo", memo_values(report.memo) | {"report_id": report_id})
    return report_id


def snapshot(doc: PlanDocument, period: str) -> str:
    """The exchange document as signed: the plan with just this one report."""
    only = PlanDocument(
        office=doc.office,
        plan=doc.plan,
        reports=[r for r in doc.reports if r.period == period],
        notes=doc.notes,
        version=doc.version,
        extras=doc.extras,
    )
    return exchange.dumps(only)
