"""PlanDocument -> rows, through a journaling `Tx` (reading them back is reading.py).

The mapping is exact: every field and "x-" extension of the exchange format has a
column, numbers are JSON (int stays int), and rows keep their file order by `position`.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from egov_desktop.core import exchange
from egov_desktop.core.model import DateWindow, Indicator, Memo, Office, PlanDocument, Report, Value, places
from egov_desktop.store.journal import Tx
from egov_desktop.store.reading import ALTERNATIVE_KEY, OFFICE_FIELDS
from egov_desktop.store.tables import TABLES


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def value_to_json(value: Value) -> Any:
    if isinstance(value, DateWindow):
        return {"from": value.start.isoformat(), "to": value.end.isoformat()}
    return value.isoformat() if isinstance(value, dt.date) else value


def _list_to_json(values: list | None) -> list | None:
    return None if values is None else [value_to_json(v) for v in values]


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


def _alternative_to_json(alt) -> dict:
    if alt is None:
        return {}
    return {ALTERNATIVE_KEY: {"code": alt.code, "title": alt.title, "unit": alt.unit,
                              "targets": [value_to_json(v) for v in alt.targets], "condition": alt.condition,
                              "extras": alt.extras or None}}


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
