"""The NIS report is the Cabinet Division's numbered 14-column monitoring form (PLANS.md §2.1, issue 9.6):
two header rows and a row of column numbers, a section row per area, each indicator two rows (লক্ষ্যমাত্রা /
অর্জন) with columns ১–৬ merged over both; read back with python-docx, with the table reader, and as
LibreOffice prints it."""
from __future__ import annotations

import subprocess

import docx
import pytest

from egov_desktop.core import exchange
from egov_desktop.export.docx_report import export_docx
from egov_desktop.export.ooxml import W_NS
from egov_desktop.tables.grid import read_tables
from egov_desktop.tables.recognise import find_tables, recognise
from tests.conftest import FIXTURES, require_tool

W = f"{{{W_NS}}}"


def nis():
    doc = exchange.load(FIXTURES / "nis-fid-2021-22.plan.json")
    first = doc.plan.areas[0]
    first.title, first.weight = "প্রাতিষ্ঠানিক ব্যবস্থা", 8  # the FID plan names no area: as the field form does
    return doc


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return export_docx(nis(), "Q1", tmp_path_factory.mktemp("nis") / "nis.docx", parts=("report",))


def _texts(tr) -> list[str]:
    """A Word row's cells as written (a merged-on cell is empty), with how each merges."""
    out = []
    for tc in tr.findall(f"{W}tc"):
        vmerge = tc.find(f"{W}tcPr/{W}vMerge")
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.findall(f"{W}p"))
        merge = None if vmerge is None else vmerge.get(f"{W}val", "continue")
        out.append((text, merge))
    return out


def test_the_form_has_14_numbered_columns_section_rows_and_row_pairs(exported):
    table = docx.Document(exported).tables[-1]
    rows = [_texts(tr) for tr in table._tbl.tr_lst]
    head = [t for t, _ in rows[0]] + [t for t, _ in rows[1]]
    for word in ("কার্যক্রমের নাম", "সূচকের মান", "বাস্তবায়নের দায়িত্বপ্রাপ্ত ব্যক্তি/পদ", "২০২১-২২ অর্থবছরের লক্ষ্যমাত্রা",
                 "লক্ষ্যমাত্রা/ অর্জন", "বাস্তবায়ন অগ্রগতি পরিবীক্ষণ, ২০২১-২২", "১ম কোয়ার্টার", "৪র্থ কোয়ার্টার",
                 "মোট অর্জন", "অর্জিত মান", "মন্তব্য"):
        assert word in head, word
    assert [t for t, _ in rows[2]] == ["১", "২", "৩", "৪", "৫", "৬", "৭", "৮", "৯", "১০", "১১", "১২", "১৩", "১৪"]
    # The three header rows repeat on every page.
    assert [tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in table._tbl.tr_lst[:4]] == [True] * 3 + [False]
    # The first area's section row: one cell across the table.
    assert rows[3] == [("১. প্রাতিষ্ঠানিক ব্যবস্থা : ৮", None)]
    assert table._tbl.tr_lst[3].find(f"{W}tc/{W}tcPr/{W}gridSpan").get(f"{W}val") == "14"
    assert any(r == [("২.", None)] for r in rows)  # an area without title or weight: its code alone
    # 1.1.1: the লক্ষ্যমাত্রা row over the অর্জন row, columns ১–৬ merged over both.
    target, achieved = rows[4], rows[5]
    assert [t for t, _ in target[:7]] == ["১.১ নৈতিকতা কমিটির সভা আয়োজন", "সভা আয়োজিত", "৪", "সংখ্যা", "", "৪",
                                          "লক্ষ্যমাত্রা"]
    assert [m for _, m in target[:7]] == ["restart"] * 6 + [None]
    assert [m for _, m in achieved[:7]] == ["continue"] * 6 + [None]
    assert [t for t, _ in target[6:]] == ["লক্ষ্যমাত্রা", "১", "১", "১", "১", "", "", ""]
    assert [t for t, _ in achieved[6:]] == ["অর্জন", "১", "", "", "", "১", "১", "প্রমাণক: সভার কার্যবিবরণী"]
    # 1.6.1: a dated target per quarter; Q1's date met on the অর্জন row.
    six = next(i for i, r in enumerate(rows) if r[0][0].startswith("১.৬ "))
    assert [t for t, _ in rows[six][7:11]] == ["১৫/১০/২০২১", "১৫/০১/২০২২", "১৫/০৪/২০২২", ""]
    assert [t for t, _ in rows[six + 1][7:13]] == ["১৫/১০/২০২১", "", "", "", "১৫/১০/২০২১", "০.৩৩"]
    # The total row: the plan's score under অর্জিত মান.
    assert [t for t, _ in rows[-1]][0] == "মোট" and len(rows[-1]) == 4 and rows[-1][2][0].endswith("/ ৪৪")


