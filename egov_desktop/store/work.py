"""The unit of work: every change to the data is one journaled transaction that becomes a `Change`.

`UnitOfWork.run(description, body)` runs `body(work)` in a write transaction (or inside the open
group), writes its audit rows, and returns a Change whose `undo()` replays the journal backwards and
returns the redo. `group()` makes several operations one transaction and one Change (paste).
`log(body)` is a write that is not an undoable step (sign-off, reopen, submitted, lock take-over).
Every Change carries a `ChangeSummary` of what it touched, with the plan of every row resolved, so
the views can tell whether it concerns them.
"""
from __future__ import annotations

import json
import secrets
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PERIODS
from egov_desktop.store import dialect
from egov_desktop.store.audit import write_audit
from egov_desktop.store.dialect import locking
from egov_desktop.store.errors import ReportLocked, StoreError
from egov_desktop.store.journal import Mutation, Tx
from egov_desktop.store.reading import batches, no_plan
from egov_desktop.store.lock import storage_error, translate_storage_errors
from egov_desktop.store.tables import TABLES


@dataclass(frozen=True)
class ChangeSummary:
    """What a change touched. A row counts for everything it belongs to: an entry for its report, its
    indicator and their plan; a memo or sign-off for its report; an area, activity or level for its plan."""

    plans: frozenset[int] = frozenset()
    indicators: frozenset[int] = frozenset()
    reports: frozenset[int] = frozenset()
    entries: frozenset[int] = frozenset()
    offices: frozenset[int] = frozenset()
    # An area, activity, indicator or level was added, removed or moved (codes may have changed).
    structure: bool = False
    # A setting row (deadlines, ...) was written.
    settings: bool = False
    # A subordinate office, a collected report or a feedback record was written.
    collected: bool = False
    # Plans made (import, new, copy, an undone delete) and deleted (an undone import too): the lists of plans change.
    plans_added: frozenset[int] = frozenset()
    plans_removed: frozenset[int] = frozenset()
    # The whole database was written over (db copy --replace, restore onto a server): whoever shows any of it reads
    # it all again; nothing else of the summary is listed.
    everything: bool = False


@dataclass
class Change:
    """What an operation did. `undo()` reverts it and returns the Change that redoes it."""

    description: Msg
    undo: Callable[[], "Change"]
    # The row an add/import/copy created (its id), else None.
    key: int | None = None
    # (table, id) of every row written.
    touched: frozenset[tuple[str, int]] = frozenset()
    summary: ChangeSummary = ChangeSummary()


class Group:
    """The handle `Store.group()` yields; `change` is set when the block ends without an error."""

    def __init__(self, description: Msg):
        self.description = description
        self.change: Change | None = None


# Where each table hangs: (parent table, column). Plans, offices and the audit log hang nowhere.
PARENT = {
    "area": ("plan", "plan_id"),
    "level": ("plan", "plan_id"),
    "report": ("plan", "plan_id"),
    "setting": ("plan", "plan_id"),
    "activity": ("area", "area_id"),
    "indicator": ("activity", "activity_id"),
    "entry": ("report", "report_id"),
    "memo": ("report", "report_id"),
    "signoff": ("report", "report_id"),
    "entry_evidence": ("entry", "entry_id"),
}
# What goes with a row when it is deleted (children first).
CHILDREN = {
    "plan": (("report", "plan_id"), ("area", "plan_id"), ("level", "plan_id"), ("setting", "plan_id")),
    "area": (("activity", "area_id"),),
    "activity": (("indicator", "activity_id"),),
    "indicator": (("entry", "indicator_id"),),
    "report": (("entry", "report_id"), ("memo", "report_id"), ("signoff", "report_id")),
    "entry": (("entry_evidence", "entry_id"),),
    "level": (), "setting": (), "memo": (), "signoff": (), "office": (), "entry_evidence": (),
    "subordinate": (("collected", "subordinate_id"),),
    "collected": (("collected_evidence", "collected_id"),),
    "collected_evidence": (),
    "feedback": (),
}
# The tables that link evidence files: a file goes with the last link to it.
_EVIDENCE_LINKS = ("entry_evidence", "collected_evidence")
# Subordinate offices, their collected reports and the feedback sent them (ChangeSummary.collected).
_COLLECTED = frozenset(("subordinate", "collected", "collected_evidence", "feedback"))
_STRUCTURE = frozenset(("area", "activity", "indicator", "level"))
# The tables above a row of the plan's tree, nearest first, up to the area (which holds the plan id).
_UP = {"area": (), "activity": ("area",), "indicator": ("activity", "area")}


