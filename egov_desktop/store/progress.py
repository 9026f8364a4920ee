"""Progress and memo: an indicator's achievement in a period's report, and the report's forwarding
memo (both created when first written)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from egov_desktop.core import fields as check
from egov_desktop.core.evidence import EvidenceFile
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PERIODS, SIGNATORY_FIELDS, Memo
from egov_desktop.store.dialect import locking
from egov_desktop.store.documents import memo_values
from egov_desktop.store.reading import ALTERNATIVE_KEY, entry_files, read_memo, setting_row
from egov_desktop.store.errors import InvalidValue
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import Change, UnitOfWork, Work, no_row

# The memo fields whose column is named otherwise.
_MEMO_COLUMNS = {f"signatory.{k}": f"signatory_{k}" for k in SIGNATORY_FIELDS}


class Progress:
    def __init__(self, uow: UnitOfWork):
        self.uow = uow

    def set_entry_field(self, plan_key: int, period: str, indicator_key: int, field_name: str, value: Any) -> Change:
        """One field of an indicator's achievement in the `period` report (created when first written):
        value (the year-to-date figure; typed, or text as typed), not_applicable, narrative, evidence,
        remarks; and (format 1.1) period_value, the period's own figure, and a percent's numerator and
        denominator."""
        return self.set_entry_fields(plan_key, period, indicator_key, {field_name: value})

    def set_entry_fields(self, plan_key: int, period: str, indicator_key: int, values: dict[str, Any]) -> Change:
        """Several fields of one achievement (as set_entry_field) in one operation and one undo step: a
        quarter's own figure with the year-to-date it makes, a percent's counts with their rate."""
        check.choice(period, PERIODS)
        values = {name: _entry_field(name, value) for name, value in values.items()}

        def body(w: Work) -> None:
            ind = _indicator_of(w, plan_key, indicator_key)
            w.description = Msg(N_("Change the achievement of {code}"), {"code": ind["code"]})
            w.check_lock(plan_key, period)
            entry = _entry_row(w, plan_key, period, indicator_key)
            entry_id = entry["id"]
            for field_name, value in values.items():
                if field_name == "alternative":
                    _set_alternative(w, plan_key, period, ind, entry_id, value)
                    entry = None
                    continue
                if field_name == "period_value" and ind["unit"] == "date":
                    raise InvalidValue(Msg(N_("A date indicator has no figure of its own per period.")))
                new = check.check_value(value, _reported_unit(w, ind, entry_id)) \
                    if field_name in ("value", "period_value") else value
                w.set("set_entry_field", "entry", entry_id, {field_name: new}, plan_key, field_name,
                      period=period, indicator=ind, before=entry)
                entry = None  # read again: the write moved its version on

        return self.uow.run(Msg(N_("Change an achievement")), body)

    def set_entry_date(self, plan_key: int, period: str, indicator_key: int, index: int, value: Any) -> Change:
        """The day the indicator's `index`-th target date was met, in the `period` report (None: not yet)."""
        check.choice(period, PERIODS)
        day = check.check_value(value, "date")

        def body(w: Work) -> None:
            ind = _indicator_of(w, plan_key, indicator_key)
            count = len(ind["target_dates"] or ())
            if not (isinstance(index, int) and 0 <= index < count):
                raise InvalidValue(Msg(N_("There is no target date {index}."), {"index": index + 1}))
            w.description = Msg(N_("Change the achievement of {code}"), {"code": ind["code"]})
            w.check_lock(plan_key, period)
            entry = _entry_row(w, plan_key, period, indicator_key)
            dates = list(entry["dates"] or [None] * count)
            dates[index] = day
            w.set("set_entry_date", "entry", entry["id"], {"dates": dates}, plan_key, f"dates[{index}]",
                  period=period, indicator=ind, before=entry)

        return self.uow.run(Msg(N_("Change an achievement")), body)

    def set_memo_field(self, plan_key: int, period: str, field_name: str, value: Any) -> Change:
        """A field of the forwarding memo (created on first write, filled from the office profile):
        number, date, subject, reference, body, attachment, signatory.name/.designation/.phone/.email,
        recipient, attention, copies, copies_purpose."""
        check.choice(period, PERIODS)
        value = check.check_field(check.MEMO, field_name, value)
        column = _MEMO_COLUMNS.get(field_name, field_name)

        def body(w: Work) -> None:
            w.plan_row(plan_key)
            w.check_lock(plan_key, period)
            report_id = _ensure_report(w, plan_key, period)
            m = TABLES["memo"]
            memo_id = w.tx.conn.execute(select(m.c.id).where(m.c.report_id == report_id)).scalar_one_or_none()
            if memo_id is None:
                memo_id = w.tx.insert("memo", _memo_defaults(w, w.tx.row("plan", plan_key)["office_id"])
                                      | {"report_id": report_id})
            w.set("set_memo_field", "memo", memo_id, {column: value}, plan_key, field_name, period=period)
            if field_name == "number" and value:
                _bump_serial(w, w.tx.row("plan", plan_key)["office_id"], value)

        return self.uow.run(Msg(N_("Change the memo")), body)

    def all_plans_memo(self, office_key: int, fiscal_year: str, period: str) -> Memo | None:
        """The office's memo forwarding the `period` reports of all its plans of a fiscal year in one file
        (export-docx --all-plans); None while it has not been written."""
        with self.uow.read() as conn:
            row = setting_row(conn, _all_plans_key(office_key, period), None, fiscal_year)
        return None if row is None else read_memo(row["value"])

    def set_all_plans_memo_field(self, office_key: int, fiscal_year: str, period: str, field_name: str,
                                 value: Any) -> Change:
        """A field of the all-plans memo (as set_memo_field), created on first write from the office profile.
        Kept as a setting of the fiscal year: it belongs to the office, not to one plan."""
        from egov_desktop.store.office import _write_setting
        from egov_desktop.store.plans import _check_fiscal_year

        check.choice(period, PERIODS)
        _check_fiscal_year(fiscal_year)
        value = check.check_field(check.MEMO, field_name, value)
        column = _MEMO_COLUMNS.get(field_name, field_name)

        def body(w: Work) -> None:
            if w.tx.row("office", office_key) is None:
                raise no_row()
            key = _all_plans_key(office_key, period)
            row = setting_row(w.tx.conn, key, None, fiscal_year)
            memo = dict(row["value"]) if row is not None else memo_values(Memo()) | _memo_defaults(w, office_key)
            memo[column] = value
            _write_setting(w, key, memo, None, fiscal_year)
            if field_name == "number" and value:
                _bump_serial(w, office_key, value)

        return self.uow.run(Msg(N_("Change the memo of all plans")), body)


    def attach_evidence(self, plan_key: int, period: str, indicator_key: int, files: list[EvidenceFile]) -> Change:
        """Attach evidence files (checked by core.evidence) to the indicator's entry in the `period` report,
        after those it has. A file already stored (the same content) is linked, not stored again; a name
        the entry already has is refused."""
        check.choice(period, PERIODS)
        files = list(files)
        if not files or not all(isinstance(f, EvidenceFile) for f in files):
            raise InvalidValue(Msg(N_("No evidence file was given.")))
        names = [f.name for f in files]
        if len(set(names)) != len(names):
            raise InvalidValue(Msg(N_("Two files have the same name.")))

        def body(w: Work) -> None:
            ind = _indicator_of(w, plan_key, indicator_key)
            w.description = Msg(N_("Attach evidence to {code}"), {"code": ind["code"]})
            w.check_lock(plan_key, period)
            entry_id = _entry_row(w, plan_key, period, indicator_key)["id"]
            have = entry_files(w.tx.conn, [entry_id]).get(entry_id, [])
            taken = {f["name"] for f in have}
            for position, f in enumerate(files, start=len(have)):
                if f.name in taken:
                    raise InvalidValue(Msg(N_("{code} already has an evidence file named {name}."),
                                           {"code": ind["code"], "name": f.name}))
                file_id = w.stored_file(f)
                link = w.tx.insert("entry_evidence", {"entry_id": entry_id, "file_id": file_id, "name": f.name,
                                                       "position": position})
                w.audit("attach_evidence", "entry_evidence", link, plan_key, period=period, field="evidence_file",
                        new={"name": f.name, "sha256": f.sha256, "size": f.size}, indicator=ind)

        return self.uow.run(Msg(N_("Attach evidence")), body)

    def remove_evidence(self, plan_key: int, period: str, indicator_key: int, name: str) -> Change:
        """Remove the evidence file `name` from the indicator's entry in the `period` report; the file
        itself goes too when no other entry uses it."""
        check.choice(period, PERIODS)

        def body(w: Work) -> None:
            ind = _indicator_of(w, plan_key, indicator_key)
            w.description = Msg(N_("Remove evidence from {code}"), {"code": ind["code"]})
            w.check_lock(plan_key, period)
            e, r = TABLES["entry"], TABLES["report"]
            entry_id = w.tx.conn.execute(
                select(e.c.id).join(r, r.c.id == e.c.report_id)
                .where(r.c.plan_id == plan_key, r.c.period == period, e.c.indicator_id == indicator_key)
            ).scalar_one_or_none()
            have = entry_files(w.tx.conn, [entry_id]).get(entry_id, []) if entry_id is not None else []
            gone = next((f for f in have if f["name"] == name), None)
            if gone is None:
                raise InvalidValue(Msg(N_("{code} has no evidence file named {name}."),
                                       {"code": ind["code"], "name": name}))
            link = TABLES["entry_evidence"]
            links = list(w.tx.conn.execute(select(link.c.id).where(link.c.entry_id == entry_id)
                                           .order_by(link.c.position)).scalars())
            key = links[[f["name"] for f in have].index(name)]
            w.tx.delete("entry_evidence", key)
            w.drop_unused_files({gone["file_id"]})
            w.reposition("entry_evidence", [k for k in links if k != key])
            w.audit("remove_evidence", "entry_evidence", key, plan_key, period=period, field="evidence_file",
                    old={"name": name, "sha256": gone["sha256"], "size": gone["size"]}, indicator=ind)

        return self.uow.run(Msg(N_("Remove evidence")), body)

    def evidence_files(self, plan_key: int, period: str) -> dict[int, list[dict]]:
        """indicator id -> its evidence files in the `period` report, in order:
        {"name", "sha256", "type", "size", "file_id"}."""
        e, r = TABLES["entry"], TABLES["report"]
        with self.uow.read() as conn:
            entries = dict(conn.execute(
                select(e.c.id, e.c.indicator_id).join(r, r.c.id == e.c.report_id)
                .where(r.c.plan_id == plan_key, r.c.period == period)).all())
            return {entries[k]: v for k, v in entry_files(conn, list(entries)).items()}

    def evidence_content(self, file_id: int) -> bytes:
        """The stored bytes of an evidence file."""
        f = TABLES["evidence_file"]
        with self.uow.read() as conn:
            data = conn.execute(select(f.c.content).where(f.c.id == file_id)).scalar_one_or_none()
        if data is None:
            raise no_row()
        return data


