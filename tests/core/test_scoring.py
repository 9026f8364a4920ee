"""Scoring per DOMAIN.md §3: the worked examples, the reference PIB report, and the edges."""
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from egov_desktop.core import exchange
from egov_desktop.core.model import Entry, Indicator, Level, Report
from egov_desktop.core.scoring import aggregate, indicator_percent, score_report
from tests.conftest import MODMR, PIB

D = dt.date


@pytest.fixture(scope="module")
def pib():
    return exchange.load(PIB)


def _score(pib, code, value):
    ind = pib.plan.indicator(code)
    percent = indicator_percent(ind, pib.plan.levels, value)
    return percent, ind.weight * percent / 100


# The table of worked examples in DOMAIN.md §3 (seed 001 targets, five levels).
@pytest.mark.parametrize(
    "code, value, percent, score",
    [
        ("4.1.1", 56.98, 0, 0.00),
        ("4.1.1", 72, 84, 6.72),
        ("1.1.1", D(2024, 3, 25), 85, 8.50),
        ("7.1.1", 1, 80, 4.00),
        ("2.1.1", 3, 90, 4.50),
    ],
)
def test_worked_examples(pib, code, value, percent, score):
    got_percent, got_score = _score(pib, code, value)
    assert got_percent == pytest.approx(percent)
    assert got_score == pytest.approx(score)


@pytest.mark.parametrize(
    "code, value, percent",
    [
        ("4.1.1", 80, 100),  # exactly the best level
        ("4.1.1", 99, 100),  # above the best level
        ("4.1.1", 60, 60),  # exactly the lowest set level
        ("4.1.1", 59.99, 0),  # just below it
        ("4.1.1", 77.5, 95),  # halfway between 75 (90) and 80 (100)
        ("1.1.1", D(2024, 3, 16), 100),
        ("1.1.1", D(2024, 1, 1), 100),  # earlier than the best date is better still
        ("1.1.1", D(2024, 4, 13), 60),
        ("1.1.1", D(2024, 4, 14), 0),  # a day after the lowest level's date
        ("1.1.1", D(2024, 3, 18), 95),
        ("7.1.1", 2, 100),  # levels 2 / – / 1 / – / –: blank levels skipped
        ("7.1.1", 1.5, 90),  # interpolated between 1 (80) and 2 (100) across the blank
        ("7.1.1", 0, 0),
        ("2.1.1", 1, 70),  # 4/3/2/1/–: the lowest set level is চলতি মান
        ("2.1.1", 0, 0),
        ("4.1.1", None, 0),  # nothing achieved
        ("1.1.1", None, 0),
    ],
)
def test_levels_edges(pib, code, value, percent):
    assert _score(pib, code, value)[0] == pytest.approx(percent)


def test_best_set_level_gives_its_own_percent():
    # Only উত্তম (80) is set: reaching it earns 80, not 100.
    levels = [Level("excellent", "অসাধারণ", 100), Level("good", "উত্তম", 80)]
    ind = Indicator("1.1.1", "t", "count", 5, [None, 3])
    assert indicator_percent(ind, levels, 3) == 80
    assert indicator_percent(ind, levels, 9) == 80
    assert indicator_percent(ind, levels, 2) == 0


def test_indicator_without_targets_scores_zero():
    levels = [Level("excellent", "অসাধারণ", 100)]
    assert indicator_percent(Indicator("1.1.1", "t", "count", 5, [None]), levels, 4) == 0


def test_value_of_the_wrong_type_scores_zero_without_crashing():
    levels = [Level("excellent", "অসাধারণ", 100)]
    assert indicator_percent(Indicator("1.1.1", "t", "date", 5, [D(2024, 1, 1)]), levels, 4) == 0
    assert indicator_percent(Indicator("1.1.1", "t", "count", 5, [4]), levels, D(2024, 1, 1)) == 0


