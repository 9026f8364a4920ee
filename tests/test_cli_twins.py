"""Two indicators with one code (the Citizen's Charter plan prints [১.১.১] twice, PLANS.md §4.6) each with its own
achievement: export-json writes a file that import, check and score read with each twin's entry its own, and
export → import → export gives the same file (issue 15)."""
from __future__ import annotations

import json
import subprocess
import sys

from egov_desktop.core import exchange
from egov_desktop.core.scoring import score_report
from egov_desktop.store.service import Store
from tests.conftest import FIXTURES

CC = FIXTURES / "cc-fid-2021-22.plan.json"


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "egov_desktop", *map(str, args)], capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def _twins_entered(db):
    """The CC fixture with the first [১.১.১] (a percent) at 50% and its twin (a count, target 4) at 150: a figure
    the first's unit would refuse, so a reader that gives the twin's entry to the first says so."""
    with Store.open(db) as store:
        key = store.import_document(exchange.load(CC)).key
        first, twin = [i for i in store.get_document(key).plan.indicators() if i.code == "1.1.1"]
        store.set_entry_field(key, "Q1", first.key, "value", 50)
        store.set_entry_field(key, "Q1", twin.key, "value", 150)
        return store.get_document(key)


def test_twins_entries_travel_through_export_json_import_check_and_score(tmp_path):
    saved = _twins_entered(tmp_path / "one.sqlite")
    out = tmp_path / "cc.json"
    code, _, err = run("export-json", "--fiscal-year", "2021-22", "--kind", "citizen_charter", "--out", out,
                       "--db", tmp_path / "one.sqlite")
    assert code == 0, err
    entries = json.loads(out.read_text(encoding="utf-8"))["reports"][0]["entries"]
    assert [(e["indicator"], e.get("occurrence"), e["value"]) for e in entries if e["indicator"] == "1.1.1"] == \
        [("1.1.1", None, 50), ("1.1.1", 2, 150)]

    code, _, err = run("import", out, "--db", tmp_path / "two.sqlite")
    assert code == 0, err
    again = tmp_path / "again.json"
    code, _, err = run("export-json", "--fiscal-year", "2021-22", "--kind", "citizen_charter", "--out", again,
                       "--db", tmp_path / "two.sqlite")
    assert code == 0, err
    assert again.read_bytes() == out.read_bytes()

    code, stdout, err = run("check", out, "--json", "--lang", "en")
    errors = {(f["rule"], f["where"]) for f in json.loads(stdout)["findings"] if f["severity"] == "error"}
    assert ("duplicate_code", "1.1.1#2") in errors  # at the repeat, the row to renumber
    assert [e for e in errors if e[1].startswith("Q1/")] == []  # the twin's 150 is a count, not a percent over 100

    code, stdout, err = run("score", out, "--json")
    assert code == 0, err
    scored = json.loads(stdout)
    twins = [s for s in scored["indicators"] if s["code"] == "1.1.1"]
    assert [(s["value"], s["scorable"]) for s in twins] == [(50, False), (150, True)]
    expected = score_report(saved.plan, saved.report("Q1"), saved.reports)
    assert [s["score"] for s in scored["indicators"]] == [round(s.score, 6) for s in expected.indicators]
    assert twins[1]["score"] == 5  # 150 of a target of 4: the full weight


