"""Validation rules (DOMAIN.md §8) on the reference plans and on broken copies of them."""
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_desktop.core import exchange
from egov_desktop.core.model import Entry, Indicator, Memo, Report
from egov_desktop.core.rules import check_document, check_memo, check_plan, check_report, errors
from egov_desktop.core.scoring import score_report
from tests.conftest import MODMR, PIB

D = dt.date


@pytest.fixture
def modmr():
    return exchange.load(MODMR)


@pytest.fixture
def pib():
    return exchange.load(PIB)


def _by(findings, rule):
    return [(str(f.where), f.severity) for f in findings if f.rule == rule]


def test_modmr_has_no_errors(modmr):
    findings = check_document(modmr, today=D(2022, 1, 10))
    assert errors(findings) == []
    # Achievements without a প্রমাণক are warned about, and 2.2.4's report sent on 10/01/2022, after the
    # half-year it reports on; the rest of the file is clean.
    assert {f.rule for f in findings} == {"evidence_missing", "date_after_period"}
    assert _by(findings, "date_after_period") == [("H1/2.2.4/value", "warning")]
    assert ("H1/2.1.1/evidence", "warning") in _by(findings, "evidence_missing")
    assert ("H1/1.4.1/evidence", "warning") not in _by(findings, "evidence_missing")


def test_pib_weight_sum_is_a_warning(pib):
    findings = check_document(pib)
    assert errors(findings) == []
    [total] = [f for f in findings if f.rule == "total_weight_sum"]
    assert (str(total.where), total.severity) == ("plan.total_weight", "warning")
    assert "৪৬" in total.message("bn") and "৫০" in total.message("bn")
    assert total.message("en") == "the weights add up to 46, but the plan's total is 50"


def test_every_finding_has_a_stable_id_and_both_languages(pib):
    ind = pib.plan.indicator("4.1.1")
    ind.targets = [120, 75, 80, None, -1]
    ind.weight = -2
    findings = check_document(pib)
    assert len(findings) > 4
    for f in findings:
        assert re.fullmatch(r"[a-z]+(_[a-z]+)*", f.rule)
        assert f.severity in ("error", "warning")
        bn, en = f.message("bn"), f.message("en")
        assert bn and en and bn != en
        assert not re.search(r"[0-9]", bn), bn  # Bangla digits only in Bangla


def test_percent_and_count_ranges(pib):
    pib.plan.indicator("4.1.1").targets = [101, 75, 70, 65, -0.5]
    pib.plan.indicator("2.1.1").targets = [4, 3.5, 2, 1, None]
    findings = check_plan(pib.plan)
    assert _by(findings, "percent_range") == [("4.1.1/targets[0]", "error"), ("4.1.1/targets[4]", "error")]
    assert _by(findings, "count_whole") == [("2.1.1/targets[1]", "error")]
    [pct] = [f for f in findings if str(f.where) == "4.1.1/targets[0]"]
    assert pct.message("en") == "a percent must be between 0 and 100, not 101"
    assert pct.message("bn") == "শতাংশ ০ থেকে ১০০-এর মধ্যে হতে হবে, ১০১ নয়"


def test_achievement_ranges(pib):
    report = pib.report("Q1")
    report.entry("4.1.1").value = 100.5
    report.entry("2.1.1").value = -1
    report.entry("5.1.1").value = 2.0  # a whole number, typed with a decimal point
    findings = check_report(pib.plan, report)
    assert _by(findings, "percent_range") == [("Q1/4.1.1/value", "error")]
    assert _by(findings, "count_whole") == [("Q1/2.1.1/value", "error")]


def test_value_of_the_wrong_type(pib):
    pib.report("Q1").entry("2.1.1").value = D(2023, 9, 1)
    pib.plan.indicator("1.1.1").targets[0] = 5
    findings = check_document(pib)
    assert _by(findings, "value_type") == [("1.1.1/targets[0]", "error"), ("Q1/2.1.1/value", "error")]


