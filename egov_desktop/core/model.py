"""The plan document: plain dataclasses mirroring the exchange format v1.

Everything else (rules, scoring, the store, the Word export, the GUI) speaks
in these types. Values are machine-shaped: `datetime.date` for date units and
ISO dates, `float | int` for numbers, ASCII codes ("1.1.1").
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, is_dataclass
from typing import Any, Iterable, Union

from egov_desktop.core.i18n import N_

TIERS = ("ministry", "department", "field")
PLAN_KINDS = ("egov_innovation", "nis", "grs", "citizen_charter", "rti", "other")
# The names people read for the codes above (translated where shown).
PLAN_KIND_NAMES = {
    "egov_innovation": N_("e-Governance and Innovation Action Plan"),
    "nis": N_("National Integrity Strategy Action Plan"),
    "grs": N_("Grievance Redress System Action Plan"),
    "citizen_charter": N_("Citizen's Charter Action Plan"),
    "rti": N_("Right to Information Action Plan"),
    "other": N_("Other action plan"),
}
TIER_NAMES = {
    "ministry": N_("Ministry or division"),
    "department": N_("Department or agency"),
    "field": N_("Field office"),
}
# "count_and_date" is NIS's mixed unit "সংখ্যা ও তারিখ": a count target plus completion dates (format 1.1).
UNITS = ("date", "count", "percent", "count_and_date")
UNIT_NAMES = {
    "date": N_("date"),
    "count": N_("count"),
    "percent": N_("percent"),
    "count_and_date": N_("count and date"),
}
SCORINGS = ("levels", "proportional")
AGGREGATIONS = ("sum", "average", "cumulative", "date")
PERIODS = ("Q1", "Q2", "Q3", "Q4", "H1", "annual")
STATUSES = ("draft", "signed_off", "submitted")
STATUS_NAMES = {"draft": N_("Draft"), "signed_off": N_("Signed off"), "submitted": N_("Submitted")}
# The plan's scoring settings (format 1.1 plan.scoring; scoring.ScoringOptions): the choices PLANS.md and
# DOMAIN.md only assume, each with its default first.
SCORING_SETTINGS = {
    "interpolation": ("linear", "step"),
    "not_applicable_weight": ("exclude", "include"),
    "quarterly_basis": ("annual", "due"),
    "percent_total": ("mean", "pooled"),
}
# Quarter targets (format 1.1) are Q1..Q4 of the annual target.
QUARTER_COUNT = 4
# RTI's plan carries the actual achievement (প্রকৃত অর্জন) of the two fiscal years before the plan's.
PREVIOUS_YEARS = 2

# The office header's optional lines (besides name and tier), in the exchange format's order.
OFFICE_TEXT_FIELDS = ("government", "parent", "unit", "address", "website", "email", "phone")
# A signatory's fields: of Signatory, and of each signatory in the office profile.
SIGNATORY_FIELDS = ("name", "designation", "phone", "email")
# A memo's body starts with its office's standard paragraphs (the office profile); these until the office
# writes its own.
STANDARD_PARAGRAPHS = (
    N_("The report on the above subject has been prepared and is attached herewith."),
    N_("The report is sent, as directed, for your kind information and necessary action."),
)



@dataclass(frozen=True)
class DateWindow:
    """A date target given as a window, "০১-১২-২০২৩ থেকে ৩১-১২-২০২৩" (PLANS.md §5.2): done within it.
    Scored by its end (on or before the end is in time); done before the start is flagged by the rules."""

    start: dt.date
    end: dt.date


# A target or an achievement: a date (or, for a target, a date window) for date units, a number otherwise.
Value = Union[dt.date, DateWindow, int, float, None]


def due_date(value: Value) -> dt.date | None:
    """The day a date target is due: the date itself, or a window's end."""
    if isinstance(value, DateWindow):
        return value.end
    return value if isinstance(value, dt.date) else None


def is_number(value: Any) -> bool:
    """A finite int or float, not a bool. (math.isfinite fails on an int too large for a float.)"""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or isinstance(value, float) and math.isfinite(value)