def _reported_unit(w: Work, ind: dict, entry_id: int) -> str:
    """The unit the entry's figures are in: its indicator's, or its alternative's when the entry reports that."""
    alternative = (ind["extras"] or {}).get(ALTERNATIVE_KEY)
    if alternative and (w.row("entry", entry_id)["extras"] or {}).get(ALTERNATIVE_KEY):
        return alternative["unit"]
    return ind["unit"]


def _set_alternative(w: Work, plan_key: int, period: str, ind: dict, entry_id: int, on: bool) -> None:
    """Whether the entry reports the indicator's alternative (reading.ALTERNATIVE_KEY in its extras)."""
    if on and not (ind["extras"] or {}).get(ALTERNATIVE_KEY):
        raise InvalidValue(Msg(N_("indicator {code} has no alternative to report instead"), {"code": ind["code"]}))
    extras = {k: v for k, v in (w.row("entry", entry_id)["extras"] or {}).items() if k != ALTERNATIVE_KEY}
    w.set("set_entry_field", "entry", entry_id, {"extras": (extras | ({ALTERNATIVE_KEY: True} if on else {})) or None},
          plan_key, "alternative", period=period, indicator=ind)


def _entry_field(field_name: str, value: Any) -> Any:
    """An entry field's value checked as far as it can be without its indicator (the unit checks the rest)."""
    if field_name in ("not_applicable", "alternative"):
        if not isinstance(value, bool):
            raise check.FieldError(Msg(N_("Yes or no is expected here.")))
        return value
    if field_name in check.ENTRY_TEXT:
        return check.text(value)
    if field_name in ("numerator", "denominator"):
        return check.check_value(value, "count")
    if field_name not in ("value", "period_value"):
        raise check.unknown_field(field_name)
    return value


