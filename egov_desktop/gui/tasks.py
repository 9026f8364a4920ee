"""Long work (Word export, reading an exchange file) off the GUI thread.

Only pure work runs in the pool: the function gets plain values (a PlanDocument,
paths) and never the store, whose SQLite connection belongs to the GUI thread.
The result or the exception comes back by a queued signal, so the slot runs on
the GUI thread.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.signals = _Signals()
        self._call = (fn, args, kwargs)

    def run(self) -> None:
        fn, args, kwargs = self._call
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 (every failure is reported to the GUI, none is lost)
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def failure_text(exc: Exception, path=None) -> str:
    """Why a task failed, for a box: a file's error names `path` (the file meant, not the temporary one it was
    staged in); the project's errors say themselves."""
    if isinstance(exc, OSError):
        from egov_desktop.core.files import os_error_msg

        return os_error_msg(exc, path).render()
    return exc.render() if hasattr(exc, "render") else str(exc)
