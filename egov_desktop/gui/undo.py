"""Undo/redo on top of the store's operations.

Every store operation has already run (and committed) when it returns its
`Change`; the undo stack only has to remember how to reverse it. Calling
`change.undo()` applies the inverse and returns the Change that re-applies it,
so one command keeps swapping the Change it holds.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from egov_desktop.store.errors import StoreError

# Called after every undo/redo so the editor that made the change can refresh its view.
AfterCallback = Callable[[], None]
# Called with the store's error when an undo/redo is refused (e.g. the report was signed off since).
ErrorCallback = Callable[[Exception], None]


class ChangeCommand(QUndoCommand):
    def __init__(self, change, after: AfterCallback | None = None,
                 on_error: ErrorCallback | None = None) -> None:
        super().__init__(change.description.render())
        self._change = change
        self._after = after
        self._on_error = on_error
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
            if self._on_error is not None:
                self._on_error(exc)
        if self._after is not None:
            self._after()


def push_change(stack: QUndoStack, change, after: AfterCallback | None = None,
                on_error: ErrorCallback | None = None) -> ChangeCommand:
    command = ChangeCommand(change, after, on_error)
    stack.push(command)
    return command


def retranslate_stack(stack: QUndoStack) -> None:
    """Name every step in the current language (after a language switch), the Edit menu included."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, ChangeCommand):
            command.setText(command.change.description.render())
    # The stack only announces its texts when its index moves; the menu must hear the new names now.
    stack.undoTextChanged.emit(stack.undoText())
    stack.redoTextChanged.emit(stack.redoText())