def _indicator_of(w: Work, plan_key: int, indicator_key: int) -> dict:
    """The indicator's row (locked on a server), refused unless it is of the plan. Its area and activity are
    not locked: an achievement changes no structure."""
    ind, plan_id = w.row_and_plan("indicator", indicator_key)
    if plan_id != plan_key:
        raise no_row()
    return ind


def _entry_row(w: Work, plan_id: int, period: str, indicator_key: int) -> dict:
    """The indicator's whole entry row in the period's report (locked on a server), both created when first
    written: one statement when they are there."""
    report_id = _ensure_report(w, plan_id, period)
    e = TABLES["entry"]
    row = w.tx.conn.execute(locking(select(e).where(e.c.report_id == report_id, e.c.indicator_id == indicator_key),
                                    w.tx.conn)).mappings().first()
    if row is None:
        return w.row("entry", _add_entry(w, plan_id, report_id, indicator_key))
    w.tx.known.setdefault(("entry", row["id"]), {}).update(row)
    return dict(row)


def _ensure_report(w: Work, plan_id: int, period: str) -> int:
    r = TABLES["report"]
    rid = w.reports.get((plan_id, period))  # w.check_lock has read it
    if rid is None:
        rid = w.tx.conn.execute(select(r.c.id).where(r.c.plan_id == plan_id, r.c.period == period)).scalar_one_or_none()
    if rid is not None:
        return rid
    position = w.tx.conn.execute(select(func.count()).where(r.c.plan_id == plan_id)).scalar()
    return w.tx.insert("report", {"plan_id": plan_id, "period": period, "position": position, "status": "draft"})