@dataclass
class Work:
    """An open write: the journaling transaction, its audit rows, and the locks it relied on."""

    tx: Tx
    audits: list[dict] = field(default_factory=list)
    # (plan_id, period or None): re-checked on undo/redo.
    locks: set[tuple[int, str | None]] = field(default_factory=set)
    # Set by an operation whose description needs what it read (e.g. an indicator's code).
    description: Msg | None = None
    # (plan id, period) -> report id, of the reports check_lock read.
    reports: dict[tuple[int, str], int] = field(default_factory=dict)

    def row(self, table: str, key: int) -> dict:
        """The row, else StoreError (it was deleted)."""
        return self.tx.row(table, key) or raise_(no_row())

    def plan_row(self, plan_key: int) -> dict:
        return self.tx.row("plan", plan_key) or raise_(no_plan())

    def plan_of(self, table: str, key: int) -> int:
        """The plan a row belongs to. On a server the row and those above it stay locked until the commit
        (a structural edit keeps the tree it renumbers to itself)."""
        while True:
            row = self.row(table, key)
            up, col = PARENT[table]
            if up == "plan":
                return row[col]
            table, key = up, row[col]

    def row_and_plan(self, table: str, key: int) -> tuple[dict, int]:
        """The row (locked on a server, as `row`) and its plan, in one statement: for an edit that changes no
        structure, which leaves the rows above it unlocked (a row never moves to another plan)."""
        start = below = TABLES[table]
        joined = start
        while (up := PARENT[below.name])[0] != "plan":
            parent = TABLES[up[0]]
            joined = joined.join(parent, parent.c.id == below.c[up[1]])
            below = parent
        q = select(start, below.c[up[1]].label("_plan_id")).select_from(joined).where(start.c.id == key)
        found = self.tx.conn.execute(locking(q, self.tx.conn, of=start)).mappings().first() or raise_(no_row())
        row = {k: v for k, v in found.items() if k != "_plan_id"}
        self.tx.known.setdefault((table, key), {}).update(row)
        return row, found["_plan_id"]

    def children(self, table: str, column: str, parent: int) -> list[int]:
        t = TABLES[table]
        q = select(t.c.id).where(t.c[column] == parent)
        if "position" in t.c:
            q = q.order_by(t.c.position)
        return list(self.tx.conn.execute(q).scalars())

    def plan_rows(self, plan_id: int, table: str, *columns: str) -> dict[int, dict]:
        """The plan's areas, activities or indicators in plan order, in one statement: id -> `columns`."""
        t = TABLES[table]
        q = select(t.c.id, *(t.c[c] for c in columns)).select_from(t)
        below, order = t, [t.c.position]
        for up in _UP[table]:
            u = TABLES[up]
            q = q.join(u, u.c.id == below.c[PARENT[below.name][1]])
            below = u
            order.insert(0, u.c.position)
        names = ("id", *columns)
        # Plain tuples zipped with the names: a mapping per row costs more than the query on a big plan.
        return {r[0]: dict(zip(names, r))
                for r in self.tx.conn.execute(q.where(below.c.plan_id == plan_id).order_by(*order)).all()}

    def reposition(self, table: str, ordered: list[int]) -> None:
        self.tx.update_many(table, {key: {"position": i} for i, key in enumerate(ordered)})

    def delete_tree(self, table: str, keys: list[int]) -> None:
        """Delete rows and everything under them, children first, all journaled (so undo restores them):
        a few statements a level, however many rows."""
        for child, col in CHILDREN[table]:
            t = TABLES[child]
            below = [k for part in batches(keys)
                     for k in self.tx.conn.execute(select(t.c.id).where(t.c[col].in_(part)).order_by(t.c.id)).scalars()]
            if below:
                self.delete_tree(child, below)
        files = self.tx.rows(table, keys, ("file_id",)) if table in _EVIDENCE_LINKS else {}
        self.tx.delete_many(table, keys)
        self.drop_unused_files({r["file_id"] for r in files.values()})

    def drop_unused_files(self, file_ids) -> None:
        """Delete the evidence files among `file_ids` that no entry links to any more (journaled)."""
        if not file_ids:
            return
        used = {f for name in _EVIDENCE_LINKS for t in (TABLES[name],)
                for f in self.tx.conn.execute(select(t.c.file_id).where(t.c.file_id.in_(list(file_ids)))).scalars()}
        unused = sorted(set(file_ids) - used)
        if unused:
            self.tx.delete_many("evidence_file", unused)

    def stored_file(self, f) -> int:
        """The id of the stored evidence file with `f`'s content (core.evidence.EvidenceFile), stored now when
        new (deduplicated by SHA-256)."""
        t = TABLES["evidence_file"]
        file_id = self.tx.conn.execute(select(t.c.id).where(t.c.sha256 == f.sha256)).scalar_one_or_none()
        if file_id is not None:
            return file_id
        return self.tx.insert("evidence_file", {"content": f.content, "sha256": f.sha256,
                                                "media_type": f.media_type, "size": f.size})

    def set(self, operation: str, table: str, key: int, values: dict[str, Any], plan_id: int | None,
            field_name: str, period: str | None = None, indicator: dict | None = None,
            before: dict | None = None) -> None:
        """Write one column of a row, audited when it changes. `before`: the whole row, already read (locked)
        in this transaction."""
        before = before or self.row(table, key)
        if self.tx.update_many(table, {key: values}, before={key: before}):
            column = next(iter(values))
            self.audit(operation, table, key, plan_id, period=period, field=field_name,
                       old=before[column], new=values[column], indicator=indicator)

    def audit(self, operation: str, entity: str, key: int | None, plan_id: int | None, *,
              period: str | None = None, field: str | None = None, old: Any = None, new: Any = None,
              indicator: dict | None = None) -> None:
        self.audits.append({
            "operation": operation, "entity": entity, "entity_key": key, "plan_id": plan_id, "period": period,
            "indicator_id": indicator["id"] if indicator else None,
            "indicator_code": indicator["code"] if indicator else None,
            "field": field, "old": _json_text(old), "new": _json_text(new),
        })

    def check_lock(self, plan_id: int, period: str | None) -> None:
        """Signed-off or submitted reports refuse edits; so does their plan (the seal covers it).
        On a server the report rows read stay locked (shared) until the commit: a sign-off, which locks
        its report to change it (sealing.py), waits for this edit and then digests it, or this edit waits
        for the sign-off and is refused; never an edit landing after the digest was taken."""
        self.locks.add((plan_id, period))
        t = TABLES["report"]
        q = select(t.c.id, t.c.period, t.c.status).where(t.c.plan_id == plan_id)
        if period is not None:
            q = q.where(t.c.period == period)
        rows = self.tx.conn.execute(locking(q.order_by(t.c.position), self.tx.conn, shared=True)).all()
        for key, p, _ in rows:  # read already: what the summary and progress.py need of them
            self.tx.known.setdefault(("report", key), {})["plan_id"] = plan_id
            self.reports[(plan_id, p)] = key
        locked = next((p for _, p, status in rows if status != "draft"), None)
        if locked is None:
            return
        if period is not None:
            raise ReportLocked(Msg(N_("The {period} report is signed off. Reopen it before changing it."),
                                   {"period": period_name(locked)}))
        raise ReportLocked(Msg(N_("The {period} report of this plan is signed off; the plan cannot change "
                                  "until it is reopened."), {"period": period_name(locked)}))