@pytest.mark.parametrize(
    "code, targets, bad",
    [
        ("2.1.1", [4, 5, 2, 1, None], [1]),
        ("2.1.1", [2, None, 3, None, None], [2]),  # blanks skipped: 3 after 2
        ("2.1.1", [4, 4, 2, 2, None], []),  # equal is allowed
        ("4.1.1", [80, 75, 76, 65, 60], [2]),
        ("1.1.1", [D(2024, 3, 16), D(2024, 3, 10), D(2024, 3, 30), D(2024, 4, 6), D(2024, 4, 13)], [1]),
        ("1.1.1", [D(2024, 3, 16), None, D(2024, 3, 1), None, D(2024, 3, 2)], [2]),
        ("1.1.1", [D(2024, 3, 16), D(2024, 3, 16), None, None, D(2024, 4, 1)], []),
    ],
)
def test_targets_monotone(pib, code, targets, bad):
    pib.plan.indicator(code).targets = targets
    found = _by(check_plan(pib.plan), "targets_not_monotone")
    assert found == [(f"{code}/targets[{i}]", "error") for i in bad]


def test_monotone_message_names_the_level(pib):
    pib.plan.indicator("2.1.1").targets = [4, 5, 2, 1, None]
    [f] = [f for f in check_plan(pib.plan) if f.rule == "targets_not_monotone"]
    assert "অতি উত্তম" in f.message("bn")


def test_no_targets(pib):
    pib.plan.indicator("7.1.1").targets = [None] * 5
    assert _by(check_plan(pib.plan), "no_targets") == [("7.1.1", "error")]


def test_proportional_date(pib):
    pib.plan.indicator("3.1.1").scoring = "proportional"
    pib.plan.indicator("2.1.1").scoring = "proportional"
    assert _by(check_plan(pib.plan), "proportional_date") == [("3.1.1/scoring", "error")]


def test_dates_outside_the_fiscal_year(pib):
    # FY 2023-24: 1 July 2023 to 30 June 2024.
    pib.plan.indicator("3.1.1").targets[4] = D(2024, 7, 1)
    pib.plan.indicator("1.1.1").targets[0] = D(2023, 7, 1)  # first day: inside
    pib.report("Q1").entry("1.1.1").value = D(2023, 6, 30)
    findings = check_document(pib)
    assert _by(findings, "date_outside_fiscal_year") == [("3.1.1/targets[4]", "warning"), ("Q1/1.1.1/value", "warning")]
    [f] = [f for f in findings if str(f.where) == "Q1/1.1.1/value"]
    assert f.message("bn") == "৩০/০৬/২০২৩ তারিখটি ২০২৩-২৪ অর্থবছরের বাইরে"


def test_area_weight_sums(modmr):
    assert _by(check_plan(modmr.plan), "area_weight_sum") == []
    modmr.plan.areas[0].weight = 30
    findings = check_plan(modmr.plan)
    assert _by(findings, "area_weight_sum") == [("area:1", "warning")]
    assert _by(findings, "total_weight_sum") == [("plan.total_weight", "warning")]  # 30 + 21 = 51
    [f] = [f for f in findings if f.rule == "area_weight_sum"]
    assert f.message("en") == "the indicator weights of area 1 add up to 29, but the area's weight is 30"


def test_indicator_weights_against_total_when_areas_agree(modmr):
    # Areas consistent with the total, indicators not with their area: only the area is warned about.
    modmr.plan.indicator("2.2.5").weight = 2.5
    findings = check_plan(modmr.plan)
    assert _by(findings, "area_weight_sum") == [("area:2", "warning")]
    assert _by(findings, "total_weight_sum") == []


def test_negative_weight(pib):
    pib.plan.indicator("5.1.1").weight = -7
    assert _by(check_plan(pib.plan), "negative_weight") == [("5.1.1/weight", "error")]


def test_codes(modmr):
    act = modmr.plan.areas[1].activities[0]  # activity 2.1
    act.indicators.append(Indicator("1.1.1", "copy", "count", 0, [1, None, None]))
    act.indicators.append(Indicator("2.1", "short", "count", 0, [1, None, None]))
    modmr.plan.areas[0].activities[0].code = "2.1"
    findings = check_plan(modmr.plan)
    # The repeated indicator code is reported at the repeat, the second 1.1.1, the row to renumber.
    assert _by(findings, "duplicate_code") == [("activity:2.1", "error"), ("1.1.1#2", "error")]
    shapes = _by(findings, "code_shape")
    assert ("activity:2.1", "error") in shapes  # activity 2.1 inside area 1
    assert ("1.1.1", "error") in shapes  # 1.1.1 inside activity 2.1
    assert ("2.1", "error") in shapes  # too short for an indicator
    assert ("2.1.1", "error") not in shapes


@pytest.mark.parametrize("code, shaped", [("2.3", True), ("2.১", True), ("2.12", True), ("2.", False), ("2", False),
                                          ("2.1a", False), ("22.1", False), ("2x1", False), ("2.1.1", False)])
