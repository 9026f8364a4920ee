"""The report as an Excel workbook: the Word table's layout, numbers as numbers with Bangla digits, dates as
dates, merged areas, printed A4 landscape with the header rows on every page; read back exactly."""
from __future__ import annotations

import datetime as dt
import subprocess

import openpyxl
import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.export.docx_report import ExportError
from egov_desktop.export.xlsx_report import BANGLA_DIGITS, export_xlsx
from egov_desktop.tables import read_plan_table
from egov_desktop.tables.grid import read_tables
from egov_desktop.tables.recognise import find_tables, recognise
from tests.conftest import FIXTURES, MODMR, PIB, require_tool
from tests.export.helpers import signed


# A field office's RTI plan: one target level, and a date window (1-31 December) as 2.1.1's target.
RTI = FIXTURES / "rti-betagi-2023-24.plan.json"


def _cell_of(ws, text: str):
    return next(c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith(text))


def test_export_xlsx_writes_numbers_dates_and_the_layout(capsys, tmp_path):
    out = tmp_path / "modmr.xlsx"
    assert cli.main(["export-xlsx", str(MODMR), "--period", "H1", "--out", str(out)]) == 0
    assert "লেখা হয়েছে" in capsys.readouterr().out
    ws = openpyxl.load_workbook(out).active
    indicator = _cell_of(ws, "[১.১.১]")
    row = indicator.row
    values = [ws.cell(row, c).value for c in range(1, ws.max_column + 1)]
    assert 5 in values  # the indicator's weight, a number Excel can add
    dates = [ws.cell(row, c) for c in range(1, ws.max_column + 1) if isinstance(ws.cell(row, c).value, dt.datetime)]
    assert dates[0].value.date() == dt.date(2022, 4, 14) and dates[0].number_format == BANGLA_DIGITS + "dd/mm/yyyy"
    percent_row = _cell_of(ws, "[২.১.১]").row  # ই-নথি, a percent indicator
    rates = [ws.cell(percent_row, c) for c in range(1, ws.max_column + 1) if ws.cell(percent_row, c).number_format
             == BANGLA_DIGITS + "0.00%"]
    assert rates and all(isinstance(c.value, float) and c.value <= 1 for c in rates)
    assert any(rng.min_col == 2 and rng.max_row > rng.min_row for rng in ws.merged_cells.ranges)  # an area
    assert ws.print_title_rows and ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    # The narrative has a column of its own: the figure beside it stays a number.
    assert "একটি সেবা ডিজিটাইজ করা হয়েছে।" in [ws.cell(_cell_of(ws, "[১.৩.১]").row, c).value
                                              for c in range(1, ws.max_column + 1)]


@pytest.mark.parametrize("source,period", [(MODMR, "H1"), (PIB, "Q1")])
def test_our_own_workbook_reads_back_as_the_same_plan_and_report(tmp_path, source, period):
    out = export_xlsx(exchange.load(source), period, tmp_path / "r.xlsx")
    want = exchange.load(source)
    want.reports = [want.report(period)]
    result = read_plan_table(out)
    assert result.carried and exchange.to_dict(result.document) == exchange.to_dict(want)
    # Read from its table alone (as when the carried plan is lost), the table's fields come back too.
    grid, header = find_tables(read_tables(out))[0]
    table = recognise(grid, header).document
    fields = lambda i: (i.code, i.title, i.unit, i.weight, i.targets)  # noqa: E731
    assert [fields(i) for i in table.plan.indicators()] == [fields(i) for i in want.plan.indicators()]
    for entry in want.reports[0].entries:
        got = table.report(period).entry(entry.indicator)
        assert (got.value, got.narrative) == (entry.value, entry.narrative), entry.indicator


def test_a_signed_report_changed_after_its_seal_is_refused(tmp_path):
    doc = signed(exchange.load(MODMR), "H1")
    doc.report("H1").entries[0].narrative = "পরে বদলানো"
    with pytest.raises(ExportError):
        export_xlsx(doc, "H1", tmp_path / "r.xlsx")
    assert not (tmp_path / "r.xlsx").exists()


def test_libreoffice_prints_the_workbook_in_bangla(tmp_path):
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    out = export_xlsx(exchange.load(PIB), "Q1", tmp_path / "pib.xlsx")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = subprocess.run([pdftotext, "-layout", str(tmp_path / "pib.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ই-নথির ব্যবহার বৃদ্ধি" in text and "প্রেস ইনস্টিটিউট বাংলাদেশ" in text


def test_twin_codes_show_their_own_figures_in_the_report_table(tmp_path):
    """Two indicators with one code (an error the rules report, kept to be fixed in the grid): the first has the
    entry, each shows its own score, as scoring counts them."""
    from egov_desktop.export import report_table as rt

    doc = exchange.load(PIB)
    first, second = doc.plan.indicators()[1], doc.plan.indicators()[2]
    second.code = first.code
    _ctx, _cols, rows = rt.layout(doc.plan, doc.report("Q1"), "bn", include_score=True)
    twins = [r for r in rows if r.indicator.code == first.code]
    assert twins[0].entry is not None and twins[1].entry is None
    assert twins[0].score is not twins[1].score and twins[1].score.score == 0


def test_twin_codes_from_the_database_each_show_their_own_entry(tmp_path):
    """In the database each twin may have its own achievement (typed in the grid): the table shows each its own
    entry and score, as the grid does."""
    import json

    from egov_desktop.export import report_table as rt
    from egov_desktop.store.service import Store
    from tests.documents import duplicate_code

    raw = json.loads(PIB.read_text(encoding="utf-8"))
    code = duplicate_code(raw, title="একই কোডের দ্বিতীয় সূচক")  # 1.1.1, a date: targets from 16/03/2024
    with Store.open(tmp_path / "egov.sqlite") as store:
        key = store.import_document(exchange.loads(json.dumps(raw, ensure_ascii=False))).key
        first, twin = [i for i in store.get_document(key).plan.indicators() if i.code == code]
        store.set_entry_field(key, "Q1", first.key, "value", dt.date(2024, 3, 16))
        store.set_entry_field(key, "Q1", twin.key, "value", dt.date(2024, 4, 6))
        saved = store.get_document(key)
    _ctx, _cols, rows = rt.layout(saved.plan, saved.report("Q1"), "bn", include_score=True)
    twins = [r for r in rows if r.indicator.code == code]
    assert [r.entry.value for r in twins] == [dt.date(2024, 3, 16), dt.date(2024, 4, 6)]
    assert [r.score.score for r in twins] == [10, 7]


def test_a_date_window_target_is_written_as_its_text(tmp_path):
    # The target cells became a list of texts (a line for an alternative indicator's): the window was given to
    # Excel as that list, and the export failed ("Cannot convert [...] to Excel").
    out = export_xlsx(exchange.load(RTI), "Q2", tmp_path / "rti.xlsx")
    ws = openpyxl.load_workbook(out).active
    row = _cell_of(ws, "[২.১.১]").row
    assert "০১/১২/২০২৩ থেকে ৩১/১২/২০২৩" in [ws.cell(row, c).value for c in range(1, ws.max_column + 1)]
    want = exchange.load(RTI)
    want.reports = [want.report("Q2")]
    assert exchange.to_dict(read_plan_table(out).document) == exchange.to_dict(want)  # the plan it carries
