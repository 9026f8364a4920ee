"""The service layer: every change to the data is a named operation here.

An operation validates its input, writes in one transaction (committed durably at
once), appends to the audit log and returns a `Change` whose `undo()` applies the
inverse and returns the redo. `group()` makes several operations one transaction and
one Change (paste). The GUI never touches SQL: it calls these methods.
"""
from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from egov_desktop.core import exchange
from egov_desktop.core.digest import report_digest
from egov_desktop.core.scoring import SCORING_KEY, ScoringOptions
from egov_desktop.core.text import PARAGRAPH_LIMIT, TextTooLong, clean_text
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import (
    AGGREGATIONS,
    OFFICE_TEXT_FIELDS,
    PERIODS,
    SCORINGS,
    SIGNATORY_FIELDS,
    TIERS,
    UNITS,
    Office,
    PlanDocument,
    Signatory,
    Signoff,
    is_number,
)
from egov_desktop.paths import resource_path
from egov_desktop.store import documents as docs
from egov_desktop.store.audit import AuditEntry, read_audit, user_name, write_audit
from egov_desktop.store.engine import check_integrity, connect, inspect_database, upgrade
from egov_desktop.store.errors import InvalidValue, ReportLocked, SignOffRefused, StoreError
from egov_desktop.store import backup
from egov_desktop.store.lock import WriterLock, storage_error, translate_storage_errors
from egov_desktop.store.journal import Mutation, Tx
from egov_desktop.store.tables import TABLES

__all__ = [
    "Store",
    "Change",
    "StoreError",
    "ReportLocked",
    "InvalidValue",
    "SignOffRefused",
    "PlanSummary",
    "SignedRevision",
    "AuditEntry",
]

MAX_LEVELS = exchange.MAX_LEVELS


@dataclass
class Change:
    """What an operation did. `undo()` reverts it and returns the Change that redoes it."""

    description: Msg
    undo: Callable[[], "Change"]
    # The row an add/import/copy created (its id), else None.
    key: int | None = None
    # (table, id) of every row written, for views to refresh.
    touched: frozenset[tuple[str, int]] = frozenset()


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


@dataclass(frozen=True)
class SignedRevision:
    revision: int
    name: str
    designation: str
    signed_at: dt.datetime
    signed_by: str | None
    digest: str
    snapshot: str  # the exchange document as signed (the plan with this one report)
    reopened_at: dt.datetime | None
    reopened_by: str | None
    reopen_reason: str | None

    def document(self) -> PlanDocument:
        return exchange.loads(self.snapshot)


@dataclass
class _Work:
    """An open write: the journaling transaction, its audit rows, and the locks it relied on."""

    tx: Tx
    audits: list[dict] = field(default_factory=list)
    # (plan_id, period or None): re-checked on undo/redo.
    locks: set[tuple[int, str | None]] = field(default_factory=set)
    # Set by an operation whose description needs what it read (e.g. an indicator's code).
    description: Msg | None = None


# ---------------------------------------------------------------- validation


def _text(value: Any, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise InvalidValue(Msg(N_("This field cannot be empty.")))
        return None
    if not isinstance(value, str):
        raise InvalidValue(Msg(N_("Text is expected here.")))
    try:
        value = clean_text(value, PARAGRAPH_LIMIT)
    except TextTooLong as exc:
        raise InvalidValue(exc.msg) from None
    if value == "" and not required:
        return None
    return value


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise InvalidValue(Msg(N_("A list of lines is expected here.")))
    return [_text(v, True) for v in value]


def _choice(value: Any, allowed: tuple[str, ...], optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if value not in allowed:
        raise InvalidValue(Msg(N_("must be one of: {allowed}"), {"allowed": ", ".join(allowed)}))
    return value


def _parse(text: str, parser_name: str, *args):
    """Text typed by the user goes through the core parsers (Bangla or Latin digits)."""
    from egov_desktop.core import values

    try:
        return getattr(values, parser_name)(text, *args)
    except values.ParseError as exc:
        raise InvalidValue(exc.msg) from None


def _number(value: Any, optional: bool = False) -> int | float | None:
    """A weight: a number 0 or more."""
    if isinstance(value, str):
        value = None if value.strip() == "" else _parse(value, "parse_number")
    if value is None:
        if optional:
            return None
        raise InvalidValue(Msg(N_("This field cannot be empty.")))
    if not is_number(value):
        raise InvalidValue(Msg(N_("A number is expected here.")))
    if value < 0:
        raise InvalidValue(Msg(N_("The number cannot be negative.")))
    return value


def check_value(value: Any, unit: str) -> Any:
    """A target or achievement for `unit`, typed (date or number) or as typed text; returns its JSON form."""
    if isinstance(value, str):
        value = None if value.strip() == "" else _parse(value, "parse_value", unit)
    if value is None:
        return None
    if unit == "date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise InvalidValue(Msg(N_("A date is expected here.")))
        return value.isoformat()
    if not is_number(value):
        raise InvalidValue(Msg(N_("A number is expected here.")))
    if unit == "count":
        if value != int(value) or value < 0:
            raise InvalidValue(Msg(N_("a count must be a whole number 0 or more, not {value}"), {"value": value}))
        return int(value)
    if not 0 <= value <= 100:
        raise InvalidValue(Msg(N_("A percent must be between 0 and 100, not {value}."), {"value": value}))
    return value


def _fits(json_value: Any, unit: str) -> bool:
    try:
        check_value(docs.value_from_json(json_value, unit) if unit == "date" else json_value, unit)
        return True
    except (InvalidValue, TypeError, ValueError):
        return False


def _signatory_dict(s: Any) -> dict:
    if isinstance(s, Signatory):
        s = {k: getattr(s, k) for k in SIGNATORY_FIELDS}
    if not isinstance(s, dict):
        raise InvalidValue(Msg(N_("A signatory (name, designation, phone, e-mail) is expected here.")))
    return {k: _text(s.get(k)) for k in SIGNATORY_FIELDS}


def _emails(value: Any) -> list[str] | None:
    """Addresses for the e-mail draft: a list, or one text with commas/semicolons/new lines between them."""
    from egov_desktop.core.emails import AddressError, parse_addresses

    try:
        return parse_addresses(value) or None
    except AddressError as exc:
        raise InvalidValue(exc.msg, exc.where) from None


def _prefixes(value: Any) -> list[dict]:
    out = []
    for p in value or []:
        if not isinstance(p, dict):
            raise InvalidValue(Msg(N_("A memo-number prefix needs a file name and a prefix.")))
        serial = p.get("last_serial", 0)
        if isinstance(serial, bool) or not isinstance(serial, int) or serial < 0:
            raise InvalidValue(Msg(N_("A letter serial is a whole number 0 or more.")))
        out.append({"file": _text(p.get("file"), True), "prefix": _text(p.get("prefix"), True), "last_serial": serial})
    return out


# Fields an operation may set, with their validators (value -> stored value).
_PLAN_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": lambda v: _text(v, True),
    "total_weight": _number,
    "notes": _text,
}
_AREA_FIELDS = {"title": _text, "weight": lambda v: _number(v, optional=True)}
_ACTIVITY_FIELDS = {"title": lambda v: _text(v, True)}
_INDICATOR_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": lambda v: _text(v, True),
    "unit": lambda v: _choice(v, UNITS),
    "weight": _number,
    "scoring": lambda v: _choice(v, SCORINGS, True),
    "aggregation": lambda v: _choice(v, AGGREGATIONS, True),
    "evidence": _text,
    "responsible": _text,
}
_LEVEL_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "id": ("ident", lambda v: _text(v, True)),
    "label": ("label", lambda v: _text(v, True)),
    "percent": ("percent", lambda v: check_value(v, "percent") if v is not None else _number(v)),
}
_ENTRY_TEXT = ("narrative", "evidence", "remarks")
_MEMO_FIELDS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "number": ("number", _text),
    "date": ("date", lambda v: check_value(v, "date")),
    "subject": ("subject", _text),
    "reference": ("reference", _text),
    "body": ("body", _texts),
    "attachment": ("attachment", _text),
    "signatory.name": ("signatory_name", _text),
    "signatory.designation": ("signatory_designation", _text),
    "signatory.phone": ("signatory_phone", _text),
    "signatory.email": ("signatory_email", _text),
    "recipient": ("recipient", _texts),
    "attention": ("attention", _text),
    "copies": ("copies", _texts),
    "copies_purpose": ("copies_purpose", _text),
}
_OFFICE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "name": lambda v: _text(v, True),
    "tier": lambda v: _choice(v, TIERS),
    **{f: _text for f in OFFICE_TEXT_FIELDS},
    "signatories": lambda v: [_signatory_dict(s) for s in v or []],
    "default_recipients": _texts,
    "default_attention": _text,
    "default_copies": _texts,
    "default_copies_purpose": _text,
    "recipient_emails": _emails,
    "copy_emails": _emails,
    "memo_prefixes": _prefixes,
}


