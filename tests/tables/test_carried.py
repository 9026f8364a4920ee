"""An exported .docx carries its plan and report (export/embedded.py): read back exactly, and a table edited
by hand afterwards is read from the table, with a warning. Hostile packages are refused before any reader."""
from __future__ import annotations

import zipfile

import docx
import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.export.docx_report import export_docx
from egov_desktop.export.embedded import NS
from egov_desktop.tables import TableFileError, read_plan_table
from tests.conftest import FIXTURES, MODMR, PIB


def _report_only(path, period):
    doc = exchange.load(path)
    doc.reports = [r for r in doc.reports if r.period == period]
    return doc


@pytest.mark.parametrize("source,period", [(MODMR, "H1"), (PIB, "Q1")])
def test_our_word_file_gives_back_exactly_the_plan_and_report_it_was_made_from(tmp_path, source, period):
    out = export_docx(exchange.load(source), period, tmp_path / "r.docx", parts=["report"])
    with zipfile.ZipFile(out) as z:
        items = [n for n in z.namelist() if n.startswith("customXml/item") and "Props" not in n]
        assert any(NS.encode() in z.read(n) for n in items)
    result = read_plan_table(out)
    assert result.carried and result.findings == []
    # Everything, the parts no table shows included (aggregation, x- keys, memo, evidence).
    assert exchange.to_dict(result.document) == exchange.to_dict(_report_only(source, period))


def test_a_table_edited_by_hand_is_read_from_the_table_with_a_warning(tmp_path):
    out = export_docx(exchange.load(MODMR), "H1", tmp_path / "r.docx")
    d = docx.Document(out)
    table = d.tables[-1]
    cell = next(c for row in table.rows for c in row.cells if c.text == "৫" and c is not None)
    cell.text = "৭"  # a weight changed in Word after the export
    d.save(tmp_path / "edited.docx")
    result = read_plan_table(tmp_path / "edited.docx")
    assert not result.carried
    assert result.findings[0].rule == "table_edited"
    assert 7 in [i.weight for i in result.document.plan.indicators()]


def test_the_carried_plan_survives_a_resave_by_libreoffice(tmp_path):
    """An office opens the file and saves it again (here LibreOffice; Word keeps custom XML parts too)."""
    import subprocess

    from tests.conftest import require_tool

    soffice = require_tool("soffice")
    out = export_docx(exchange.load(PIB), "Q1", tmp_path / "r.docx", parts=["report"])
    subprocess.run([soffice, "--headless", "--convert-to", "docx", "--outdir", str(tmp_path / "lo"), str(out)],
                   check=True, capture_output=True, timeout=180, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    result = read_plan_table(tmp_path / "lo" / "r.docx")
    assert result.carried
    assert exchange.to_dict(result.document) == exchange.to_dict(_report_only(PIB, "Q1"))


def _zip(path, parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def _docx_parts(tmp_path) -> dict[str, bytes]:
    out = export_docx(exchange.load(PIB), "Q1", tmp_path / "base.docx", parts=["report"])
    with zipfile.ZipFile(out) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_hostile_word_files_are_refused_before_python_docx_reads_them(tmp_path, capsys):
    parts = _docx_parts(tmp_path)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              + parts["word/document.xml"][parts["word/document.xml"].index(b"<w:document"):])
    cases = {
        "bomb.docx": {**parts, "word/media/pad.bin": b"\0" * (120 * 1024 * 1024)},
        "entities.docx": {**parts, "word/document.xml": laughs},
    }
    for name, content in cases.items():
        path = _zip(tmp_path / name, content)
        with pytest.raises(TableFileError):
            read_plan_table(path)
        code = cli.main(["import-table", str(path), "--dry-run"])
        assert code == 2 and "Traceback" not in capsys.readouterr().err
    fifo = tmp_path / "fifo.docx"
    import os

    os.mkfifo(fifo)
    assert cli.main(["import-table", str(fifo), "--dry-run"]) == 2  # refused at once, not waiting for a writer
    link = tmp_path / "zero.xlsx"
    link.symlink_to("/dev/zero")
    assert cli.main(["import-table", str(link), "--dry-run"]) == 2


def test_an_rti_word_file_edited_by_hand_keeps_its_date_window_and_its_one_report(tmp_path):
    # Our own Word report of the RTI field plan's Q2 (Q1-Q4 columns, Q2's figures and evidence), an achievement
    # typed over in Word: the table gave 2.1.1's window "০১/১২/২০২৩ থেকে ৩১/১২/২০২৩" as an unreadable date (an
    # error, the target left blank), and the evidence column made an empty Q4 report (the last period column), so
    # the upper office collected a second, blank report of the office.
    sent = exchange.load(FIXTURES / "rti-betagi-2023-24.plan.json")
    out = export_docx(sent, "Q2", tmp_path / "r.docx", parts=["report"])
    d = docx.Document(out)
    table = max(d.tables, key=lambda t: len(t.rows))
    row = next(r for r in table.rows if r.cells[4].text.startswith("[১.১.১]"))
    q2 = [c.text for c in table.rows[1].cells].index("২য় ত্রৈমাসিক")
    row.cells[q2].text = "৯০%"
    d.save(tmp_path / "edited.docx")
    result = read_plan_table(tmp_path / "edited.docx")
    assert not result.carried and [f.rule for f in result.findings] == ["table_edited"]
    doc = result.document
    assert [i.targets for i in doc.plan.indicators()] == [i.targets for i in sent.plan.indicators()]
    assert [r.period for r in doc.reports] == ["Q1", "Q2"]  # the Q1 column holds its figures, Q3 and Q4 nothing
    report = doc.report("Q2")
    assert report.entry("1.1.1").value == 90 and report.entry("1.1.1").evidence == "আবেদন নিষ্পত্তির রেজিস্টার"
    assert report.entry("2.1.1").evidence == "ওয়েবসাইটের লিংক"


def test_a_workbook_that_lost_its_carried_plan_still_says_whose_report_it_is(tmp_path):
    # Saved again by a program that drops the carried part (openpyxl here): read from the table, the office comes
    # from the title lines, where the Secretariat header names it "উপজেলা তথ্য অফিস, শ্রীপুর": the word before the
    # comma was not taken for an office's ending, the name was lost, and collect refused the file ("no office").
    import openpyxl

    from egov_desktop.export.xlsx_report import export_xlsx

    sent = exchange.load(FIXTURES / "rti-betagi-2023-24.plan.json")
    sent.office.name = "উপজেলা তথ্য অফিস, শ্রীপুর"
    out = export_xlsx(sent, "Q2", tmp_path / "r.xlsx")
    openpyxl.load_workbook(out).save(tmp_path / "resaved.xlsx")
    result = read_plan_table(tmp_path / "resaved.xlsx")
    assert not result.carried and result.document.office.name == "উপজেলা তথ্য অফিস, শ্রীপুর"
