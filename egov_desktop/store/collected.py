"""The office's subordinate offices and the reports collected from them (issue 11.4), kept apart from the office's
own plans: a collected report is one row holding its exchange document (the subordinate's plan with that one
report), filed under (subordinate office, plan kind, fiscal year, period), with where it came from, when, its
revision and digest, whether it was signed and whether the digest held, and its evidence files.

Every change is an operation of the unit of work (one transaction, audited, undoable)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from egov_desktop.core import exchange
from egov_desktop.core import fields as check
from egov_desktop.core.collecting import SOURCE_KINDS, Received, match_office
from egov_desktop.core.evidence import EvidenceFile
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PERIODS, PLAN_KINDS, TIERS, PlanDocument
from egov_desktop.store import reading
from egov_desktop.store.errors import InvalidValue, StoreError
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import Change, UnitOfWork, Work, no_office, no_row


@dataclass(frozen=True)
class Subordinate:
    key: int
    office_key: int  # the office whose subordinate it is
    name: str
    tier: str
    email: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class CollectedReport:
    """A collected report's record; `document()` reads its exchange document."""

    key: int
    subordinate_key: int
    office: str  # the subordinate office's name
    kind: str
    fiscal_year: str
    period: str
    source_name: str
    source_kind: str
    received_at: dt.datetime
    status: str
    revision: int | None
    digest: str | None
    signed: bool
    verified: bool
    content_sha256: str
    document_json: str | None = None  # filled by get_collected and collected_documents

    def document(self) -> PlanDocument:
        return exchange.loads(self.document_json)


SUBORDINATE_FIELDS: dict[str, Any] = {
    "name": lambda v: _office_name(v),
    "tier": lambda v: check.choice(v, TIERS),
    "email": lambda v: _one_address(v),
    "code": lambda v: check.name(v),
}


def _office_name(value: Any) -> str:
    name = check.name(value.strip() if isinstance(value, str) else value, True)
    if not name:
        raise check.FieldError(Msg(N_("This field cannot be empty.")))
    return name


def _one_address(value: Any) -> str | None:
    found = check.emails(value)
    if found and len(found) > 1:
        raise check.FieldError(Msg(N_("One e-mail address is expected here.")))
    return found[0] if found else None


