"""A GUI process for the start-up and memory figures, run by bench_startup.py / bench_memory.py.

    python bench/gui_child.py bare PLAN.json [--settle SECONDS]
    python bench/gui_child.py app  DB.sqlite [--settle SECONDS]

It prints `window` when the main window first paints, then `painted <peak RSS MB>`
once a table view holding at least 200 rows (the plan's indicators: nothing
else in the window has that many) has been painted and the event loop has gone
idle after it (the first frame showing the plan), then exits. The parent times
from spawning the process to reading each line, so interpreter start-up and
imports are included for both sides. --settle waits longer before reading the
memory (work deferred after the first frame counts too).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The program may paint its window before the plan is read (it does, to look quick); the figure is
# the first frame that shows the plan, so a view must hold the plan's rows.
MIN_ROWS = 200


def _watch_first_frame(app, settle: float, grab: str | None = None) -> None:
    """Finish after the first paint of an item view holding the plan, once the loop is idle.
    `grab` saves a picture of that window, to see what was measured."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QAbstractItemView, QMainWindow

    from common import peak_rss_mb

    def finish():
        print(f"painted {peak_rss_mb():.1f}", flush=True)
        if grab:
            next(w for w in app.topLevelWidgets() if w.isVisible()).grab().save(grab)
        app.exit(0)

    class Watcher(QObject):
        shown = done = False

        def eventFilter(self, obj, event):
            if not self.done and event.type() == QEvent.Type.Paint:
                if not self.shown and isinstance(obj.window(), QMainWindow):
                    self.shown = True
                    print("window", flush=True)
                view = obj.parent()
                if isinstance(view, QAbstractItemView) and obj is view.viewport() and view.model() is not None \
                        and view.model().rowCount() >= MIN_ROWS:
                    self.done = True
                    QTimer.singleShot(int(settle * 1000), finish)
            return False

    watcher = Watcher(app)
    app.installEventFilter(watcher)
    app._bench_watcher = watcher  # keep it alive


def bare(plan_json: str, settle: float, grab: str | None = None) -> int:
    """The baseline: a plain PySide6 main window with a table of the plan's indicator rows."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    data = json.loads(Path(plan_json).read_text(encoding="utf-8"))
    rows = [
        [ind["code"], ind["title"], ind["unit"], str(ind["weight"])] + [str(t) for t in ind["targets"]]
        for area in data["plan"]["areas"] for act in area["activities"] for ind in act["indicators"]
    ]
    model = QStandardItemModel(len(rows), max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            model.setItem(r, c, QStandardItem(text))
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 800)
    _watch_first_frame(app, settle, grab)
    window.show()
    return app.exec()


def real_app(db: str, settle: float, grab: str | None = None) -> int:
    """The program as an office starts it, on a database holding the big plan."""
    from PySide6.QtWidgets import QApplication

    # run_gui reuses an existing QApplication, so the watcher can be installed before it starts.
    app = QApplication(sys.argv[:1])
    _watch_first_frame(app, settle, grab)
    from egov_desktop.gui.app import run_gui

    return run_gui(["--db", db])


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("bare", "app"))
    p.add_argument("path")
    p.add_argument("--settle", type=float, default=0.0)
    p.add_argument("--grab", help="save a PNG of the window when it is measured")
    a = p.parse_args()
    sys.exit((bare if a.mode == "bare" else real_app)(a.path, a.settle, a.grab))
