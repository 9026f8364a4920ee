"""The four other plans scored as PLANS.md says: its worked examples (§2.9, §3.9, §4.8, §5.8) on the
fixtures made from its tables, and the [assumed] choices as plan settings."""
import dataclasses
import datetime as dt

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.model import DateWindow, Entry, Report
from egov_desktop.core.rules import check_document
from egov_desktop.core.scoring import ScoringOptions, score_report, year_to_date_percent
from tests.conftest import FIXTURES

D = dt.date


def load(name):
    return exchange.load(FIXTURES / f"{name}.plan.json")


def scores(doc, period="Q1"):
    result = score_report(doc.plan, doc.report(period), doc.reports)
    return result, {s.code: s for s in result.indicators}


def with_settings(doc, **settings):
    plan = dataclasses.replace(doc.plan, scoring={**(doc.plan.scoring or {}), **settings})
    return dataclasses.replace(doc, plan=plan)


def test_nis_worked_example_2_9_annual_target():
    _, by = scores(load("nis-fid-2021-22"))
    assert by["1.1.1"].score == 1.00 and by["1.1.1"].percent == 25
    assert by["1.3.1"].score == 0.50
    assert by["1.4.1"].score == 1.00 and by["1.4.1"].percent == 50
    assert by["2.2.1"].score == 0.625 and by["2.2.1"].percent == 31.25
    assert by["1.6.1"].score == pytest.approx(1 / 3)  # the 1st of 3 dates met
    # 1.2: the target cell is damaged: not scorable, left out of the total it is shown against.
    assert not by["1.2.1"].scorable and by["1.2.1"].score == 0


def test_nis_worked_example_2_9_against_the_targets_due_so_far():
    doc = with_settings(load("nis-fid-2021-22"), quarterly_basis="due")
    _, by = scores(doc)
    assert by["1.1.1"].score == 4.00  # 1 of the 1 due by Q1 (split 1/1/1/1), not 1 of 4
    # Without quarter targets the annual target stays the basis.
    assert by["1.3.1"].score == 0.50
    # 1.6: its first date (15 Oct) falls after Q1 but was met, so it counts; the other two are not due yet.
    assert by["1.6.1"].score == 1.0
    # 1.7's first date (31 Oct) is after Q1 and not met: nothing of it is due yet.
    assert by["1.7.1"].percent == 100


def test_nis_year_end_scores_against_the_annual_target_either_way():
    doc = load("nis-fid-2021-22")
    q1 = doc.report("Q1")
    annual = Report("annual", entries=q1.entries)
    for basis in ("annual", "due"):
        plan = with_settings(doc, quarterly_basis=basis).plan
        assert score_report(plan, annual).indicator("1.1.1").score == 1.00


def test_grs_worked_example_3_9():
    result, by = scores(load("grs-fid-2021-22"))
    assert [by[c].score for c in ("1.1.1", "2.2.1", "2.3.1", "2.4.1")] == [1.25, 0, 0.75, 2.00]
    assert not by["2.1.1"].scorable
    assert (result.total, result.out_of) == (4.00, 17)  # of the 17 scorable marks, 25 declared


def test_cc_worked_example_4_8():
    # Codes as printed (PLANS.md §4.6): the training indicator is a second [১.১.১], under activity [২.১].
    doc = load("cc-fid-2021-22")
    result, _by = scores(doc)
    got = [(s.code, s.score, s.scorable) for s in result.indicators]
    assert got == [("1.1.1", 0, False), ("1.2.1", 1.25, True), ("1.1.1", 0, True), ("1.3.1", 0, True)]
    assert (result.total, result.out_of) == (1.25, 17)
    # The duplicate is an error to fix in the grid, named once, at its second place.
    [dup] = [f for f in check_document(doc) if f.rule == "duplicate_code"]
    assert dup.severity == "error" and str(dup.where).startswith("1.1.1")


def test_rti_worked_example_5_8_betagi():
    _, by = scores(load("rti-betagi-2023-24"))
    assert by["1.1.1"].score == 6.00


def test_rti_worked_example_5_8_fid_date_before_the_fiscal_year():
    doc = load("rti-fid-2021-22")
    _, by = scores(doc)
    assert by["1.3.1"].score == 3.00  # on or before the target: full
    [warning] = [f for f in check_document(doc) if str(f.where) == "Q1/1.3.1/value"]
    assert warning.rule == "date_outside_fiscal_year" and warning.severity == "warning"


def test_rti_worked_example_5_8_with_levels():
    _, by = scores(load("rti-sakhipur-2022-23"), "Q3")
    assert by["1.2.1"].percent == 85 and by["1.2.1"].score == 2.55


def test_a_date_window_is_met_up_to_its_end():
    doc = load("rti-betagi-2023-24")
    ind = doc.plan.indicator("2.1.1")
    assert ind.targets == [DateWindow(D(2023, 12, 1), D(2023, 12, 31))]
    for day, score in ((D(2023, 12, 31), 4), (D(2024, 1, 1), 0)):
        report = Report("Q3", entries=[Entry("2.1.1", day, evidence="x")])
        assert score_report(doc.plan, report).indicator("2.1.1").score == score


