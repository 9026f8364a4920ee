"""`egov-desktop consolidate` as a real process, on a database into which two subordinate offices' reports were
collected from files their own program made (a Word file and an Excel file with their data), a third office sending
nothing: JSON totals against each office's own `score`, on time by the office's deadline table and late, missing; the
Word report read back and rendered by LibreOffice, the Excel workbook read back; nothing collected; bad input."""
import datetime as dt
import json
import subprocess

import docx
import openpyxl
import pytest

from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB, require_tool
from tests.store.test_cli import _text, egov

YEAR = "2021-22"
ON_TIME, LATE, SILENT = "উপজেলা নির্বাহী অফিসারের কার্যালয়, বাকেরগঞ্জ", "উপজেলা নির্বাহী অফিসারের কার্যালয়, গৌরনদী", \
    "উপজেলা নির্বাহী অফিসারের কার্যালয়, উজিরপুর"
# The late office's own figures differ from the fixture's: its score is its own.
LATE_VALUES = {"1.5.1": 80, "2.2.2": 10, "2.2.3": 4}


def _ok(p):
    _text(p)
    assert p.returncode == 0, p.stderr.decode()


def _office_files(d, name: str, values: dict, suffix: str, sent: str):
    """An office's report made by its own program, its forwarding memo dated `sent`: its exchange file and its Word
    or Excel file (with the data)."""
    plan = json.loads(MODMR.read_text(encoding="utf-8"))
    plan["office"]["name"] = name
    plan["reports"][0]["memo"]["date"] = sent
    for entry in plan["reports"][0]["entries"]:
        entry["value"] = values.get(entry["indicator"], entry["value"])
    src, db = d / f"{suffix}-plan.json", d / f"{suffix}.sqlite"
    src.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    _ok(egov("import", src, "--db", db))
    year = ("--fiscal-year", YEAR, "--db", db)
    _ok(egov(f"export-{suffix[1:]}", *year, "--period", "H1", "--out", d / f"report{suffix}"))
    _ok(egov("export-json", *year, "--out", d / f"own{suffix}.json"))
    return d / f"report{suffix}", d / f"own{suffix}.json"


@pytest.fixture(scope="module")
def upper(tmp_path_factory):
    """The upper office's database (PIB its own plan) with three subordinate offices: the first sent its Word file
    on 18 Jan 2022 (its memo's date; on time: the office moved the half-year deadline to 20 Jan), the second its
    Excel file on 25 Jan (late), the third nothing; both collected today, long after. Returns (database, {office:
    its own exchange file})."""
    d = tmp_path_factory.mktemp("consolidate")
    word, word_json = _office_files(d, ON_TIME, {}, ".docx", "2022-01-18")
    excel, excel_json = _office_files(d, LATE, LATE_VALUES, ".xlsx", "2022-01-25")
    db = d / "upper.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
        office = store.current_office()
        for name in (ON_TIME, LATE, SILENT):
            store.add_subordinate(office, name, "field")
        store.set_setting("deadlines", {"Q1": "2021-10-15", "H1": "2022-01-20"}, fiscal_year=YEAR)
    _ok(egov("collect", word, excel, "--db", db))
    return db, {ON_TIME: word_json, LATE: excel_json}


def consolidate(db, *args, period="H1"):
    return egov("consolidate", "--fiscal-year", YEAR, "--kind", "egov_innovation", "--period", period, "--db", db,
                *args)


def test_json_totals_are_each_offices_own_score_and_a_late_and_a_missing_office_are_said(upper):
    db, own = upper
    p = consolidate(db, "--json")
    out, _ = _text(p)
    assert p.returncode == 0
    got = json.loads(out)
    assert (got["kind"], got["fiscal_year"], got["period"], got["deadline"], got["received"]) == (
        "egov_innovation", YEAR, "H1", "2022-01-20", 2)
    offices = got["offices"]
    assert [(o["office"], o["status"]) for o in offices] == [(ON_TIME, "on_time"), (LATE, "late"), (SILENT, "missing")]
    for o in offices[:2]:
        s = egov("score", own[o["office"]], "--period", "H1", "--json")
        scored = json.loads(_text(s)[0])
        assert (o["total"], o["out_of"], o["percent"]) == (scored["total"], scored["out_of"], scored["percent"])
        assert [{k: i[k] for k in ("code", "value", "percent", "score")} for i in o["indicators"]] == [
            {k: i[k] for k in ("code", "value", "percent", "score")} for i in scored["indicators"]]
        assert o["received"] is not None and o["listed"]
    assert offices[0]["total"] != offices[1]["total"]
    # Judged by when it was sent (its memo's date), not by when it was collected (today: issue 11, colleague's
    # defect 1, where the first office showed late).
    assert offices[0]["sent"] == "2022-01-18" and offices[1]["sent"] == "2022-01-25"
    assert offices[0]["received"] > "2026"
    by_code = {i["code"]: i for i in offices[1]["indicators"]}
    assert by_code["1.5.1"]["value"] == 80 and by_code["1.3.1"]["value"] == "2021-12-26"
    assert offices[2] | {"indicators": None} == {
        "office": SILENT, "status": "missing", "total": None, "out_of": None, "percent": None, "sent": None,
        "received": None, "listed": True, "signed": None, "verified": None, "indicators": None}
    assert offices[2]["indicators"] == []