@dataclass
class Office:
    name: str
    tier: str
    government: str | None = None
    parent: str | None = None
    unit: str | None = None
    address: str | None = None
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Level:
    id: str
    label: str
    percent: float
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Alternative:
    """The indicator an office reports instead of another when a condition holds (format 1.1). GRS: "যদি কোনো
    দপ্তর / সংস্থায় জিআরএস সিস্টেমে কোনো অভিযোগ পাওয়া না যায়" the complaints-disposed indicator gives way to
    "[১.১.১.১] স্টেকহোল্ডারের সমন্বয়ে সভা" (PLANS.md §3.4, G3). It takes the indicator's weight and scoring;
    its targets are per level, as the indicator's."""

    code: str
    title: str
    unit: str
    targets: list[Value]
    # When it applies, in the plan's words.
    condition: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Indicator:
    code: str
    title: str
    unit: str
    weight: float
    targets: list[Value]
    # None means "not given in the file": the default applies (see effective_*).
    scoring: str | None = None
    aggregation: str | None = None
    evidence: str | None = None
    responsible: str | None = None
    # Format 1.1. Q1..Q4 shares of the best level's (annual) target, or None (NIS, PLANS.md §2.2).
    quarter_targets: list[Value] | None = None
    # Several dated targets of one indicator (NIS 1.6: one date per quarterly report), each a date or a
    # window, scored all-or-nothing per date with the weight split equally; with the unit count_and_date
    # they follow the count target (NIS 1.5).
    target_dates: list[Value] | None = None
    # The actual achievement of the two fiscal years before the plan's, oldest first (RTI, PLANS.md §5.1).
    previous_actuals: list[Value] | None = None
    # Format 1.1: the indicator reported instead when its condition holds (GRS with no complaint received).
    alternative: Alternative | None = None
    # The store's row id; not part of the exchange format, ignored by equality.
    key: int | None = field(default=None, compare=False, repr=False)
    extras: dict[str, Any] = field(default_factory=dict)

    def reported(self, entry: "Entry | None") -> "Indicator":
        """The indicator as `entry` reports it: its alternative (with this code, weight and scoring, the
        alternative's unit and targets) when the entry says the condition held, else itself."""
        alt = self.alternative
        if alt is None or entry is None or not entry.alternative:
            return self
        return Indicator(self.code, alt.title, alt.unit, self.weight, list(alt.targets), self.scoring,
                         evidence=self.evidence, responsible=self.responsible, key=self.key)

    @property
    def value_unit(self) -> str:
        """The unit of the targets and of the entry's value: a count_and_date's count is a count."""
        return "count" if self.unit == "count_and_date" else self.unit

    @property
    def effective_scoring(self) -> str:
        return self.scoring or "levels"

    @property
    def effective_aggregation(self) -> str:
        if self.aggregation:
            return self.aggregation
        return "date" if self.unit == "date" else "cumulative"

    @property
    def is_multi_date(self) -> bool:
        return bool(self.target_dates)


@dataclass
class Activity:
    code: str
    title: str
    indicators: list[Indicator] = field(default_factory=list)
    # The store's row id; not part of the exchange format, ignored by equality.
    key: int | None = field(default=None, compare=False, repr=False)
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Area:
    code: str
    title: str | None
    weight: float | None
    activities: list[Activity] = field(default_factory=list)
    # The store's row id; not part of the exchange format, ignored by equality.
    key: int | None = field(default=None, compare=False, repr=False)
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Plan:
    kind: str
    title: str
    fiscal_year: str
    total_weight: float
    levels: list[Level]
    areas: list[Area] = field(default_factory=list)
    # Format 1.1: the [assumed] scoring choices as named settings (scoring.ScoringOptions), as read;
    # None when the file has none (then the 1.0 extension "x-scoring", or the defaults, apply).
    scoring: dict[str, str] | None = None
    # The store's row id; not part of the exchange format, ignored by equality.
    key: int | None = field(default=None, compare=False, repr=False)
    extras: dict[str, Any] = field(default_factory=dict)

    def indicators(self) -> list[Indicator]:
        return [i for a in self.areas for act in a.activities for i in act.indicators]

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators() if i.code == code), None)

    def places(self) -> list[tuple[str, int | None]]:
        """Each indicator's place as an entry names it, in plan order (see `places`)."""
        return places(i.code for i in self.indicators())

    @property
    def is_flat(self) -> bool:
        """Flat plans (seed 001) have no area titles or weights: each activity stands alone."""
        return all(a.title is None and a.weight is None for a in self.areas)


def places(codes: Iterable[str]) -> list[tuple[str, int | None]]:
    """The place of each of a plan's indicators, given their codes in plan order, as an entry names it: (code,
    occurrence), the occurrence None for the first indicator of its code, 2, 3, ... for the later ones of two or
    more indicators with one code (an error the rules report, yet real plans have such twins, each with its own
    progress)."""
    seen: dict[str, int] = {}
    out = []
    for code in codes:
        n = seen[code] = seen.get(code, 0) + 1
        out.append((code, n if n > 1 else None))
    return out


