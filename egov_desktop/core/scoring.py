"""Scoring (অর্জিত মান), DOMAIN.md §3.

An indicator's percent comes from its target levels: at or above the best set
level it gets that level's percent (100 for অসাধারণ), between two adjacent set
levels it is interpolated linearly, below the lowest set level it is 0. Blank
levels are skipped. Dates are better the earlier they are, so they are compared
by their day numbers reversed. Proportional indicators score
min(achievement / target, 1) against the best set target.

Indicator score = weight × percent / 100; a report's total is their sum. Not
applicable indicators are left out of the score and, by default, out of the
weight it is shown against.

The two [assumed] rules of DOMAIN.md §3 (linear interpolation between levels,
and not-applicable weight left out) are the plan's own settings, kept in the
plan as the extension "x-scoring" so they travel with the exchange file and are
sealed with a signed report: see ScoringOptions.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Sequence

from egov_desktop.core.model import (
    SCORING_SETTINGS,
    DateWindow,
    Entry,
    Indicator,
    Level,
    Plan,
    Report,
    Value,
    due_date,
    is_number,
)
from egov_desktop.core.periods import QUARTERS, FiscalYear, period_range

# Float noise (8 × 84 / 100 = 6.720000000000001) is cut off at this many decimals.
_DECIMALS = 9

SCORING_KEY = "x-scoring"
INTERPOLATIONS = SCORING_SETTINGS["interpolation"]
NOT_APPLICABLE_WEIGHTS = SCORING_SETTINGS["not_applicable_weight"]
QUARTERLY_BASES = SCORING_SETTINGS["quarterly_basis"]
PERCENT_TOTALS = SCORING_SETTINGS["percent_total"]

# How many quarters of the year a period covers.
_QUARTERS_IN = {"Q1": 1, "Q2": 2, "Q3": 3, "Q4": 4, "H1": 2, "annual": 4}


@dataclass(frozen=True)
class ScoringOptions:
    """How a plan is scored where DOMAIN.md and PLANS.md only assume. `interpolation`: "linear" between
    two set levels, or "step" (the lower level's percent). `not_applicable_weight`: "exclude" a
    not-applicable indicator's weight from the total it is shown against, or "include" it.
    `quarterly_basis`: a report before the year's end is scored against the "annual" target, or against
    the quarter targets "due" so far. `percent_total`: a percent's year-to-date rate from each quarter's
    own figures is their "mean", or the "pooled" rate (Σ numerators / Σ denominators)."""

    interpolation: str = "linear"
    not_applicable_weight: str = "exclude"
    quarterly_basis: str = "annual"
    percent_total: str = "mean"

    @classmethod
    def of(cls, plan: Plan) -> "ScoringOptions":
        """The plan's settings: format 1.1's plan.scoring over the 1.0 extension x-scoring; a missing or
        unknown value means the default (rules.py reports it)."""
        raw: dict = {}
        extension = plan.extras.get(SCORING_KEY)
        if isinstance(extension, dict):
            raw.update(extension)
        if isinstance(plan.scoring, dict):
            raw.update(plan.scoring)
        return cls(**{name: raw[name] if raw.get(name) in allowed else allowed[0]
                      for name, allowed in SCORING_SETTINGS.items()})

    def as_extension(self) -> dict:
        """The two 1.0 settings, as the extension x-scoring carries them."""
        return {"interpolation": self.interpolation, "not_applicable_weight": self.not_applicable_weight}

    def as_settings(self) -> dict:
        """All settings, as format 1.1's plan.scoring carries them."""
        return {name: getattr(self, name) for name in SCORING_SETTINGS}


def _key(value: Value, unit: str) -> float | None:
    """A value as a number where bigger is better; None when it has the wrong type for the unit."""
    if unit == "date":
        # Earlier is better: the day number reversed. A window is due by its end.
        day = due_date(value)
        return -day.toordinal() if day is not None else None
    return float(value) if is_number(value) else None


def _set_levels(indicator: Indicator, levels: Sequence[Level]) -> list[tuple[int, float, float]]:
    """(level index, target key, level percent) of the levels that have a target, best first."""
    out = []
    for index, (level, target) in enumerate(zip(levels, indicator.targets)):
        key = _key(target, indicator.value_unit) if target is not None else None
        if key is not None:
            out.append((index, key, float(level.percent)))
    return out


def _levels_result(indicator: Indicator, levels: Sequence[Level], value: Value,
                   interpolation: str = "linear") -> tuple[float, int | None]:
    """(percent, index of the best level reached or None)."""
    v = _key(value, indicator.value_unit) if value is not None else None
    points = _set_levels(indicator, levels)
    if v is None or not points:
        return 0.0, None
    best_index, best_target, best_percent = points[0]
    if v >= best_target:
        return best_percent, best_index
    for (_, upper, upper_pct), (index, lower, lower_pct) in zip(points, points[1:]):
        if lower <= v < upper:
            if interpolation == "step":
                return lower_pct, index
            return lower_pct + (v - lower) / (upper - lower) * (upper_pct - lower_pct), index
    return 0.0, None


def _proportional_result(indicator: Indicator, levels: Sequence[Level], value: Value) -> tuple[float, int | None]:
    v = _key(value, indicator.value_unit) if value is not None else None
    points = _set_levels(indicator, levels)
    if v is None or not points:
        return 0.0, None
    _, target, _ = points[0]
    if target <= 0:
        return 100.0, None
    return max(0.0, min(v / target, 1.0)) * 100.0, None


def _result(indicator: Indicator, levels: Sequence[Level], value: Value,
            options: ScoringOptions = ScoringOptions()) -> tuple[float, int | None]:
    # A proportional date makes no sense (rules.py reports it); such an indicator is scored by levels.
    if indicator.effective_scoring == "proportional" and indicator.value_unit != "date":
        percent, index = _proportional_result(indicator, levels, value)
    else:
        percent, index = _levels_result(indicator, levels, value, options.interpolation)
    return round(max(0.0, min(percent, 100.0)), _DECIMALS), index


def indicator_percent(indicator: Indicator, levels: Sequence[Level], value: Value,
                      options: ScoringOptions = ScoringOptions()) -> float:
    """The percent (0..100) an achievement earns. No achievement (None) earns 0."""
    return _result(indicator, levels, value, options)[0]


def due_targets(indicator: Indicator, period: str) -> list[Value]:
    """The level targets a report of `period` is scored against when the plan's quarterly_basis is "due":
    the quarter targets up to the period's end (a count's added up, a percent's averaged, a date's
    latest), the other levels scaled alike. The annual targets at the year's end, or without quarter
    targets."""
    quarters = indicator.quarter_targets
    n = _QUARTERS_IN.get(period, len(QUARTERS))
    given = [q for q in (quarters or [])[:n] if q is not None]
    if n >= len(QUARTERS) or not given:
        return list(indicator.targets)
    blank = [None] * (len(indicator.targets) - 1)
    unit = indicator.value_unit
    if unit == "date":
        return [given[-1], *blank]
    due = sum(given) / len(given) if unit == "percent" else sum(given)
    best = next((t for t in indicator.targets if is_number(t)), None)
    if best is not None and best > 0:
        return [t * due / best if is_number(t) else t for t in indicator.targets]
    return [due, *blank]


def due_cutoff(plan: Plan, period: str) -> dt.date | None:
    """The last day of `period` in the plan's fiscal year: a date target due after it was not due yet (the
    "due" basis). None for a fiscal year that cannot be read (the rules report it): every date then counts."""
    try:
        return period_range(FiscalYear.parse(plan.fiscal_year), period)[1]
    except ValueError:
        return None


def _dated_result(indicator: Indicator, levels: Sequence[Level], entry: Entry | None,
                  options: ScoringOptions, cutoff: dt.date | None) -> float:
    """An indicator with several dated targets: each date met on or before its day (a window's end)
    earns an equal share, all or nothing; a count_and_date's count is one more share, scored as a count.
    With a `cutoff` (targets due so far) a date due after it that is not met yet is left out; with
    nothing due yet, the indicator is on track: 100."""
    parts = []
    if indicator.unit == "count_and_date":
        parts.append(_result(indicator, levels, entry.value if entry else None, options)[0])
    done_dates = list(entry.dates or []) if entry else []
    for i, target in enumerate(indicator.target_dates or []):
        due = due_date(target)
        done = done_dates[i] if i < len(done_dates) else None
        if cutoff is not None and due is not None and due > cutoff and done is None:
            continue
        parts.append(100.0 if done is not None and due is not None and done <= due else 0.0)
    return round(sum(parts) / len(parts), _DECIMALS) if parts else 100.0


def year_to_date_percent(entries: Sequence[Entry], method: str) -> float | None:
    """A percent's rate over the quarters from each quarter's own figures: the "mean" of the quarters'
    rates (period_value), or the "pooled" rate Σ numerator / Σ denominator. None without figures."""
    if method == "pooled":
        pairs = [(e.numerator, e.denominator) for e in entries
                 if is_number(e.numerator) and is_number(e.denominator)]
        taken = sum(d for _, d in pairs)
        return round(sum(n for n, _ in pairs) / taken * 100.0, _DECIMALS) if taken > 0 else None
    rates = [e.period_value for e in entries if is_number(e.period_value)]
    return round(sum(rates) / len(rates), _DECIMALS) if rates else None


def scorable(indicator: Indicator, levels: Sequence[Level]) -> bool:
    """Whether the indicator has any target to score against (a damaged or blank target has none)."""
    return bool(indicator.target_dates) or bool(_set_levels(indicator, levels))


@dataclass
class IndicatorScore:
    code: str
    weight: float
    value: Value
    percent: float
    score: float
    not_applicable: bool
    # The best level whose target the value reached (index into plan.levels); None below all, or not applicable.
    level_index: int | None = None
    # False when the indicator has no target at all (a damaged cell): left out of the score and its total.
    scorable: bool = True


@dataclass
class AreaScore:
    code: str
    total: float
    out_of: float

    @property
    def percent(self) -> float:
        return _percent(self.total, self.out_of)


@dataclass
class ReportScore:
    period: str
    indicators: list[IndicatorScore] = field(default_factory=list)
    areas: dict[str, AreaScore] = field(default_factory=dict)
    total: float = 0.0
    out_of: float = 0.0

    @property
    def percent(self) -> float:
        return _percent(self.total, self.out_of)

    def indicator(self, code: str) -> IndicatorScore | None:
        return next((s for s in self.indicators if s.code == code), None)


def _percent(total: float, out_of: float) -> float:
    return round(total / out_of * 100.0, _DECIMALS) if out_of else 0.0


def _quarter_entries(plan: Plan, report: Report, reports: Sequence[Report]) -> dict[tuple[str, int | None], list[Entry]]:
    """Each indicator's entries in the quarter reports the report's period covers (its own included), by its
    place (Plan.places: a twin's entries are its own)."""
    covered = QUARTERS[:_QUARTERS_IN.get(report.period, len(QUARTERS))]
    by_period = {r.period: r for r in reports if r.period in covered}
    if report.period in covered:
        by_period[report.period] = report
    out: dict[str, list[Entry]] = {}
    for period in covered:
        if period in by_period:
            for e in by_period[period].entries:
                out.setdefault(e.place, []).append(e)
    return out


def score_report(plan: Plan, report: Report, reports: Sequence[Report] = ()) -> ReportScore:
    """Score every indicator of the plan on the report's year-to-date values, by the plan's
    ScoringOptions.

    An indicator without an entry scores 0. A not-applicable indicator scores
    nothing; by default its weight is also taken out of `out_of`, so the result
    is shown out of the remaining weight. An indicator with no target at all is not
    scorable: it is left out of both. `out_of` is the sum of the other indicator
    weights, which can differ from the plan's declared total (rules.py warns about that).

    `reports` are the plan's other reports: a percent's year-to-date rate is formed from the
    quarters' own figures when they are given (ScoringOptions.percent_total), else the entry's value
    is taken as it is.
    """
    options = ScoringOptions.of(plan)
    exclude_na_weight = options.not_applicable_weight == "exclude"
    due_basis = options.quarterly_basis == "due" and report.period != "annual"
    cutoff = due_cutoff(plan, report.period) if due_basis else None
    result = ReportScore(period=report.period)
    total = out_of = 0.0
    # Matched once: report.entry() scans the entries, which made scoring quadratic in the plan size.
    entries = iter(report.entries_of(plan))
    places = iter(plan.places())
    quarter_entries = _quarter_entries(plan, report, reports)
    for area in plan.areas:
        area_total = area_out_of = 0.0
        for activity in area.activities:
            for ind in activity.indicators:
                entry = next(entries)  # its own, also of two indicators with one code (Report.entries_of)
                place = next(places)
                value = entry.value if entry else None
                na = bool(entry and entry.not_applicable)
                reported = ind.reported(entry)  # GRS with no complaint: its alternative indicator
                if reported is ind and ind.unit == "percent" and place in quarter_entries:
                    derived = year_to_date_percent(quarter_entries[place], options.percent_total)
                    value = derived if derived is not None else value
                target_ind = replace(reported, targets=due_targets(reported, report.period)) if due_basis else reported
                can_score = scorable(reported, plan.levels)
                index = None
                if na or not can_score:
                    percent = score = 0.0
                else:
                    if ind.target_dates:
                        percent = _dated_result(target_ind, plan.levels, entry, options, cutoff)
                    else:
                        percent, index = _result(target_ind, plan.levels, value, options)
                    score = round(ind.weight * percent / 100.0, _DECIMALS)
                result.indicators.append(
                    IndicatorScore(ind.code, ind.weight, value, percent, score, na, index, can_score))
                area_total += score
                if can_score and not (na and exclude_na_weight):
                    area_out_of += ind.weight
        area_total, area_out_of = round(area_total, _DECIMALS), round(area_out_of, _DECIMALS)
        result.areas[area.code] = AreaScore(area.code, area_total, area_out_of)
        total += area_total
        out_of += area_out_of
    result.total, result.out_of = round(total, _DECIMALS), round(out_of, _DECIMALS)
    return result


def aggregate(quarter_values: Sequence[Value], method: str) -> Value:
    """The year-to-date value from each quarter's own figure (None: nothing that quarter).

    sum (সমষ্টি) adds them, average (গড়) averages the quarters that have a figure,
    cumulative (ক্রমপুঞ্জিভূত) takes the latest figure, date (তারিখ) the completion
    date: the earliest date given. None when no quarter has a figure.
    """
    given = [v for v in quarter_values if v is not None]
    if not given:
        return None
    if method == "sum":
        return sum(given)
    if method == "average":
        return sum(given) / len(given)
    if method == "cumulative":
        return given[-1]
    if method == "date":
        return min(given)
    raise ValueError(f"unknown aggregation method {method!r}")
