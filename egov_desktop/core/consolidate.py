"""Consolidation (issue 11.5): the subordinate offices' reports of one plan kind, fiscal year and period
side by side, offices × indicators, as an upper office compiles them.

Each office's report is scored by core.scoring, as the office itself scores it (its own plan, targets,
weights and settings): nothing is scored twice, and an office's total here is the total of its own
Word report. Indicators are matched across offices by code; where one plan uses a code twice (PLANS.md
§4.6: two [১.১.১] in one real plan) the titles tell the two apart, and failing that their order does. Each
office's cell is its own indicator's, by place (Plan.places: code and occurrence; Report.entries_of), so each of
two same-code indicators shows its own figure, evidence and dates.
An office's status is "on_time" when its report was sent by the period's deadline (the office's editable
deadline table), "late" after it, "missing" when there is none. When it was sent is what the report itself says
(`sent_of`: its forwarding memo's date, else its sign-off time), not when the upper office happened to collect the
file: a report e-mailed on the 18th and collected on the 25th was on time.

Speed (issue 11.5: the view of 300 offices opens in under a second; bench/bench_consolidate.py): what costs is
reading each collected exchange document and scoring it. A collected report never changes in place (another
one replaces it, with another content digest), so what was read and scored of it is kept for the process,
keyed by that digest (`Submission.digest`, the store's content_sha256): the view read again after one more
report is collected, or for a period seen before, reads and scores only what is new. It is the same reading
and the same scoring, done once, not a second way to score.
"""
from __future__ import annotations

import datetime as dt
import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Sequence

from egov_desktop.core.i18n import N_
from egov_desktop.core.model import Indicator, PlanDocument, Report, Value
from egov_desktop.core.rules import evidence_missing
from egov_desktop.core.scoring import IndicatorScore, score_report

When = dt.datetime | dt.date
ON_TIME, LATE, MISSING = "on_time", "late", "missing"
STATUSES = (ON_TIME, LATE, MISSING)
STATUS_NAMES = {ON_TIME: N_("On time"), LATE: N_("Late"), MISSING: N_("Missing")}
# The summary's columns, an office per row, as the command, Word and Excel print them.
SUMMARY_COLUMNS = (N_("No."), N_("Office"), N_("Status"), N_("Sent"), N_("Received"), N_("Marks obtained"),
                   N_("Out of"), N_("Percent"))


@dataclass(frozen=True)
class Submission:
    """One subordinate office's collected report: its exchange document (plan + the period's report),
    when it was received, and whatever the caller needs to open it again (`key`, e.g. the store's row)."""

    office: str
    document: PlanDocument
    received: dt.datetime | dt.date | None
    key: Any = None
    signed: bool = False
    verified: bool | None = None
    # The digest of `document`'s content (store: content_sha256), when known: what consolidating it makes is
    # then kept for the process under it (module docstring). Two documents with one digest must be the same.
    digest: str | None = None


@dataclass(frozen=True)
class Column:
    """An indicator as it appears across the offices' plans: the code and title of its first appearance, and
    its occurrence there (None, or 2, 3, … for the later of two indicators with one code: Plan.places)."""

    code: str
    title: str
    unit: str
    weight: float
    occurrence: int | None = None


@dataclass(frozen=True)
class Cell:
    value: Value
    percent: float
    score: float
    weight: float
    not_applicable: bool = False
    scorable: bool = True
    evidence_missing: bool = False
    dates: tuple = ()
    # The office's indicator as its own plan places it (code, occurrence): of twins, which one this is.
    place: tuple[str, int | None] = ("", None)

    @property
    def below_target(self) -> bool:
        """Short of full marks (the best target level), where it counts."""
        return self.scorable and not self.not_applicable and self.percent < 100.0


@dataclass
class OfficeRow:
    office: str
    status: str
    received: dt.datetime | dt.date | None = None
    # When the office sent it (sent_of): what the status is judged by.
    sent: dt.datetime | dt.date | None = None
    total: float | None = None
    out_of: float | None = None
    # Column index -> the office's cell; an indicator its plan does not have has none.
    cells: dict[int, Cell] = field(default_factory=dict)
    submission: Submission | None = None
    # False for a report from an office that is not (or no longer) in the list of subordinate offices.
    listed: bool = True

    @property
    def percent(self) -> float | None:
        if self.total is None or not self.out_of:
            return None
        return round(self.total / self.out_of * 100.0, 9)