def test_a_word_file_with_twins_is_collected_and_read_back_exactly(tmp_path):
    """The Word report carries the exchange document (export/embedded.py), so the parent office collects each
    twin's entry as its own, and import-table reads the file back as the plan and report exported."""
    saved = _twins_entered(tmp_path / "sub.sqlite")
    year = ("--fiscal-year", "2021-22", "--kind", "citizen_charter", "--db", tmp_path / "sub.sqlite")
    # A draft: the duplicate code is an error, which blocks sign-off until the plan is renumbered.
    for args in (("export-docx", *year, "--period", "Q1", "--parts", "report", "--out", tmp_path / "cc.docx"),
                 ("export-json", *year, "--out", tmp_path / "cc.json")):
        code, _, err = run(*args)
        assert code == 0, err
    sent = exchange.load(tmp_path / "cc.json")

    upper = tmp_path / "upper.sqlite"
    with Store.open(upper) as store:
        store.import_document(exchange.load(FIXTURES / "pib-2023-24.plan.json"))
        store.add_subordinate(store.current_office(), saved.office.name, saved.office.tier)
    code, out, err = run("collect", tmp_path / "cc.docx", "--db", upper, "--json", "--lang", "en")
    [result] = json.loads(out)["results"]
    assert code == 0 and (result["status"], result["source"]) == ("collected", "embedded")
    with Store.open(upper, readonly=True) as store:
        [collected] = store.collected_documents("citizen_charter", "2021-22", "Q1")
    got = collected.document()
    assert got.plan == sent.plan and got.report("Q1") == sent.report("Q1")
    assert [e.value for e in got.report("Q1").entries_of(got.plan)][:3] == [50, 1, 150]

    code, _, err = run("import-table", tmp_path / "cc.docx", "--db", tmp_path / "three.sqlite")
    assert code in (0, 1), err  # the duplicate code is an error finding; the plan is imported all the same
    code, _, err = run("export-json", "--fiscal-year", "2021-22", "--kind", "citizen_charter",
                       "--db", tmp_path / "three.sqlite", "--out", tmp_path / "three.json")
    assert code == 0, err
    assert exchange.to_dict(exchange.load(tmp_path / "three.json")) == exchange.to_dict(sent)


def test_check_json_names_the_twin_a_finding_is_about(tmp_path):
    """Only the second [১.১.১] has problems (a weight of -3, a count of 2.5): check --json names occurrence 2 for
    each, beside "where" ("1.1.1#2/weight"), and the duplicate code at the repeat. The first twin's findings, and a
    plan without twins, print no "occurrence" (the output they gave before)."""
    raw = json.loads(CC.read_text(encoding="utf-8"))
    raw["version"] = 2
    twin = raw["plan"]["areas"][1]["activities"][0]["indicators"][0]
    assert twin["code"] == "1.1.1"
    twin["weight"] = -3
    raw["reports"][0]["entries"].append({"indicator": "1.1.1", "occurrence": 2, "value": 2.5})
    path = tmp_path / "twins.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")

    code, stdout, err = run("check", path, "--json", "--lang", "en")
    assert code == 1, err
    found = {(f["rule"], f["where"]): f for f in json.loads(stdout)["findings"]}
    for rule, where in (("negative_weight", "1.1.1#2/weight"), ("count_whole", "Q1/1.1.1#2/value"),
                        ("duplicate_code", "1.1.1#2")):
        assert found[(rule, where)]["occurrence"] == 2, (rule, where)
    assert "occurrence" not in found[("no_targets", "1.1.1")]  # the first twin's own
    assert not [key for key in found if key[0] == "negative_weight" and key[1] != "1.1.1#2/weight"]

    code, stdout, err = run("check", path, "--lang", "en")
    assert "indicator 1.1.1 (no. 2 of that code), weight: a weight cannot be negative" in stdout

    code, stdout, err = run("check", FIXTURES / "pib-2023-24.plan.json", "--json")
    assert stdout and not [f for f in json.loads(stdout)["findings"] if "occurrence" in f]