def _unknown_field(name: str) -> InvalidValue:
    return InvalidValue(Msg(N_("There is no field named {field}."), {"field": name}))


def _json_text(value: Any) -> str | None:
    import json

    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------- the store


class Store:
    """One SQLite file. Open with `Store.open(path)`; close with `close()` (or use `with`)."""

    def __init__(self, engine, path: Path, readonly: bool):
        self._engine = engine
        self.path = path
        self.readonly = readonly
        self._lock = threading.RLock()
        self._group: _Work | None = None
        self._writer: WriterLock | None = None

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False, take_over: bool = False) -> "Store":
        """Open (or create) the database, upgrading an older schema. A file that is not ours,
        damaged, or made by a newer program is refused with StoreError and left untouched.

        Another program writing to it raises DatabaseInUse. When that program is on another computer
        that cannot be asked (`exc.can_take_over`), `take_over=True` takes its writer lock (the user
        says that computer crashed or is off); the take-over is written to the audit log."""
        path = Path(path)
        writer = None
        if not readonly:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(Msg(N_("cannot create the database folder: {reason}"),
                                     {"reason": exc.strerror or exc}))
            # One writing program per database (DatabaseInUse); a read-only folder fails here (ReadOnlyLocation).
            writer = WriterLock(path)
            writer.acquire(force=take_over)
        try:
            backup.check_database(path)  # damaged/empty/foreign/newer: DatabaseUnusable, naming the backup
            state = inspect_database(path)
            if readonly and state.needs_upgrade:
                raise StoreError(Msg(N_("The database must be upgraded before it can be opened read-only.")))
            engine = connect(path, readonly)
            if state.needs_upgrade:
                if state.exists:
                    backup.backup_now(path, "migration")
                upgrade(engine)
            else:
                # A cheap touch so a damaged file is reported now, not at the first edit.
                with engine.connect() as conn:
                    conn.exec_driver_sql("SELECT count(*) FROM plan").fetchone()
        except StoreError:
            if writer is not None:
                writer.release()
            raise
        except Exception as exc:  # sqlite3/SQLAlchemy errors: damaged file, no permission, disk full
            if writer is not None:
                writer.release()
            raise StoreError(Msg(N_("The database cannot be opened: {reason}"),
                                 {"reason": str(getattr(exc, "orig", exc))})) from exc
        store = cls(engine, path, readonly)
        if not readonly:
            store._writer = writer
            if state.exists:
                backup.maybe_daily_backup(path)
            taken = writer.recovered
            if taken is not None and not taken.here:
                try:
                    store._log(lambda w: store._audit(w, "take_over", "lock", None, None, old={
                        "host": taken.host, "user": taken.user, "pid": taken.pid, "since": taken.since}))
                except StoreError:
                    store.close()  # the lock is not kept by a store nobody holds
                    raise
        return store

    def close(self) -> None:
        self._engine.dispose()
        if self._writer is not None:
            self._writer.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def integrity_errors(self) -> list[str]:
        return check_integrity(self._engine)

    # ------------------------------------------------------------ transactions

    @contextmanager
    def _read(self) -> Iterator[Any]:
        # A deferred BEGIN: reading never waits for the write lock.
        with self._engine.connect().execution_options(egov_read=True) as conn:
            with conn.begin():
                yield conn

    def _run(self, description: Msg, body: Callable[[_Work], int | None], operation: str = "") -> Change:
        """Run `body` in a write transaction (or inside the open group) and make its Change."""
        self._writable()
        with self._lock:
            if self._group is not None:
                start = len(self._group.tx.journal)
                key = body(self._group)
                return Change(description, _group_member_undo, key, _touched(self._group.tx.journal[start:]))
            with translate_storage_errors(), self._engine.connect() as conn:
                try:
                    with conn.begin():
                        work = _Work(Tx(conn))
                        key = body(work)
                        write_audit(conn, work.audits)
                except IntegrityError as exc:
                    raise _conflict(exc) from None
                except DBAPIError as exc:  # locked by another program, disk full, file damaged
                    raise storage_error(exc) from None
        return self._change(work.description or description, work, key)

    def _change(self, description: Msg, work: _Work, key: int | None) -> Change:
        journal, audits, locks = list(work.tx.journal), list(work.audits), set(work.locks)

        def undo() -> Change:
            def body(w: _Work) -> int | None:
                for m in reversed(journal):
                    w.tx.apply(m.inverse())
                for plan_id, period in locks:
                    self._check_lock(w, plan_id, period)
                w.audits = [_inverse_audit(a) for a in audits]
                return key

            return self._run(description, body)

        return Change(description, undo, key, _touched(journal))

    def _log(self, body: Callable[[_Work], Any]) -> Any:
        """A write that is not an undoable step (sign-off, reopen, submitted, lock take-over): one
        transaction with its audit rows. Returns what `body` returns."""
        self._writable()
        try:
            with self._lock, translate_storage_errors(), self._engine.connect() as conn, conn.begin():
                w = _Work(Tx(conn))
                result = body(w)
                write_audit(conn, w.audits)
        except IntegrityError as exc:
            raise _conflict(exc) from None
        return result

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(Msg(N_("The database is open read-only.")))

    @contextmanager
    def group(self, description: Msg) -> Iterator["Group"]:
        """Several operations as one transaction and one undoable Change: `with store.group(msg) as g: ...`,
        then `g.change`. An exception inside rolls everything back."""
        self._writable()
        grp = Group(description)
        with self._lock:
            if self._group is not None:
                raise StoreError(Msg(N_("Groups of changes cannot be nested.")))
            with translate_storage_errors(), self._engine.connect() as conn:
                with conn.begin():
                    self._group = work = _Work(Tx(conn))
                    try:
                        yield grp
                        write_audit(conn, work.audits)
                    finally:
                        self._group = None
        grp.change = self._change(description, work, None)

    # ------------------------------------------------------------ locks

    def _check_lock(self, w: _Work, plan_id: int, period: str | None) -> None:
        """Signed-off or submitted reports refuse edits; so does their plan (the seal covers it)."""
        w.locks.add((plan_id, period))
        t = TABLES["report"]
        q = select(t.c.period).where(t.c.plan_id == plan_id, t.c.status != "draft")
        if period is not None:
            q = q.where(t.c.period == period)
        locked = w.tx.conn.execute(q.order_by(t.c.position)).scalars().first()
        if locked is None:
            return
        if period is not None:
            raise ReportLocked(Msg(N_("The {period} report is signed off. Reopen it before changing it."),
                                   {"period": _period_name(locked)}))
        raise ReportLocked(Msg(N_("The {period} report of this plan is signed off; the plan cannot change "
                                  "until it is reopened."), {"period": _period_name(locked)}))

    # ------------------------------------------------------------ plans

    def list_plans(self) -> list[PlanSummary]:
        p, o, r = TABLES["plan"], TABLES["office"], TABLES["report"]
        with self._read() as conn:
            rows = conn.execute(
                select(p.c.id, p.c.kind, p.c.title, p.c.fiscal_year, o.c.id, o.c.name)
                .join(o, o.c.id == p.c.office_id)
                .order_by(p.c.fiscal_year.desc(), p.c.kind)
            ).all()
            reports: dict[int, dict[str, str]] = {}
            for plan_id, period, status in conn.execute(select(r.c.plan_id, r.c.period, r.c.status).order_by(r.c.position)):
                reports.setdefault(plan_id, {})[period] = status
        return [PlanSummary(k, kind, t, fy, ok, on, reports.get(k, {})) for k, kind, t, fy, ok, on in rows]

    def find_plan(self, fiscal_year: str, kind: str) -> int | None:
        p = TABLES["plan"]
        with self._read() as conn:
            return conn.execute(
                select(p.c.id).where(p.c.fiscal_year == fiscal_year, p.c.kind == kind)
            ).scalar_one_or_none()

    def get_document(self, plan_key: int) -> PlanDocument:
        """The plan with its reports, every row's `key` set (also the document an exchange file is written from)."""
        with self._read() as conn:
            doc = docs.read_document(conn, plan_key)
        if doc is None:
            raise _no_plan()
        return doc

    def document_as_signed(self, plan_key: int, period: str) -> PlanDocument:
        """The document to export the `period` report from. A sealed report keeps the office header it was
        signed with: the header is part of the seal, yet stays editable for the office's other reports."""
        doc = self.get_document(plan_key)
        report = doc.report(period)
        if report is not None and report.status != "draft":
            signed = self.signed_revisions(plan_key, period)
            seal = next((s for s in signed if s.revision == (report.revision or 1)), signed[-1] if signed else None)
            if seal is not None:
                doc.office = seal.document().office
        return doc

    def import_document(self, doc: PlanDocument) -> Change:
        """Add a whole exchange document in one transaction; a clash with an existing plan of the same
        fiscal year and kind refuses it and leaves the database as it was."""
        doc = _checked(doc)
        return self._run(Msg(N_("Import {title} {year}"), {"title": doc.plan.title, "year": doc.plan.fiscal_year}),
                         lambda w: self._import(w, doc))

    def _import(self, w: _Work, doc: PlanDocument, office_id: int | None = None) -> int:
        if office_id is None:
            office_id = docs.find_or_add_office(w.tx, doc.office)
        try:
            plan_id = docs.write_plan(w.tx, doc, office_id)
        except IntegrityError:
            raise StoreError(Msg(N_("There is already a plan of this kind for fiscal year {year}. "
                                    "Delete or rename it first."), {"year": doc.plan.fiscal_year})) from None
        codes = docs.indicator_ids_by_code(w.tx.conn, plan_id)
        for i, report in enumerate(doc.reports):
            report_id = docs.write_report(w.tx, plan_id, i, report, codes)
            if report.signoff is not None:
                self._record_signoff(w, report_id, report.revision or 1, report.signoff, docs.snapshot(doc, report.period))
        self._audit(w, "import", "plan", plan_id, plan_id, new={"fiscal_year": doc.plan.fiscal_year,
                                                                 "kind": doc.plan.kind})
        return plan_id

    def delete_plan(self, plan_key: int) -> Change:
        """Refused while a report of the plan is sealed: it is read-only everywhere, `import --replace`
        included, until reopened (deleting it would also drop its signed revisions)."""

        def body(w: _Work) -> int:
            plan = w.tx.row("plan", plan_key) or _raise(_no_plan())
            self._check_lock(w, plan_key, None)
            for t, col in (("report", "plan_id"), ("area", "plan_id"), ("level", "plan_id"), ("setting", "plan_id")):
                for key in self._children(w, t, col, plan_key):
                    self._delete_tree(w, t, key)
            w.tx.delete("plan", plan_key)
            self._audit(w, "delete_plan", "plan", plan_key, plan_key,
                        old={"fiscal_year": plan["fiscal_year"], "kind": plan["kind"]})
            return plan_key

        return self._run(Msg(N_("Delete the plan")), body)

    def copy_to_next_year(self, plan_key: int) -> Change:
        """The same plan for the next fiscal year: target dates a year later (29 Feb -> 28 Feb),
        no progress, same office."""
        doc = self.get_document(plan_key)
        start = exchange.parse_fiscal_year(doc.plan.fiscal_year) + 1
        doc.plan.fiscal_year = f"{start}-{(start + 1) % 100:02d}"
        for ind in doc.plan.indicators():
            ind.targets = [_next_year(t) if isinstance(t, dt.date) else t for t in ind.targets]
        doc.reports = []
        office_id = self._plan_row(plan_key)["office_id"]
        return self._run(Msg(N_("Copy the plan to {year}"), {"year": doc.plan.fiscal_year}),
                         lambda w: self._import(w, doc, office_id))

    @staticmethod
    def list_templates() -> list[str]:
        return sorted(p.stem for p in resource_path("templates").glob("*.json"))

    def create_from_template(self, name: str, office_key: int | None = None, fiscal_year: str | None = None) -> Change:
        """A new plan from resources/templates/<name>.json, for `office_key` (default: this database's
        office, see current_office) and `fiscal_year` (default: the template's). A database with no office
        yet gets a nameless one of the template's tier: the rules refuse to sign a blank letterhead."""
        path = resource_path("templates", f"{name}.json")
        if name not in self.list_templates():
            raise StoreError(Msg(N_("There is no template named {name}."), {"name": name}))
        try:
            doc = exchange.load(path)
        except exchange.ExchangeError as exc:
            raise StoreError(Msg(N_("The template {name} cannot be read: {reason}"),
                                 {"name": name, "reason": exc.render()})) from None
        doc.reports = []
        if fiscal_year is not None:
            try:
                start = exchange.parse_fiscal_year(fiscal_year)
            except ValueError:
                raise InvalidValue(Msg(N_("a fiscal year looks like 2023-24"))) from None
            shift = start - exchange.parse_fiscal_year(doc.plan.fiscal_year)
            doc.plan.fiscal_year = fiscal_year
            for ind in doc.plan.indicators():
                ind.targets = [_shift_years(t, shift) if isinstance(t, dt.date) else t for t in ind.targets]
        if office_key is not None:
            self.get_office(office_key)
        else:
            office_key = self.current_office()
        # A template's office is only a tier: no real office's name or contact lines reach the new plan.
        doc.office = Office(name="", tier=doc.office.tier, government=doc.office.government)
        return self._run(Msg(N_("New plan from the template {name}"), {"name": name}),
                         lambda w: self._import(w, doc, office_key))

    def current_office(self) -> int | None:
        """This database's office: the one of the most recently edited plan (the audit log says which),
        else the newest office row; None when there is none yet."""
        p, o, a = TABLES["plan"], TABLES["office"], TABLES["audit"]
        with self._read() as conn:
            edited = conn.execute(
                select(p.c.office_id).join(a, a.c.plan_id == p.c.id).order_by(a.c.id.desc()).limit(1)
            ).scalar_one_or_none()
            return edited if edited is not None else conn.execute(select(func.max(o.c.id))).scalar_one()

    def set_plan_field(self, plan_key: int, field_name: str, value: Any) -> Change:
        check = _PLAN_FIELDS.get(field_name) or _raise(_unknown_field(field_name))
        value = check(value)
        column = "doc_notes" if field_name == "notes" else field_name

        def body(w: _Work) -> None:
            self._plan_row(plan_key, w)
            self._check_lock(w, plan_key, None)
            self._set(w, "set_plan_field", "plan", plan_key, {column: value}, plan_key, field_name)

        return self._run(Msg(N_("Change the plan")), body)

    def set_scoring_options(self, plan_key: int, options: ScoringOptions) -> Change:
        """How the plan is scored where DOMAIN.md only assumes (core.scoring.ScoringOptions), kept with
        the plan's extension keys so it travels in the exchange file and is sealed at sign-off."""

        def body(w: _Work) -> None:
            row = self._plan_row(plan_key, w)
            self._check_lock(w, plan_key, None)
            extras = dict(row["extras"] or {}) | {SCORING_KEY: options.as_extension()}
            self._set(w, "set_scoring_options", "plan", plan_key, {"extras": extras}, plan_key, SCORING_KEY)

        return self._run(Msg(N_("Change how the plan is scored")), body)

    # ------------------------------------------------------------ levels

    def set_level(self, plan_key: int, level_index: int, field_name: str, value: Any) -> Change:
        column, check = _LEVEL_FIELDS.get(field_name) or _raise(_unknown_field(field_name))
        value = check(value)

        def body(w: _Work) -> None:
            self._check_lock(w, plan_key, None)
            levels = self._children(w, "level", "plan_id", plan_key)
            if not 0 <= level_index < len(levels):
                raise InvalidValue(Msg(N_("There is no target level {index}."), {"index": level_index + 1}))
            self._set(w, "set_level", "level", levels[level_index], {column: value}, plan_key, field_name)

        return self._run(Msg(N_("Change a target level")), body)

    def add_level(self, plan_key: int, index: int, level_id: str, label: str, percent: float) -> Change:
        """A new target level at `index`; every indicator gets an empty target there."""
        values = {"ident": _text(level_id, True), "label": _text(label, True), "percent": check_value(percent, "percent")}

        def body(w: _Work) -> int:
            self._check_lock(w, plan_key, None)
            levels = self._children(w, "level", "plan_id", plan_key)
            if len(levels) >= MAX_LEVELS:
                raise InvalidValue(Msg(N_("a plan has 1 to 5 target levels")))
            at = max(0, min(index, len(levels)))
            key = w.tx.insert("level", values | {"plan_id": plan_key, "position": len(levels)})
            self._reposition(w, "level", levels[:at] + [key] + levels[at:])
            for ind in self._plan_indicators(w, plan_key):
                targets = list(w.tx.row("indicator", ind)["targets"])
                targets.insert(at, None)
                w.tx.update("indicator", ind, {"targets": targets})
            self._audit(w, "add_level", "level", key, plan_key, new=values)
            return key

        return self._run(Msg(N_("Add a target level")), body)

    def remove_level(self, plan_key: int, index: int) -> Change:
        def body(w: _Work) -> None:
            self._check_lock(w, plan_key, None)
            levels = self._children(w, "level", "plan_id", plan_key)
            if len(levels) <= 1 or not 0 <= index < len(levels):
                raise InvalidValue(Msg(N_("a plan has 1 to 5 target levels")))
            old = w.tx.row("level", levels[index])
            w.tx.delete("level", levels[index])
            self._reposition(w, "level", levels[:index] + levels[index + 1:])
            for ind in self._plan_indicators(w, plan_key):
                targets = list(w.tx.row("indicator", ind)["targets"])
                del targets[index]
                w.tx.update("indicator", ind, {"targets": targets})
            self._audit(w, "remove_level", "level", levels[index], plan_key,
                        old={"id": old["ident"], "label": old["label"], "percent": old["percent"]})

        return self._run(Msg(N_("Remove a target level")), body)

    # ------------------------------------------------------------ areas, activities, indicators

    def set_area_field(self, area_key: int, field_name: str, value: Any) -> Change:
        return self._set_row_field("area", area_key, _AREA_FIELDS, field_name, value,
                                   Msg(N_("Change a performance area")))

    def set_activity_field(self, activity_key: int, field_name: str, value: Any) -> Change:
        return self._set_row_field("activity", activity_key, _ACTIVITY_FIELDS, field_name, value,
                                   Msg(N_("Change an activity")))

    def _set_row_field(self, table: str, key: int, fields: dict[str, Callable[[Any], Any]], field_name: str,
                       value: Any, description: Msg) -> Change:
        """One checked field of an area or activity row; refused while the plan is sealed."""
        check = fields.get(field_name) or _raise(_unknown_field(field_name))
        value = check(value)

        def body(w: _Work) -> None:
            plan_id = self._plan_of(w, table, key)
            self._check_lock(w, plan_id, None)
            self._set(w, f"set_{table}_field", table, key, {field_name: value}, plan_id, field_name)

        return self._run(description, body)

    def set_indicator_field(self, indicator_key: int, field_name: str, value: Any) -> Change:
        """Edit an indicator. Changing the unit clears the targets and achievements that no longer fit."""
        check = _INDICATOR_FIELDS.get(field_name) or _raise(_unknown_field(field_name))
        value = check(value)

        def body(w: _Work) -> None:
            plan_id = self._plan_of(w, "indicator", indicator_key)
            self._check_lock(w, plan_id, None)
            row = w.tx.row("indicator", indicator_key)
            self._set(w, "set_indicator_field", "indicator", indicator_key, {field_name: value}, plan_id, field_name,
                      indicator=row)
            if field_name == "unit" and value != row["unit"]:
                w.tx.update("indicator", indicator_key,
                            {"targets": [t if _fits(t, value) else None for t in row["targets"]]})
                for entry in self._children(w, "entry", "indicator_id", indicator_key):
                    self._check_lock(w, plan_id, self._period_of_entry(w, entry))
                    if not _fits(w.tx.row("entry", entry)["value"], value):
                        w.tx.update("entry", entry, {"value": None})

        return self._run(Msg(N_("Change an indicator")), body)

    def set_target(self, indicator_key: int, level_index: int, value: Any) -> Change:
        """One target: a date for date indicators, a number otherwise (typed, or text as the user typed it)."""

        def body(w: _Work) -> None:
            row = w.tx.row("indicator", indicator_key) or _raise(_no_row())
            plan_id = self._plan_of(w, "indicator", indicator_key)
            self._check_lock(w, plan_id, None)
            targets = list(row["targets"])
            if not 0 <= level_index < len(targets):
                raise InvalidValue(Msg(N_("There is no target level {index}."), {"index": level_index + 1}))
            old = targets[level_index]
            targets[level_index] = check_value(value, row["unit"])
            if w.tx.update("indicator", indicator_key, {"targets": targets}):
                self._audit(w, "set_target", "indicator", indicator_key, plan_id, field=f"targets[{level_index}]",
                            old=old, new=targets[level_index], indicator=row)

        return self._run(Msg(N_("Change a target")), body)

    def add_area(self, plan_key: int, index: int | None = None, title: str | None = None,
                 weight: float | None = None) -> Change:
        values = {"title": _text(title), "weight": _number(weight, optional=True)}

        def body(w: _Work) -> int:
            self._plan_row(plan_key, w)
            self._check_lock(w, plan_key, None)
            key = self._add(w, "area", "plan_id", plan_key, index, values)
            self._audit(w, "add_area", "area", key, plan_key, new=values)
            return key

        return self._run(Msg(N_("Add a performance area")), body)

    def add_activity(self, area_key: int, index: int | None = None, title: str = "") -> Change:
        values = {"title": _text(title, True)}

        def body(w: _Work) -> int:
            plan_id = self._plan_of(w, "area", area_key)
            self._check_lock(w, plan_id, None)
            key = self._add(w, "activity", "area_id", area_key, index, values)
            self._audit(w, "add_activity", "activity", key, plan_id, new=values)
            return key

        return self._run(Msg(N_("Add an activity")), body)

    def add_indicator(self, activity_key: int, index: int | None = None, title: str = "", unit: str = "count",
                      weight: float = 0) -> Change:
        values = {"title": _text(title, True), "unit": _choice(unit, UNITS), "weight": _number(weight)}

        def body(w: _Work) -> int:
            plan_id = self._plan_of(w, "activity", activity_key)
            self._check_lock(w, plan_id, None)
            n_levels = len(self._children(w, "level", "plan_id", plan_id))
            key = self._add(w, "indicator", "activity_id", activity_key, index,
                            values | {"targets": [None] * n_levels})
            self._audit(w, "add_indicator", "indicator", key, plan_id, new=values, indicator=w.tx.row("indicator", key))
            return key

        return self._run(Msg(N_("Add an indicator")), body)

    def remove_area(self, area_key: int) -> Change:
        return self._remove("area", area_key, Msg(N_("Remove a performance area")))

    def remove_activity(self, activity_key: int) -> Change:
        return self._remove("activity", activity_key, Msg(N_("Remove an activity")))

    def remove_indicator(self, indicator_key: int) -> Change:
        """Removes the indicator with its achievements in every report; undo brings them all back."""
        return self._remove("indicator", indicator_key, Msg(N_("Remove an indicator")))

    def move_area(self, area_key: int, index: int) -> Change:
        return self._move("area", area_key, index, None, Msg(N_("Move a performance area")))

    def move_activity(self, activity_key: int, index: int, area_key: int | None = None) -> Change:
        """Move within its area, or into `area_key` (same plan) at `index`."""
        return self._move("activity", activity_key, index, area_key, Msg(N_("Move an activity")))

    def move_indicator(self, indicator_key: int, index: int, activity_key: int | None = None) -> Change:
        """Move within its activity, or into `activity_key` (same plan) at `index`."""
        return self._move("indicator", indicator_key, index, activity_key, Msg(N_("Move an indicator")))

    # ------------------------------------------------------------ progress and memo

    def set_entry_field(self, plan_key: int, period: str, indicator_key: int, field_name: str, value: Any) -> Change:
        """One field of an indicator's achievement in the `period` report (created when first written):
        value (typed, or text as typed), not_applicable, narrative, evidence, remarks."""
        _choice(period, PERIODS)
        if field_name == "not_applicable":
            if not isinstance(value, bool):
                raise InvalidValue(Msg(N_("Yes or no is expected here.")))
        elif field_name in _ENTRY_TEXT:
            value = _text(value)
        elif field_name != "value":
            raise _unknown_field(field_name)

        def body(w: _Work) -> None:
            ind = w.tx.row("indicator", indicator_key) or _raise(_no_row())
            if self._plan_of(w, "indicator", indicator_key) != plan_key:
                raise _no_row()
            new = check_value(value, ind["unit"]) if field_name == "value" else value
            w.description = Msg(N_("Change the achievement of {code}"), {"code": ind["code"]})
            self._check_lock(w, plan_key, period)
            report_id = self._ensure_report(w, plan_key, period)
            e = TABLES["entry"]
            entry_id = w.tx.conn.execute(
                select(e.c.id).where(e.c.report_id == report_id, e.c.indicator_id == indicator_key)
            ).scalar_one_or_none()
            if entry_id is None:
                entry_id = self._add_entry(w, plan_key, report_id, indicator_key)
            self._set(w, "set_entry_field", "entry", entry_id, {field_name: new}, plan_key, field_name,
                      period=period, indicator=ind)

        return self._run(Msg(N_("Change an achievement")), body)

    def set_memo_field(self, plan_key: int, period: str, field_name: str, value: Any) -> Change:
        """A field of the forwarding memo (created on first write, filled from the office profile):
        number, date, subject, reference, body, attachment, signatory.name/.designation/.phone/.email,
        recipient, attention, copies, copies_purpose."""
        _choice(period, PERIODS)
        column, check = _MEMO_FIELDS.get(field_name) or _raise(_unknown_field(field_name))
        value = check(value)

        def body(w: _Work) -> None:
            self._plan_row(plan_key, w)
            self._check_lock(w, plan_key, period)
            report_id = self._ensure_report(w, plan_key, period)
            m = TABLES["memo"]
            memo_id = w.tx.conn.execute(select(m.c.id).where(m.c.report_id == report_id)).scalar_one_or_none()
            if memo_id is None:
                memo_id = w.tx.insert("memo", self._memo_defaults(w, plan_key) | {"report_id": report_id})
            self._set(w, "set_memo_field", "memo", memo_id, {column: value}, plan_key, field_name, period=period)
            if field_name == "number" and value:
                self._bump_serial(w, plan_key, value)

        return self._run(Msg(N_("Change the memo")), body)

    # ------------------------------------------------------------ office profile

    def get_office(self, office_key: int) -> Office:
        return docs.read_office(self._office_row(office_key))

    def _office_row(self, office_key: int) -> dict:
        with self._read() as conn:
            row = next(iter(docs.rows(conn, "office", "id", [office_key])), None)
        return row or _raise(_no_office())

    def office_of(self, plan_key: int) -> int:
        return self._plan_row(plan_key)["office_id"]

    def office_profile(self, office_key: int) -> dict[str, Any]:
        """signatories, default_recipients, default_attention, default_copies, default_copies_purpose,
        recipient_emails and copy_emails (the e-mail draft's To and Cc), memo_prefixes."""
        row = self._office_row(office_key)
        lists = ("signatories", "default_recipients", "default_copies", "recipient_emails", "copy_emails",
                 "memo_prefixes")
        return {k: (row[k] or []) if k in lists else row[k]
                for k in lists + ("default_attention", "default_copies_purpose")}

    def set_office_field(self, office_key: int, field_name: str, value: Any) -> Change:
        """An office header field (name, tier, government, parent, unit, address, website, email, phone)
        or a profile field (see office_profile)."""
        check = _OFFICE_FIELDS.get(field_name) or _raise(_unknown_field(field_name))
        value = check(value)

        def body(w: _Work) -> None:
            if w.tx.row("office", office_key) is None:
                raise _no_office()
            self._set(w, "set_office_field", "office", office_key, {field_name: value}, None, field_name)

        return self._run(Msg(N_("Change the office")), body)

    def next_memo_number(self, office_key: int, file: str) -> str | None:
        """The next memo number of a file: its prefix and the next letter serial, e.g. "...২১.৯৬"."""
        from egov_desktop.core.digits import to_bangla_digits

        for p in self.office_profile(office_key)["memo_prefixes"]:
            if p["file"] == file:
                return f"{p['prefix']}.{to_bangla_digits(str(p['last_serial'] + 1))}"
        return None

    # ------------------------------------------------------------ settings

    def get_setting(self, key: str, plan_key: int | None = None, fiscal_year: str | None = None,
                    default: Any = None) -> Any:
        with self._read() as conn:
            row = self._setting_row(conn, key, plan_key, fiscal_year)
        return default if row is None else row["value"]

    def set_setting(self, key: str, value: Any, plan_key: int | None = None, fiscal_year: str | None = None) -> Change:
        """A JSON value for one plan, one fiscal year, or everything (e.g. "deadlines": {"Q1": "2023-10-15"})."""

        def body(w: _Work) -> None:
            row = self._setting_row(w.tx.conn, key, plan_key, fiscal_year)
            if row is None:
                sid = w.tx.insert("setting", {"plan_id": plan_key, "fiscal_year": fiscal_year, "key": key, "value": value})
                old = None
            else:
                sid, old = row["id"], row["value"]
                w.tx.update("setting", sid, {"value": value})
            self._audit(w, "set_setting", "setting", sid, plan_key, field=key, old=old, new=value)

        return self._run(Msg(N_("Change the setting {key}"), {"key": key}), body)

    def deadlines(self, plan_key: int | None = None, fiscal_year: str | None = None) -> dict[str, dt.date]:
        """The report deadlines of a plan (its own table, else its fiscal year's, else the APA calendar's),
        or of a fiscal year with no plan given (its table, else the calendar's)."""
        fy = self._plan_row(plan_key)["fiscal_year"] if plan_key is not None else fiscal_year
        table = ((plan_key is not None and self.get_setting("deadlines", plan_key=plan_key))
                 or self.get_setting("deadlines", fiscal_year=fy))
        if table:
            return {p: dt.date.fromisoformat(d) for p, d in table.items()}
        from egov_desktop.core.periods import FiscalYear, default_deadlines

        return default_deadlines(FiscalYear.parse(fy))

    # ------------------------------------------------------------ sign-off

    def sign_off(self, plan_key: int, period: str, signatory: Signatory, today: dt.date | None = None) -> SignedRevision:
        """Seal the report: refused while the rules find errors in it or its memo. Records name, designation,
        time, revision, digest and the exchange document as signed. Not undoable: use reopen()."""
        self._writable()
        name = _text(signatory.name)
        designation = _text(signatory.designation)
        if not name or not designation:
            raise InvalidValue(Msg(N_("The signatory's name and designation are needed to sign off.")))

        def body(w: _Work) -> int:
            doc = docs.read_document(w.tx.conn, plan_key) or _raise(_no_plan())
            report = doc.report(period)
            if report is None:
                raise StoreError(Msg(N_("There is no {period} report to sign off."), {"period": _period_name(period)}))
            if report.status != "draft":
                raise ReportLocked(Msg(N_("The {period} report is already signed off."),
                                       {"period": _period_name(period)}))
            findings = _report_errors(doc, report, today)
            if findings:
                raise SignOffRefused(Msg(N_("The report cannot be signed off: it has {count} error(s)."),
                                         {"count": len(findings)}), findings)
            revision = report.revision or 1
            signed = Signoff(name=name, designation=designation, signed_at=dt.datetime.now().astimezone()
                             .replace(microsecond=0), digest=report_digest(doc, period))
            report.status, report.signoff, report.revision = "signed_off", signed, revision
            w.tx.update("report", report.key, {
                "status": "signed_off",
                "revision": revision,
                "signoff_name": name,
                "signoff_designation": designation,
                "signoff_at": signed.signed_at.isoformat(),
                "signoff_digest": signed.digest,
                "signoff_extras": None,
            })
            self._record_signoff(w, report.key, revision, signed, docs.snapshot(doc, period))
            self._audit(w, "sign_off", "report", report.key, plan_key, period=period, field="status",
                        old="draft", new={"revision": revision, "name": name, "designation": designation,
                                          "digest": signed.digest})
            return revision

        revision = self._log(body)
        backup.after_signoff(self.path, plan_key, period, revision)
        return self.signed_revisions(plan_key, period)[-1]

    def mark_submitted(self, plan_key: int, period: str) -> None:
        """Record that the signed-off report was sent to the upper office: its status becomes "submitted"
        (so the exchange file says so). It stays sealed; reopen() opens it as it does a signed-off one.
        Not undoable; written to the audit log."""

        def body(w: _Work) -> None:
            row = self._sealed_report(w, plan_key, period)
            if row["status"] == "submitted":
                raise StoreError(Msg(N_("The {period} report is already marked as submitted."),
                                     {"period": _period_name(period)}))
            w.tx.update("report", row["id"], {"status": "submitted"})
            self._audit(w, "mark_submitted", "report", row["id"], plan_key, period=period, field="status",
                        old=row["status"], new="submitted")

        self._log(body)

    def reopen(self, plan_key: int, period: str, reason: str) -> None:
        """Open a signed (or submitted) report for changes again; the reason is required and logged. The next
        sign-off is the next revision; the signed one stays retrievable (signed_revisions)."""
        self._writable()
        reason = _text(reason)
        if not reason or not reason.strip():
            raise InvalidValue(Msg(N_("Please give the reason for reopening the report.")))

        def body(w: _Work) -> None:
            row = self._sealed_report(w, plan_key, period)
            revision = row["revision"] or 1
            w.tx.update("report", row["id"], {
                "status": "draft", "revision": revision + 1, "signoff_name": None, "signoff_designation": None,
                "signoff_at": None, "signoff_digest": None, "signoff_extras": None,
            })
            s = TABLES["signoff"]
            sid = w.tx.conn.execute(select(s.c.id).where(s.c.report_id == row["id"], s.c.revision == revision)).scalar()
            if sid is not None:
                w.tx.update("signoff", sid, {"reopened_at": docs.now_iso(), "reopened_by": user_name(),
                                             "reopen_reason": reason})
            self._audit(w, "reopen", "report", row["id"], plan_key, period=period, field="status",
                        old={"status": row["status"], "revision": revision}, new={"status": "draft", "reason": reason})

        self._log(body)

    @staticmethod
    def _sealed_report(w: _Work, plan_key: int, period: str) -> dict:
        """The report row of a signed-off or submitted report, else StoreError."""
        r = TABLES["report"]
        row = w.tx.conn.execute(select(r).where(r.c.plan_id == plan_key, r.c.period == period)).mappings().first()
        if row is None or row["status"] == "draft":
            raise StoreError(Msg(N_("The {period} report is not signed off."), {"period": _period_name(period)}))
        return dict(row)

    def signed_revisions(self, plan_key: int, period: str) -> list[SignedRevision]:
        r, s = TABLES["report"], TABLES["signoff"]
        with self._read() as conn:
            rows = conn.execute(
                select(s).join(r, r.c.id == s.c.report_id)
                .where(r.c.plan_id == plan_key, r.c.period == period).order_by(s.c.revision)
            ).mappings().all()
        return [
            SignedRevision(
                revision=x["revision"], name=x["name"], designation=x["designation"],
                signed_at=dt.datetime.fromisoformat(x["signed_at"]), signed_by=x["signed_by"], digest=x["digest"],
                snapshot=x["snapshot"],
                reopened_at=dt.datetime.fromisoformat(x["reopened_at"]) if x["reopened_at"] else None,
                reopened_by=x["reopened_by"], reopen_reason=x["reopen_reason"],
            )
            for x in rows
        ]

    # ------------------------------------------------------------ audit

    def audit(self, plan_key: int | None = None, indicator_key: int | None = None) -> list[AuditEntry]:
        """The audit log, oldest first: of a plan, of one indicator, or (no arguments) all of it."""
        with self._read() as conn:
            return read_audit(conn, plan_key, indicator_key)

    # ------------------------------------------------------------ helpers

    def _plan_row(self, plan_key: int, w: _Work | None = None) -> dict:
        if w is not None:
            row = w.tx.row("plan", plan_key)
        else:
            with self._read() as conn:
                row = next(iter(docs.rows(conn, "plan", "id", [plan_key])), None)
        return row or _raise(_no_plan())

    def _plan_of(self, w: _Work, table: str, key: int) -> int:
        """The plan a row belongs to."""
        parent = {"indicator": ("activity", "activity_id"), "activity": ("area", "area_id"), "area": (None, "plan_id"),
                  "level": (None, "plan_id"), "report": (None, "plan_id")}
        while True:
            row = w.tx.row(table, key) or _raise(_no_row())
            up, col = parent[table]
            if up is None:
                return row[col]
            table, key = up, row[col]

    @staticmethod
    def _children(w: _Work, table: str, column: str, parent: int) -> list[int]:
        t = TABLES[table]
        q = select(t.c.id).where(t.c[column] == parent)
        if "position" in t.c:
            q = q.order_by(t.c.position)
        return list(w.tx.conn.execute(q).scalars())

    def _plan_indicators(self, w: _Work, plan_id: int) -> list[int]:
        """The plan's indicator ids in plan order."""
        ind, act, area = TABLES["indicator"], TABLES["activity"], TABLES["area"]
        q = (
            select(ind.c.id)
            .join(act, act.c.id == ind.c.activity_id)
            .join(area, area.c.id == act.c.area_id)
            .where(area.c.plan_id == plan_id)
            .order_by(area.c.position, act.c.position, ind.c.position)
        )
        return list(w.tx.conn.execute(q).scalars())

    def _period_of_entry(self, w: _Work, entry_id: int) -> str:
        return w.tx.row("report", w.tx.row("entry", entry_id)["report_id"])["period"]

    def _ensure_report(self, w: _Work, plan_id: int, period: str) -> int:
        r = TABLES["report"]
        rid = w.tx.conn.execute(select(r.c.id).where(r.c.plan_id == plan_id, r.c.period == period)).scalar_one_or_none()
        if rid is not None:
            return rid
        position = w.tx.conn.execute(select(func.count()).where(r.c.plan_id == plan_id)).scalar()
        return w.tx.insert("report", {"plan_id": plan_id, "period": period, "position": position, "status": "draft"})

    def _add_entry(self, w: _Work, plan_id: int, report_id: int, indicator_key: int) -> int:
        """A new entry goes after the entries of the indicators before it in the plan, so an exported
        report lists its entries in plan order (an imported file's own order is kept as it was)."""
        rank = {key: i for i, key in enumerate(self._plan_indicators(w, plan_id))}
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
        self._reposition(w, "entry", ids[:at] + [key] + ids[at:])
        return key

    def _memo_defaults(self, w: _Work, plan_id: int) -> dict[str, Any]:
        office = w.tx.row("office", w.tx.row("plan", plan_id)["office_id"])
        sig = (office["signatories"] or [{}])[0]
        return {
            "body": [],
            "recipient": list(office["default_recipients"] or []),
            "attention": office["default_attention"],
            "copies": list(office["default_copies"] or []),
            "copies_purpose": office["default_copies_purpose"],
            **{f"signatory_{k}": sig.get(k) for k in SIGNATORY_FIELDS},
        }

    def _bump_serial(self, w: _Work, plan_id: int, number: str) -> None:
        """A memo number "<prefix>.<serial>" of a known file moves that file's letter serial on."""
        from egov_desktop.core.digits import to_latin_digits

        office_id = w.tx.row("plan", plan_id)["office_id"]
        prefixes = w.tx.row("office", office_id)["memo_prefixes"] or []
        changed = False
        for p in prefixes:
            head, _, serial = number.rpartition(".")
            serial = to_latin_digits(serial)
            if head == p["prefix"] and serial.isdigit() and int(serial) > p["last_serial"]:
                p["last_serial"], changed = int(serial), True
        if changed:
            w.tx.update("office", office_id, {"memo_prefixes": [dict(p) for p in prefixes]})

    @staticmethod
    def _setting_row(conn, key: str, plan_key: int | None, fiscal_year: str | None) -> dict | None:
        t = TABLES["setting"]
        q = select(t).where(
            t.c.key == key,
            t.c.plan_id.is_(None) if plan_key is None else t.c.plan_id == plan_key,
            t.c.fiscal_year.is_(None) if fiscal_year is None else t.c.fiscal_year == fiscal_year,
        )
        row = conn.execute(q).mappings().first()
        return dict(row) if row else None

    def _set(self, w: _Work, operation: str, table: str, key: int, values: dict[str, Any], plan_id: int | None,
             field_name: str, period: str | None = None, indicator: dict | None = None) -> None:
        before = w.tx.row(table, key) or _raise(_no_row())
        if w.tx.update(table, key, values):
            column = next(iter(values))
            self._audit(w, operation, table, key, plan_id, period=period, field=field_name,
                        old=before[column], new=values[column], indicator=indicator)

    def _audit(self, w: _Work, operation: str, entity: str, key: int | None, plan_id: int | None, *,
               period: str | None = None, field: str | None = None, old: Any = None, new: Any = None,
               indicator: dict | None = None) -> None:
        w.audits.append({
            "operation": operation, "entity": entity, "entity_key": key, "plan_id": plan_id, "period": period,
            "indicator_id": indicator["id"] if indicator else None,
            "indicator_code": indicator["code"] if indicator else None,
            "field": field, "old": _json_text(old), "new": _json_text(new),
        })

    def _record_signoff(self, w: _Work, report_id: int, revision: int, s: Signoff, snapshot: str) -> None:
        w.tx.insert("signoff", {
            "report_id": report_id, "revision": revision, "name": s.name, "designation": s.designation,
            "signed_at": s.signed_at.isoformat(), "signed_by": user_name(), "digest": s.digest, "snapshot": snapshot,
        })

    # Structure. Parents: area -> plan, activity -> area, indicator -> activity.
    _PARENT = {"area": "plan_id", "activity": "area_id", "indicator": "activity_id"}
    _CHILDREN = {"plan": (), "area": (("activity", "area_id"),), "activity": (("indicator", "activity_id"),),
                 "indicator": (("entry", "indicator_id"),), "report": (("entry", "report_id"), ("memo", "report_id"),
                                                                        ("signoff", "report_id")),
                 "level": (), "setting": (), "entry": (), "memo": (), "signoff": ()}

    def _delete_tree(self, w: _Work, table: str, key: int) -> None:
        """Delete a row and everything under it, children first, all journaled (so undo restores them)."""
        for child, col in self._CHILDREN[table]:
            for c in self._children(w, child, col, key):
                self._delete_tree(w, child, c)
        w.tx.delete(table, key)

    def _reposition(self, w: _Work, table: str, ordered: list[int]) -> None:
        for i, key in enumerate(ordered):
            w.tx.update(table, key, {"position": i})

    def _renumber(self, w: _Work, plan_id: int) -> None:
        """Codes follow the order: area "2", activity "2.1", indicator "2.1.3"."""
        for i, area in enumerate(self._children(w, "area", "plan_id", plan_id), 1):
            w.tx.update("area", area, {"code": str(i)})
            for j, act in enumerate(self._children(w, "activity", "area_id", area), 1):
                w.tx.update("activity", act, {"code": f"{i}.{j}"})
                for k, ind in enumerate(self._children(w, "indicator", "activity_id", act), 1):
                    w.tx.update("indicator", ind, {"code": f"{i}.{j}.{k}"})

    def _add(self, w: _Work, table: str, parent_col: str, parent: int, index: int | None, values: dict) -> int:
        siblings = self._children(w, table, parent_col, parent)
        at = len(siblings) if index is None else max(0, min(index, len(siblings)))
        key = w.tx.insert(table, values | {parent_col: parent, "position": len(siblings), "code": ""})
        self._reposition(w, table, siblings[:at] + [key] + siblings[at:])
        self._renumber(w, self._plan_of(w, table, key))
        return key

    def _remove(self, table: str, key: int, description: Msg) -> Change:
        def body(w: _Work) -> None:
            row = w.tx.row(table, key) or _raise(_no_row())
            plan_id = self._plan_of(w, table, key)
            self._check_lock(w, plan_id, None)
            col = self._PARENT[table]
            siblings = [s for s in self._children(w, table, col, row[col]) if s != key]
            self._delete_tree(w, table, key)
            self._reposition(w, table, siblings)
            self._renumber(w, plan_id)
            self._audit(w, f"remove_{table}", table, key, plan_id, old={"code": row["code"], "title": row["title"]},
                        indicator=row if table == "indicator" else None)

        return self._run(description, body)

    def _move(self, table: str, key: int, index: int, new_parent: int | None, description: Msg) -> Change:
        def body(w: _Work) -> None:
            row = w.tx.row(table, key) or _raise(_no_row())
            plan_id = self._plan_of(w, table, key)
            self._check_lock(w, plan_id, None)
            col = self._PARENT[table]
            parent = row[col] if new_parent is None else new_parent
            if table != "area" and self._plan_of(w, {"activity": "area", "indicator": "activity"}[table], parent) != plan_id:
                raise StoreError(Msg(N_("Rows can only be moved within the same plan.")))
            if parent != row[col]:
                old_siblings = [s for s in self._children(w, table, col, row[col]) if s != key]
                self._reposition(w, table, old_siblings)
                w.tx.update(table, key, {col: parent})
            siblings = [s for s in self._children(w, table, col, parent) if s != key]
            at = max(0, min(index, len(siblings)))
            self._reposition(w, table, siblings[:at] + [key] + siblings[at:])
            self._renumber(w, plan_id)
            self._audit(w, f"move_{table}", table, key, plan_id, field="position",
                        old={"code": row["code"]}, new={"code": w.tx.row(table, key)["code"]},
                        indicator=row if table == "indicator" else None)

        return self._run(description, body)