def test_proportional_uses_the_best_target():
    doc = exchange.load(MODMR)
    ind = doc.plan.indicator("2.2.1")  # proportional, targets 4 / 3 / 2
    assert ind.effective_scoring == "proportional"
    assert indicator_percent(ind, doc.plan.levels, 2) == pytest.approx(50)
    assert indicator_percent(ind, doc.plan.levels, 3) == pytest.approx(75)
    assert indicator_percent(ind, doc.plan.levels, 1) == pytest.approx(25)  # no cut-off below the lowest level
    assert indicator_percent(ind, doc.plan.levels, 6) == 100  # capped at 1
    assert indicator_percent(ind, doc.plan.levels, 0) == 0
    score = score_report(doc.plan, doc.report("H1")).indicator("2.2.1")
    assert score.score == pytest.approx(3 * 0.5)


def test_proportional_date_falls_back_to_levels():
    doc = exchange.load(PIB)
    ind = doc.plan.indicator("1.1.1")
    ind.scoring = "proportional"
    assert indicator_percent(ind, doc.plan.levels, D(2024, 3, 25)) == pytest.approx(85)


def test_pib_q1_report(pib):
    result = score_report(pib.plan, pib.report("Q1"))
    s411 = result.indicator("4.1.1")
    assert (s411.percent, s411.score, s411.not_applicable, s411.level_index) == (0, 0, False, None)
    s611 = result.indicator("6.1.1")
    assert s611.not_applicable and s611.score == 0 and s611.level_index is None
    s211 = result.indicator("2.1.1")  # 1 against 4/3/2/1/–: চলতি মান
    assert (s211.percent, s211.score, s211.level_index) == (70, 3.5, 3)
    # 2.1.1 and 5.1.1 at 70% (3.5 + 4.9); the rest 0. Weights 46 less 6.1.1's 3.
    assert result.total == pytest.approx(8.4)
    assert result.out_of == pytest.approx(43)
    assert result.percent == pytest.approx(8.4 / 43 * 100)
    assert [s.code for s in result.indicators] == [i.code for i in pib.plan.indicators()]
    assert result.areas["6"].out_of == 0 and result.areas["5"].total == pytest.approx(4.9)
    assert sum(a.total for a in result.areas.values()) == pytest.approx(result.total)


def test_not_applicable_weight_can_stay_in_the_total(pib):
    pib.plan.extras["x-scoring"] = {"not_applicable_weight": "include"}
    result = score_report(pib.plan, pib.report("Q1"))
    assert result.total == pytest.approx(8.4)
    assert result.out_of == pytest.approx(46)
    assert result.areas["6"].out_of == 3


def test_step_scoring_takes_the_lower_level_between_two(pib):
    plan = pib.plan
    e = Report("Q1", entries=[Entry("4.1.1", 72)])  # 80/75/70/65/60: between উত্তম (70) and অতি উত্তম (75)
    assert score_report(plan, e).indicator("4.1.1").percent == pytest.approx(84)
    plan.extras["x-scoring"] = {"interpolation": "step"}
    assert score_report(plan, e).indicator("4.1.1").percent == 80
    assert score_report(plan, e).indicator("4.1.1").score == pytest.approx(6.4)


def test_scoring_options_travel_in_the_exchange_file(pib):
    from egov_desktop.core.scoring import ScoringOptions

    pib.plan.extras["x-scoring"] = ScoringOptions("step", "include").as_extension()
    again = exchange.loads(exchange.dumps(pib))
    assert ScoringOptions.of(again.plan) == ScoringOptions("step", "include")
    assert ScoringOptions.of(exchange.loads(exchange.dumps(again)).plan).interpolation == "step"


def test_missing_entry_scores_zero_but_counts(pib):
    result = score_report(pib.plan, Report("Q2"))
    assert result.total == 0 and result.out_of == pytest.approx(46) and result.percent == 0