def test_an_activity_code_is_its_areas_a_dot_and_a_number(modmr, code, shaped):
    """As the regex the rule had (area code, \\., \\d+): any Unicode digit is a digit."""
    act = modmr.plan.areas[1].activities[0]  # in area 2
    act.code = code
    for i, ind in enumerate(act.indicators, 1):
        ind.code = f"{code}.{i}"
    assert (("activity:" + code, "error") not in _by(check_plan(modmr.plan), "code_shape")) == shaped


def test_clean_codes_pass(modmr, pib):
    assert _by(check_plan(modmr.plan), "code_shape") == [] and _by(check_plan(pib.plan), "code_shape") == []


def test_evidence_missing(pib):
    report = pib.report("Q1")
    report.entry("2.1.1").evidence = "  "  # blank counts as missing
    report.entry("5.1.1").evidence = "হালনাগাদের স্ক্রিনশট"
    report.entry("1.1.1").value = D(2023, 9, 1)  # a date achievement needs evidence too
    report.entry("6.1.1").value = 2  # not applicable: ignored
    found = _by(check_report(pib.plan, report), "evidence_missing")
    assert found == [("Q1/1.1.1/evidence", "warning"), ("Q1/2.1.1/evidence", "warning"), ("Q1/4.1.1/evidence", "warning")]
    # 7.1.1 has value 0 and no evidence: nothing achieved, nothing to prove.
    assert ("Q1/7.1.1/evidence", "warning") not in found


def test_unknown_indicator(pib):
    report = Report("Q2", entries=[Entry("9.9.9", 1)])
    assert _by(check_report(pib.plan, report), "unknown_indicator") == [("Q2/9.9.9", "error")]


def test_memo_complete(modmr):
    assert check_memo(modmr.report("H1").memo, "H1") == []


@pytest.mark.parametrize("field", ["subject", "number", "date", "signatory.name", "signatory.designation"])
def test_memo_missing_field(modmr, field):
    memo = modmr.report("H1").memo
    obj, attr = (memo.signatory, field.split(".")[1]) if "." in field else (memo, field)
    setattr(obj, attr, None if field == "date" else " ")
    findings = check_memo(memo, "H1")
    assert [(str(f.where), f.rule, f.severity) for f in findings] == [(f"H1/memo.{field}", "memo_field_missing", "error")]


def test_empty_memo_and_no_memo():
    assert len(check_memo(Memo(), "Q1")) == 5
    [f] = check_memo(None, "Q1")
    assert (str(f.where), f.rule, f.severity) == ("Q1/memo", "memo_missing", "error")


def test_memo_checked_in_document_only_once_signed(pib):
    # A draft may lack its memo; a signed-off report may not.
    assert _by(check_document(pib), "memo_missing") == []
    pib.report("Q1").status = "signed_off"
    assert _by(check_document(pib), "memo_missing") == [("Q1/memo", "error")]


def test_period_not_started(pib):
    report = pib.report("Q1")  # Q1 of 2023-24 starts on 1 July 2023
    assert _by(check_report(pib.plan, report), "period_not_started") == []  # no `today`: not checked
    assert _by(check_report(pib.plan, report, today=D(2023, 7, 1)), "period_not_started") == []
    early = check_report(pib.plan, report, today=D(2023, 6, 30))
    # Entries with a value (0 counts: it was typed); blank and not-applicable ones do not.
    assert _by(early, "period_not_started") == [
        ("Q1/2.1.1/value", "warning"),
        ("Q1/4.1.1/value", "warning"),
        ("Q1/5.1.1/value", "warning"),
        ("Q1/7.1.1/value", "warning"),
    ]
    [f] = [f for f in early if str(f.where) == "Q1/4.1.1/value" and f.rule == "period_not_started"]
    assert "০১/০৭/২০২৩" in f.message("bn") and "01/07/2023" in f.message("en")
    report.period = "annual"  # the annual report starts with the year too
    assert _by(check_report(pib.plan, report, today=D(2023, 8, 1)), "period_not_started") == []
    report.period = "Q3"
    assert len(_by(check_report(pib.plan, report, today=D(2023, 12, 31)), "period_not_started")) == 4