def _add_entry(w: Work, plan_id: int, report_id: int, indicator_key: int) -> int:
    """A new entry goes after the entries of the indicators before it in the plan, so an exported
    report lists its entries in plan order (an imported file's own order is kept as it was)."""
    rank = {key: i for i, key in enumerate(w.plan_rows(plan_id, "indicator"))}
    e = TABLES["entry"]
    rows = w.tx.conn.execute(
        select(e.c.id, e.c.indicator_id).where(e.c.report_id == report_id).order_by(e.c.position)
    ).all()
    at = len(rows)
    while at > 0 and rank.get(rows[at - 1][1], -1) > rank[indicator_key]:
        at -= 1
    key = w.tx.insert("entry", {"report_id": report_id, "indicator_id": indicator_key, "position": len(rows),
                                "not_applicable": False})
    ids = [r[0] for r in rows]
    w.reposition("entry", ids[:at] + [key] + ids[at:])
    return key


def _all_plans_key(office_key: int, period: str) -> str:
    return f"office/{office_key}/all_plans_memo/{period}"


def _memo_defaults(w: Work, office_id: int) -> dict[str, Any]:
    """A new memo's columns from its office's profile."""
    from egov_desktop.store.office import standard_paragraphs

    office = w.tx.row("office", office_id)
    sig = (office["signatories"] or [{}])[0]
    return {
        "body": standard_paragraphs(w.tx.conn, office["id"]),
        "recipient": list(office["default_recipients"] or []),
        "attention": office["default_attention"],
        "copies": list(office["default_copies"] or []),
        "copies_purpose": office["default_copies_purpose"],
        **{f"signatory_{k}": sig.get(k) for k in SIGNATORY_FIELDS},
    }


def _bump_serial(w: Work, office_id: int, number: str) -> None:
    """A memo number "<prefix>.<serial>" of a known file moves that file's letter serial on."""
    from egov_desktop.core.digits import to_latin_digits

    prefixes = w.tx.row("office", office_id)["memo_prefixes"] or []
    changed = False
    for p in prefixes:
        head, _, serial = number.rpartition(".")
        serial = to_latin_digits(serial)
        if head == p["prefix"] and serial.isdigit() and int(serial) > p["last_serial"]:
            p["last_serial"], changed = int(serial), True
    if changed:
        w.tx.update("office", office_id, {"memo_prefixes": [dict(p) for p in prefixes]})