def test_modmr_h1_report_per_area():
    doc = exchange.load(MODMR)
    result = score_report(doc.plan, doc.report("H1"))
    assert result.out_of == pytest.approx(50)
    assert result.areas["1"].out_of == pytest.approx(29) and result.areas["2"].out_of == pytest.approx(21)
    # 1.3.1 done 26/12/2021, before its best date 13/01/2022: full marks.
    assert result.indicator("1.3.1").score == pytest.approx(5)
    # 1.4.1 on 30/09/2021, exactly its best date.
    assert result.indicator("1.4.1").percent == 100
    # 1.5.1: 60 against 80/70/60 (levels 100/80/60): the lowest level.
    assert result.indicator("1.5.1").percent == 60
    assert result.total == pytest.approx(sum(s.score for s in result.indicators))


def test_a_full_report_scores_everything(pib):
    best = Report("annual", entries=[Entry(i.code, i.targets[0]) for i in pib.plan.indicators()])
    result = score_report(pib.plan, best)
    assert result.total == pytest.approx(46) and result.percent == pytest.approx(100)


@pytest.mark.parametrize(
    "values, method, expected",
    [
        ([1, 2, 0, 3], "sum", 6),
        ([1, None, 2], "sum", 3),
        ([50, 60, None, 70], "average", 60),
        ([40, 55.5], "average", 47.75),
        ([40, 55.5, None], "cumulative", 55.5),
        ([40, None, 30], "cumulative", 30),  # the latest figure, even if lower
        ([None, D(2024, 2, 1), D(2024, 5, 1)], "date", D(2024, 2, 1)),
        ([None, None], "sum", None),
        ([], "average", None),
        ([None], "date", None),
    ],
)
def test_aggregate(values, method, expected):
    assert aggregate(values, method) == expected


def test_aggregate_unknown_method():
    with pytest.raises(ValueError):
        aggregate([1], "median")


# ------------------------------------------------------------------ properties

FIVE = [Level("excellent", "অসাধারণ", 100), Level("very_good", "অতি উত্তম", 90), Level("good", "উত্তম", 80),
        Level("fair", "চলতি মান", 70), Level("below_fair", "চলতি মানের নিম্নে", 60)]


@st.composite
def monotone_count_targets(draw):
    """Five levels, non-increasing from the best, some left blank (at least one set)."""
    values = sorted(draw(st.lists(st.integers(0, 50), min_size=5, max_size=5)), reverse=True)
    blanks = draw(st.lists(st.booleans(), min_size=5, max_size=5))
    targets = [None if b else v for v, b in zip(values, blanks)]
    if all(t is None for t in targets):
        targets[0] = values[0]
    return targets


@settings(max_examples=200, deadline=None)
@given(monotone_count_targets(), st.floats(0, 60, allow_nan=False), st.floats(0, 60, allow_nan=False))
def test_percent_is_bounded_and_never_falls_as_achievement_rises(targets, a, b):
    ind = Indicator("1.1.1", "t", "count", 5, targets)
    low, high = sorted((a, b))
    p_low, p_high = indicator_percent(ind, FIVE, low), indicator_percent(ind, FIVE, high)
    assert 0 <= p_low <= p_high <= 100


@settings(max_examples=200, deadline=None)
@given(monotone_count_targets())
def test_each_set_target_earns_at_least_its_level(targets):
    ind = Indicator("1.1.1", "t", "count", 5, targets)
    for level, target in zip(FIVE, targets):
        if target is not None:
            # Equal targets on two levels: the better level wins.
            assert indicator_percent(ind, FIVE, target) >= level.percent


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.dates(D(2023, 7, 1), D(2024, 6, 30))), min_size=5, max_size=5),
       st.dates(D(2023, 1, 1), D(2024, 12, 31)))
def test_dates_never_crash_and_stay_bounded(targets, done):
    # Any targets, monotone or not (the rules report those): a percent in 0..100, never an exception.
    ind = Indicator("1.1.1", "t", "date", 5, targets)
    assert 0 <= indicator_percent(ind, FIVE, done) <= 100
