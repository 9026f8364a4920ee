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
from dataclasses import dataclass, field
from typing import Sequence

from egov_desktop.core.model import Indicator, Level, Plan, Report, Value, is_number

# Float noise (8 × 84 / 100 = 6.720000000000001) is cut off at this many decimals.
_DECIMALS = 9

SCORING_KEY = "x-scoring"
INTERPOLATIONS = ("linear", "step")
NOT_APPLICABLE_WEIGHTS = ("exclude", "include")


@dataclass(frozen=True)
class ScoringOptions:
    """How a plan is scored where DOMAIN.md only assumes. `interpolation`: "linear" between two set
    levels, or "step" (the lower level's percent). `not_applicable_weight`: "exclude" a not-applicable
    indicator's weight from the total it is shown against, or "include" it."""

    interpolation: str = "linear"
    not_applicable_weight: str = "exclude"

    @classmethod
    def of(cls, plan: Plan) -> "ScoringOptions":
        """The plan's settings; a missing or unknown value means the default (rules.py reports it)."""
        raw = plan.extras.get(SCORING_KEY)
        raw = raw if isinstance(raw, dict) else {}
        interpolation = raw.get("interpolation")
        na = raw.get("not_applicable_weight")
        return cls(
            interpolation if interpolation in INTERPOLATIONS else cls.interpolation,
            na if na in NOT_APPLICABLE_WEIGHTS else cls.not_applicable_weight,
        )

    def as_extension(self) -> dict:
        return {"interpolation": self.interpolation, "not_applicable_weight": self.not_applicable_weight}


def _key(value: Value, unit: str) -> float | None:
    """A value as a number where bigger is better; None when it has the wrong type for the unit."""
    if unit == "date":
        # Earlier is better: the day number reversed.
        return -value.toordinal() if isinstance(value, dt.date) else None
    return float(value) if is_number(value) else None


def _set_levels(indicator: Indicator, levels: Sequence[Level]) -> list[tuple[int, float, float]]:
    """(level index, target key, level percent) of the levels that have a target, best first."""
    out = []
    for index, (level, target) in enumerate(zip(levels, indicator.targets)):
        key = _key(target, indicator.unit) if target is not None else None
        if key is not None:
            out.append((index, key, float(level.percent)))
    return out


def _levels_result(indicator: Indicator, levels: Sequence[Level], value: Value,
                   interpolation: str = "linear") -> tuple[float, int | None]:
    """(percent, index of the best level reached or None)."""
    v = _key(value, indicator.unit) if value is not None else None
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
    v = _key(value, indicator.unit) if value is not None else None
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
    if indicator.effective_scoring == "proportional" and indicator.unit != "date":
        percent, index = _proportional_result(indicator, levels, value)
    else:
        percent, index = _levels_result(indicator, levels, value, options.interpolation)
    return round(max(0.0, min(percent, 100.0)), _DECIMALS), index


def indicator_percent(indicator: Indicator, levels: Sequence[Level], value: Value,
                      options: ScoringOptions = ScoringOptions()) -> float:
    """The percent (0..100) an achievement earns. No achievement (None) earns 0."""
    return _result(indicator, levels, value, options)[0]


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


def score_report(plan: Plan, report: Report) -> ReportScore:
    """Score every indicator of the plan on the report's year-to-date values, by the plan's
    ScoringOptions.

    An indicator without an entry scores 0. A not-applicable indicator scores
    nothing; by default its weight is also taken out of `out_of`, so the result
    is shown out of the remaining weight. `out_of` is the sum of the indicator
    weights, which can differ from the plan's declared total (rules.py warns about that).
    """
    options = ScoringOptions.of(plan)
    exclude_na_weight = options.not_applicable_weight == "exclude"
    result = ReportScore(period=report.period)
    total = out_of = 0.0
    # One lookup table: report.entry() scans the entries, which made scoring quadratic in the plan size.
    entries = {e.indicator: e for e in reversed(report.entries)}  # the first entry wins, as in entry()
    for area in plan.areas:
        area_total = area_out_of = 0.0
        for activity in area.activities:
            for ind in activity.indicators:
                entry = entries.get(ind.code)
                value = entry.value if entry else None
                na = bool(entry and entry.not_applicable)
                if na:
                    percent, index, score = 0.0, None, 0.0
                else:
                    percent, index = _result(ind, plan.levels, value, options)
                    score = round(ind.weight * percent / 100.0, _DECIMALS)
                result.indicators.append(IndicatorScore(ind.code, ind.weight, value, percent, score, na, index))
                area_total += score
                if not (na and exclude_na_weight):
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