class Collected:
    def __init__(self, uow: UnitOfWork, reads):
        self.uow = uow
        self.reads = reads  # reading.Reads

    # ------------------------------------------------------------ subordinate offices

    def subordinates(self, office_key: int) -> list[Subordinate]:
        """The office's subordinate offices, in the order the office keeps them."""
        with self.reads.db.read() as conn:  # reading.py's read, on its connection (on a file, no engine)
            return [_subordinate(r) for r in reading.rows(conn, "subordinate", "office_id", [office_key])]

    def get_subordinate(self, subordinate_key: int) -> Subordinate:
        row = self.reads.read_row("subordinate", subordinate_key)
        if row is None:
            raise no_row()
        return _subordinate(row)

    def find_subordinate(self, office_key: int, name: str) -> int | None:
        """The subordinate office of that name (NFC, spaces and case aside), or None."""
        return match_office(name, {s.name: s.key for s in self.subordinates(office_key)})

    def add_subordinate(self, office_key: int, name: str, tier: str, email: str | None = None,
                        code: str | None = None) -> Change:
        """A subordinate office after the others; a name the office already has is refused. `change.key` is it."""
        values = {f: check.check_field(SUBORDINATE_FIELDS, f, v)
                  for f, v in (("name", name), ("tier", tier), ("email", email), ("code", code))}

        def body(w: Work) -> int:
            if w.tx.row("office", office_key) is None:
                raise no_office()
            _unique_name(w, office_key, values["name"], None)
            t = TABLES["subordinate"]
            position = w.tx.conn.execute(select(func.count()).where(t.c.office_id == office_key)).scalar_one()
            key = w.tx.insert("subordinate", {"office_id": office_key, "position": position, **values})
            w.audit("add_subordinate", "subordinate", key, None, new=values)
            return key

        return self.uow.run(Msg(N_("Add the subordinate office {name}"), {"name": values["name"]}), body)

    def set_subordinate_field(self, subordinate_key: int, field_name: str, value: Any) -> Change:
        """name, tier, email or code of a subordinate office."""
        value = check.check_field(SUBORDINATE_FIELDS, field_name, value)

        def body(w: Work) -> None:
            row = w.row("subordinate", subordinate_key)
            if field_name == "name":
                _unique_name(w, row["office_id"], value, subordinate_key)
            w.set("set_subordinate_field", "subordinate", subordinate_key, {field_name: value}, None, field_name)

        return self.uow.run(Msg(N_("Change the subordinate office")), body)

    def remove_subordinate(self, subordinate_key: int) -> Change:
        """Remove a subordinate office; refused while reports collected from it or feedback memos sent to it are
        kept (remove those first)."""

        def body(w: Work) -> None:
            row = w.row("subordinate", subordinate_key)
            c = TABLES["collected"]
            n = w.tx.conn.execute(select(func.count()).where(c.c.subordinate_id == subordinate_key)).scalar_one()
            if n:
                raise StoreError(Msg(N_("{name} has {n} collected reports; remove them before the office."),
                                     {"name": row["name"], "n": n}))
            f = TABLES["feedback"]
            n = w.tx.conn.execute(select(func.count()).where(f.c.subordinate_id == subordinate_key)).scalar_one()
            if n:  # the memos sent are the record NIS 1.7 is filled from: kept, with whom they went to
                raise StoreError(Msg(N_("{n} feedback memos to {name} are recorded; remove them before the "
                                        "office."), {"name": row["name"], "n": n}))
            w.tx.delete("subordinate", subordinate_key)
            t = TABLES["subordinate"]
            rest = list(w.tx.conn.execute(select(t.c.id).where(t.c.office_id == row["office_id"])
                                          .order_by(t.c.position)).scalars())
            w.reposition("subordinate", rest)
            w.audit("remove_subordinate", "subordinate", subordinate_key, None, old=_public(row))

        return self.uow.run(Msg(N_("Remove a subordinate office")), body)

    # ------------------------------------------------------------ collected reports

    def list_collected(self, kind: str, fiscal_year: str, period: str | None = None) -> list[CollectedReport]:
        """The reports collected for a plan kind and fiscal year (and period), in the subordinate offices' order,
        without their documents (one statement)."""
        with self.uow.read() as conn:
            return [_collected(r) for r in conn.execute(_query(False).where(
                *_slot(kind, fiscal_year, period))).mappings()]

    def collected_years(self) -> list[str]:
        """The fiscal years of the reports collected, newest first (one statement)."""
        c = TABLES["collected"]
        with self.uow.read() as conn:
            return list(conn.execute(select(c.c.fiscal_year).distinct().order_by(c.c.fiscal_year.desc())).scalars())

    def collected_documents(self, kind: str, fiscal_year: str, period: str) -> list[CollectedReport]:
        """As list_collected, each with its document (`r.document()` reads it): what a consolidation needs."""
        with self.uow.read() as conn:
            return [_collected(r) for r in conn.execute(_query(True).where(
                *_slot(kind, fiscal_year, period))).mappings()]

    def get_collected(self, collected_key: int) -> CollectedReport:
        c = TABLES["collected"]
        with self.uow.read() as conn:
            row = conn.execute(_query(True).where(c.c.id == collected_key)).mappings().first()
        if row is None:
            raise no_row()
        return _collected(row)

    def find_collected(self, subordinate_key: int, kind: str, fiscal_year: str, period: str) -> CollectedReport | None:
        c = TABLES["collected"]
        with self.uow.read() as conn:
            row = conn.execute(_query(False).where(
                c.c.subordinate_id == subordinate_key, *_slot(kind, fiscal_year, period))).mappings().first()
        return _collected(row) if row is not None else None

    def collect_report(self, subordinate_key: int, report: Received, source_name: str,
                       evidence: dict[str, list[EvidenceFile]] | None = None, replace: bool = False) -> Change:
        """File a subordinate office's report (core.collecting.Received) under its office, kind, year and period.
        One already there is refused unless `replace` (the user agreed): then it and its evidence files are
        replaced. `evidence`: indicator code -> files (from a package). `change.key` is the collected report."""
        if report.source_kind not in SOURCE_KINDS:
            raise InvalidValue(Msg(N_("must be one of: {allowed}"), {"allowed": ", ".join(SOURCE_KINDS)}))
        plan = report.doc.plan
        check.choice(plan.kind, PLAN_KINDS)
        check.choice(report.period, PERIODS)
        source_name = check.name(source_name, True)
        values = {
            "kind": plan.kind, "fiscal_year": plan.fiscal_year, "period": report.period,
            "document": report.document_json(), "source_name": source_name, "source_kind": report.source_kind,
            "received_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "status": report.report.status, "revision": report.revision, "digest": report.digest,
            "signed": report.signed, "verified": report.verified, "content_sha256": report.content_sha256(),
        }

        def body(w: Work) -> int:
            sub = w.row("subordinate", subordinate_key)
            c = TABLES["collected"]
            old = w.tx.conn.execute(select(c.c.id).where(
                c.c.subordinate_id == subordinate_key, *_slot(plan.kind, plan.fiscal_year, report.period))
            ).scalar_one_or_none()
            if old is not None and not replace:
                raise StoreError(Msg(N_("A report of {office} for this plan and period is already collected."),
                                     {"office": sub["name"]}))
            if old is not None:
                w.delete_tree("collected", [old])
            key = w.tx.insert("collected", {"subordinate_id": subordinate_key, **values})
            _insert_evidence(w, key, evidence or {})
            w.audit("replace_collected" if old is not None else "collect_report", "collected", key, None,
                    period=report.period, field=plan.kind, old=old,
                    new={"office": sub["name"], "fiscal_year": plan.fiscal_year, "source": source_name,
                         "revision": report.revision, "sha256": values["content_sha256"]})
            return key

        return self.uow.run(Msg(N_("Collect the report of {office}"), {"office": report.doc.office.name}), body)

    def set_collected_evidence(self, collected_key: int, evidence: dict[str, list[EvidenceFile]]) -> Change:
        """A collected report's evidence files (indicator code -> files), in place of those it had: the same report
        came again in its package, after its Word or Excel file (which holds no files). The report, and when it was
        received (its status by the deadline), stay as they were."""

        def body(w: Work) -> int:
            row = w.row("collected", collected_key)
            w.description = Msg(N_("Add the evidence files of the report of {office}"), {
                "office": w.row("subordinate", row["subordinate_id"])["name"]})
            had = w.children("collected_evidence", "collected_id", collected_key)
            # The new links first: a file that stays is not dropped with the old link and stored again.
            _insert_evidence(w, collected_key, evidence)
            w.delete_tree("collected_evidence", had)
            w.audit("collected_evidence", "collected", collected_key, None, period=row["period"], field=row["kind"],
                    old=len(had), new=sum(len(files) for files in evidence.values()))
            return collected_key

        return self.uow.run(Msg(N_("Add the evidence files of a collected report")), body)

    def remove_collected(self, collected_key: int) -> Change:
        """Remove a collected report with its evidence files (the files themselves when nothing else uses them)."""

        def body(w: Work) -> None:
            row = w.row("collected", collected_key)
            w.delete_tree("collected", [collected_key])
            w.audit("remove_collected", "collected", collected_key, None, period=row["period"], field=row["kind"],
                    old={"fiscal_year": row["fiscal_year"], "source": row["source_name"]})

        return self.uow.run(Msg(N_("Remove a collected report")), body)

    def collected_evidence(self, collected_key: int) -> dict[str, list[dict]]:
        """indicator code -> the collected report's evidence files, in order: {"name", "sha256", "type", "size",
        "file_id"} (the bytes: evidence_content(file_id))."""
        e, f = TABLES["collected_evidence"], TABLES["evidence_file"]
        out: dict[str, list[dict]] = {}
        with self.uow.read() as conn:
            for r in conn.execute(select(e.c.indicator, e.c.name, f.c.sha256, f.c.media_type, f.c.size, e.c.file_id)
                                  .join(f, f.c.id == e.c.file_id).where(e.c.collected_id == collected_key)
                                  .order_by(e.c.indicator, e.c.position)).all():
                out.setdefault(r.indicator, []).append({"name": r.name, "sha256": r.sha256, "type": r.media_type,
                                                        "size": r.size, "file_id": r.file_id})
        return out


