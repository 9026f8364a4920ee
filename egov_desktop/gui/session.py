"""The GUI's session: the store, the undo stack, and one signal for every change.

Every change to the data, whichever view made it, goes through `Session.push`
(or `announce` for the steps that are not undoable: sign-off, reopen, submitted),
and undo and redo come back through the same door. Each emits `changed(Summary)`;
every view and model listens and refreshes what concerns it. A view that learnt of
changes only from its own edits went stale when another view changed the same data
(issue 15.1: Q2's "+২" added to a Q1 figure it had not seen change).

On the office's server other officers change the data too: the store's listener (store/live.py) hears each
change they commit, and the session tells the views with the same `changed(Summary)`, so an open window
shows it within moments. A lost connection is said (`following(False)`) and tried again until the server is back.
"""
from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtGui import QUndoStack

from egov_desktop.gui.undo import ChangeCommand
from egov_desktop.store.errors import StoreError

# Steps kept for undo: each holds its rows' before and after, so an endless day of typing would grow without end.
UNDO_LIMIT = 500

# A lost connection to the server is tried again this often (others' changes are not shown meanwhile).
RETRY_MS = 3000

# The store's tables by what they mean to a view.
_PLAN_TABLES = frozenset({"plan", "level", "area", "activity", "indicator"})
_PROGRESS_TABLES = frozenset({"report", "entry", "memo", "signoff", "entry_evidence", "evidence_file"})
# The feedback sent to subordinate offices is shown beside their reports (the consolidation window).
_COLLECTED_TABLES = frozenset({"subordinate", "collected", "collected_evidence", "feedback"})


@dataclass(frozen=True)
class Summary:
    """What a change touched, as the views need to know it."""

    plan: bool = False  # the plan's own fields, scoring options, levels, rows, weights, targets
    progress: bool = False  # reports: entries, memos, status (a seal locks the plan too)
    office: bool = False  # the office and its profile (the letterhead, signatories)
    settings: bool = False  # deadlines, export choices
    collected: bool = False  # subordinate offices, the reports collected from them, the feedback sent them
    # The plans it touched (store.ChangeSummary.plans); None: not known, any plan may have changed.
    plans: frozenset[int] | None = None
    # Plans were made or deleted: every list of plans (the plan picker, the APA overview) is read again.
    plan_list: bool = False
    # Another officer's change, told by the server: not this window's own, nor its undo.
    remote: bool = False
    # Another officer's program wrote over the whole database (db copy --replace, restore onto the server).
    replaced: bool = False
    # The model that made the change: it has shown it already and need not read it again.
    origin: object | None = None

    def concerns(self, plan_key: int) -> bool:
        """Whether the plan `plan_key` (its rows, reports, memos) may have changed."""
        return (self.plan or self.progress) and (self.plans is None or plan_key in self.plans)


EVERYTHING = Summary(plan=True, progress=True, office=True, settings=True, collected=True, plan_list=True)


def summary_of(change, origin: object | None = None) -> Summary:
    """What the views need to know of a store Change: which plans (the store's ChangeSummary, which resolves the
    plan of every row written) and what kind of data (the tables of the rows it wrote)."""
    return _summary({table for table, _key in change.touched}, change.summary, origin)


def _summary(tables, store_summary, origin: object | None = None) -> Summary:
    return Summary(plan=bool(tables & _PLAN_TABLES), progress=bool(tables & _PROGRESS_TABLES),
                   office=bool(store_summary.offices), settings=store_summary.settings,
                   collected=bool(tables & _COLLECTED_TABLES), plans=store_summary.plans,
                   plan_list=bool(store_summary.plans_added or store_summary.plans_removed), origin=origin)