class Group:
    """The handle `Store.group()` yields; `change` is set when the block ends without an error."""

    def __init__(self, description: Msg):
        self.description = description
        self.change: Change | None = None


def _group_member_undo() -> Change:
    raise StoreError(Msg(N_("This change is part of a group; undo the group instead.")))


def _touched(journal: list[Mutation]) -> frozenset[tuple[str, int]]:
    return frozenset((m.table, m.key) for m in journal)


def _inverse_audit(a: dict) -> dict:
    op = a["operation"]
    if op.startswith("undo "):
        op = "redo " + op[5:]
    elif op.startswith("redo "):
        op = "undo " + op[5:]
    else:
        op = "undo " + op
    return a | {"operation": op, "old": a["new"], "new": a["old"]}


def _next_year(d: dt.date) -> dt.date:
    return _shift_years(d, 1)


def _shift_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February into a common year
        return d.replace(year=d.year + years, day=28)


def _period_name(period: str) -> str:
    from egov_desktop.core.periods import period_name

    return period_name(period) if period in PERIODS else period


def _report_errors(doc: PlanDocument, report, today: dt.date | None) -> list:
    """Errors that block sign-off: the rules on the office (its letterhead), the plan (the report is
    scored against it), the report and its memo."""
    from egov_desktop.core import rules

    findings = (
        rules.check_office(doc.office)
        + rules.check_plan(doc.plan)
        + rules.check_report(doc.plan, report, today=today)
        + rules.check_memo(report.memo, report.period)
    )
    return rules.errors(findings)


def _checked(doc: PlanDocument) -> PlanDocument:
    """The document as the exchange reader accepts it: a document built in code gets the same checks
    (types, units, codes, NFC) as one read from a file."""
    try:
        return exchange.from_dict(exchange.to_dict(doc))
    except exchange.ExchangeError as exc:
        raise InvalidValue(exc.msg, exc.where) from None


def _raise(exc: Exception):
    raise exc


def _conflict(exc: IntegrityError) -> StoreError:
    return StoreError(Msg(N_("The change conflicts with data already in the database: {reason}"),
                          {"reason": str(exc.orig)}))


def _no_plan() -> StoreError:
    return StoreError(Msg(N_("The plan was not found; it may have been deleted.")))


def _no_office() -> StoreError:
    return StoreError(Msg(N_("The office was not found.")))


def _no_row() -> StoreError:
    return StoreError(Msg(N_("The row was not found; it may have been deleted.")))