def test_count_and_date_is_split_over_the_count_and_each_date():
    doc = load("nis-fid-2021-22")  # 1.5: ২ টি; 31-12-2021; 30-06-2022, weight 2
    report = Report("annual", entries=[Entry("1.5.1", 2, dates=[D(2021, 12, 20), D(2022, 7, 3)])])
    s = score_report(doc.plan, report).indicator("1.5.1")
    assert s.percent == pytest.approx(200 / 3) and s.score == pytest.approx(4 / 3)  # count met, 1st date met, 2nd late
    half = Report("annual", entries=[Entry("1.5.1", 1, dates=[D(2021, 12, 31), D(2022, 6, 30)])])
    assert score_report(doc.plan, half).indicator("1.5.1").percent == pytest.approx(250 / 3)


def test_percent_total_mean_or_pooled_from_the_quarters_figures():
    # NIS 1.2-like: decisions carried out, Q1 1 of 1 (100%), Q2 1 of 3 (33.3%).
    q1 = Entry("2.3.1", 100, period_value=100, numerator=1, denominator=1)
    q2 = Entry("2.3.1", None, period_value=100 / 3, numerator=1, denominator=3)
    assert year_to_date_percent([q1, q2], "mean") == pytest.approx(200 / 3)
    assert year_to_date_percent([q1, q2], "pooled") == 50
    doc = load("nis-fid-2021-22")  # 2.3: percent, target 100, weight 2
    reports = [Report("Q1", entries=[q1]), Report("Q2", entries=[q2])]
    mean = score_report(doc.plan, reports[1], reports).indicator("2.3.1")
    assert mean.value == pytest.approx(200 / 3) and mean.score == pytest.approx(4 / 3)
    pooled_plan = with_settings(doc, percent_total="pooled").plan
    assert score_report(pooled_plan, reports[1], reports).indicator("2.3.1").score == 1.0
    # Without the quarters' own figures the entry's year-to-date value is taken as it is.
    plain = Report("Q2", entries=[Entry("2.3.1", 80)])
    assert score_report(pooled_plan, plain, [plain]).indicator("2.3.1").score == 1.6


def test_settings_default_and_travel_with_the_plan():
    doc = load("grs-fid-2021-22")
    assert ScoringOptions.of(doc.plan) == ScoringOptions("linear", "exclude", "annual", "mean")
    doc.plan.extras["x-scoring"] = {"interpolation": "step"}
    doc.plan.scoring = {"quarterly_basis": "due"}
    assert ScoringOptions.of(doc.plan) == ScoringOptions("step", "exclude", "due", "mean")


def test_grs_no_complaints_alternative_indicator_3_4():
    # PLANS.md §3.4 (G3): "যদি কোনো দপ্তর / সংস্থায় জিআরএস সিস্টেমে কোনো অভিযোগ পাওয়া না যায়" the office reports
    # "[১.১.১.১] স্টেকহোল্ডারের সমন্বয়ে সভা" instead of the disposal rate (weight ১২, target ৯০, §3.8).
    doc = load("grs-dhaka-2023-24")
    ind = doc.plan.indicator("1.1.1")
    assert (ind.alternative.code, ind.alternative.title, ind.alternative.unit) == (
        "1.1.1.1", "স্টেকহোল্ডারের সমন্বয়ে সভা", "count")
    assert "কোনো অভিযোগ পাওয়া না যায়" in ind.alternative.condition
    # Q1, no complaint: 1 of the alternative's 2 meetings, with the indicator's weight: 12 × 1/2.
    _, q1 = scores(doc, "Q1")
    assert (q1["1.1.1"].score, q1["1.1.1"].percent) == (6.0, 50.0)
    # Q2, complaints received: the rate against 90%, as before: 12 × 85/90.
    _, q2 = scores(doc, "Q2")
    assert q2["1.1.1"].score == pytest.approx(12 * 85 / 90)
    assert not [f for f in check_document(doc) if f.is_error]
    # The alternative's achievement is checked by its own unit: a count, not a percent.
    doc.report("Q1").entries[0].value = 1.5
    assert any(f.rule == "count_whole" and str(f.where) == "Q1/1.1.1/value" for f in check_document(doc))
    # An entry that says the condition held, for an indicator without an alternative: an error.
    other = load("grs-fid-2021-22")
    other.report("Q1").entries[0].alternative = True
    assert any(f.rule == "no_alternative" and f.severity == "error" for f in check_document(other))


def test_the_alternative_is_format_1_1_and_goes_round_the_store(tmp_path):
    import json

    from egov_desktop.store.service import Store

    doc = load("grs-dhaka-2023-24")
    assert json.loads(exchange.dumps(doc)) == json.loads((FIXTURES / "grs-dhaka-2023-24.plan.json").read_text())
    with Store.open(tmp_path / "egov.sqlite") as store:
        key = store.import_document(doc).key
        back = store.get_document(key)
    assert back.plan.indicator("1.1.1").alternative == doc.plan.indicator("1.1.1").alternative
    assert back.report("Q1").entries[0].alternative and not back.report("Q2").entries[0].alternative
    assert exchange.dumps(back) == exchange.dumps(doc)
    # A file that says version 1 cannot carry it.
    raw = json.loads(exchange.dumps(doc))
    raw["version"] = 1
    with pytest.raises(exchange.ExchangeError, match=r"indicators\[0\]\.alternative"):
        exchange.loads(json.dumps(raw))