@dataclass
class Consolidation:
    period: str
    deadline: dt.date | None
    columns: list[Column]
    rows: list[OfficeRow]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def _normal(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()


def _code_order(code: str) -> tuple:
    """"1.10.1" after "1.9.1": the numeric parts compared as numbers, anything else after them as text."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\s]+", code))


def day_of(when: When) -> dt.date:
    """The day of a date or time, in the office's own time zone (the store keeps UTC)."""
    if isinstance(when, dt.datetime):
        return (when.astimezone() if when.tzinfo is not None else when).date()
    return when


def sent_of(report: Report, received: When | None) -> When | None:
    """When the office sent `report`, as the report itself carries it: the date of its forwarding memo (what a
    government letter goes by), else the time it was signed off; never after it was `received` (a report cannot
    be sent after it came: a memo post-dated, or a wrong clock), and when it carries neither (a draft from a table,
    a report marked submitted keeps no time in the exchange format), when it was received."""
    carried = report.memo.date if report.memo is not None and report.memo.date is not None else \
        report.signoff.signed_at if report.signoff is not None else None
    if carried is None or received is None:
        return received
    if day_of(carried) > day_of(received):
        return received
    if (isinstance(carried, dt.datetime) and isinstance(received, dt.datetime)
            and (carried.tzinfo is None) == (received.tzinfo is None) and carried > received):
        return received  # the same day, a later hour
    return carried


def status_of(sent: When | None, deadline: dt.date | None) -> str:
    """on_time when sent by the deadline's day (inclusive), late after it, missing without a report; with no
    deadline known, a report is on time."""
    if sent is None:
        return MISSING
    return ON_TIME if deadline is None or day_of(sent) <= deadline else LATE


class _Columns:
    """The columns, matched as the offices' plans come in."""

    def __init__(self) -> None:
        self.columns: list[Column] = []
        self._by_code: dict[str, list[int]] = {}
        # Title -> its compared form: 300 offices' plans repeat the same few dozen titles, and NFC of Bangla
        # text is not cheap (it was a fifth of consolidating 300 offices).
        self._normal: dict[str, str] = {}

    def _title(self, title: str) -> str:
        normal = self._normal.get(title)
        if normal is None:
            normal = self._normal[title] = _normal(title)
        return normal

    def match(self, indicators: Sequence[Indicator], places: Sequence[tuple[str, int | None]]) -> list[int]:
        """The column index of each of one plan's indicators (in plan order, with their places), adding columns
        for new ones: the column of the same code and title, else of the same code not yet taken by this plan,
        else new."""
        taken: set[int] = set()
        out = []
        for ind, (_code, occurrence) in zip(indicators, places):
            candidates = [i for i in self._by_code.get(ind.code, []) if i not in taken]
            title = self._title(ind.title)
            index = next((i for i in candidates if self._title(self.columns[i].title) == title), None)
            if index is None and candidates:
                index = candidates[0]
            if index is None:
                index = len(self.columns)
                self.columns.append(Column(ind.code, ind.title, ind.unit, ind.weight, occurrence))
                self._by_code.setdefault(ind.code, []).append(index)
            taken.add(index)
            out.append(index)
        return out


def _cells(doc: PlanDocument, report: Report, scores: Sequence[IndicatorScore]) -> list[Cell]:
    # Each indicator's own entry, a twin's too (Report.entries_of), as scoring takes them.
    out = []
    for entry, place, s in zip(report.entries_of(doc.plan), doc.plan.places(), scores):
        out.append(Cell(s.value, s.percent, s.score, s.weight, s.not_applicable, s.scorable,
                        evidence_missing(entry), tuple(entry.dates or ()) if entry else (), place))
    return out


@dataclass(frozen=True)
class _Scored:
    """An office's report as consolidation scores it (by its own plan)."""

    cells: tuple[Cell, ...]
    total: float
    out_of: float


class _Recent:
    """What was read and scored of the most recently consolidated documents, by content digest (module
    docstring). Bounded: two views' worth of 300 offices (a parsed 13-indicator report takes some 27 KB)."""

    SIZE = 600

    def __init__(self) -> None:
        self._lock = threading.Lock()  # the window may consolidate in a worker thread
        self._items: OrderedDict[str, tuple[PlanDocument, dict[str, _Scored]]] = OrderedDict()

    def document(self, digest: str) -> PlanDocument | None:
        with self._lock:
            item = self._items.get(digest)
            if item is None:
                return None
            self._items.move_to_end(digest)
            return item[0]

    def scored(self, digest: str, document: PlanDocument, period: str) -> _Scored | None:
        with self._lock:
            item = self._items.get(digest)
            return item[1].get(period) if item is not None and item[0] is document else None

    def keep(self, digest: str, document: PlanDocument, period: str | None = None,
             scored: _Scored | None = None) -> None:
        with self._lock:
            item = self._items.get(digest)
            if item is None or item[0] is not document:
                item = self._items[digest] = (document, {})
            if period is not None:
                item[1][period] = scored
            self._items.move_to_end(digest)
            while len(self._items) > self.SIZE:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


RECENT = _Recent()


def _scored(sub: Submission, report: Report) -> _Scored:
    """`report` of `sub` scored by its own plan; kept under the document's digest when it has one."""
    if sub.digest is not None:
        kept = RECENT.scored(sub.digest, sub.document, report.period)
        if kept is not None:
            return kept
    result = score_report(sub.document.plan, report, sub.document.reports)
    scored = _Scored(tuple(_cells(sub.document, report, result.indicators)), result.total, result.out_of)
    if sub.digest is not None:
        RECENT.keep(sub.digest, sub.document, report.period, scored)
    return scored


def consolidate(submissions: Sequence[Submission], offices: Sequence[str], period: str,
                deadline: dt.date | None) -> Consolidation:
    """The matrix of the subordinate `offices` (in their order, then any other office that sent a report)
    × the indicators of their plans, for the reports of `period`. Of two reports of one office the one
    received last counts. An office whose document has no report of the period is missing."""
    latest: dict[str, Submission] = {}
    for sub in submissions:
        name = _normal(sub.office)
        known = latest.get(name)
        if known is None or _when(sub) >= _when(known):
            latest[name] = sub
    listed = {_normal(o) for o in offices}
    names = list(offices) + [s.office for n, s in latest.items() if n not in listed]
    columns = _Columns()
    rows = []
    placed: set[str] = set()
    for name in names:
        key = _normal(name)
        if key in placed:
            continue
        placed.add(key)
        sub = latest.get(key)
        report = sub.document.report(period) if sub is not None else None
        if sub is None or report is None:
            rows.append(OfficeRow(name, MISSING, None, submission=sub, listed=key in listed))
            continue
        scored = _scored(sub, report)
        indexes = columns.match(sub.document.plan.indicators(), sub.document.plan.places())
        cells = scored.cells
        sent = sent_of(report, sub.received)
        row = OfficeRow(name, status_of(sent, deadline), sub.received, sent, scored.total, scored.out_of,
                        {}, sub, key in listed)
        for index, cell in zip(indexes, cells):
            row.cells.setdefault(index, cell)
        rows.append(row)
    order = sorted(range(len(columns.columns)), key=lambda i: (_code_order(columns.columns[i].code), i))
    renumber = {old: new for new, old in enumerate(order)}
    for row in rows:
        row.cells = {renumber[i]: c for i, c in sorted(row.cells.items(), key=lambda kv: renumber[kv[0]])}
    return Consolidation(period, deadline, [columns.columns[i] for i in order], rows)


def _when(sub: Submission) -> dt.datetime:
    r = sub.received
    if r is None:
        return dt.datetime.min
    if isinstance(r, dt.datetime):
        return r.replace(tzinfo=None)
    return dt.datetime.combine(r, dt.time())


def from_store(store, kind: str, fiscal_year: str, period: str) -> Consolidation:
    """The consolidation of the reports collected in an open store (duck-typed: its subordinate offices and
    collected reports, issue 11.4) for the office of the database, against its deadline of the period."""
    office = store.current_office()
    offices = [s.name for s in store.subordinates(office)] if office is not None else []
    submissions = [Submission(c.office, _document(c), c.received_at, c.key, c.signed, c.verified, c.content_sha256)
                   for c in store.collected_documents(kind, fiscal_year, period)]
    deadline = store.deadlines(fiscal_year=fiscal_year).get(period)
    return consolidate(submissions, offices, period, deadline)


def _document(collected) -> PlanDocument:
    """A collected report's exchange document: read once per process (module docstring)."""
    document = RECENT.document(collected.content_sha256)
    if document is None:
        document = collected.document()
        RECENT.keep(collected.content_sha256, document)
    return document
