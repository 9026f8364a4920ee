"""Sealing a report: sign-off (refused while the rules find errors), marking it submitted, reopening,
and the signed revisions kept for ever. These are logged, not undoable steps."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from egov_desktop.core import exchange, rules
from egov_desktop.core import fields as check
from egov_desktop.core.digest import report_digest
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PlanDocument, Signatory, Signoff
from egov_desktop.store import backup, dialect
from egov_desktop.store import documents as docs
from egov_desktop.store import reading
from egov_desktop.store.audit import who
from egov_desktop.store.errors import ReportLocked, SignOffRefused, StoreError
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import UnitOfWork, Work, no_plan, period_name, raise_


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


class Sealing:
    def __init__(self, uow: UnitOfWork, path: Path, reads):
        self.uow = uow
        self.path = path
        self.reads = reads  # reading.Reads

    def document_as_signed(self, plan_key: int, period: str) -> PlanDocument:
        """The document to export the `period` report from. A sealed report keeps the office header it was
        signed with: the header is part of the seal, yet stays editable for the office's other reports."""
        doc = self.reads.get_document(plan_key)
        report = doc.report(period)
        if report is not None and report.status != "draft":
            signed = self.signed_revisions(plan_key, period)
            seal = next((s for s in signed if s.revision == (report.revision or 1)), signed[-1] if signed else None)
            if seal is not None:
                doc.office = seal.document().office
        return doc

    def document_to_export(self, plan_key: int) -> PlanDocument:
        """The document to write an exchange file from: each sealed report whose office header has changed
        since it was signed carries the header it was signed with (exchange.SEALED_OFFICE), so the reader
        finds its seal intact."""
        doc = self.reads.get_document(plan_key)
        for report in doc.reports:
            if report.signoff is None:
                continue
            sealed = self.document_as_signed(plan_key, report.period).office
            if sealed != doc.office:
                report.signoff.extras[exchange.SEALED_OFFICE] = exchange.office_dict(sealed)
        return doc

    def sign_off(self, plan_key: int, period: str, signatory: Signatory, today: dt.date | None = None) -> SignedRevision:
        """Seal the report: refused while the rules find errors in it or its memo. Records name, designation,
        time, revision, digest and the exchange document as signed. Not undoable: use reopen()."""
        self.uow.writable()
        name = check.name(signatory.name)
        designation = check.name(signatory.designation)
        if not name or not designation:
            raise check.FieldError(Msg(N_("The signatory's name and designation are needed to sign off.")))

        def body(w: Work) -> int:
            # The report row locked first, on a server: an edit of it in flight (Work.check_lock holds the
            # row shared) commits before the document is read and digested; one that comes later waits,
            # then finds the report sealed.
            r = TABLES["report"]
            w.tx.conn.execute(dialect.locking(select(r.c.id).where(r.c.plan_id == plan_key, r.c.period == period),
                                              w.tx.conn)).all()
            doc = reading.read_document(w.tx.conn, plan_key) or raise_(no_plan())
            report = doc.report(period)
            if report is None:
                raise StoreError(Msg(N_("There is no {period} report to sign off."), {"period": period_name(period)}))
            if report.status != "draft":
                raise ReportLocked(Msg(N_("The {period} report is already signed off."),
                                       {"period": period_name(period)}))
            findings = rules.sign_off_blockers(doc, report, today)
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
            record_signoff(w, report.key, revision, signed, docs.snapshot(doc, period))
            w.audit("sign_off", "report", report.key, plan_key, period=period, field="status",
                    old="draft", new={"revision": revision, "name": name, "designation": designation,
                                      "digest": signed.digest})
            return revision

        revision = self.uow.log(body)
        if not dialect.is_server(self.path):  # a server's backups are its IT person's (README)
            backup.after_signoff(self.path, plan_key, period, revision)
        return self.signed_revisions(plan_key, period)[-1]

    def mark_submitted(self, plan_key: int, period: str) -> None:
        """Record that the signed-off report was sent to the upper office: its status becomes "submitted"
        (so the exchange file says so). It stays sealed; reopen() opens it as it does a signed-off one.
        Not undoable; written to the audit log."""

        def body(w: Work) -> None:
            row = _sealed_report(w, plan_key, period)
            if row["status"] == "submitted":
                raise StoreError(Msg(N_("The {period} report is already marked as submitted."),
                                     {"period": period_name(period)}))
            w.tx.update("report", row["id"], {"status": "submitted"})
            w.audit("mark_submitted", "report", row["id"], plan_key, period=period, field="status",
                    old=row["status"], new="submitted")

        self.uow.log(body)

    def reopen(self, plan_key: int, period: str, reason: str) -> None:
        """Open a signed (or submitted) report for changes again; the reason is required and logged. The next
        sign-off is the next revision; the signed one stays retrievable (signed_revisions)."""
        self.uow.writable()
        reason = check.text(reason)
        if not reason or not reason.strip():
            raise check.FieldError(Msg(N_("Please give the reason for reopening the report.")))

        def body(w: Work) -> None:
            row = _sealed_report(w, plan_key, period)
            revision = row["revision"] or 1
            w.tx.update("report", row["id"], {
                "status": "draft", "revision": revision + 1, "signoff_name": None, "signoff_designation": None,
                "signoff_at": None, "signoff_digest": None, "signoff_extras": None,
            })
            s = TABLES["signoff"]
            sid = w.tx.conn.execute(select(s.c.id).where(s.c.report_id == row["id"], s.c.revision == revision)).scalar()
            if sid is not None:
                w.tx.update("signoff", sid, {"reopened_at": docs.now_iso(), "reopened_by": who(w.tx.conn),
                                             "reopen_reason": reason})
            w.audit("reopen", "report", row["id"], plan_key, period=period, field="status",
                    old={"status": row["status"], "revision": revision}, new={"status": "draft", "reason": reason})

        self.uow.log(body)

    def signed_revisions(self, plan_key: int, period: str) -> list[SignedRevision]:
        r, s = TABLES["report"], TABLES["signoff"]
        with self.uow.read() as conn:
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


def record_signoff(w: Work, report_id: int, revision: int, s: Signoff, snapshot: str) -> None:
    w.tx.insert("signoff", {
        "report_id": report_id, "revision": revision, "name": s.name, "designation": s.designation,
        "signed_at": s.signed_at.isoformat(), "signed_by": who(w.tx.conn), "digest": s.digest, "snapshot": snapshot,
    })


def _sealed_report(w: Work, plan_key: int, period: str) -> dict:
    """The report row of a signed-off or submitted report, else StoreError."""
    r = TABLES["report"]
    row = w.tx.conn.execute(dialect.locking(select(r).where(r.c.plan_id == plan_key, r.c.period == period),
                                            w.tx.conn)).mappings().first()
    if row is None or row["status"] == "draft":
        raise StoreError(Msg(N_("The {period} report is not signed off."), {"period": period_name(period)}))
    return dict(row)
