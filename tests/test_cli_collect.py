"""`egov-desktop collect` as a real process, on files made by our own exporters from a subordinate office's database
(the MoDMR plan under another office's name): Word and Excel with their data, exchange files, a Word file edited by
hand, a tampered signed report, a file of a newer program, the same report twice, a newer revision."""
import datetime as dt
import json
import shutil
import zipfile

import docx
import pytest

from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests import evidence_files as make
from tests.conftest import FIXTURES, MODMR, PIB
from tests.store.conftest import table_dump
from tests.store.test_cli import _text, egov

SUB = "জেলা প্রশাসকের কার্যালয়, বরিশাল"
YEAR = "2021-22"


def _ok(p):
    _text(p)
    assert p.returncode == 0, p.stderr.decode()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The subordinate office's files, made by its own program: name -> path."""
    d = tmp_path_factory.mktemp("subordinate")
    plan = json.loads(MODMR.read_text(encoding="utf-8"))
    plan["office"].update(name=SUB, tier="field", email="dcbarishal@mopa.gov.bd")
    (d / "plan.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    db = d / "sub.sqlite"
    year = ("--fiscal-year", YEAR, "--db", db)
    _ok(egov("import", d / "plan.json", "--db", db))
    _ok(egov("export-docx", *year, "--period", "H1", "--out", d / "draft.docx"))
    _ok(egov("export-xlsx", *year, "--period", "H1", "--out", d / "draft.xlsx"))
    (d / "চিঠি.pdf").write_bytes(make.pdf("letter"))
    _ok(egov("evidence", "add", *year, "--period", "H1", "--indicator", "1.1.1", d / "চিঠি.pdf"))
    _ok(egov("sign-off", *year, "--period", "H1", "--signatory", "মুনিরা সুলতানা"))
    _ok(egov("export-docx", *year, "--period", "H1", "--out", d / "signed.docx"))
    _ok(egov("package", *year, "--period", "H1", "--out", d / "signed.zip"))
    _ok(egov("export-json", *year, "--out", d / "signed.json"))
    _ok(egov("reopen", *year, "--period", "H1", "--reason", "সংশোধন"))
    _ok(egov("sign-off", *year, "--period", "H1", "--signatory", "মুনিরা সুলতানা"))
    _ok(egov("export-xlsx", *year, "--period", "H1", "--out", d / "revision2.xlsx"))
    # Edited by hand in Word: an achievement (১.৩.১'s date) typed over.
    edited = docx.Document(d / "draft.docx")
    table = max(edited.tables, key=lambda t: len(t.rows))
    table.rows[4].cells[10].text = "২৮/১২/২০২১"
    edited.save(d / "edited.docx")
    # Changed after signing: a narrative, the seal left as it was.
    signed = json.loads((d / "signed.json").read_text(encoding="utf-8"))
    signed["reports"][0]["entries"][0]["narrative"] = "পরে বদলানো বিবরণ"
    (d / "tampered.json").write_text(json.dumps(signed, ensure_ascii=False), encoding="utf-8")
    newer = json.loads((d / "signed.json").read_text(encoding="utf-8")) | {"version": 99}
    (d / "newer.json").write_text(json.dumps(newer, ensure_ascii=False), encoding="utf-8")
    return {p.name: p for p in d.iterdir()}


@pytest.fixture
def upper(tmp_path):
    """The upper office's database: its own plan (PIB) and the subordinate office in its profile."""
    db = tmp_path / "upper.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
        store.add_subordinate(store.current_office(), SUB, "field", "dcbarishal@mopa.gov.bd")
    return db


def collect(db, *args):
    p = egov("collect", *args, "--db", db, "--json", "--lang", "en")
    out, _ = _text(p)
    return p.returncode, json.loads(out)["results"]


def _collected(db):
    with Store.open(db, readonly=True) as store:
        return store.collected_documents("egov_innovation", YEAR, "H1")


def test_word_and_excel_files_with_data_are_collected_exactly_and_the_same_report_twice_is_a_no_op(files, upper):
    code, [r] = collect(upper, files["signed.docx"])
    assert code == 0
    assert (r["status"], r["office"], r["period"], r["source"], r["signed"], r["verified"], r["revision"]) == (
        "collected", SUB, "H1", "embedded", True, True, 1)
    [c] = _collected(upper)
    got = c.document()
    sent = exchange.load(files["signed.json"])
    assert got.plan == sent.plan and got.report("H1") == sent.report("H1")
    # The same report again, as the Word file or as its exchange file: nothing changes.
    before = table_dump(upper)
    code, results = collect(upper, files["signed.docx"], files["signed.json"])
    assert code == 0 and [r["status"] for r in results] == ["same", "same"]
    assert table_dump(upper) == before
    # The office's own plans are not touched: collected reports live apart.
    with Store.open(upper, readonly=True) as store:
        assert [(p.kind, p.fiscal_year) for p in store.list_plans()] == [("egov_innovation", "2023-24")]


def test_a_newer_revision_replaces_only_when_the_user_agrees(files, upper):
    assert collect(upper, files["signed.docx"])[0] == 0
    before = table_dump(upper)
    code, [r] = collect(upper, files["revision2.xlsx"])
    assert code == 1 and r["status"] == "declined" and r["revision"] == 2
    assert table_dump(upper) == before
    p = egov("collect", files["revision2.xlsx"], "--db", upper, "--yes")
    out, _ = _text(p)
    assert p.returncode == 0 and "আগে সংগৃহীত প্রতিবেদনের স্থলে রাখা হয়েছে" in out
    [c] = _collected(upper)
    assert (c.revision, c.source_name, c.source_kind, c.verified) == (2, "revision2.xlsx", "embedded", True)
    # An older revision after it is refused, whatever the answer.
    code, [r] = collect(upper, files["signed.docx"], "--yes")
    assert code == 1 and r["status"] == "refused" and r["findings"][-1]["rule"] == "collect_older"


def test_a_hand_edited_word_file_is_read_from_its_table_with_a_warning(files, upper):
    code, [r] = collect(upper, files["edited.docx"])
    assert code == 0 and r["status"] == "collected" and r["source"] == "table"
    assert "table_edited" in [f["rule"] for f in r["findings"]]
    [c] = _collected(upper)
    assert c.document().report("H1").entry("1.3.1").value == dt.date(2021, 12, 28)


def test_a_report_collected_with_errors_exits_1_as_readme_says(files, upper, tmp_path):
    """Exit 1 is "look at it": a report not collected, or collected with errors (as import-table imports a table
    with errors and exits 1); the JSON status tells which. README said 1 meant "not collected" only."""
    broken = docx.Document(files["draft.docx"])
    table = max(broken.tables, key=lambda t: len(t.rows))
    table.rows[4].cells[10].text = "৩৫/১৩/২০২১"  # no such date: an error finding naming the cell
    broken.save(tmp_path / "broken.docx")
    code, [r] = collect(upper, tmp_path / "broken.docx")
    assert r["status"] == "collected" and "error" in [f["severity"] for f in r["findings"]]
    assert code == 1 and len(_collected(upper)) == 1
    readme = " ".join((FIXTURES.parent.parent / "README.md").read_text(encoding="utf-8").split())
    assert "1 when one was not collected, or was collected with errors" in readme


def _without_data(made, plain):
    """The same file with another program's custom part where our data was: read from its table."""
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(plain, "w") as dst:
        for info in src.infolist():
            carried = info.filename.startswith("customXml/item") and "itemProps" not in info.filename
            dst.writestr(info, b"<other/>" if carried else src.read(info))
    return plain


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_file_without_data_sends_the_report_its_title_names_not_its_earlier_columns(upper, tmp_path, suffix):
    """Issue 11, colleague's defect 5: a Q2 report read from its table (no data carried) was collected as a Q2 and a
    Q1 report, its table printing the Q1 figures too."""
    from egov_desktop.export import docx_report, xlsx_report

    doc = exchange.load(FIXTURES / "rti-betagi-2023-24.plan.json")
    made = tmp_path / f"made{suffix}"
    if suffix == ".docx":
        docx_report.export_docx(doc, "Q2", made, parts=("report",))
    else:
        xlsx_report.export_xlsx(doc, "Q2", made)
    plain = _without_data(made, tmp_path / f"plain{suffix}")
    code, results = collect(upper, plain, "--yes")
    assert [(r["status"], r["source"], r["period"]) for r in results] == [("collected", "table", "Q2")]
    with Store.open(upper, readonly=True) as store:
        assert [c.period for c in store.list_collected(doc.plan.kind, doc.plan.fiscal_year)] == ["Q2"]


def test_an_nis_word_file_without_data_keeps_its_evidence_apart_from_its_remarks(upper, tmp_path):
    """Issue 11, colleague's walk: the NIS form has no প্রমাণক column and printed the evidence in মন্তব্য, so a
    file read from its table had it as remarks, and the consolidation said every achievement lacked evidence."""
    from egov_desktop.core.consolidate import from_store
    from egov_desktop.export import docx_report

    doc = exchange.load(FIXTURES / "nis-fid-2021-22.plan.json")
    doc.office.name, doc.office.tier = SUB, "field"
    made = docx_report.export_docx(doc, "Q1", tmp_path / "nis.docx", parts=("report",))
    code, [r] = collect(upper, _without_data(made, tmp_path / "plain.docx"))
    assert (r["status"], r["source"]) == ("collected", "table")
    with Store.open(upper, readonly=True) as store:
        [c] = store.collected_documents("nis", "2021-22", "Q1")
        got = c.document().report("Q1")
        consolidation = from_store(store, "nis", "2021-22", "Q1")
    sent = doc.report("Q1")
    assert [(e.indicator, e.evidence) for e in got.entries if e.evidence] == [
        (e.indicator, e.evidence) for e in sent.entries if e.evidence]
    # The office's own remark stays a remark (FID's note on a spoilt cell).
    assert got.entry("2.3.1").remarks == sent.entry("2.3.1").remarks and got.entry("2.3.1").evidence is None
    [row] = consolidation.rows
    assert row.cells and not [i for i, cell in row.cells.items() if cell.evidence_missing]


def test_a_tampered_signed_report_is_flagged_and_kept_out_unless_agreed(files, upper):
    before = table_dump(upper)
    code, [r] = collect(upper, files["tampered.json"])
    assert code == 1 and r["status"] == "declined" and r["signed"] and not r["verified"]
    assert "collect_tampered" in [f["rule"] for f in r["findings"]]
    assert table_dump(upper) == before
    code, [r] = collect(upper, files["tampered.json"], "--yes")
    assert code == 1 and r["status"] == "collected"  # kept, marked as not verified, and said
    [c] = _collected(upper)
    assert (c.signed, c.verified, c.status) == (True, False, "draft")


def test_an_unknown_office_is_added_only_when_agreed(files, tmp_path):
    db = tmp_path / "upper.sqlite"
    with Store.open(db) as store:
        store.import_document(exchange.load(PIB))
    before = table_dump(db)
    code, [r] = collect(db, files["draft.docx"])
    assert code == 1 and r["status"] == "declined"
    assert "collect_unknown_office" in [f["rule"] for f in r["findings"]]
    assert table_dump(db) == before
    code, [r] = collect(db, files["draft.docx"], "--yes")
    assert code == 0 and r["status"] == "collected"
    with Store.open(db, readonly=True) as store:
        [sub] = store.subordinates(store.current_office())
        assert (sub.name, sub.tier, sub.email) == (SUB, "field", "dcbarishal@mopa.gov.bd")


def test_own_office_other_year_other_period_newer_program_are_flagged_and_nothing_is_written(files, upper, tmp_path):
    before = table_dump(upper)
    code, results = collect(upper, PIB, files["draft.docx"], files["signed.docx"], "--fiscal-year", "2022-23", "--yes")
    assert code == 1
    assert [f["rule"] for f in results[0]["findings"]] == ["collect_own_office"]
    assert [f["rule"] for f in results[1]["findings"]] == ["collect_other_year"]
    code, [r] = collect(upper, files["draft.docx"], "--period", "Q1", "--yes")
    assert code == 1 and r["findings"][-1]["rule"] == "collect_other_period"
    code, [r] = collect(upper, files["newer.json"], "--yes")
    assert code == 2 and r["status"] == "unreadable" and "update the program" in r["findings"][0]["message"]
    assert table_dump(upper) == before


def test_a_file_collect_does_not_take_is_refused_in_bangla(files, upper, tmp_path):
    other = tmp_path / "plan.pdf"
    shutil.copy(files["draft.docx"], other)
    p = egov("collect", other, "--db", upper)
    out, err = _text(p)
    assert p.returncode == 2 and "পড়া যায়নি" in out and "এর কোনোটিই নয়" in out


def test_excel_draft_then_signed_word_asks_before_replacing(files, upper):
    code, [r] = collect(upper, files["draft.xlsx"])
    assert code == 0 and r["source"] == "embedded" and not r["signed"]
    code, [r] = collect(upper, files["signed.docx"], "--yes")
    assert code == 0 and r["status"] == "replaced"
    [c] = _collected(upper)
    assert (c.source_name, c.signed, c.verified, c.revision) == ("signed.docx", True, True, 1)


def test_a_package_is_collected_with_its_evidence_and_is_the_same_report_as_its_word_file(files, upper):
    code, [r] = collect(upper, files["signed.zip"])
    assert code == 0 and (r["status"], r["source"], r["signed"], r["verified"]) == ("collected", "package", True, True)
    with Store.open(upper, readonly=True) as store:
        [c] = store.list_collected("egov_innovation", YEAR, "H1")
        [f] = store.collected_evidence(c.key)["1.1.1"]
        assert f["name"] == "চিঠি.pdf" and store.evidence_content(f["file_id"]) == make.pdf("letter")
    code, [r] = collect(upper, files["signed.docx"])
    assert code == 0 and r["status"] == "same"


def test_the_package_after_its_word_file_adds_its_evidence_and_keeps_the_report_and_when_it_came(files, upper):
    # The Word file went first by e-mail, the package with the evidence after: the report is the same, so it was
    # said "already collected: nothing changed" and its evidence files were dropped.
    assert collect(upper, files["signed.docx"])[0] == 0
    [before] = _collected(upper)
    code, [r] = collect(upper, files["signed.zip"])
    assert code == 0 and r["status"] == "evidence_added"
    [c] = _collected(upper)
    assert (c.key, c.received_at, c.source_name, c.content_sha256) == (
        before.key, before.received_at, before.source_name, before.content_sha256)
    with Store.open(upper, readonly=True) as store:
        [f] = store.collected_evidence(c.key)["1.1.1"]
        assert f["name"] == "চিঠি.pdf" and store.evidence_content(f["file_id"]) == make.pdf("letter")
    # The package again, or the Word file: nothing more changes.
    dump = table_dump(upper)
    code, results = collect(upper, files["signed.zip"], files["signed.docx"])
    assert code == 0 and [r["status"] for r in results] == ["same", "same"]
    assert table_dump(upper) == dump


def test_a_quarterly_word_file_edited_by_hand_is_collected_as_the_report_it_was_exported_for(tmp_path, upper):
    # The Q2 Word report prints the Q1 figures in their own column: read from the table, they made a Q1 report
    # too, collected as a second report of the office (a draft, received today) that it never sent as such.
    from egov_desktop.collector import collect_file
    from egov_desktop.export.docx_report import export_docx
    from tests.conftest import FIXTURES

    out = export_docx(exchange.load(FIXTURES / "rti-betagi-2023-24.plan.json"), "Q2", tmp_path / "r.docx",
                      parts=["report"])
    d = docx.Document(out)
    table = max(d.tables, key=lambda t: len(t.rows))
    q2 = [c.text for c in table.rows[1].cells].index("২য় ত্রৈমাসিক")
    table.rows[2].cells[q2].text = "৯০%"
    d.save(tmp_path / "edited.docx")
    with Store.open(upper) as store:
        outcomes, change = collect_file(store, store.current_office(), tmp_path / "edited.docx",
                                        ask=lambda question: True)
        assert [(o.period, o.status, o.received.source_kind) for o in outcomes] == [("Q2", "collected", "table")]
        [c] = store.collected_documents("rti", "2023-24", "Q2")
        assert c.document().report("Q2").entry("1.1.1").value == 90
        assert store.list_collected("rti", "2023-24") == [store.list_collected("rti", "2023-24", "Q2")[0]]


def test_a_newer_revision_without_its_files_keeps_the_files_it_still_lists(files, upper):
    # Revision 1 came as a package with its letter; revision 2 (a figure corrected, the same letter) as an Excel
    # file: replacing the report dropped the letter, though revision 2's sealed list still names it.
    assert collect(upper, files["signed.zip"])[0] == 0
    code, [r] = collect(upper, files["revision2.xlsx"], "--yes")
    assert code == 0 and r["status"] == "replaced" and r["revision"] == 2
    with Store.open(upper, readonly=True) as store:
        [c] = store.list_collected("egov_innovation", YEAR, "H1")
        [f] = store.collected_evidence(c.key)["1.1.1"]
        assert f["name"] == "চিঠি.pdf" and store.evidence_content(f["file_id"]) == make.pdf("letter")
