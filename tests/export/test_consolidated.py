"""The consolidated report in Word and Excel: read back with python-docx and openpyxl, rendered by LibreOffice."""
from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess

import docx
import openpyxl
import pytest

from egov_desktop.core import exchange
from egov_desktop.core.consolidate import Submission, consolidate
from egov_desktop.export.consolidated_docx import MATRIX_MAX, Heading, export_docx
from egov_desktop.export.consolidated_xlsx import export_xlsx
from tests.conftest import FIXTURES, require_tool

DEADLINE = dt.date(2021, 10, 15)


def _docs(fixture: str, n: int, values=lambda i: {}) -> list[Submission]:
    raw = json.loads((FIXTURES / fixture).read_text(encoding="utf-8"))
    subs = []
    for i in range(n):
        r = copy.deepcopy(raw)
        r["office"]["name"] = f"উপজেলা দপ্তর {i + 1}"
        if values(i):
            r["reports"][0]["entries"] = [{"indicator": k, "value": v} for k, v in values(i).items()]
        subs.append(Submission(r["office"]["name"], exchange.from_dict(r), dt.datetime(2021, 10, 13 + i, 10)))
    return subs


def _heading(kind: str) -> Heading:
    return Heading("জেলা প্রশাসকের কার্যালয়, টাঙ্গাইল", ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "জেলা প্রশাসকের কার্যালয়, টাঙ্গাইল"],
                   kind, "2021-22")


def _rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


@pytest.fixture
def cc(tmp_path):
    subs = _docs("cc-fid-2021-22.plan.json", 4, lambda i: {"1.2.1": i + 1, "1.3.1": 1})
    cons = consolidate(subs, [s.office for s in subs] + ["উপজেলা দপ্তর ৫"], "Q1", DEADLINE)
    return cons, export_docx(cons, _heading("citizen_charter"), tmp_path / "cc.docx", lang="bn")


def test_few_indicators_make_an_office_per_row_with_the_indicators_as_columns(cc):
    cons, path = cc
    assert len(cons.columns) <= MATRIX_MAX
    document = docx.Document(str(path))
    summary, matrix = document.tables
    rows = _rows(summary)
    assert rows[0][:3] == ["ক্রম", "অফিস", "অবস্থা"]
    # 3 on time (13, 14, 15 Oct), one late (16 Oct), one not received.
    assert [r[2] for r in rows[1:]] == ["যথাসময়ে", "যথাসময়ে", "যথাসময়ে", "বিলম্বে", "পাওয়া যায়নি"]
    assert rows[1][3] == "১৩/১০/২০২১"
    assert rows[4][5:8] == ["৮.৫", "১৭", "৫০%"]  # 5 × 4/4 + 7 × 1/2 of 17
    head = _rows(matrix)
    assert head[0][2].startswith("[১.১.১]") and head[1][2] == "অর্জন"
    assert head[2][1] == "উপজেলা দপ্তর 1" and head[2][-1] == "৪.৭৫ / ১৭"
    assert document.sections[-1].orientation == 1  # landscape


def test_many_indicators_are_laid_out_indicator_wise(tmp_path):
    subs = _docs("nis-fid-2021-22.plan.json", 3)
    cons = consolidate(subs, [s.office for s in subs], "Q1", DEADLINE)
    assert len(cons.columns) > MATRIX_MAX
    document = docx.Document(str(export_docx(cons, _heading("nis"), tmp_path / "nis.docx", lang="bn")))
    details = _rows(document.tables[1])
    headings = [r[0] for r in details if len(set(r)) == 1]
    assert len(headings) == len(cons.columns) and headings[0] == "[১.১.১] সভা আয়োজিত (মান ৪)"
    first = details.index(next(r for r in details if r[0].startswith("[১.১.১]")))
    assert [r[1] for r in details[first + 1:first + 4]] == [s.office for s in subs]
    assert details[first + 1][2:5] == ["১", "২৫%", "১"]  # 1 meeting of 4, weight 4


def test_the_workbook_keeps_numbers_as_numbers_with_a_filter(tmp_path, cc):
    cons, _ = cc
    path = export_xlsx(cons, _heading("citizen_charter"), tmp_path / "cc.xlsx", lang="bn")
    ws = openpyxl.load_workbook(path).active
    top = next(r for r in range(1, 10) if ws.cell(r, 1).value == "ক্রম")
    assert ws.auto_filter.ref.startswith(f"A{top + 1}")
    first = top + 2
    assert ws.cell(first + 3, 2).value == "উপজেলা দপ্তর 4"
    assert ws.cell(first + 3, 6).value == pytest.approx(8.5) and ws.cell(first + 3, 7).value == 17
    assert ws.cell(first + 3, 6).number_format.startswith("[$-5000445]")
    assert ws.cell(first + 4, 3).value == "পাওয়া যায়নি" and ws.cell(first + 4, 6).value is None
    code_121 = next(c for c in range(8, ws.max_column + 1) if str(ws.cell(top, c).value).startswith("[১.২.১]"))
    assert ws.cell(first, code_121).value == 1 and ws.cell(first, code_121 + 2).value == pytest.approx(1.25)


def test_libreoffice_renders_the_consolidated_report(tmp_path, cc):
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    _, path = cc
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], capture_output=True, check=True, timeout=240)
    text = subprocess.run([pdftotext, "-layout", str(path.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "উপজেলা দপ্তর 4" in text and "পাওয়া যায়নি" in text
    pages = text.count("\f")
    assert pages >= 1 and text.rstrip("\f\n").endswith(f"{pages}/{pages}")  # numbered in the footer