def test_achievement_date_after_the_period_or_in_the_future(pib):
    report = pib.report("Q1")
    report.period = "Q2"  # October to December 2023
    entry = report.entry("1.1.1")  # a date indicator
    entry.value = D(2023, 12, 31)  # the last day: fine
    assert _by(check_report(pib.plan, report, today=D(2024, 1, 10)), "date_after_period") == []
    entry.value = D(2024, 5, 15)  # still in the fiscal year, but after the quarter
    findings = check_report(pib.plan, report)
    assert _by(findings, "date_after_period") == [("Q2/1.1.1/value", "warning")]
    assert _by(findings, "date_in_future") == []  # no `today`: not checked
    [f] = [f for f in findings if f.rule == "date_after_period"]
    assert f.message("bn") == "অর্জনের তারিখ এই সময়ের শেষের পরে: ১৫/০৫/২০২৪ (সময় শেষ ৩১/১২/২০২৩)"
    assert "15/05/2024" in f.message("en") and "31/12/2023" in f.message("en")

    future = check_report(pib.plan, report, today=D(2024, 1, 10))
    assert _by(future, "date_in_future") == [("Q2/1.1.1/value", "warning")]
    [f] = [f for f in future if f.rule == "date_in_future"]
    assert f.message("bn") == "অর্জনের তারিখ ১৫/০৫/২০২৪ ভবিষ্যতের তারিখ"
    assert _by(check_report(pib.plan, report, today=D(2024, 5, 15)), "date_in_future") == []
    assert errors(future) == errors(findings)  # warnings only: they never block


def test_bijoy_text_is_warned_about(modmr):
    modmr.office.unit = "AvBb AwakvLv"  # আইন অধিশাখা typed with Bijoy
    modmr.plan.indicator("1.1.1").title = "D™¢vebx aviYv ev¯Íevqb"
    report = modmr.report("H1")
    report.entry("1.3.1").narrative = "GKwU †mev wWwRUvBR Kiv n‡q‡Q"
    report.memo.body[1] = "cÖwZ‡e`bwU g‡nv`‡qi m`q AeMwZi Rb¨ †cÖiY Kiv n‡jv"
    report.memo.signatory.designation = "Dc‡mwPe (AvBb)"
    found = _by(check_document(modmr), "bijoy_text")
    assert found == [
        ("office.unit", "warning"),
        ("1.1.1/title", "warning"),
        ("H1/1.3.1/narrative", "warning"),
        ("H1/memo.signatory.designation", "warning"),
        ("H1/memo.body[1]", "warning"),
    ]


def test_english_and_unicode_text_is_not_bijoy(modmr, pib):
    # PIB's narratives mix English words ("myGov Application") into Unicode Bangla.
    modmr.plan.indicator("1.1.1").evidence = "Government order and photos"
    assert _by(check_document(modmr), "bijoy_text") == [] and _by(check_document(pib), "bijoy_text") == []


@pytest.mark.parametrize(
    "where, bn, en",
    [
        ("Q1/4.1.1/value", "১ম ত্রৈমাসিক: সূচক ৪.১.১, অর্জন", "1st quarter: indicator 4.1.1, achievement"),
        ("2.1.1/targets[1]", "সূচক ২.১.১, লক্ষ্যমাত্রা “অতি উত্তম”", "indicator 2.1.1, target “অতি উত্তম”"),
        ("7.1.1", "সূচক ৭.১.১", "indicator 7.1.1"),
        ("area:3", "ক্ষেত্র ৩", "area 3"),
        ("activity:1.1/title", "কার্যক্রম ১.১, শিরোনাম", "activity 1.1, title"),
        ("plan.total_weight", "কর্মপরিকল্পনা, মোট মান", "plan, total weight"),
        ("H1/memo.subject", "অর্ধবার্ষিক: পত্র, বিষয়", "Half-yearly: memo, subject"),
        ("annual/memo.copies[0]", "বার্ষিক: পত্র, অনুলিপি ১", "Annual: memo, copies 1"),
        ("Q2/memo", "২য় ত্রৈমাসিক: পত্র", "2nd quarter: memo"),
        ("something/else", "something/else", "something/else"),
    ],
)
def test_describe_where(pib, where, bn, en):
    from egov_desktop.core.rules import describe_where

    assert describe_where(where, pib.plan, "bn") == bn
    assert describe_where(where, pib.plan, "en") == en


