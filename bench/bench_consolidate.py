"""Collecting and consolidating 300 subordinate offices' reports (issue 11.5 scale): each office's half-year
report of the real e-Governance plan (the MoDMR fixture, 13 indicators, its figures varied by office) as the Word
file its own program exports (with the data it carries), collected into a fresh database; then the consolidation
the window shows, and the consolidated Word and Excel reports of the 300 offices.

Figures, each beside a baseline measured in the same run:
- collecting one report (collector.collect_file: read, check, file in one transaction), median of the 300, against
  python-docx opening the same file (unzip and parse its XML: the least that reading a Word file costs);
- the consolidation's data (core.consolidate.from_store: every report read and scored), cold: the first in a fresh
  process whose program is loaded (as in the running program, where the window is opened), median of 3 processes;
  and read again in the same process (what the window does after one more report is collected); against a bare
  PySide6 QTableView shown with a QStandardItemModel of the same size (an office a row, 7 + 3 columns an indicator);
  target < 1 s. The same for a 40-indicator plan (make_plans.py), three times the largest real plan, to show how it
  grows;
- the consolidated Word report (indicator-wise: 13 indicators are more than fit as columns), warm median of 3,
  against python-docx writing the same rows bare; target < 5 s;
- the consolidated Excel workbook, warm median of 3, against openpyxl writing the same cells bare.

The 300 Word files are made once per machine and kept in the bench cache ($TMPDIR/egov-bench).
"""
from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import BENCH, CACHE, ROOT, Figure, alternate, emit, median, plan_path

OFFICES = 300
REPEATS = 3
FIXTURE = ROOT / "tests" / "fixtures" / "modmr-2021-22.plan.json"
UPPER = ROOT / "tests" / "fixtures" / "pib-2023-24.plan.json"
KIND, YEAR, PERIOD = "egov_innovation", "2021-22", "H1"


def office_name(i: int) -> str:
    return f"উপজেলা নির্বাহী অফিসারের কার্যালয় {i + 1:03d}"


def office_document(raw: dict, i: int):
    """Office i's plan and report: the plan as sent down, its own figures (varied so that no two are alike)."""
    from egov_desktop.core import exchange

    r = copy.deepcopy(raw)
    r["office"]["name"] = office_name(i)
    for n, entry in enumerate(r["reports"][0]["entries"]):
        if isinstance(entry.get("value"), (int, float)) and not isinstance(entry["value"], bool):
            entry["value"] = (entry["value"] + i + n) % 100 if entry["value"] > 4 else (i + n) % 5
    return exchange.from_dict(r)


def word_files(fixture: Path, tag: str) -> list[Path]:
    """The offices' Word files, made by the program's own exporter (cached: they are deterministic)."""
    from egov_desktop.export.docx_report import export_docx

    folder = CACHE / f"consolidate-{tag}-{OFFICES}"
    done = folder / "done"
    paths = [folder / f"office-{i:03d}.docx" for i in range(OFFICES)]
    if not done.exists():
        folder.mkdir(parents=True, exist_ok=True)
        raw = json.loads(fixture.read_text(encoding="utf-8"))
        for i, path in enumerate(paths):
            export_docx(office_document(raw, i), PERIOD, path, parts=("report",))
        done.write_text("")
    return paths


def collect_all(paths: list[Path], db: Path) -> list[float]:
    """A fresh upper-office database (its own plan, the offices in its profile) and each file collected into it;
    the time of each collect."""
    from egov_desktop.collector import collect_file
    from egov_desktop.core import exchange
    from egov_desktop.store.service import Store

    db.unlink(missing_ok=True)
    times = []
    with Store.open(db) as store:
        store.import_document(exchange.load(UPPER))
        office = store.current_office()
        for i in range(len(paths)):
            store.add_subordinate(office, office_name(i), "field")
        for path in paths:
            t0 = time.perf_counter()
            outcomes, _ = collect_file(store, office, path, YEAR, PERIOD)
            times.append(time.perf_counter() - t0)
            if not all(o.ok for o in outcomes):
                raise RuntimeError(f"{path}: not collected: {[(o.status, o.findings) for o in outcomes]}")
    return times


def open_docx(paths: list[Path]) -> list[float]:
    import docx

    times = []
    for path in paths:
        t0 = time.perf_counter()
        docx.Document(str(path))
        times.append(time.perf_counter() - t0)
    return times


def child(db: str) -> None:
    """In a fresh process: the program loaded as the running program has it (the exchange reader, scoring), the
    database open; then the consolidation built twice. Prints the two times as JSON."""
    from egov_desktop.core import exchange, scoring  # noqa: F401  (loaded in the running program)
    from egov_desktop.store.service import Store

    store = Store.open(Path(db), readonly=True)
    t0 = time.perf_counter()
    from egov_desktop.core.consolidate import from_store

    cons = from_store(store, KIND, YEAR, PERIOD)
    t1 = time.perf_counter()
    again = from_store(store, KIND, YEAR, PERIOD)
    t2 = time.perf_counter()
    assert len(cons.rows) == len(again.rows) == OFFICES and all(r.total is not None for r in cons.rows)
    print(json.dumps({"cold": t1 - t0, "again": t2 - t1, "columns": len(cons.columns)}))


def build_times(db: Path) -> tuple[float, float, int]:
    """Median cold and read-again times of from_store over REPEATS fresh processes."""
    runs = []
    for _ in range(REPEATS):
        out = subprocess.run([sys.executable, str(Path(__file__)), "child", str(db)], capture_output=True, text=True,
                             check=True, env=os.environ | {"PYTHONPATH": str(ROOT)}).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
    return median([r["cold"] for r in runs]), median([r["again"] for r in runs]), runs[0]["columns"]