class UnitOfWork:
    """The write discipline every room of the store shares, on its database.Database."""

    def __init__(self, db):
        self.db = db
        self.readonly = db.readonly
        self._lock = threading.RLock()
        self._group: Work | None = None
        # The version of every row as last read (reading.rows): an edit is checked against it (Tx).
        self.seen = db.seen
        # Who wrote, in the notices of changes on a server: a program leaves its own out (store/live.py).
        self.sender = secrets.token_hex(8)

    @property
    def engine(self):
        return self.db.engine

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A SQLAlchemy connection in a read transaction, for a room's own queries (reading.py's go through
        `db.read()`)."""
        with self.db.engine_read() as conn:
            yield conn

    def writable(self) -> None:
        if self.readonly:
            raise StoreError(Msg(N_("The database is open read-only.")))

    def run(self, description: Msg, body: Callable[[Work], int | None]) -> Change:
        """Run `body` in a write transaction (or inside the open group) and make its Change."""
        self.writable()
        with self._lock:
            if self._group is not None:
                start = len(self._group.tx.journal)
                key = body(self._group)
                journal = self._group.tx.journal[start:]
                return Change(description, _group_member_undo, key, _touched(journal),
                              summarize(self._group.tx.conn, journal, self._group.tx.known))
            with translate_storage_errors(), self.engine.connect() as conn:
                try:
                    with conn.begin():
                        work = Work(Tx(conn, self.seen))
                        key = body(work)
                        write_audit(conn, work.audits)
                        summary = summarize(conn, work.tx.journal, work.tx.known)
                        self._announce(conn, work.tx.journal, summary)
                    self.seen.update(work.tx.versions)
                except IntegrityError as exc:
                    raise conflict(exc) from None
                except DBAPIError as exc:  # locked by another program, disk full, file damaged
                    raise storage_error(exc) from None
        return self._change(work.description or description, work, key, summary)

    def _announce(self, conn: Connection, journal: list[Mutation], summary: ChangeSummary | None = None) -> None:
        """On a server, tell the other officers' programs what this transaction changed (store/live.py): the
        notice goes out with the commit, or not at all."""
        if journal and dialect.is_postgresql(conn):
            summary = summary if summary is not None else summarize(conn, journal)
            dialect.notify(conn, self.sender, summary, {m.table for m in journal})

    def announce_replaced(self, conn: Connection, tables) -> None:
        """On a server, tell the other officers' programs that the whole database was written over in this open
        transaction (copy.py: db copy --replace, restore): a notice of everything, delivered with the commit."""
        if dialect.is_postgresql(conn):
            dialect.notify(conn, self.sender, ChangeSummary(everything=True), tables)

    def _change(self, description: Msg, work: Work, key: int | None, summary: ChangeSummary) -> Change:
        journal, audits, locks = list(work.tx.journal), list(work.audits), set(work.locks)

        def undo() -> Change:
            def body(w: Work) -> int | None:
                w.tx.apply([m.inverse() for m in reversed(journal)])
                for plan_id, period in locks:
                    w.check_lock(plan_id, period)
                w.audits = [_inverse_audit(a) for a in audits]
                return key

            return self.run(description, body)

        return Change(description, undo, key, _touched(journal), summary)

    def log(self, body: Callable[[Work], Any]) -> Any:
        """A write that is not an undoable step: one transaction with its audit rows. Returns what
        `body` returns."""
        self.writable()
        try:
            with self._lock, translate_storage_errors(), self.engine.connect() as conn:
                with conn.begin():
                    w = Work(Tx(conn, self.seen))
                    result = body(w)
                    write_audit(conn, w.audits)
                    self._announce(conn, w.tx.journal)
                self.seen.update(w.tx.versions)
        except IntegrityError as exc:
            raise conflict(exc) from None
        return result

    @contextmanager
    def group(self, description: Msg) -> Iterator[Group]:
        """Several operations as one transaction and one undoable Change: `with store.group(msg) as g: ...`,
        then `g.change`. An exception inside rolls everything back."""
        self.writable()
        grp = Group(description)
        with self._lock:
            if self._group is not None:
                raise StoreError(Msg(N_("Groups of changes cannot be nested.")))
            with translate_storage_errors(), self.engine.connect() as conn:
                with conn.begin():
                    self._group = work = Work(Tx(conn, self.seen))
                    try:
                        yield grp
                        write_audit(conn, work.audits)
                        summary = summarize(conn, work.tx.journal, work.tx.known)
                        self._announce(conn, work.tx.journal, summary)
                    finally:
                        self._group = None
                self.seen.update(work.tx.versions)
        grp.change = self._change(description, work, None, summary)


def summarize(conn: Connection, journal: list[Mutation], read: dict | None = None) -> ChangeSummary:
    """The summary of a journal, read inside its transaction: a row the journal does not show its
    parent of (an update of a code or value), nor the transaction has `read` ((table, id) -> columns), is
    looked up, one query per table and level."""
    known: dict[tuple[str, int], dict] = {k: dict(v) for k, v in (read or {}).items()}
    for m in journal:
        known.setdefault((m.table, m.key), {}).update({**(m.before or {}), **(m.after or {})})
    found: dict[str, set[int]] = {}
    for m in journal:
        found.setdefault(m.table, set()).add(m.key)
    indicators = set(found.get("indicator", ()))
    # Walk up one level at a time: rows of a table, then their parents, until only plans are left.
    level = {t: set(keys) for t, keys in found.items() if t in PARENT}
    plans = set(found.get("plan", ()))
    while level:
        up: dict[str, set[int]] = {}
        for table, keys in level.items():
            parent, col = PARENT[table]
            for column in (col, "indicator_id") if table == "entry" else (col,):
                missing = [k for k in keys if column not in known.get((table, k), {})]
                for key, value in _column(conn, table, column, missing).items():
                    known.setdefault((table, key), {})[column] = value
            if table == "entry":
                indicators.update(known[(table, k)]["indicator_id"] for k in keys)
            parents = {known[(table, k)][col] for k in keys} - {None}
            if parent == "plan":
                plans |= parents
            else:
                up.setdefault(parent, set()).update(parents)
                found.setdefault(parent, set()).update(parents)
        level = up
    return ChangeSummary(
        plans=frozenset(plans),
        indicators=frozenset(indicators),
        reports=frozenset(found.get("report", ())),
        entries=frozenset(found.get("entry", ())),
        offices=frozenset(found.get("office", ())),
        structure=any(m.table in _STRUCTURE and (m.before is None or m.after is None
                                                 or "position" in m.after or "code" in m.after) for m in journal),
        settings="setting" in found,
        collected=any(t in _COLLECTED for t in found),
        plans_added=frozenset(m.key for m in journal if m.table == "plan" and m.before is None),
        plans_removed=frozenset(m.key for m in journal if m.table == "plan" and m.after is None),
    )


def _column(conn: Connection, table: str, column: str, keys: list[int]) -> dict[int, Any]:
    """id -> `column` of the rows `keys`, a statement per batch."""
    t = TABLES[table]
    return {key: value for part in batches(keys)
            for key, value in conn.execute(select(t.c.id, t.c[column]).where(t.c.id.in_(part))).all()}


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


def _json_text(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def period_name(period: str) -> str:
    from egov_desktop.core.periods import period_name as name

    return name(period) if period in PERIODS else period


def raise_(exc: Exception):
    raise exc


def conflict(exc: IntegrityError) -> StoreError:
    return StoreError(Msg(N_("The change conflicts with data already in the database: {reason}"),
                          {"reason": str(exc.orig)}))


def no_office() -> StoreError:
    return StoreError(Msg(N_("The office was not found.")))


def no_row() -> StoreError:
    return StoreError(Msg(N_("The row was not found; it may have been deleted.")))
