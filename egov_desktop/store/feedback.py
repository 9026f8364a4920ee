"""Feedback memos sent to subordinate offices (issue 11.6): a record per memo (to one subordinate office, or one to
all), numbered from the office's own memo series, and NIS 1.7's achievement filled from them.

Every change is an operation of the unit of work (one transaction, audited, undoable)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select

from egov_desktop.core import fields as check
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PERIODS, PLAN_KINDS
from egov_desktop.store.errors import InvalidValue, StoreError
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import Change, UnitOfWork, Work, no_office


@dataclass(frozen=True)
class Feedback:
    key: int
    office_key: int
    subordinate_key: int | None  # None: one memo to all the subordinate offices
    recipient: str | None  # the office's name as the memo addressed it; None for all
    kind: str
    fiscal_year: str
    period: str
    number: str | None
    memo_date: dt.date
    file_name: str
    created_at: dt.datetime


@dataclass(frozen=True)
class FeedbackMemo:
    """One memo to record: to a subordinate office (its key), or to all (None); the file it is written to."""

    subordinate_key: int | None
    file_name: str


class Feedbacks:
    def __init__(self, uow: UnitOfWork, reads, progress):
        self.uow = uow
        self.reads = reads  # reading.Reads
        self._progress = progress

    def record_feedback(self, office_key: int, kind: str, fiscal_year: str, period: str, memo_date: dt.date,
                        memos: Sequence[FeedbackMemo]) -> Change:
        """Record feedback memos on the subordinate offices' `period` reports of a plan kind and year, dated
        `memo_date`: each takes the next number of the office's first memo series (as a forwarding memo does),
        in order, and moves the series on; with no series its number is left blank. One operation, one undo
        step. `feedback_records(change)` reads what was recorded (the numbers)."""
        from egov_desktop.store.plans import _check_fiscal_year

        check.choice(kind, PLAN_KINDS)
        check.choice(period, PERIODS)
        _check_fiscal_year(fiscal_year)
        day = dt.date.fromisoformat(check.check_value(memo_date, "date") or "") if memo_date else None
        if day is None:
            raise InvalidValue(Msg(N_("A date is expected here.")))
        if not memos:
            raise InvalidValue(Msg(N_("There is no feedback memo to record.")))
        names = [_file_name(m.file_name) for m in memos]

        def body(w: Work) -> int:
            from egov_desktop.store.office import next_number
            from egov_desktop.store.progress import _bump_serial

            if w.tx.row("office", office_key) is None:
                raise no_office()
            first = None
            for memo, name in zip(memos, names):
                recipient = None
                if memo.subordinate_key is not None:
                    sub = w.row("subordinate", memo.subordinate_key)
                    if sub["office_id"] != office_key:
                        raise StoreError(Msg(N_("{name} is not a subordinate office of this office."),
                                             {"name": sub["name"]}))
                    recipient = sub["name"]
                number = next_number(w.tx.row("office", office_key)["memo_prefixes"] or [])
                values = {"office_id": office_key, "subordinate_id": memo.subordinate_key, "recipient": recipient,
                          "kind": kind, "fiscal_year": fiscal_year, "period": period, "number": number,
                          "memo_date": day.isoformat(), "file_name": name,
                          "created_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
                key = w.tx.insert("feedback", values)
                if number:
                    _bump_serial(w, office_key, number)
                w.audit("record_feedback", "feedback", key, None, period=period, field=kind,
                        new={k: values[k] for k in ("recipient", "fiscal_year", "number", "memo_date", "file_name")})
                first = key if first is None else first
            return first

        what = memos[0].subordinate_key is None and len(memos) == 1
        return self.uow.run(Msg(N_("Feedback memo to all the subordinate offices")) if what else
                            Msg(N_("Feedback memos to {n} subordinate offices"), {"n": len(memos)}), body)

    def remove_feedback(self, feedback_key: int) -> Change:
        """Remove a feedback record (one recorded by mistake); its number stays used in the series."""

        def body(w: Work) -> None:
            row = w.row("feedback", feedback_key)
            w.tx.delete("feedback", feedback_key)
            w.audit("remove_feedback", "feedback", feedback_key, None, period=row["period"], field=row["kind"],
                    old={k: row[k] for k in ("recipient", "fiscal_year", "number", "memo_date", "file_name")})

        return self.uow.run(Msg(N_("Remove a feedback record")), body)

    def list_feedback(self, office_key: int, fiscal_year: str | None = None, kind: str | None = None,
                      keys: Sequence[int] | None = None) -> list[Feedback]:
        """The office's feedback records (of a year, a kind, or those `keys`), by memo date, then as recorded."""
        t = TABLES["feedback"]
        q = select(t).where(t.c.office_id == office_key)
        if fiscal_year is not None:
            q = q.where(t.c.fiscal_year == fiscal_year)
        if kind is not None:
            q = q.where(t.c.kind == kind)
        if keys is not None:
            q = q.where(t.c.id.in_(list(keys)))
        with self.uow.read() as conn:
            return [_feedback(r) for r in conn.execute(q.order_by(t.c.memo_date, t.c.id)).mappings()]

    def feedback_records(self, change: Change) -> list[Feedback]:
        """The records a record_feedback change wrote, in order."""
        keys = sorted(k for table, k in change.touched if table == "feedback")
        if not keys:
            return []
        office = self._office_of_feedback(keys[0])
        return self.list_feedback(office, keys=keys) if office is not None else []

    def _office_of_feedback(self, key: int) -> int | None:
        row = self.reads.read_row("feedback", key)
        return None if row is None else row["office_id"]

    def fill_nis_feedback(self, plan_key: int, period: str) -> Change:
        """NIS 1.7 ("feedback to subordinate offices") of the office's NIS plan, in its `period` report, from the
        feedback memos recorded on the subordinate offices' NIS reports of that year (core.feedback.nis_fill): the
        entry's dates and/or value, written by the progress operations (checked, refused on a signed report,
        audited) as one undo step. StoreError when the plan has no such indicator or it is a percent."""
        from egov_desktop.core.feedback import CannotFill, feedback_indicator, nis_fill, rounds

        check.choice(period, PERIODS)
        doc = self.reads.get_document(plan_key)
        if doc.plan.kind != "nis":
            raise StoreError(Msg(N_("Feedback fills the indicator of the National Integrity Strategy plan; this "
                                    "plan is not one.")))
        ind = feedback_indicator(doc.plan)
        if ind is None:
            raise StoreError(Msg(N_("The plan has no indicator of feedback to subordinate offices (1.7).")))
        office = self.reads.plan_row(plan_key)["office_id"]
        given = rounds((r.period, r.memo_date) for r in self.list_feedback(office, doc.plan.fiscal_year, "nis"))
        if not given:
            raise StoreError(Msg(N_("No feedback memo on the subordinate offices' NIS reports of {year} is "
                                    "recorded."), {"year": doc.plan.fiscal_year}))
        try:
            fill = nis_fill(ind, given)
        except CannotFill as exc:
            raise StoreError(exc.msg) from None
        with self.uow.group(Msg(N_("Fill {code} from the feedback memos"), {"code": ind.code})) as grp:
            for index, day in fill.dates.items():
                self._progress.set_entry_date(plan_key, period, ind.key, index, day)
            if fill.set_value:
                self._progress.set_entry_field(plan_key, period, ind.key, "value", fill.value)
        return grp.change


def _file_name(value) -> str:
    name = check.name(value, True)
    if not name or any(c in name for c in "/\\") or name in (".", ".."):
        raise InvalidValue(Msg(N_("A file name without a folder is expected here.")))
    return name


def _feedback(r) -> Feedback:
    return Feedback(key=r["id"], office_key=r["office_id"], subordinate_key=r["subordinate_id"],
                    recipient=r["recipient"], kind=r["kind"], fiscal_year=r["fiscal_year"], period=r["period"],
                    number=r["number"], memo_date=dt.date.fromisoformat(r["memo_date"]), file_name=r["file_name"],
                    created_at=dt.datetime.fromisoformat(r["created_at"]))
