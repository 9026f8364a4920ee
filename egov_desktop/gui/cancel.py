"""Cancelling long work (Word export, reading or writing a file, a backup) that runs in the thread pool.

Python cannot stop a thread in the middle of python-docx or a file read, so a
cancelled task runs to its end but its result never takes effect: a file is
written under a temporary name and moved into place only if the user has not
cancelled by then. Cancelling and that last step exclude each other (one lock),
so a task is either cancelled with nothing left behind, or finished whole.
"""
from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path
from typing import Callable


class CancelToken:
    """Shared by the GUI (cancel) and the work (commit)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state: str | None = None  # None, "cancelled" or "committed"

    def cancel(self) -> bool:
        """True when the result will not take effect; False when it already has (too late to cancel)."""
        with self._lock:
            if self._state is None:
                self._state = "cancelled"
            return self._state == "cancelled"

    def commit(self, action: Callable[[], object] = lambda: None) -> bool:
        """Run `action` (the step that makes the result take effect) unless cancelled; False if cancelled."""
        with self._lock:
            if self._state == "cancelled":
                return False
            action()
            self._state = "committed"
            return True

    @property
    def cancelled(self) -> bool:
        return self._state == "cancelled"


def write_staged(token: CancelToken, out: Path, write: Callable[[Path], object]) -> Path | None:
    """`write(path)` to a new file beside `out`, renamed to `out` unless cancelled (then None). A cancelled
    export leaves no file behind and never replaces a file that was already there."""
    out = Path(out)
    fd, name = tempfile.mkstemp(dir=out.parent, prefix="~egov-", suffix=out.suffix)
    os.close(fd)
    staged = Path(name)
    try:
        write(staged)
        return out if token.commit(lambda: os.replace(staged, out)) else None
    finally:
        staged.unlink(missing_ok=True)
