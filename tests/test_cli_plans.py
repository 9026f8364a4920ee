"""`check` and `score --json` on an exchange file of every plan kind, as real processes (issue 9)."""
import json

import pytest

from tests.conftest import FIXTURES
from tests.test_cli_check_score import run

FILES = sorted(FIXTURES.glob("*-20??-??.plan.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_check_and_score_work_on_every_kind(path):
    code, out, err = run("check", path, "--json")
    assert code in (0, 1) and err == "", err  # 1: errors found (a damaged target), never a crash
    assert "findings" in json.loads(out)
    code, out, err = run("score", path, "--json")
    assert code == 0 and err == "", err
    assert json.loads(out)["indicators"]


def test_score_json_gives_the_nis_worked_example():
    code, out, _ = run("score", FIXTURES / "nis-fid-2021-22.plan.json", "--json")
    result = json.loads(out)
    by = {i["code"]: i for i in result["indicators"]}
    assert [by[c]["score"] for c in ("1.1.1", "1.3.1", "1.4.1", "2.2.1", "1.6.1")] == [1.0, 0.5, 1.0, 0.625, 0.333333]
    assert by["1.2.1"]["scorable"] is False


def test_score_json_gives_the_grs_total_of_the_scorable_marks():
    code, out, _ = run("score", FIXTURES / "grs-fid-2021-22.plan.json", "--json", "--period", "Q1")
    result = json.loads(out)
    assert (result["total"], result["out_of"]) == (4.0, 17)


def test_check_names_the_rti_date_before_the_fiscal_year_in_bangla():
    code, out, err = run("check", FIXTURES / "rti-fid-2021-22.plan.json")
    assert "৩০/০৬/২০২১ তারিখটি ২০২১-২২ অর্থবছরের বাইরে" in out, out


def test_score_shows_the_dates_met_of_a_multi_date_indicator():
    code, out, err = run("score", FIXTURES / "nis-fid-2021-22.plan.json")
    assert code == 0 and err == ""
    line = next(line for line in out.splitlines() if line.startswith("১.৬.১"))
    assert "১৫/১০/২০২১, —, —" in line and "৩৩.৩৩%" in line