@dataclass
class Entry:
    indicator: str
    value: Value = None
    not_applicable: bool = False
    narrative: str | None = None
    evidence: str | None = None
    remarks: str | None = None
    # Format 1.1. The day each of the indicator's target_dates was met (None: not yet), same order.
    dates: list[dt.date | None] | None = None
    # This period's own figure (e.g. Q2 alone), beside the year-to-date `value`.
    period_value: int | float | None = None
    # For a percent: the period's own counts behind the rate (e.g. 9 decisions carried out of 10 taken),
    # so the year's rate can be the pooled one (scoring.ScoringOptions.percent_total).
    numerator: int | float | None = None
    denominator: int | float | None = None
    # Format 1.1: the indicator's condition for its alternative held this period (a GRS office received no
    # complaint), so `value` is the alternative's achievement.
    alternative: bool = False
    # Format 1.1: which of two or more indicators with one code the entry is of, counted in plan order
    # (Plan.places): 2 for the second; None for the first (or only) one.
    occurrence: int | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    # The store's row id of the entry's indicator (None in a document read from a file, which names the code
    # only): of two indicators with one code, it says whose entry this is. Not exchanged, ignored by equality.
    indicator_key: int | None = field(default=None, compare=False, repr=False)

    @property
    def place(self) -> tuple[str, int | None]:
        """The indicator it is of, as Plan.places names it."""
        return self.indicator, self.occurrence


@dataclass
class Signatory:
    name: str | None = None
    designation: str | None = None
    phone: str | None = None
    email: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Memo:
    number: str | None = None
    date: dt.date | None = None
    subject: str | None = None
    reference: str | None = None
    body: list[str] = field(default_factory=list)
    attachment: str | None = None
    signatory: Signatory = field(default_factory=Signatory)
    recipient: list[str] = field(default_factory=list)
    attention: str | None = None
    copies: list[str] = field(default_factory=list)
    copies_purpose: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Signoff:
    name: str
    designation: str
    signed_at: dt.datetime
    digest: str
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    period: str
    status: str = "draft"
    entries: list[Entry] = field(default_factory=list)
    memo: Memo | None = None
    signoff: Signoff | None = None
    revision: int | None = None
    # The store's row id; not part of the exchange format, ignored by equality.
    key: int | None = field(default=None, compare=False, repr=False)
    extras: dict[str, Any] = field(default_factory=dict)

    def entry(self, code: str, occurrence: int | None = None) -> Entry | None:
        return next((e for e in self.entries if e.place == (code, occurrence)), None)

    def entries_of(self, plan: Plan) -> list[Entry | None]:
        """Each of the plan's indicators' entry (None: nothing entered), in plan order. Of two indicators with
        one code (an error the rules report), each has its own: by its indicator's key when the entries name
        it (read from the database), else by its place (code and occurrence, Plan.places)."""
        by_key = {e.indicator_key: e for e in self.entries if e.indicator_key is not None}
        by_place = {e.place: e for e in reversed(self.entries) if e.indicator_key is None}
        return [by_key[ind.key] if ind.key in by_key else by_place.pop(place, None)
                for ind, place in zip(plan.indicators(), plan.places())]


@dataclass
class PlanDocument:
    office: Office
    plan: Plan
    reports: list[Report] = field(default_factory=list)
    notes: str | None = None
    version: int = 1
    extras: dict[str, Any] = field(default_factory=dict)
    # What the reader changed or doubts (exchange.ReadWarning), e.g. a sign-off whose digest does not
    # match: shown by check and import; not part of the document.
    warnings: list[Any] = field(default_factory=list, compare=False, repr=False)

    def report(self, period: str) -> Report | None:
        return next((r for r in self.reports if r.period == period), None)

    def copy(self) -> PlanDocument:
        """A copy to edit in place apart from this one, as copy.deepcopy makes it in four times the time: every
        object of the document's types, list and dict in it is new; the values (texts, numbers, dates, frozen
        ones such as DateWindow, the reader's warnings) are shared, as nothing changes them."""
        return _copied(self)


def _copied(value):
    kind = type(value)
    if kind is list:
        return [_copied(v) for v in value]
    if kind is dict:
        return {k: _copied(v) for k, v in value.items()}
    if kind in _EDITABLE:
        new = object.__new__(kind)  # as copy.deepcopy makes it: the fields set, __init__ not run
        new.__dict__.update({name: _copied(v) for name, v in value.__dict__.items()})
        return new
    return value


# The types above whose objects can be changed in place (all but the frozen): what PlanDocument.copy copies.
_EDITABLE = frozenset(t for t in list(globals().values())
                      if isinstance(t, type) and is_dataclass(t) and not t.__dataclass_params__.frozen)
