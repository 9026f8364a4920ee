"""The store's façade: every change to the data is a named operation on `Store`.

An operation validates its input, writes in one transaction (committed durably at once), appends to
the audit log and returns a `Change` whose `undo()` applies the inverse and returns the redo, and whose
`summary` says what it touched. `group()` makes several operations one transaction and one Change
(paste). The GUI never touches SQL: it calls these methods.

The work is done in rooms, each a module of its own; `Store` only forwards:
  - `opening.py`: opening (lock, checks, upgrade) and recovering a database that cannot be used;
  - `work.py`: the unit of work (transactions, the journal, undo, groups, audit rows, seal checks);
  - `core/fields.py`: checking a field's value (pure; a FieldError becomes InvalidValue here);
  - `plans.py`: plans as wholes (list, read, import, copy, templates, delete, the plan's fields);
  - `structure.py`: target levels, areas, activities, indicators, their codes and targets;
  - `progress.py`: achievements and the forwarding memo;
  - `sealing.py`: sign-off, submitted, reopen, signed revisions;
  - `office.py`: the office profile and the settings;
  - `collected.py`: the subordinate offices and the reports collected from them;
  - `feedback.py`: the feedback memos sent them, and NIS 1.7 filled from those.
"""
from __future__ import annotations

import importlib
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from egov_desktop.core.fields import FieldError
from egov_desktop.core.i18n import Msg
from egov_desktop.core.model import Memo
from egov_desktop.store import dialect, opening
from egov_desktop.store.database import Database
from egov_desktop.store.errors import InvalidValue, ReportLocked, SignOffRefused, StoreError
from egov_desktop.store.lock import WriterLock
from egov_desktop.store.reading import PlanSummary, Reads

__all__ = [
    "Store",
    "Change",
    "ChangeSummary",
    "StoreError",
    "ReportLocked",
    "InvalidValue",
    "SignOffRefused",
    "PlanSummary",
    "SignedRevision",
    "AuditEntry",
    "Subordinate",
    "CollectedReport",
    "Feedback",
    "FeedbackMemo",
]

# The names this module offers from rooms that import SQLAlchemy: imported when first asked for.
_LATER = {"Change": "work", "ChangeSummary": "work", "Group": "work", "SignedRevision": "sealing",
          "AuditEntry": "audit", "Subordinate": "collected", "CollectedReport": "collected",
          "Feedback": "feedback", "FeedbackMemo": "feedback"}