def bare_table(rows: int, columns: int) -> float:
    """A bare QTableView with a QStandardItemModel of rows x columns texts, shown and painted."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication.instance() or QApplication([])
    t0 = time.perf_counter()
    model = QStandardItemModel(rows, columns)
    for r in range(rows):
        for c in range(columns):
            model.setItem(r, c, QStandardItem(f"{r}.{c}"))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    elapsed = time.perf_counter() - t0
    view.close()
    return elapsed


def heading():
    from egov_desktop.core import exchange
    from egov_desktop.export.consolidated_docx import heading_of

    return heading_of(exchange.load(UPPER).office, KIND, YEAR)


def text_rows(cons) -> list[list[str]]:
    """The Word report's rows as bare texts: the summary, then each indicator with the offices under it."""
    rows = [[str(i), r.office, r.status, str(r.received), str(r.total), str(r.out_of), str(r.percent)]
            for i, r in enumerate(cons.rows)]
    for c, col in enumerate(cons.columns):
        rows.append([col.code, col.title, "", "", "", "", ""])
        for i, r in enumerate(cons.rows):
            cell = r.cells.get(c)
            rows.append([str(i), r.office, str(cell.value if cell else ""), str(cell.percent if cell else ""),
                         str(cell.score if cell else ""), "", ""])
    return rows


def bare_docx(rows: list[list[str]], out: Path) -> None:
    import docx

    d = docx.Document()
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    # table.rows walked once: indexing it (table.rows[r]) re-reads every row each time, 27 s for 4,213 rows.
    for line, row in zip(table.rows, rows):
        for cell, text in zip(line.cells, row):
            cell.text = text
    d.save(out)


def bare_xlsx(cons, out: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for i, r in enumerate(cons.rows, start=1):
        line = [i, r.office, r.status, r.received.replace(tzinfo=None) if r.received else None, r.total, r.out_of,
                r.percent]
        for c in range(len(cons.columns)):
            cell = r.cells.get(c)
            line += [cell.value, cell.percent, cell.score] if cell else [None, None, None]
        ws.append(line)
    wb.save(out)


def main() -> None:
    from egov_desktop.core.consolidate import from_store
    from egov_desktop.export.consolidated_docx import export_docx
    from egov_desktop.export.consolidated_xlsx import export_xlsx
    from egov_desktop.store.service import Store

    t0 = time.perf_counter()
    paths = word_files(FIXTURE, "modmr")
    made = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "upper.sqlite"
        reading = open_docx(paths)
        collecting = collect_all(paths, db)
        emit(Figure(f"collecting one subordinate report (.docx with data), {OFFICES} into a fresh database, median",
                    median(collecting), "s", median(reading), "python-docx opening the same file", "-", None,
                    f"{OFFICES} reports collected in {sum(collecting):.1f} s; the files made in {made:.1f} s"))
        cold, again, columns = build_times(db)
        bare = median([bare_table(OFFICES, 7 + 3 * columns) for _ in range(REPEATS)])
        emit(Figure(f"consolidation view's data, {OFFICES} offices x {columns} indicators, cold (fresh process)", cold,
                    "s", bare, f"bare QTableView {OFFICES}x{7 + 3 * columns} shown", "< 1 s", cold < 1,
                    f"median of {REPEATS} processes"),
             Figure(f"consolidation view's data, {OFFICES} offices x {columns} indicators, read again", again, "s",
                    bare, f"bare QTableView {OFFICES}x{7 + 3 * columns} shown", "< 1 s", again < 1))
        with Store.open(db, readonly=True) as store:
            cons = from_store(store, KIND, YEAR, PERIOD)
        head = heading()
        rows = text_rows(cons)
        bare_w, real_w = alternate(lambda: bare_docx(rows, tmp / "bare.docx"),
                                   lambda: export_docx(cons, head, tmp / "real.docx", lang="bn"), REPEATS)
        size = (tmp / "real.docx").stat().st_size
        emit(Figure(f"consolidated Word report, {OFFICES} offices x {columns} indicators (indicator-wise), warm",
                    median(real_w), "s", median(bare_w), f"python-docx writing the same {len(rows)} rows bare",
                    "< 5 s", median(real_w) < 5, f"median of {REPEATS}; .docx {size / 1024:.0f} KiB"))
        bare_x, real_x = alternate(lambda: bare_xlsx(cons, tmp / "bare.xlsx"),
                                   lambda: export_xlsx(cons, head, tmp / "real.xlsx", lang="bn"), REPEATS)
        emit(Figure(f"consolidated Excel workbook, {OFFICES} offices x {columns} indicators, warm", median(real_x),
                    "s", median(bare_x), "openpyxl writing the same cells bare", "-", None, f"median of {REPEATS}"))
        # How the view's data grows with the plan: the same for a 40-indicator plan (its Word files collected the
        # same way; only the build is timed).
        big = word_files(plan_path(40), "plan40")
        db40 = tmp / "upper40.sqlite"
        collect_all(big, db40)
        cold40, again40, columns40 = build_times(db40)
        bare40 = median([bare_table(OFFICES, 7 + 3 * columns40) for _ in range(REPEATS)])
        emit(Figure(f"consolidation view's data, {OFFICES} offices x {columns40} indicators, cold (fresh process)",
                    cold40, "s", bare40, f"bare QTableView {OFFICES}x{7 + 3 * columns40} shown", "< 1 s", cold40 < 1,
                    f"median of {REPEATS} processes; read again {again40 * 1000:.0f} ms"))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "child":
        child(sys.argv[2])
    else:
        sys.exit(main())