def test_the_table_says_each_office_in_bangla_digits(upper):
    db, own = upper
    p = consolidate(db)
    out, _ = _text(p)
    assert p.returncode == 0
    scored = json.loads(_text(egov("score", own[ON_TIME], "--period", "H1", "--json"))[0])
    lines = out.splitlines()
    assert lines[0] == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২: অর্ধবার্ষিক"
    assert "২০/০১/২০২২" in lines[1] and "যথাসময়ে ১টি" in lines[1]
    first = next(line for line in lines if ON_TIME in line)
    total = str(scored["total"]).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    assert "যথাসময়ে" in first and "১৮/০১/২০২২" in first and total in first and "৫০" in first
    assert "বিলম্বে" in next(line for line in lines if LATE in line)
    assert "পাওয়া যায়নি" in next(line for line in lines if SILENT in line)
    assert not any(c in "0123456789" for c in out.replace(ON_TIME, "").replace(LATE, "").replace(SILENT, ""))


def test_the_word_report_reads_back_and_libreoffice_renders_it(upper, tmp_path):
    db, _ = upper
    out = tmp_path / "একত্রিত.docx"
    p = consolidate(db, "--out", out)
    assert p.returncode == 0 and "লেখা হয়েছে" in _text(p)[0]
    document = docx.Document(str(out))
    summary, details = document.tables
    rows = [[c.text for c in row.cells] for row in summary.rows]
    assert [(r[1], r[2]) for r in rows[1:]] == [(ON_TIME, "যথাসময়ে"), (LATE, "বিলম্বে"), (SILENT, "পাওয়া যায়নি")]
    assert rows[0][3:5] == ["প্রেরণের সময়", "প্রাপ্তির সময়"]
    assert rows[1][3] == "১৮/০১/২০২২" and rows[1][4] != rows[1][3] and rows[3][3:5] == ["—", "—"]
    # Thirteen indicators: indicator-wise, each a heading row with the two offices that sent reports under it.
    headings = [r for r in details.rows if len({c.text for c in r.cells}) == 1]
    assert len(headings) == 13
    assert any(p.text == "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার" for p in document.paragraphs)
    soffice = require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, check=True, timeout=240)
    text = subprocess.run([pdftotext, "-layout", str(out.with_suffix(".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    # pdftotext may part a conjunct from its vowel sign with a space ("উজিরপু র"): compared without spaces.
    text = "".join(text.split())
    for phrase in ("বাকেরগঞ্জ", "গৌরনদী", "উজিরপুর", "বিলম্বে", "পাওয়াযায়নি", "অর্ধবার্ষিক", "১৮/০১/২০২২"):
        assert phrase in text


def test_the_excel_workbook_keeps_each_offices_marks_as_numbers(upper, tmp_path):
    db, _ = upper
    got = {o["office"]: o for o in json.loads(_text(consolidate(db, "--json"))[0])["offices"]}
    out = tmp_path / "consolidated.xlsx"
    p = consolidate(db, "--out", out, "--json")
    assert p.returncode == 0 and json.loads(_text(p)[0])["received"] == 2  # --json with --out: the JSON alone
    ws = openpyxl.load_workbook(out).active
    top = next(r for r in range(1, 12) if ws.cell(r, 1).value == "ক্রম")
    rows = {ws.cell(r, 2).value: r for r in range(top + 2, top + 5)}
    assert list(rows) == [ON_TIME, LATE, SILENT]
    for name in (ON_TIME, LATE):
        assert ws.cell(rows[name], 6).value == pytest.approx(got[name]["total"])
        assert ws.cell(rows[name], 7).value == got[name]["out_of"]
    assert ws.cell(rows[ON_TIME], 4).value.date() == dt.date(2022, 1, 18)  # sent; received (5) is today
    assert ws.cell(rows[ON_TIME], 5).value.date() > dt.date(2026, 1, 1)
    assert ws.cell(rows[LATE], 3).value == "বিলম্বে" and ws.cell(rows[SILENT], 6).value is None


def test_nothing_collected_is_said_and_the_json_lists_the_offices_as_missing(upper, tmp_path):
    db, _ = upper
    p = consolidate(db, "--json", period="Q1")
    out, err = _text(p)
    assert p.returncode == 0 and "সংগ্রহ করা হয়নি" in err
    got = json.loads(out)
    assert got["received"] == 0 and got["columns"] == []
    assert [(o["office"], o["status"]) for o in got["offices"]] == [
        (ON_TIME, "missing"), (LATE, "missing"), (SILENT, "missing")]
    empty = tmp_path / "empty.sqlite"
    with Store.open(empty):
        pass
    p = consolidate(empty, "--json")
    out, err = _text(p)
    assert p.returncode == 0 and json.loads(out)["offices"] == [] and "অধীন দপ্তর" in err


@pytest.mark.parametrize("args, said", [
    (("--fiscal-year", "21-22", "--kind", "nis", "--period", "Q1"), "অর্থবছর"),
    (("--fiscal-year", YEAR, "--kind", "apa", "--period", "Q1"), "apa"),
    (("--fiscal-year", YEAR, "--kind", "nis", "--period", "Q5"), "Q5"),
    (("--fiscal-year", YEAR, "--kind", "nis", "--period", "Q1", "--out", "report.pdf"), "(.xlsx)"),
])
def test_bad_input_is_said_in_bangla_with_exit_2(upper, args, said):
    db, _ = upper
    p = egov("consolidate", *args, "--db", db)
    _, err = _text(p)
    assert p.returncode == 2 and said in err
    assert any("\u0980" <= c <= "\u09ff" for c in err)


def test_a_database_that_does_not_exist_is_said(tmp_path):
    p = egov("consolidate", "--fiscal-year", YEAR, "--kind", "nis", "--period", "Q1", "--db", tmp_path / "none.sqlite")
    _, err = _text(p)
    assert p.returncode == 2 and "নেই" in err and not (tmp_path / "none.sqlite").exists()
