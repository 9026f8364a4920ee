"""The APA overview of the five governance plans (issue 9)."""
import copy

from egov_desktop.core import exchange
from egov_desktop.core.apa import APA_KINDS, apa_overview
from tests.conftest import FIXTURES, MODMR


def load(name):
    return exchange.load(FIXTURES / name)


def test_the_five_plans_in_annex_order():
    assert APA_KINDS == ("nis", "egov_innovation", "citizen_charter", "grs", "rti")


def test_each_plan_scored_and_the_total_of_the_five():
    docs = [load("nis-fid-2021-22.plan.json"), load("grs-fid-2021-22.plan.json"), load("cc-fid-2021-22.plan.json"),
            load("rti-fid-2021-22.plan.json"), exchange.load(MODMR), load("rti-betagi-2023-24.plan.json")]
    overview = apa_overview(docs, "2021-22", "Q1")
    by = {p.kind: p for p in overview.plans}
    assert [p.annex for p in overview.plans] == [4, 5, 6, 7, 8]
    assert (by["grs"].total, by["grs"].out_of) == (4.0, 17)  # PLANS.md §3.9
    assert (by["citizen_charter"].total, by["citizen_charter"].out_of) == (1.25, 17)  # §4.8
    assert by["rti"].total == 3.0 and by["rti"].title.startswith("তথ্য অধিকার")  # §5.8 (the 2023-24 plan is not this year's)
    # MoDMR's e-Gov plan has an H1 report only: its Q1 is missing, shown out of its scorable weight.
    assert by["egov_innovation"].report_status is None and by["egov_innovation"].total == 0
    assert by["egov_innovation"].out_of == 50
    assert overview.total == round(sum(p.total for p in overview.plans), 9)
    assert overview.missing_plans == []
    # What is still missing for the period: the GRS training row had "-" entered (nothing), the rest had none.
    assert by["grs"].missing == ["2.1.1", "2.2.1"]
    assert "1.1.1" not in by["nis"].missing and "1.6.1" not in by["nis"].missing and "1.5.1" in by["nis"].missing


def test_a_plan_not_made_yet_is_named():
    overview = apa_overview([load("rti-betagi-2023-24.plan.json")], "2023-24", "Q2")
    assert overview.missing_plans == ["nis", "egov_innovation", "citizen_charter", "grs"]
    assert overview.total == 10 and overview.out_of == 10
    assert apa_overview([], "2023-24", "Q1").out_of == 0
