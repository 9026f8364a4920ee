"""Cold start: spawning the program until its main window has painted the 200-indicator plan.

Baseline: a bare PySide6 main window painting a 200-row table of the same
texts. Both are separate processes, alternated, median of N. Target: <= 2x. The program's bytecode is
compiled first, as an installed program's is.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from common import Figure, compile_bytecode, emit, median, plan_path, run_gui_child, store_with_plan

N = int(os.environ.get("EGOV_BENCH_STARTS", "9"))


def main() -> None:
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        db, _ = store_with_plan(200, Path(tmp) / "bench.sqlite")
        bare_json = plan_path(200)
        # One untimed start each, so both sides read warm files from the OS cache.
        run_gui_child("bare", bare_json)
        run_gui_child("app", db)
        app, bare = [], []
        for _ in range(N):
            bare.append(run_gui_child("bare", bare_json))
            app.append(run_gui_child("app", db))
    value, base = median([a.plan for a in app]), median([b.plan for b in bare])
    window = median([a.window for a in app])
    emit(Figure("cold start to first painted main window with the 200-indicator plan", value, "s", base,
                "bare PySide6 window, 200-row table", "<= 2x bare", value <= 2 * base,
                f"median of {N} starts each; app min {min(a.plan for a in app) * 1000:.0f} ms "
                f"max {max(a.plan for a in app) * 1000:.0f} ms; its window (before the plan is read) "
                f"first paints at {window * 1000:.0f} ms"))


if __name__ == "__main__":
    main()