def test_the_other_kinds_keep_their_layouts(tmp_path):
    for name in ("grs-fid-2021-22", "cc-fid-2021-22", "rti-fid-2021-22"):
        out = export_docx(exchange.load(FIXTURES / f"{name}.plan.json"), "Q1", tmp_path / f"{name}.docx",
                          parts=("report",))
        rows = [[c.text for c in row.cells] for row in docx.Document(out).tables[-1].rows]
        assert "১৪" not in rows[2] and "লক্ষ্যমাত্রা/ অর্জন" not in rows[0], name


def test_the_table_reads_back_as_the_same_indicators_and_quarters(exported):
    want = nis()
    grid, header = find_tables(read_tables(exported))[0]
    got = recognise(grid, header).document
    fields = lambda i: (i.code, i.unit, i.weight, i.quarter_targets)  # noqa: E731
    assert [fields(i) for i in got.plan.indicators()] == [fields(i) for i in want.plan.indicators()]
    for entry in want.report("Q1").entries:
        read = got.report("Q1").entry(entry.indicator)
        assert (read.value if read else None) == entry.value, entry.indicator


def test_libreoffice_prints_the_section_row_and_the_pair_labels(exported, tmp_path):
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(exported)], capture_output=True, check=True, timeout=240)
    text = subprocess.run([pdftotext, str(tmp_path / "nis.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    # pdftotext puts a space inside some conjuncts ("অর্জ ন"): compared without spaces.
    flat = "".join(text.split())
    assert "১.প্রাতিষ্ঠানিকব্যবস্থা:৮" in flat
    pairs = len(nis().plan.indicators())
    assert flat.count("লক্ষ্যমাত্রা") > pairs and flat.count("অর্জন") > pairs, text


def test_the_spreadsheet_keeps_one_row_an_indicator_with_its_quarters(tmp_path):
    import openpyxl

    from egov_desktop.export.xlsx_report import export_xlsx

    ws = openpyxl.load_workbook(export_xlsx(nis(), "Q1", tmp_path / "nis.xlsx")).active
    row = next(r for r in ws.iter_rows(values_only=True) if any(str(v).startswith("[১.১.১]") for v in r if v))
    assert "লক্ষ্যমাত্রা: ১\nঅর্জন: ১" in row  # Q1: the quarter's target over its achievement, as before


def test_dated_targets_stand_under_the_quarter_they_fall_in(tmp_path):
    # 1.5: 31/12/2021 is in the second quarter, 30/06/2022 in the fourth; 1.7: 31/10 and 31/12/2021 both in the
    # second, 31/03/2022 in the third. 1.6's report dates stay under the quarter whose report they are
    # (15/10/2021 is the first quarter's report, due by that day).
    import datetime as dt

    from egov_desktop.core.model import Entry

    doc = nis()
    q3 = doc.report("Q1")
    q3.period = "Q3"
    for e in q3.entries:
        e.period_value = None
    q3.entries.append(Entry("1.7.1", dates=[dt.date(2021, 10, 30), dt.date(2021, 12, 29), None]))
    q3.entries.append(Entry("1.5.1", value=1, dates=[dt.date(2021, 12, 20), None]))
    out = export_docx(doc, "Q3", tmp_path / "nis.docx", parts=("report",))
    rows = [_texts(tr) for tr in docx.Document(out).tables[-1]._tbl.tr_lst]

    def quarters(code: str) -> tuple[list[str], list[str]]:
        at = next(i for i, r in enumerate(rows) if r[0][0].startswith(code + " "))
        return [t for t, _ in rows[at][7:11]], [t for t, _ in rows[at + 1][7:11]]

    assert quarters("১.৫") == (["", "৩১/১২/২০২১", "", "৩০/০৬/২০২২"], ["", "২০/১২/২০২১", "", ""])
    assert quarters("১.৭") == (["", "৩১/১০/২০২১, ৩১/১২/২০২১", "৩১/০৩/২০২২", ""],
                               ["", "৩০/১০/২০২১, ২৯/১২/২০২১", "", ""])
    assert quarters("১.৬")[0] == ["১৫/১০/২০২১", "১৫/০১/২০২২", "১৫/০৪/২০২২", ""]


def test_no_blank_last_page_after_a_table_that_fills_its_page(tmp_path):
    # In the sans font the FID form's table ends at the foot of its second page; the empty signature space after
    # it (30 points above an empty line: the report has no memo to take a signatory from) made a third page with
    # nothing but the page number.
    import re

    soffice = require_tool("soffice")
    pdfinfo, pdftotext = require_tool("pdfinfo"), require_tool("pdftotext")
    out = export_docx(exchange.load(FIXTURES / "nis-fid-2021-22.plan.json"), "Q1", tmp_path / "nis.docx",
                      parts=("report",), font="Noto Sans Bengali")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, check=True, timeout=240)
    info = subprocess.run([pdfinfo, str(tmp_path / "nis.pdf")], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))
    last = subprocess.run([pdftotext, "-f", str(pages), "-l", str(pages), str(tmp_path / "nis.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = re.sub(r"পৃষ্ঠা\s*\S+\s*/\s*\S+", "", last)  # the footer's page number is on every page
    assert pages == 2 and "৩.৫" in text.replace(" ", ""), (pages, last)
