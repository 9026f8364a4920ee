"""Word export of the 200-indicator report with its forwarding memo.

Baseline: python-docx writing the same table (the same cell texts) bare, with
no styles, fonts, memo or score. Both are measured twice: the first export in a
fresh process (imports included: what the first click in the program costs)
and the median of warm repeats. Target: <= 1.5x bare and under 1 s.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH, Figure, alternate, emit, median, plan_path

REPEATS = 5


def _rows(doc) -> list[list[str]]:
    report = doc.reports[0]
    rows = []
    for ind in doc.plan.indicators():
        entry = report.entry(ind.code)
        rows.append([ind.code, ind.title, ind.unit, str(ind.weight), *(str(t) for t in ind.targets),
                     str(entry.value if entry else ""), (entry.narrative or "") if entry else ""])
    return rows


def bare_export(doc, out: Path) -> None:
    import docx

    rows = _rows(doc)
    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        for c, text in enumerate(row):
            cells[c].text = text
    d.save(out)


def real_export(doc, out: Path) -> None:
    from egov_desktop.export.docx_report import export_docx

    export_docx(doc, doc.reports[0].period, out, parts=("memo", "report"))


def one(kind: str, out: Path) -> float:
    """Load the plan, then time one export; imports of the export code are inside the timing."""
    from egov_desktop.core import exchange

    doc = exchange.load(plan_path(200))
    t0 = time.perf_counter()
    (real_export if kind == "real" else bare_export)(doc, out)
    return time.perf_counter() - t0


def first_in_fresh_process(kind: str, out: Path) -> float:
    res = subprocess.run([sys.executable, str(BENCH / "bench_export.py"), "--one", kind, str(out)],
                         capture_output=True, text=True, check=True)
    return float(res.stdout.split()[-1])


def main() -> None:
    from egov_desktop.core import exchange

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cold_bare = first_in_fresh_process("bare", tmp / "cold-bare.docx")
        cold_real = first_in_fresh_process("real", tmp / "cold-real.docx")
        doc = exchange.load(plan_path(200))
        warm_bare, warm_real = alternate(lambda: bare_export(doc, tmp / "bare.docx"),
                                         lambda: real_export(doc, tmp / "real.docx"), REPEATS)
        size = (tmp / "real.docx").stat().st_size
    wb, wr = median(warm_bare), median(warm_real)
    emit(
        Figure("Word export, 200-indicator report + memo, first in a fresh process", cold_real, "s", cold_bare,
               "python-docx bare table, first in a fresh process", "<= 1.5x bare and < 1 s",
               cold_real <= 1.5 * cold_bare and cold_real < 1),
        Figure("Word export, 200-indicator report + memo, warm", wr, "s", wb,
               "python-docx bare table, warm", "<= 1.5x bare and < 1 s", wr <= 1.5 * wb and wr < 1,
               f"median of {REPEATS}; .docx {size / 1024:.0f} KiB"),
    )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        print(one(sys.argv[2], Path(sys.argv[3])))
    else:
        main()