def _insert_evidence(w: Work, collected_key: int, evidence: dict[str, list[EvidenceFile]]) -> None:
    for code, files in evidence.items():
        for position, f in enumerate(files):
            w.tx.insert("collected_evidence", {"collected_id": collected_key, "file_id": w.stored_file(f),
                                               "indicator": code, "name": f.name, "position": position})


def _subordinate(row: dict) -> Subordinate:
    return Subordinate(row["id"], row["office_id"], row["name"], row["tier"], row["email"], row["code"])


def _public(row: dict) -> dict:
    return {k: row[k] for k in ("name", "tier", "email", "code")}


def _unique_name(w: Work, office_key: int, name: str, own: int | None) -> None:
    t = TABLES["subordinate"]
    others = {n: k for k, n in w.tx.conn.execute(select(t.c.id, t.c.name).where(t.c.office_id == office_key)).all()
              if k != own}
    if match_office(name, others) is not None:
        raise InvalidValue(Msg(N_("There is already a subordinate office named {name}."), {"name": name}))


def _slot(kind: str, fiscal_year: str, period: str | None) -> list:
    c = TABLES["collected"]
    out = [c.c.kind == kind, c.c.fiscal_year == fiscal_year]
    if period is not None:
        out.append(c.c.period == period)
    return out


_META = ("id", "subordinate_id", "kind", "fiscal_year", "period", "source_name", "source_kind", "received_at",
         "status", "revision", "digest", "signed", "verified", "content_sha256")


def _query(with_document: bool):
    c, s = TABLES["collected"], TABLES["subordinate"]
    cols = [c.c[n] for n in _META] + [s.c.name.label("office")] + ([c.c.document] if with_document else [])
    order = [s.c.office_id, s.c.position, c.c.period]
    return select(*cols).join(s, s.c.id == c.c.subordinate_id).order_by(*order)


def _collected(r) -> CollectedReport:
    return CollectedReport(
        key=r["id"], subordinate_key=r["subordinate_id"], office=r["office"], kind=r["kind"],
        fiscal_year=r["fiscal_year"], period=r["period"], source_name=r["source_name"], source_kind=r["source_kind"],
        received_at=dt.datetime.fromisoformat(r["received_at"]), status=r["status"], revision=r["revision"],
        digest=r["digest"], signed=bool(r["signed"]), verified=bool(r["verified"]),
        content_sha256=r["content_sha256"], document_json=r.get("document"))
