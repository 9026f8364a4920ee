"""Word export of all five governance plans of a period in one file (issue 9): five 40-indicator plans
(the e-Gov, NIS, citizen's charter, GRS and RTI layouts), the memo naming the annexes, a landscape section
each.

Baseline: python-docx writing the same five tables (the same cell texts) bare into one document. Median
of warm repeats. Target: < 1.5 s.
"""
from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path

from bench_export import _rows
from common import Figure, alternate, emit, median, plan_path

REPEATS = 5
KINDS = ("nis", "egov_innovation", "citizen_charter", "grs", "rti")


def five_plans() -> list:
    from egov_desktop.core import exchange

    base = exchange.load(plan_path(40))
    docs = []
    for kind in KINDS:
        doc = copy.deepcopy(base)
        doc.plan.kind = kind
        docs.append(doc)
    return docs


def bare_export(docs, out: Path) -> None:
    import docx

    d = docx.Document()
    for doc in docs:
        rows = _rows(doc)
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            cells = table.rows[r].cells
            for c, text in enumerate(row):
                cells[c].text = text
    d.save(out)


def real_export(docs, out: Path) -> None:
    from egov_desktop.export.docx_report import export_all_plans

    # The office's memo for all plans (the fixture's full memo): without one the export refuses (219e92e).
    first = docs[0].reports[0]
    export_all_plans(docs, first.period, out, memo=first.memo)


def main() -> None:
    docs = five_plans()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        bare, real = alternate(lambda: bare_export(docs, tmp / "bare.docx"),
                               lambda: real_export(docs, tmp / "real.docx"), REPEATS)
        size = (tmp / "real.docx").stat().st_size
    b, r = median(bare), median(real)
    emit(Figure("Word export of the five plans of a period (5 x 40 indicators + memo), warm", r, "s", b,
                "python-docx writing the five tables bare", "< 1.5 s", r < 1.5,
                f"median of {REPEATS}; .docx {size / 1024:.0f} KiB"))


if __name__ == "__main__":
    sys.exit(main())
