"""`egov-desktop check` and `score`, run as real processes: output, JSON and exit codes."""
import json
import subprocess
import sys
import unicodedata

import pytest

from tests.conftest import MODMR, PIB


def run(*args):
    proc = subprocess.run(
        [sys.executable, "-m", "egov_desktop", *map(str, args)], capture_output=True, timeout=60
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def check_json(path, *extra):
    code, out, err = run("check", path, "--json", *extra)
    assert "Traceback" not in err
    return code, json.loads(out)["findings"]


def test_check_modmr_has_no_errors():
    code, findings = check_json(MODMR)
    assert code == 0
    assert [f for f in findings if f["severity"] == "error"] == []
    assert {f["rule"] for f in findings} == {"evidence_missing", "date_after_period"}  # 2.2.4 sent in January


def test_check_pib_warns_about_the_weight_sum_in_bangla():
    code, out, err = run("check", PIB)
    assert code == 0 and err == ""
    assert "সতর্কতা" in out
    assert "মানের যোগফল ৪৬, কিন্তু কর্মপরিকল্পনার মোট মান ৫০" in out
    assert "০টি ত্রুটি" in out
    assert not any(c.isascii() and c.isdigit() for c in out.replace("Q1", ""))  # Bangla digits throughout


def test_check_in_english_reads_right_for_one_and_for_none():
    code, out, _ = run("check", PIB, "--lang", "en", "--today", "2023-10-01")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith("Warning\tplan, total weight: ")
    assert lines[-1] == f"Errors: 0, warnings: {len(lines) - 1}."


def test_check_pib_json_in_english():
    code, findings = check_json(PIB, "--lang", "en")
    assert code == 0
    [total] = [f for f in findings if f["rule"] == "total_weight_sum"]
    assert total == {
        "severity": "warning",
        "rule": "total_weight_sum",
        "where": "plan.total_weight",
        "message": "the weights add up to 46, but the plan's total is 50",
    }
    assert all(set(f) == {"severity", "rule", "where", "message"} for f in findings)


@pytest.fixture
def broken(tmp_path):
    doc = json.loads(PIB.read_text(encoding="utf-8"))
    ind = doc["plan"]["areas"][1]["activities"][0]["indicators"][0]  # 2.1.1, count
    ind["targets"] = [4, 5, 2, 1, None]  # not monotone
    doc["plan"]["areas"][3]["activities"][0]["indicators"][0]["targets"][0] = 120  # 4.1.1: percent > 100
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_check_file_with_errors_exits_1(broken):
    code, findings = check_json(broken)
    assert code == 1
    errors = {(f["rule"], f["where"]) for f in findings if f["severity"] == "error"}
    assert errors == {("targets_not_monotone", "2.1.1/targets[1]"), ("percent_range", "4.1.1/targets[0]")}
    code, out, _ = run("check", broken)
    assert code == 1
    assert "ত্রুটি\tসূচক ২.১.১, লক্ষ্যমাত্রা “অতি উত্তম”" in out
    assert "২টি ত্রুটি" in out


def test_check_period_not_started(tmp_path):
    # On 1 September 2023 the PIB Q1 report (July–September) has begun; a Q2 entry has not.
    doc = json.loads(PIB.read_text(encoding="utf-8"))
    doc["reports"][0]["period"] = "Q2"
    path = tmp_path / "q2.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _, findings = check_json(path, "--today", "2023-09-01")
    assert {f["where"] for f in findings if f["rule"] == "period_not_started"} == {
        "Q2/2.1.1/value", "Q2/4.1.1/value", "Q2/5.1.1/value", "Q2/7.1.1/value"
    }
    _, findings = check_json(path, "--today", "2023-10-01")
    assert not [f for f in findings if f["rule"] == "period_not_started"]


@pytest.mark.parametrize(
    "name, content, bn, en",
    [
        ("truncated", lambda t: t[: len(t) // 2], "অসম্পূর্ণ", "truncated"),
        ("newer", lambda t: t.replace('"version": 1', '"version": 3', 1), "হালনাগাদ", "version 3"),
        ("unknown key", lambda t: t.replace('"notes"', '"colour"', 1) if '"notes"' in t else t.replace("{", '{"colour": 1,', 1), "", "unknown key"),
        ("not json", lambda t: "নমস্কার", "", "JSON"),
    ],
)
def test_unreadable_files_exit_2_without_traceback(tmp_path, name, content, bn, en):
    path = tmp_path / "in.json"
    path.write_text(content(PIB.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, err = run("check", path)
    assert (code, out) == (2, "")
    assert "Traceback" not in err and str(path) in err and bn in err
    assert any("\u0980" <= c <= "\u09ff" for c in err)  # Bangla by default
    code, out, err = run("score", path, "--lang", "en")
    assert (code, out) == (2, "") and "Traceback" not in err and en in err


def test_missing_file_exit_2(tmp_path):
    code, out, err = run("check", tmp_path / "nothing.json")
    assert code == 2 and "Traceback" not in err and "nothing.json" in err


def test_score_pib_json():
    code, out, err = run("score", PIB, "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    assert result["period"] == "Q1"
    by_code = {i["code"]: i for i in result["indicators"]}
    assert by_code["4.1.1"] == {
        "code": "4.1.1", "weight": 8, "value": 56.98, "percent": 0.0, "score": 0.0, "not_applicable": False,
        "scorable": True,
    }
    assert by_code["6.1.1"]["not_applicable"] is True and by_code["6.1.1"]["score"] == 0
    assert by_code["2.1.1"]["percent"] == 70 and by_code["2.1.1"]["score"] == 3.5
    assert (result["total"], result["out_of"]) == (8.4, 43)
    assert result["areas"][5] == {"code": "6", "total": 0, "out_of": 0}


def test_score_pib_table_in_bangla():
    code, out, err = run("score", PIB)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪: ১ম ত্রৈমাসিক"
    [row] = [line for line in lines if line.startswith("৪.১.১")]
    assert row.split() == ["৪.১.১", "৮", "৫৬.৯৮%", "০%", "০"]
    [row] = [line for line in lines if line.startswith("৬.১.১")]
    assert "প্রযোজ্য নয়" in row
    assert lines[-1] == "প্রাপ্ত নম্বর ৮.৪ / ৪৩ (১৯.৫৩%)"
    # An aligned table: header and rows equally wide on a terminal (combining marks take no cell).
    table = lines[2:10]
    assert table[0].startswith("সূচক") and table[-1].startswith("৭.১.১")
    cells = {sum(unicodedata.category(c) not in ("Mn", "Me", "Cf") for c in line) for line in table}
    assert len(cells) == 1


def test_score_modmr_in_english_with_dates():
    code, out, _ = run("score", MODMR, "--lang", "en")
    assert code == 0
    assert "Half-yearly" in out.splitlines()[0]
    [row] = [line for line in out.splitlines() if line.startswith("1.3.1")]
    assert row.split() == ["1.3.1", "5", "26/12/2021", "100%", "5"]
    lines = out.splitlines()
    assert lines[-1] == "Marks obtained 26.1 / 50 (52.2%)"
    # MoDMR has real areas (29 + 21): their subtotals come before the total.
    assert lines[-3:-1] == ["Area 1: 15.8 / 29", "Area 2: 10.3 / 21"]


def test_score_period_choice(tmp_path):
    doc = json.loads(PIB.read_text(encoding="utf-8"))
    q2 = json.loads(json.dumps(doc["reports"][0]))
    q2["period"] = "H1"
    q2["entries"] = [{"indicator": "4.1.1", "value": 72}]
    doc["reports"].insert(0, q2)  # file order is not period order
    path = tmp_path / "two.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("score", path, "--json")
    result = json.loads(out)
    assert code == 0 and result["period"] == "H1"  # the latest by period
    assert result["total"] == pytest.approx(6.72) and result["out_of"] == 46
    code, out, _ = run("score", path, "--json", "--period", "Q1")
    assert json.loads(out)["total"] == 8.4
    code, out, err = run("score", path, "--period", "Q3")
    assert code == 2 and out == "" and "৩য় ত্রৈমাসিক" in err and "Traceback" not in err
