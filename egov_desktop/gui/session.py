"""The GUI's session: the store, the undo stack, and one signal for every change.

Every change to the data, whichever view made it, goes through `Session.push`
(or `announce` for the steps that are not undoable: sign-off, reopen, submitted),
and undo and redo come back through the same door. Each emits `changed(Summary)`;
every view and model listens and refreshes what concerns it. A view that learnt of
changes only from its own edits went stale when another view changed the same data
(issue 15.1: Q2's "+২" added to a Q1 figure it had not seen change).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from egov_desktop.gui.undo import ChangeCommand

# Steps kept for undo: each holds its rows' before and after, so an endless day of typing would grow without end.
UNDO_LIMIT = 500

# The store's tables by what they mean to a view.
_PLAN_TABLES = frozenset({"plan", "level", "area", "activity", "indicator"})
_PROGRESS_TABLES = frozenset({"report", "entry", "memo", "signoff", "entry_evidence", "evidence_file"})


@dataclass(frozen=True)
class Summary:
    """What a change touched, as the views need to know it."""

    plan: bool = False  # the plan's own fields, scoring options, levels, rows, weights, targets
    progress: bool = False  # reports: entries, memos, status (a seal locks the plan too)
    office: bool = False  # the office and its profile (the letterhead, signatories)
    settings: bool = False  # deadlines, export choices
    # The plans it touched (store.ChangeSummary.plans); None: not known, any plan may have changed.
    plans: frozenset[int] | None = None
    # The model that made the change: it has shown it already and need not read it again.
    origin: object | None = None

    def concerns(self, plan_key: int) -> bool:
        """Whether the plan `plan_key` (its rows, reports, memos) may have changed."""
        return (self.plan or self.progress) and (self.plans is None or plan_key in self.plans)


EVERYTHING = Summary(plan=True, progress=True, office=True, settings=True)


def summary_of(change, origin: object | None = None) -> Summary:
    """What the views need to know of a store Change: which plans (the store's ChangeSummary, which resolves the
    plan of every row written) and what kind of data (the tables of the rows it wrote)."""
    tables = {table for table, _key in change.touched}
    return Summary(plan=bool(tables & _PLAN_TABLES), progress=bool(tables & _PROGRESS_TABLES),
                   office=bool(change.summary.offices), settings=change.summary.settings,
                   plans=change.summary.plans, origin=origin)


class Session(QObject):
    """Owns the store and the undo stack; `changed(Summary)` after every operation, undo and redo."""

    changed = Signal(object)  # Summary
    # An undo or redo the store refused (the report was signed off since, a row is gone); the step is dropped.
    failed = Signal(object)

    def __init__(self, store, undo_stack: QUndoStack | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)

    def set_store(self, store) -> None:
        """Another database (opened, restored): the steps on the stack belong to the old one."""
        self.undo_stack.clear()
        self.store = store

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