def __getattr__(name: str):
    if name in _LATER:
        return getattr(importlib.import_module(f"egov_desktop.store.{_LATER[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class _Room:
    """A room of the store, made by the decorated function at its first use: the rooms that write import
    SQLAlchemy, which opening a file and showing its plan do without (13.6). The function imports the room's
    module itself, a plain import (tests/test_import_cycles.py reads those)."""

    # One room of a kind per store, whichever thread asks first (a room asks for the rooms it needs).
    _making = threading.RLock()

    def __init__(self, make):
        self.make = make

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, store, owner=None):
        if store is None:
            return self
        with self._making:
            if self.name not in store.__dict__:
                store.__dict__[self.name] = self.make(store)
        return store.__dict__[self.name]


def _forward(room: str, name: str):
    """`Store.<name>` calls the room's method (its documentation is the room's); a field check's FieldError
    reaches callers as InvalidValue."""

    def method(self, *args, **kwargs):
        try:
            return getattr(getattr(self, room), name)(*args, **kwargs)
        except FieldError as exc:
            if isinstance(exc, InvalidValue):
                raise
            raise InvalidValue(exc.msg, exc.where) from None

    method.__name__ = method.__qualname__ = name
    return method


class Store:
    """One SQLite file or one database on a server. Open with `Store.open(path_or_url)`; close with
    `close()` (or use `with`)."""

    @_Room
    def _uow(self):
        from egov_desktop.store.work import UnitOfWork

        return UnitOfWork(self._db)

    @_Room
    def _offices(self):
        from egov_desktop.store.office import Offices

        return Offices(self._uow, self._reads)

    @_Room
    def _settings(self):
        from egov_desktop.store.office import Settings

        return Settings(self._uow)

    @_Room
    def _plans(self):
        from egov_desktop.store.plans import Plans

        return Plans(self._uow, self._offices, self._reads)

    @_Room
    def _structure(self):
        from egov_desktop.store.structure import Structure

        return Structure(self._uow)

    @_Room
    def _progress(self):
        from egov_desktop.store.progress import Progress

        return Progress(self._uow)

    @_Room
    def _sealing(self):
        from egov_desktop.store.sealing import Sealing

        return Sealing(self._uow, self.path, self._reads)

    @_Room
    def _collected(self):
        from egov_desktop.store.collected import Collected

        return Collected(self._uow, self._reads)

    @_Room
    def _feedback(self):
        from egov_desktop.store.feedback import Feedbacks

        return Feedbacks(self._uow, self._reads, self._progress)

    def __init__(self, db: Database):
        self._db = db
        self.path = db.path
        self.readonly = db.readonly
        self._writer: WriterLock | None = None
        self._listeners: list = []
        self._closed = False
        self._reads = Reads(db)

    @property
    def _engine(self):
        """The SQLAlchemy engine (made at the first call on an SQLite file)."""
        return self._db.engine

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False, take_over: bool = False, ask_password=None) -> "Store":
        """Open (or create) the database, upgrading an older schema. A file that is not ours,
        damaged, or made by a newer program is refused with StoreError and left untouched.

        Another program writing to it raises DatabaseInUse. When that program is on another computer
        that cannot be asked (`exc.can_take_over`), `take_over=True` takes its writer lock (the user
        says that computer crashed or is off); the take-over is written to the audit log.

        A `postgresql://USER@HOST[:PORT]/DBNAME` URL opens that database on the office's server
        (dialect.py): many officers write at once, so there is no writer lock to take. `ask_password()`
        is asked when the server refuses the login (dialect.server_engine)."""
        if dialect.is_server(path):
            return cls(Database(path, readonly, engine=opening.open_server(path, readonly, ask_password)))
        db, writer = opening.open_database(Path(path), readonly, take_over)
        store = cls(db)
        store._writer = writer
        return store

    @classmethod
    def open_with_recovery(cls, path: str | Path, ask_restore, ask_read_only, ask_in_use=None) -> "Store | None":
        """`open` as the program starts, asking the user at each problem (opening.with_recovery)."""
        return opening.with_recovery(cls.open, Path(path), ask_restore, ask_read_only, ask_in_use)

    @property
    def on_server(self) -> bool:
        return dialect.is_server(self.path)

    def listen(self):
        """On a server, a Listener of the changes others commit (store/live.py); None on an SQLite file. It is
        closed with the store."""
        if not self.on_server:
            return None
        from egov_desktop.store.live import Listener

        if self._closed:
            raise StoreError(Msg(dialect.LOST_FOLLOW))
        listener = Listener(self._engine, self._uow.sender)
        self._listeners.append(listener)
        return listener

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        self._closed = True
        for listener in self._listeners:
            listener.close()
        self._db.close()
        if self._writer is not None:
            self._writer.release()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def integrity_errors(self) -> list[str]:
        from egov_desktop.store.engine import check_integrity

        return check_integrity(self._engine)

    @contextmanager
    def group(self, description: Msg) -> Iterator[Group]:
        """Several operations as one transaction and one undoable Change: `with store.group(msg) as g: ...`,
        then `g.change`. An exception inside rolls everything back."""
        with self._uow.group(description) as grp:
            yield grp

    def all_plans_memo_or_new(self, office_key: int, fiscal_year: str, period: str, today) -> Memo:
        """The memo of the office's all-plans file for the period: the one written (all_plans_memo), else one
        made from its profile with the next number of its first memo series, dated `today`
        (core.apa.all_plans_memo)."""
        from egov_desktop.core.apa import all_plans_memo

        profile = self.office_profile(office_key)
        series = profile["memo_prefixes"]
        number = self.next_memo_number(office_key, series[0]["file"]) if series else None
        return all_plans_memo(profile, fiscal_year, period, self.all_plans_memo(office_key, fiscal_year, period),
                              today, number)

    def audit(self, plan_key: int | None = None, indicator_key: int | None = None) -> list[AuditEntry]:
        """The audit log, oldest first: of a plan, of one indicator, or (no arguments) all of it."""
        from egov_desktop.store.audit import read_audit

        with self._uow.read() as conn:
            return read_audit(conn, plan_key, indicator_key)

    # ------------------------------------------------------------ plans
    list_plans = _forward("_reads", "list_plans")
    find_plan = _forward("_plans", "find_plan")
    get_document = _forward("_reads", "get_document")
    import_document = _forward("_plans", "import_document")
    delete_plan = _forward("_plans", "delete_plan")
    copy_to_next_year = _forward("_plans", "copy_to_next_year")
    @staticmethod
    def list_templates() -> list[str]:
        from egov_desktop.store.plans import list_templates

        return list_templates()
    create_from_template = _forward("_plans", "create_from_template")
    create_blank = _forward("_plans", "create_blank")
    set_plan_field = _forward("_plans", "set_plan_field")
    set_scoring_options = _forward("_plans", "set_scoring_options")

    # ------------------------------------------------------------ structure
    set_level = _forward("_structure", "set_level")
    add_level = _forward("_structure", "add_level")
    remove_level = _forward("_structure", "remove_level")
    set_area_field = _forward("_structure", "set_area_field")
    set_activity_field = _forward("_structure", "set_activity_field")
    set_indicator_field = _forward("_structure", "set_indicator_field")
    set_target = _forward("_structure", "set_target")
    set_quarter_target = _forward("_structure", "set_quarter_target")
    set_previous_actual = _forward("_structure", "set_previous_actual")
    set_target_dates = _forward("_structure", "set_target_dates")
    add_area = _forward("_structure", "add_area")
    add_activity = _forward("_structure", "add_activity")
    add_indicator = _forward("_structure", "add_indicator")
    remove_area = _forward("_structure", "remove_area")
    remove_activity = _forward("_structure", "remove_activity")
    remove_indicator = _forward("_structure", "remove_indicator")
    move_area = _forward("_structure", "move_area")
    move_activity = _forward("_structure", "move_activity")
    move_indicator = _forward("_structure", "move_indicator")

    # ------------------------------------------------------------ progress and memo
    set_entry_field = _forward("_progress", "set_entry_field")
    set_entry_fields = _forward("_progress", "set_entry_fields")
    set_entry_date = _forward("_progress", "set_entry_date")
    set_memo_field = _forward("_progress", "set_memo_field")
    all_plans_memo = _forward("_progress", "all_plans_memo")
    set_all_plans_memo_field = _forward("_progress", "set_all_plans_memo_field")
    attach_evidence = _forward("_progress", "attach_evidence")
    remove_evidence = _forward("_progress", "remove_evidence")
    evidence_files = _forward("_progress", "evidence_files")
    evidence_content = _forward("_progress", "evidence_content")

    # ------------------------------------------------------------ office and settings
    get_office = _forward("_offices", "get_office")
    office_of = _forward("_offices", "office_of")
    current_office = _forward("_offices", "current_office")
    find_office = _forward("_offices", "find_office")
    office_profile = _forward("_offices", "office_profile")
    set_office_field = _forward("_offices", "set_office_field")
    next_memo_number = _forward("_offices", "next_memo_number")
    get_setting = _forward("_reads", "get_setting")
    set_setting = _forward("_settings", "set_setting")
    deadlines = _forward("_reads", "deadlines")

    # ------------------------------------------------------------ sealing
    document_as_signed = _forward("_sealing", "document_as_signed")
    document_to_export = _forward("_sealing", "document_to_export")
    sign_off = _forward("_sealing", "sign_off")
    mark_submitted = _forward("_sealing", "mark_submitted")
    reopen = _forward("_sealing", "reopen")
    signed_revisions = _forward("_sealing", "signed_revisions")

    # ------------------------------------------------------------ subordinate offices, collected reports
    subordinates = _forward("_collected", "subordinates")
    get_subordinate = _forward("_collected", "get_subordinate")
    find_subordinate = _forward("_collected", "find_subordinate")
    add_subordinate = _forward("_collected", "add_subordinate")
    set_subordinate_field = _forward("_collected", "set_subordinate_field")
    remove_subordinate = _forward("_collected", "remove_subordinate")
    list_collected = _forward("_collected", "list_collected")
    collected_years = _forward("_collected", "collected_years")
    collected_documents = _forward("_collected", "collected_documents")
    get_collected = _forward("_collected", "get_collected")
    find_collected = _forward("_collected", "find_collected")
    collect_report = _forward("_collected", "collect_report")
    remove_collected = _forward("_collected", "remove_collected")
    collected_evidence = _forward("_collected", "collected_evidence")
    set_collected_evidence = _forward("_collected", "set_collected_evidence")

    # ------------------------------------------------------------ feedback to subordinate offices
    record_feedback = _forward("_feedback", "record_feedback")
    remove_feedback = _forward("_feedback", "remove_feedback")
    list_feedback = _forward("_feedback", "list_feedback")
    feedback_records = _forward("_feedback", "feedback_records")
    fill_nis_feedback = _forward("_feedback", "fill_nis_feedback")
