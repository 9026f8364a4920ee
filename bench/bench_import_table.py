"""import-table of a 1,000-row Excel plan table (an upper office's consolidated sheet, one indicator a row).

Timed as `egov-desktop import-table --dry-run` does it: read the workbook (formulas' saved values, merged
cells), find the table, recognise its columns and every row into a plan and findings. Baseline: openpyxl
loading the same workbook and reading every cell's value, bare, same machine. Target: under 1 s.
"""
from __future__ import annotations

from pathlib import Path

from common import CACHE, Figure, alternate, emit, median

N = 1000
REPEATS = 5
LEVELS = ["অসাধারণ", "অতি উত্তম", "উত্তম", "চলতি মান", "চলতি মানের নিম্নে"]


def make_sheet(path: Path) -> Path:
    """Two header rows (levels under a merged লক্ষ্যমাত্রা), areas of 50 indicators merged down, a Q1 column."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "APA"
    ws.append(["ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪"])
    ws.append(["কর্মসম্পাদন ক্ষেত্র", "মান", "কার্যক্রম", "কর্মসম্পাদন সূচক", "একক", "কর্মসম্পাদন সূচকের মান",
               "লক্ষ্যমাত্রা ২০২৩-২৪", None, None, None, None, "অর্জন (জুলাই-সেপ্টেম্বর ২০২৩)", "প্রমাণক"])
    ws.append([None] * 6 + LEVELS + [None, None])
    ws.merge_cells("G2:K2")
    row = 4
    for i in range(N):
        area, act = i // 50 + 1, i // 5 + 1
        ws.append([f"[{area}] ক্ষেত্র {area}" if i % 50 == 0 else None, 50 if i % 50 == 0 else None,
                   f"[{area}.{act}] কার্যক্রম {act}" if i % 5 == 0 else None,
                   f"[{area}.{act}.{i % 5 + 1}] সূচক {i + 1} সম্পন্ন", "সংখ্যা", 1, 5, 4, 3, 2, 1, i % 6,
                   "প্রতিবেদন"])
        if i % 50 == 49:
            ws.merge_cells(f"A{row - 49}:A{row}")
            ws.merge_cells(f"B{row - 49}:B{row}")
        row += 1
    wb.save(path)
    return path


def bare(path: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=True)
    for ws in wb.worksheets:
        for r in ws.iter_rows(values_only=True):
            for _v in r:
                pass


def real(path: Path) -> None:
    from egov_desktop.tables import read_plan_table

    result = read_plan_table(path)
    assert len(result.document.plan.indicators()) == N


def main() -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"table-{N}.xlsx"
    if not path.exists():
        make_sheet(path)
    b, r = alternate(lambda: bare(path), lambda: real(path), REPEATS)
    emit(Figure(f"import-table of a {N:,}-row .xlsx (read and recognised)", median(r), "s", median(b),
                "openpyxl load + read every cell", "< 1 s", median(r) < 1, f"median of {REPEATS}"))


if __name__ == "__main__":
    main()
