"""Memory: peak resident set with the 200-indicator plan open, one second after the first frame.

Baseline: the bare PySide6 window with a 200-row table, measured the same way.
Target: under 200 MB.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from common import Figure, compile_bytecode, emit, plan_path, run_gui_child, store_with_plan

SETTLE = 1.0


def main() -> None:
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        db, _ = store_with_plan(200, Path(tmp) / "bench.sqlite")
        base = run_gui_child("bare", plan_path(200), settle=SETTLE).rss_mb
        value = run_gui_child("app", db, settle=SETTLE).rss_mb
    emit(Figure("peak RSS with the 200-indicator plan open", value, "MB", base,
                "bare PySide6 window, 200-row table", "< 200 MB", value < 200))


if __name__ == "__main__":
    main()
