"""`check` per plan kind (issue 9): quarter targets, several target dates, date windows."""
import copy
import datetime as dt

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.model import DateWindow
from egov_desktop.core.rules import check_document, check_plan
from tests.conftest import FIXTURES

D = dt.date


@pytest.fixture
def nis():
    return exchange.load(FIXTURES / "nis-fid-2021-22.plan.json")


def rules(plan, code=None):
    return {(str(f.where), f.rule, f.severity) for f in check_plan(plan) if code is None or str(f.where).startswith(code)}


def test_the_nis_fixture_has_only_the_damaged_target_against_it(nis):
    assert rules(nis.plan) == {("1.2.1", "no_targets", "error")}


def test_quarter_targets_of_a_count_not_adding_up_to_the_annual_target_warn(nis):
    ind = nis.plan.indicator("1.1.1")
    ind.quarter_targets = [1, 1, 1, 2]
    [finding] = [f for f in check_plan(nis.plan) if f.rule == "quarter_targets_sum"]
    assert (str(finding.where), finding.severity) == ("1.1.1/quarter_targets", "warning")
    assert finding.message("bn") == "সূচক ১.১.১ এর কোয়ার্টারের লক্ষ্যমাত্রার যোগফল ৫, কিন্তু বার্ষিক লক্ষ্যমাত্রা ৪"
    ind.quarter_targets = [1, None, 1, 2]  # a quarter left blank still adds up
    assert not [f for f in check_plan(nis.plan) if f.rule == "quarter_targets_sum"]


def test_a_percent_quarter_target_is_a_rate_and_need_not_add_up(nis):
    ind = nis.plan.indicator("2.3.1")
    ind.quarter_targets = [100, 100, 100, 100]
    assert "quarter_targets_sum" not in {f.rule for f in check_plan(nis.plan)}


def test_a_quarter_target_dated_outside_its_quarter_warns(nis):
    ind = nis.plan.indicator("2.1.1")  # a date, 31-10-2021
    ind.quarter_targets = [D(2021, 9, 30), D(2021, 12, 31), DateWindow(D(2022, 3, 25), D(2022, 4, 5)), None]
    found = {(str(f.where), f.rule) for f in check_plan(nis.plan) if f.rule == "quarter_target_outside_quarter"}
    assert found == {("2.1.1/quarter_targets[2]", "quarter_target_outside_quarter")}  # the window runs into Q4


def test_target_dates_out_of_order_are_an_error(nis):
    ind = nis.plan.indicator("1.6.1")
    ind.target_dates = [D(2021, 10, 15), D(2022, 4, 15), D(2022, 1, 15)]
    [finding] = [f for f in check_plan(nis.plan) if f.rule == "target_dates_order"]
    assert (str(finding.where), finding.severity) == ("1.6.1/target_dates[2]", "error")
    assert "১৫/০১/২০২২" in finding.message("bn")


def test_a_date_window_ending_before_it_starts_is_an_error(nis):
    nis.plan.indicator("1.8.1").targets = [DateWindow(D(2022, 6, 30), D(2022, 6, 1))]
    assert ("1.8.1/targets[0]", "window_order", "error") in rules(nis.plan)


def test_count_and_date_needs_its_dates_and_only_dated_units_have_them(nis):
    nis.plan.indicator("1.5.1").target_dates = None
    nis.plan.indicator("1.1.1").target_dates = [D(2021, 9, 1)]
    found = rules(nis.plan)
    assert ("1.5.1/target_dates", "target_dates_missing", "error") in found
    assert ("1.1.1/target_dates", "target_dates_unit", "error") in found


def test_existing_rules_apply_to_the_new_shapes(nis):
    doc = copy.deepcopy(nis)
    ind = doc.plan.indicator("1.1.1")
    ind.quarter_targets = [1, 1.5, 1, 0.5]  # a count is whole
    ind.target_dates = None
    doc.plan.indicator("1.7.1").target_dates[2] = D(2022, 7, 31)  # outside the fiscal year
    found = {(str(f.where), f.rule) for f in check_document(doc)}
    assert ("1.1.1/quarter_targets[1]", "count_whole") in found
    assert ("1.7.1/target_dates[2]", "date_outside_fiscal_year") in found


def test_report_dates_are_checked(nis):
    doc = copy.deepcopy(nis)
    entry = doc.report("Q1").entry("1.6.1")
    # 15 October is after Q1 but is the first date's own deadline: no warning for it.
    assert not [f for f in check_document(doc) if str(f.where).startswith("Q1/1.6.1")]
    entry.dates = [D(2021, 10, 16), None, None]
    assert ("Q1/1.6.1/dates[0]", "date_after_period") in {(str(f.where), f.rule) for f in check_document(doc)}


def test_an_entry_before_its_window_opens_warns():
    doc = exchange.load(FIXTURES / "rti-betagi-2023-24.plan.json")
    doc.plan.indicator("2.1.1").target_dates = [DateWindow(D(2023, 12, 1), D(2023, 12, 31))]
    doc.plan.indicator("2.1.1").targets = [None]
    entry = doc.report("Q2").entry("2.1.1")
    entry.value, entry.dates = None, [D(2023, 11, 20)]
    found = [f for f in check_document(doc) if f.rule == "date_before_window"]
    assert [str(f.where) for f in found] == ["Q2/2.1.1/dates[0]"]
