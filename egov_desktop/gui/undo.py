"""Undo/redo on top of the store's operations.

Every store operation has already run (and committed) when it returns its
`Change`; the undo stack only has to remember how to reverse it. Calling
`change.undo()` applies the inverse and returns the Change that re-applies it,
so one command keeps swapping the Change it holds. What a replay did is told to
the session (gui/session.py), which tells every view.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from egov_desktop.store.errors import StoreError


class ChangeCommand(QUndoCommand):
    def __init__(self, session, change) -> None:
        super().__init__(change.description.render())
        self._session = session
        self._change = change
        # QUndoStack.push() calls redo(); the operation already ran, so the first call does nothing.
        self._done = True

    @property
    def change(self):
        return self._change

    def redo(self) -> None:
        if self._done:
            return
        self._swap()
        self._done = True

    def undo(self) -> None:
        self._swap()
        self._done = False

    def _swap(self) -> None:
        try:
            self._change = self._change.undo()
        except StoreError as exc:
            # The database refused (report locked, row gone): this step can no longer be
            # replayed, so drop it from the stack instead of leaving a lie in the Edit menu.
            self.setObsolete(True)
            self._session.replay_failed(exc)
            return
        self._session.replayed(self._change)


def retranslate_stack(stack: QUndoStack) -> None:
    """Name every step in the current language (after a language switch), the Edit menu included."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, ChangeCommand):
            command.setText(command.change.description.render())
    # The stack only announces its texts when its index moves; the menu must hear the new names now.
    stack.undoTextChanged.emit(stack.undoText())
    stack.redoTextChanged.emit(stack.redoText())