def summary_of_notices(notices) -> Summary:
    """What the views need to know of other officers' changes on the server (store/live.py), as one."""
    if any(n.summary.everything for n in notices):
        return dataclasses.replace(EVERYTHING, remote=True, replaced=True)
    each = [_summary(n.tables, n.summary) for n in notices]
    return Summary(plan=any(s.plan for s in each), progress=any(s.progress for s in each),
                   office=any(s.office for s in each), settings=any(s.settings for s in each),
                   collected=any(s.collected for s in each), plans=frozenset().union(*(s.plans for s in each)),
                   plan_list=any(s.plan_list for s in each), remote=True)


class Session(QObject):
    """Owns the store and the undo stack; `changed(Summary)` after every operation, undo and redo, and, on the
    office's server, after every change another officer commits (`follow`)."""

    changed = Signal(object)  # Summary
    # An undo or redo the store refused (the report was signed off since, a row is gone); the step is dropped.
    failed = Signal(object)
    # On a server: whether others' changes are followed (False: the connection is lost, and retried).
    following = Signal(bool)
    _listened = Signal(object)  # a Listener, or the StoreError of a retry (from the retrying thread)

    def __init__(self, store, undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.store = None
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self._listener = self._notifier = None
        self._listened.connect(self._on_listened)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._listen_again)
        self.set_store(store, clear=False)

    def set_store(self, store, clear: bool = True) -> None:
        """Another database (opened, restored): the steps on the stack belong to the old one."""
        if clear:
            self.undo_stack.clear()
        self._stop_following()
        self.store = store
        if store is not None and store.on_server:
            try:
                self._follow(store.listen())
            except StoreError:
                self._lost()

    # ------------------------------------------------------------ others' changes (server only)

    def _follow(self, listener) -> None:
        """Watch the listener's socket: the event loop says when a notice has come, nothing polls or waits."""
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_notices)
        self.following.emit(True)

    def _read_notices(self) -> None:
        try:
            notices = self._listener.changes()
        except StoreError:
            self._lost()
            return
        if notices:
            summary = summary_of_notices(notices)
            if summary.replaced:
                # The steps on the stack were taken on data that is gone: undoing one would write the old rows
                # over what was put in their place.
                self.undo_stack.clear()
            self.changed.emit(summary)

    def _lost(self) -> None:
        self._stop_following()
        self.following.emit(False)
        self._retry.start()

    def _listen_again(self) -> None:
        """Reconnect in a thread of its own: a server that is off may take the connect timeout to say so."""
        store = self.store

        def attempt():
            try:
                self._listened.emit((store, store.listen()))
            except StoreError as exc:
                self._listened.emit((store, exc))

        if store is not None and not store.closed:
            threading.Thread(target=attempt, daemon=True).start()

    def _on_listened(self, result) -> None:
        store, listener = result
        if store is not self.store:  # the database was changed meanwhile
            if not isinstance(listener, StoreError):
                listener.close()
            return
        if isinstance(listener, StoreError):
            self._retry.start()
            return
        self._follow(listener)
        # What others did while the connection was lost is not known change by change: every view reads again.
        self.changed.emit(dataclasses.replace(EVERYTHING, remote=True))

    def _stop_following(self) -> None:
        self._retry.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def push(self, change, origin: object | None = None) -> None:
        """A store operation has run: make it an undo step and tell every view."""
        self.undo_stack.push(ChangeCommand(self, change))
        self.changed.emit(summary_of(change, origin))

    def announce(self, summary: Summary, clear_undo: bool = False) -> None:
        """A change that is not an undo step (sign-off, reopen, submitted). `clear_undo`: earlier steps may now
        be refused (a sealed report), so they go."""
        if clear_undo:
            self.undo_stack.clear()
        self.changed.emit(summary)

    def replayed(self, change) -> None:
        """An undo or redo ran (ChangeCommand): `change` is what it did."""
        self.changed.emit(summary_of(change))

    def replay_failed(self, exc: Exception) -> None:
        self.failed.emit(exc)
        # What the database holds now is not known step by step: every view reads it again.
        self.changed.emit(EVERYTHING)
