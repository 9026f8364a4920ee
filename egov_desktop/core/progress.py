"""Where a report starts from: the earlier reports of its year, the figure a quarter adds to, and its own part.

Achievements are year-to-date, so the latest earlier report shows what a new one starts from, and where the
quarters add up (roll-up "sum") a quarter's own figure is its year-to-date minus the previous quarter's. The
progress grid shows both and takes "+২" as "the previous quarter's figure plus ২"; this is the rule it follows.
"""
from __future__ import annotations

from typing import Any

from egov_desktop.core.model import Entry, Indicator, PlanDocument, Report, is_number
from egov_desktop.core.periods import QUARTERS
from egov_desktop.core.scoring import ScoringOptions, aggregate, year_to_date_percent

# The reports an achievement so far can be read from, nearest first.
EARLIER = {"Q2": ("Q1",), "H1": ("Q1",), "Q3": ("Q2", "H1", "Q1"), "Q4": ("Q3", "Q2", "H1", "Q1"),
           "annual": ("Q4", "Q3", "Q2", "H1", "Q1")}
# The report ending where a quarter starts (H1 ends with Q2): this quarter's own figure is the difference.
QUARTER_BEFORE = {"Q2": ("Q1",), "Q3": ("Q2", "H1"), "Q4": ("Q3",)}


class ReportChain:
    """A report's place in its year, read from the document once: the latest earlier report (`previous`) and
    the report ending where its quarter starts (`before`), with their figures by indicator. Indicators are
    those of the document's plan; their entries are found by place (Plan.places), so each of two indicators
    with one code has its own."""

    def __init__(self, doc: PlanDocument, period: str):
        self.period = period
        self.earlier: list[Report] = [r for p in EARLIER.get(period, ()) if (r := doc.report(p)) is not None]
        self.previous: Report | None = self.earlier[0] if self.earlier else None
        self.before: Report | None = next((r for p in QUARTER_BEFORE.get(period, ())
                                           if (r := doc.report(p)) is not None), None)
        # Of each of the plan's indicators (by identity: an Indicator is not hashable, and twins are equal
        # but for their place).
        self._places = {id(i): place for i, place in zip(doc.plan.indicators(), doc.plan.places())}
        # By place: the grid reads them cell by cell while painting.
        self._previous = {e.place: e.value for e in self.previous.entries} if self.previous else {}
        self._before = {e.place: e.value for e in self.before.entries} if self.before else {}
        # The quarters before this one, in order, for the year-to-date their own figures make.
        self._quarters = [r for q in QUARTERS[:QUARTERS.index(period)] if (r := doc.report(q)) is not None] \
            if period in QUARTERS else []
        self._percent_total = ScoringOptions.of(doc.plan).percent_total

    def previous_value(self, ind: Indicator) -> Any:
        """The indicator's year-to-date in the latest earlier report (None: none, or nothing entered)."""
        return self._previous.get(self._places[id(ind)])

    def base(self, ind: Indicator) -> tuple[Any, str] | None:
        """(the year-to-date at the end of the previous quarter, that period) for an indicator whose quarters add
        up; None otherwise, or from Q1 / H1 / the annual report, or with no earlier report. Nothing entered there
        means nothing achieved: 0."""
        if self.before is None or ind.unit not in ("count", "percent") or ind.effective_aggregation != "sum":
            return None
        value = self._before.get(self._places[id(ind)])
        return (value if is_number(value) else 0), self.before.period

    def own(self, ind: Indicator, entry: Entry | None) -> Any:
        """This quarter's own figure: its year-to-date minus the previous quarter's (sum indicators only)."""
        base = self.base(ind)
        value = entry.value if entry is not None and not entry.not_applicable else None
        if base is None or not is_number(value):
            return None
        own = value - base[0]
        return round(own, 9) if isinstance(own, float) else own

    def own_fields(self, ind: Indicator, entry: Entry) -> dict[str, Any]:
        """What typing a quarter's own figure (`entry.period_value`) or a percent's counts (`entry.numerator`,
        `entry.denominator`) saves besides: a percent's rate of the quarter from its counts, and the year-to-date
        the quarters' own figures make (PLANS.md §2.4): a sum's own figure added to the previous quarter's
        year-to-date, an average's averaged with the earlier quarters', a cumulative figure as it is, a percent's
        rates by the plan's percent_total (scoring.year_to_date_percent, as the score takes it). Only fields that
        can be worked out: nothing for a date, nor from a count pair without a denominator or above it."""
        if ind.unit == "date" or self.period not in QUARTERS:
            return {}
        out: dict[str, Any] = {}
        own = entry.period_value
        if ind.unit == "percent" and is_number(entry.numerator) and is_number(entry.denominator):
            if 0 < entry.denominator and entry.numerator <= entry.denominator:
                own = out["period_value"] = round(entry.numerator / entry.denominator * 100.0, 9)
        if not is_number(own):
            return out
        place = self._places[id(ind)]
        earlier = [e for r in self._quarters if (e := r.entry(*place)) is not None]
        mine = Entry(ind.code, period_value=own, numerator=entry.numerator, denominator=entry.denominator)
        if ind.unit == "percent":
            value = year_to_date_percent([*earlier, mine], self._percent_total)
        elif ind.effective_aggregation == "sum":
            before = self._before.get(place)
            value = (before if is_number(before) else 0) + own
        else:
            value = aggregate([*(e.period_value for e in earlier), own], ind.effective_aggregation)
        if is_number(value):
            out["value"] = round(value, 9) if isinstance(value, float) else value
        return out

    def fill(self, indicators: list[Indicator], report: Report) -> list[tuple[tuple[str, int | None], str, Any]]:
        """(place, field, value) that start `report` from the earlier ones, the place the indicator's (Plan.places):
        each empty achievement gets the latest earlier report's figure for its indicator, with its narrative and
        evidence where those are empty too. Figures are year-to-date, so for every aggregation (sum, cumulative,
        average, date of completion) that figure is where this period starts from. Nothing already entered is
        overwritten."""
        earlier = [{e.place: e for e in r.entries} for r in self.earlier]
        entries = {e.place: e for e in report.entries}
        edits = []
        for ind in indicators:
            place = self._places[id(ind)]
            entry = entries.get(place)
            if entry is not None and (entry.value is not None or entry.not_applicable):
                continue
            source = next((e for r in earlier if (e := r.get(place)) is not None and e.value is not None
                           and not e.not_applicable), None)
            if source is None:
                continue
            edits.append((place, "value", source.value))
            for field in ("narrative", "evidence"):
                if getattr(source, field) and not (entry is not None and getattr(entry, field)):
                    edits.append((place, field, getattr(source, field)))
        return edits