def test_a_collected_report_with_twins_consolidates_and_gets_feedback_on_each_twin_its_own(tmp_path):
    """Collected into an upper office, each [১.১.১] keeps its own figure, evidence and place in the consolidation
    (window, JSON, Word, Excel) and in the feedback memo: the twin's 150 without evidence is named with its own
    title and target, the first's 50 with its minutes is not. Before, the twin's entry was looked up by code and
    went to the first: the twin's missing evidence was not seen."""
    import docx
    import openpyxl

    from egov_desktop.collector import COLLECTED, collect_file
    from egov_desktop.commands.consolidate import as_json
    from egov_desktop.core.consolidate import from_store
    from egov_desktop.core.feedback import attention
    from egov_desktop.export import docx_report
    from egov_desktop.export.consolidated_docx import export_docx, heading_of
    from egov_desktop.export.consolidated_xlsx import export_xlsx
    from egov_desktop.feedback import send_feedback

    _twins_entered(tmp_path / "sub.sqlite")
    with Store.open(tmp_path / "sub.sqlite") as store:
        key = store.find_plan("2021-22", "citizen_charter")
        first, _twin = [i for i in store.get_document(key).plan.indicators() if i.code == "1.1.1"]
        store.set_entry_field(key, "Q1", first.key, "evidence", "সভার কার্যবিবরণী")
        sent = store.get_document(key)
    docx_report.export_docx(sent, "Q1", tmp_path / "cc.docx", parts=("report",))
    with Store.open(tmp_path / "upper.sqlite") as store:
        store.import_document(exchange.load(FIXTURES / "pib-2023-24.plan.json"))
        office = store.current_office()
        store.add_subordinate(office, sent.office.name, sent.office.tier)
        outcomes, _ = collect_file(store, office, tmp_path / "cc.docx")
        assert [o.status for o in outcomes] == [COLLECTED]
        cons = from_store(store, "citizen_charter", "2021-22", "Q1")
        [row] = cons.rows
        twins = [i for i, col in enumerate(cons.columns) if col.code == "1.1.1"]
        assert [cons.columns[i].occurrence for i in twins] == [None, 2]
        first_cell, twin_cell = (row.cells[i] for i in twins)
        assert (first_cell.value, first_cell.evidence_missing, first_cell.place) == (50, False, ("1.1.1", None))
        assert (twin_cell.value, twin_cell.evidence_missing, twin_cell.place) == (150, True, ("1.1.1", 2))
        # The memo names the twin, with its own title and target (a count of 4), not the first's.
        [item] = [a for a in attention(cons, row) if a.column.code == "1.1.1"]
        assert item.cell is twin_cell and item.indicator.title == "প্রশিক্ষণ আয়োজিত" and item.indicator.targets == [4]
        # Dated today (by default): the report was collected today, and a memo cannot be dated before it.
        [memo], _change = send_feedback(store, "citizen_charter", "2021-22", "Q1", tmp_path / "memo.docx", lang="bn")
        rows = [[c.text for c in r.cells] for r in docx.Document(str(memo.path)).tables[1].rows]
        assert [r[1] for r in rows if r[1].startswith("[১.১.১]")] == ["[১.১.১] প্রশিক্ষণ আয়োজিত"]
        # JSON: each its own, the twin saying which it is.
        indicators = [i for i in as_json(cons, "citizen_charter", "2021-22")["offices"][0]["indicators"]
                      if i["code"] == "1.1.1"]
        assert [(i["value"], i["evidence_missing"], i.get("occurrence")) for i in indicators] == \
            [(50, False, None), (150, True, 2)]
        heading = heading_of(store.get_office(office), "citizen_charter", "2021-22")
    # Word and Excel: the twin's column holds its 150, the first's its 50%.
    export_xlsx(cons, heading, tmp_path / "cons.xlsx", lang="bn")
    sheet = openpyxl.load_workbook(tmp_path / "cons.xlsx").active
    cells = [[c.value for c in r] for r in sheet.iter_rows()]
    header = next(r for r in cells if any(str(v).startswith("[১.১.১] প্রশিক্ষণ") for v in r if v))
    office_row = next(r for r in cells if sent.office.name in r)
    assert office_row[next(i for i, v in enumerate(header) if str(v).startswith("[১.১.১] প্রশিক্ষণ"))] == 150
    assert office_row[next(i for i, v in enumerate(header) if str(v).startswith("[১.১.১] সিদ্ধান্ত"))] in (50, 0.5)
    export_docx(cons, heading, tmp_path / "cons.docx", lang="bn")
    text = "\n".join(c.text for t in docx.Document(str(tmp_path / "cons.docx")).tables for r in t.rows for c in r.cells)
    assert "[১.১.১] প্রশিক্ষণ আয়োজিত" in text and "১৫০" in text
