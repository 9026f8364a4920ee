"""Keystroke validation: one typed character through the real grid path, 10,000 times.

The progress grid of the 200-indicator plan is built (ProgressEditor over the
store), and for the achievement cell of a date, a count and a percent
indicator the grid's own delegate creates the editor (a QLineEdit with the
CellValidator backed by the core parsers). Then values are typed into them,
one key event at a time, and each key press is timed: QLineEdit's insert, the
validator's parse (or is-it-unfinished check), and the delegate's red marking
with its reason when the verdict changes. The typed values include wrong ones
(31 February, 120 %), so the marking path runs too.

Baseline: the same key events into a bare QLineEdit with a QRegularExpressionValidator
accepting digits and separators. Target: p99 under 5 ms.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from common import Figure, emit, median, percentile, store_with_plan

KEYSTROKES = 10_000
TYPED = {
    "date": ["১৬/০৩/২০২৪", "31/02/2022", "৩১/০২/২০২২", "10 জানুয়ারি 2022", "16-03-2024"],
    "count": ["১২", "3", "১২৩৪", "-1", "৫.৫"],
    "percent": ["৫৬.৯৮%", "56.98 %", "১২০", "100", "৭৫"],
}


def keystrokes(editors: dict, n: int) -> list[float]:
    """Type the values of TYPED into the editors (unit -> QLineEdit) until n key presses are timed."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    send = QCoreApplication.sendEvent
    times: list[float] = []
    while len(times) < n:
        for unit, values in TYPED.items():
            editor = editors[unit]
            for value in values:
                editor.clear()
                for ch in value:
                    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                    t0 = time.perf_counter()
                    send(editor, event)
                    times.append(time.perf_counter() - t0)
                if editor.text() != value:
                    raise RuntimeError(f"typed {value!r}, the editor shows {editor.text()!r}")
    return times[:n]


def real_editors(store, plan_key: int, period: str, parent) -> dict:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from egov_desktop.gui.progress_editor import ProgressEditor
    from egov_desktop.gui.session import Session

    grid = ProgressEditor(Session(store, parent=parent), plan_key, period, parent)
    grid.resize(1200, 800)
    grid.show()
    model, view = grid.model, grid.view
    value_col = model.column_of("value")
    editors = {}
    for row, ind in enumerate(model.document.plan.indicators()):
        if ind.unit not in editors:
            index = model.index(row, value_col)
            editor = view.itemDelegate().createEditor(view.viewport(), QStyleOptionViewItem(), index)
            view.itemDelegate().setEditorData(editor, index)
            if editor.validator() is None:
                raise RuntimeError("the achievement editor has no validator")
            editor.show()
            editors[ind.unit] = editor
    return editors, grid


def bare_editors(parent) -> dict:
    from PySide6.QtCore import QRegularExpression
    from PySide6.QtGui import QRegularExpressionValidator
    from PySide6.QtWidgets import QLineEdit

    editors = {}
    for unit in TYPED:
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\x{0980}-\x{09FF}0-9A-Za-z/.%\s-]*"), editor))
        editor.show()
        editors[unit] = editor
    return editors


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QWidget

    from egov_desktop.store.service import Store

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db, key = store_with_plan(200, Path(tmp) / "bench.sqlite")
        store = Store.open(db)
        try:
            period = store.get_document(key).reports[0].period
            host = QWidget()
            editors, grid = real_editors(store, key, period, host)
            keystrokes(editors, 500)  # warm-up: first parses fill caches, first marking builds the style
            bare = bare_editors(host)
            keystrokes(bare, 500)
            real = keystrokes(editors, KEYSTROKES)
            base = keystrokes(bare, KEYSTROKES)
            grid.close()
        finally:
            store.close()
    app.processEvents()
    p99 = percentile(real, 99) * 1000
    emit(Figure("keystroke validation through the grid delegate, p99", p99, "ms", percentile(base, 99) * 1000,
                "QLineEdit + QRegularExpressionValidator, p99", "p99 < 5 ms", p99 < 5,
                f"{KEYSTROKES:,} key presses; median {median(real) * 1000:.3f} ms vs bare {median(base) * 1000:.3f} ms; "
                f"max {max(real) * 1000:.2f} ms"))


if __name__ == "__main__":
    main()
