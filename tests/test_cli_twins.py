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