def test_every_where_a_rule_makes_can_be_described(modmr):
    """No rule produces a `where` that the problems panel could only show raw."""
    from egov_desktop.core.rules import describe_where

    modmr.plan.areas[0].weight = 1
    modmr.plan.indicator("1.1.1").targets = [D(2030, 1, 1), D(2022, 1, 1), None]
    modmr.plan.indicator("1.1.1").title = "D™¢vebx aviYv"
    modmr.plan.indicator("1.1.1").scoring = "proportional"
    modmr.plan.areas[0].activities[1].code = "9.9"
    modmr.report("H1").status = "signed_off"
    modmr.report("H1").memo.subject = ""
    findings = check_document(modmr, today=D(2021, 1, 1))
    assert len({f.rule for f in findings}) >= 9
    for f in findings:
        assert describe_where(f.where, modmr.plan, "en") != str(f.where), f


def test_aggregation_must_fit_the_unit(pib):
    pib.plan.indicator("1.1.1").aggregation = "sum"
    pib.plan.indicator("2.1.1").aggregation = "date"
    pib.plan.indicator("4.1.1").aggregation = "average"  # fine for a percent
    pib.plan.indicator("3.1.1").aggregation = "date"  # the default for dates, said out loud
    found = _by(check_plan(pib.plan), "aggregation_unit")
    assert found == [("1.1.1/aggregation", "error"), ("2.1.1/aggregation", "error")]


# ------------------------------------------------------------------ robustness

_ANY_VALUE = st.one_of(
    st.none(),
    st.dates(D(2000, 1, 1), D(2100, 12, 31)),
    st.integers(-1000, 1000),
    st.floats(-1e6, 1e6, allow_nan=False),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(
    targets=st.lists(st.lists(_ANY_VALUE, min_size=5, max_size=5), min_size=7, max_size=7),
    values=st.lists(_ANY_VALUE, min_size=7, max_size=7),
    weights=st.lists(st.floats(-10, 60, allow_nan=False), min_size=7, max_size=7),
    today=st.dates(D(2020, 1, 1), D(2030, 1, 1)),
)
def test_rules_and_scoring_never_raise_on_any_model(targets, values, weights, today):
    """Whatever a half-typed plan holds, the rules report it and the score stays within 0..100%."""
    doc = exchange.load(PIB)
    for ind, t, w in zip(doc.plan.indicators(), targets, weights):
        ind.targets, ind.weight = t, w
    report = doc.report("Q1")
    for entry, v in zip(report.entries, values):
        entry.value = v
    findings = check_document(doc, today=today)
    assert all(f.severity in ("error", "warning") and f.message("bn") for f in findings)
    result = score_report(doc.plan, report)
    assert all(0 <= s.percent <= 100 for s in result.indicators)


def test_unknown_scoring_settings_are_an_error():
    from egov_desktop.core import exchange, rules
    from tests.conftest import PIB

    doc = exchange.load(PIB)
    doc.plan.extras["x-scoring"] = {"interpolation": "step"}
    assert not [f for f in rules.check_plan(doc.plan) if f.rule == "scoring_options"]
    doc.plan.extras["x-scoring"] = {"interpolation": "cubic"}
    found = [f for f in rules.check_plan(doc.plan) if f.rule == "scoring_options"]
    assert len(found) == 1 and found[0].severity == "error" and str(found[0].where) == "plan.x-scoring"
    assert "linear/step" in found[0].message("bn")


def test_sign_off_blockers_are_the_errors_of_office_plan_report_and_memo_in_one_list():
    # One function for the store (it refuses a sign-off with them) and the window (it lists them).
    from egov_desktop.core.exchange import load
    from egov_desktop.core.rules import check_report, sign_off_blockers
    from tests.conftest import PIB

    doc = load(PIB)
    report = doc.report("Q1")
    doc.office.name = ""
    doc.plan.indicator("2.1.1").weight = -1
    report.entry("4.1.1").value = 105.0
    report.memo = None
    blockers = sign_off_blockers(doc, report)
    assert all(f.is_error for f in blockers)
    assert {f.rule for f in blockers} >= {"office_name_missing", "negative_weight", "percent_range", "memo_missing"}
    # What a caller already holds stands for the plan's and the report's own findings; own=[]: the rest only.
    elsewhere = sign_off_blockers(doc, report, own=[])
    assert "percent_range" not in {f.rule for f in elsewhere} and "memo_missing" in {f.rule for f in elsewhere}
    assert sign_off_blockers(doc, report, plan=[], own=check_report(doc.plan, report)) == \
        [f for f in blockers if f.rule != "negative_weight"]
