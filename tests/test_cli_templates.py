"""`egov-desktop templates` and `new-plan` (issue 9), as real processes on real databases."""
import json

import pytest

from egov_desktop.core import exchange
from egov_desktop.store.plans import choose_template, read_templates
from tests.test_cli_check_score import run

# The ministry tier of 2021-22 is complete: every indicator of FID's five plans with its weight (PLANS.md).
COMPLETE = {"nis-2021-22-ministry": (17, 50), "grs-2021-22-ministry": (5, 25),
            "citizen_charter-2021-22-ministry": (4, 25), "rti-2021-22-ministry": (6, 25),
            "egov_innovation-2021-22-ministry": (13, 50)}


def test_templates_lists_every_plan_and_tier():
    code, out, err = run("templates", "--json")
    assert code == 0 and err == ""
    listed = {t["name"]: t for t in json.loads(out)}
    assert {t["kind"] for t in listed.values()} == {"egov_innovation", "nis", "grs", "citizen_charter", "rti"}
    assert {(t["kind"], t["tier"]) for t in listed.values()} >= {
        (k, tier) for k in ("nis", "grs", "citizen_charter", "rti") for tier in ("ministry", "field")}
    for name, (count, total) in COMPLETE.items():
        assert listed[name]["indicators"] == count, name
    code, out, _ = run("templates")
    assert "জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা" in out and "মাঠ পর্যায়ের অফিস" in out and "১৭" in out


@pytest.mark.parametrize("name", sorted(COMPLETE))
def test_the_ministry_templates_of_2021_22_are_complete(name):
    from egov_desktop.paths import resource_path

    plan = exchange.load(resource_path("templates", f"{name}.json")).plan
    assert sum(i.weight for i in plan.indicators()) == plan.total_weight == COMPLETE[name][1]


def test_the_template_for_a_year_is_the_latest_not_after_it():
    assert choose_template("rti", "2024-25", "field").name == "rti-2023-24-field"
    assert choose_template("rti", "2022-23", "field").name == "rti-2022-23-field"
    assert choose_template("rti", "2020-21", "field").name == "rti-2022-23-field"  # none before: the earliest
    assert choose_template("other", "2024-25") is None
    assert len(read_templates()) >= 11


def test_new_plan_from_a_template_moves_its_dates_into_the_year(tmp_path):
    db = tmp_path / "egov.sqlite"
    code, out, err = run("new-plan", "--kind", "nis", "--fiscal-year", "২০২৪-২৫", "--tier", "ministry",
                         "--office", "আর্থিক প্রতিষ্ঠান বিভাগ", "--db", db)
    assert code == 0 and err == "", err
    assert "nis-2021-22-ministry" in out and "২০২৪-২৫" in out
    out_file = tmp_path / "nis.json"
    assert run("export-json", "--kind", "nis", "--fiscal-year", "2024-25", "--db", db, "--out", out_file)[0] == 0
    doc = exchange.load(out_file)
    assert doc.office.name == "আর্থিক প্রতিষ্ঠান বিভাগ" and doc.office.tier == "ministry"
    assert [d.isoformat() for d in doc.plan.indicator("1.6.1").target_dates] == ["2024-10-15", "2025-01-15",
                                                                                "2025-04-15"]
    assert doc.plan.indicator("1.1.1").quarter_targets == [1, 1, 1, 1]
    assert doc.plan.indicator("2.1.1").targets[0].isoformat() == "2024-10-31"
    # The office's tier now chooses the template: GRS of a ministry.
    code, out, _ = run("new-plan", "--kind", "grs", "--fiscal-year", "2024-25", "--db", db)
    assert code == 0 and "grs-2021-22-ministry" in out


def test_new_plan_without_a_template_of_the_kind_is_blank(tmp_path):
    code, out, err = run("new-plan", "--kind", "other", "--fiscal-year", "2024-25", "--db", tmp_path / "e.sqlite")
    assert code == 0 and err == ""
    assert "ফাঁকা" in out


@pytest.mark.parametrize("args, expected, words", [
    (["--kind", "grs", "--template", "nis-2020-21-field"], 1, "অন্য পরিকল্পনার"),
    (["--kind", "grs", "--template", "no-such"], 1, "no-such"),
    (["--kind", "grs", "--fiscal-year", "2024-26"], 2, "অর্থবছর লিখুন এভাবে"),
])
def test_new_plan_refuses_with_the_reason(tmp_path, args, expected, words):
    if "--fiscal-year" not in args:
        args = [*args, "--fiscal-year", "2024-25"]
    code, out, err = run("new-plan", *args, "--db", tmp_path / "e.sqlite")
    assert code == expected and words in err, err
    assert "Traceback" not in err


def test_new_plan_refuses_a_second_office_and_a_second_plan_of_the_year(tmp_path):
    db = tmp_path / "egov.sqlite"
    assert run("new-plan", "--kind", "rti", "--fiscal-year", "2023-24", "--office", "দপ্তর ক", "--tier", "field",
               "--db", db)[0] == 0
    code, _, err = run("new-plan", "--kind", "grs", "--fiscal-year", "2023-24", "--office", "দপ্তর খ", "--db", db)
    assert code == 1 and "দপ্তর ক" in err
    code, _, err = run("new-plan", "--kind", "rti", "--fiscal-year", "2023-24", "--db", db)
    assert code == 1 and "২০২৩-২৪" in err
