"""Validation rules, DOMAIN.md §8, as data: each rule yields `Finding`s.

The same findings colour the grid cells, fill the problems panel and block
sign-off (errors only; warnings never block saving). `where` is the Address
(core/address.py) of the place to jump to: an indicator, one of its targets or
fields, an entry field, an area, an activity, a memo field, a plan or office field.
Its string form ("1.1.1/targets[2]", "Q1/1.1.1/value", "area:1", "Q1/memo.subject",
"plan.total_weight") is for display and JSON output only; `describe_where` puts it
into words. Rule ids are stable snake_case strings;
scripts and the GUI rely on them.

Whether a typed date is a real calendar date is the parser's job (values.py):
a date in the model is always real.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator

from egov_desktop.core.address import ACTIVITY, AREA, ENTRY, INDICATOR, MEMO, OFFICE, PLAN, SIGNOFF, Address, row_code
from egov_desktop.core.bijoy import looks_like_bijoy
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.i18n import Msg, N_, current_language, format_message, gettext_for
from egov_desktop.core.model import (
    SCORING_SETTINGS,
    DateWindow,
    Entry,
    Indicator,
    Memo,
    Office,
    Plan,
    PlanDocument,
    Report,
    Value,
    due_date,
    is_number,
)
from egov_desktop.core.periods import QUARTERS, FiscalYear, period_name, period_range
from egov_desktop.core.scoring import INTERPOLATIONS, NOT_APPLICABLE_WEIGHTS, SCORING_KEY
from egov_desktop.core.values import ParseError, format_date

ERROR, WARNING = "error", "warning"

# Weights are typed with at most a couple of decimals; closer than this is equal.
_EPSILON = 1e-6


@dataclass(frozen=True)
class Finding:
    # The place in the plan; a table import's findings name a cell of the file it read (`GRS!L9`) as text.
    where: Address | str
    rule: str
    severity: str  # "error" | "warning"
    msg: Msg

    def message(self, lang: str | None = None) -> str:
        return self.msg.render(lang)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]


def _error(where: Address, rule: str, msgid: str, **params) -> Finding:
    return Finding(where, rule, ERROR, Msg(msgid, params))


def _warning(where: Address, rule: str, msgid: str, **params) -> Finding:
    return Finding(where, rule, WARNING, Msg(msgid, params))


def _num(x: float) -> str:
    """A weight or a value for a message: no trailing ".0"."""
    return f"{x:g}" if isinstance(x, float) else str(x)


def _fiscal_year(plan: Plan) -> FiscalYear | None:
    try:
        return FiscalYear.parse(plan.fiscal_year)
    except ParseError:
        return None


# An indicator's place is (code, occurrence), as Plan.places names it: of two indicators with one code (twins,
# an error yet in real plans), a finding names the one it is about.
Place = tuple[str, int | None]


def _indicator(place: Place, field: str | None = None, index: int | None = None) -> Address:
    code, occurrence = place
    return Address(INDICATOR, code, field, index, occurrence=occurrence)


def _entry(period: str, place: Place, field: str | None = None, index: int | None = None) -> Address:
    code, occurrence = place
    return Address(ENTRY, code, field, index, period, occurrence=occurrence)


def _bijoy(where: Address, text: str | None) -> Iterator[Finding]:
    if text and looks_like_bijoy(text):
        msgid = N_("this looks like Bijoy (SutonnyMJ) text, not Unicode Bangla; convert it")
        yield _warning(where, "bijoy_text", msgid)


# ------------------------------------------------------------------ values


def _value_findings(ind: Indicator, value: Value, where: Address, unit: str | None = None) -> Iterator[Finding]:
    """A target or an achievement of the right type and range for the indicator's unit (or `unit`)."""
    if value is None:
        return
    unit = unit or ind.value_unit
    if unit == "date":
        if isinstance(value, DateWindow):
            if value.end < value.start:
                yield _error(where, "window_order", N_("the date window ends before it starts"))
        elif not isinstance(value, dt.date):
            yield _error(where, "value_type", N_("a date is expected here"))
        return
    if not is_number(value):
        yield _error(where, "value_type", N_("a number is expected here"))
    elif unit == "percent" and not 0 <= value <= 100:
        yield _error(where, "percent_range", N_("a percent must be between 0 and 100, not {value}"), value=_num(value))
    elif unit == "count" and (value < 0 or value != int(value)):
        msgid = N_("a count must be a whole number 0 or more, not {value}")
        yield _error(where, "count_whole", msgid, value=_num(value))


def _date_in_year(value: Value, fy: FiscalYear | None, where: Address | None) -> Iterator[Finding]:
    days = (value.start, value.end) if isinstance(value, DateWindow) else (value,)
    for day in days:
        if fy and isinstance(day, dt.date) and day not in fy:
            yield _warning(
                where,
                "date_outside_fiscal_year",
                N_("the date {date} is outside the fiscal year {fiscal_year}"),
                date=format_date(day, "en"),
                fiscal_year=fy.code,
            )
            return


def date_outside_year(value: Value, fy: FiscalYear) -> Msg | None:
    """Why a date (or window) is marked while it is typed: outside the fiscal year; None inside it."""
    finding = next(_date_in_year(value, fy, None), None)
    return finding.msg if finding else None


# ------------------------------------------------------------------ the plan


def _target_findings(plan: Plan, ind: Indicator, place: Place, fy: FiscalYear | None) -> Iterator[Finding]:
    for i, target in enumerate(ind.targets):
        where = _indicator(place, "targets", i)
        yield from _value_findings(ind, target, where)
        yield from _date_in_year(target, fy, where)
    # A window is compared by the day it is due (its end).
    typed = [
        (i, due_date(t) if ind.value_unit == "date" else t)
        for i, t in enumerate(ind.targets)
        if t is not None and not any(f.is_error for f in _value_findings(ind, t, _indicator(place)))
    ]
    if not typed and not (ind.unit == "date" and ind.target_dates):
        yield _error(_indicator(place), "no_targets", N_("indicator {code} has no target"), code=ind.code)
    # Best level first: counts and percents must not rise, dates must not get earlier. Blank levels are skipped.
    for (_, better), (i, worse) in zip(typed, typed[1:]):
        if (worse < better) if ind.value_unit == "date" else (worse > better):
            msgid = (
                N_("the target for “{level}” is earlier than the one for a better level")
                if ind.value_unit == "date"
                else N_("the target for “{level}” is higher than the one for a better level")
            )
            label = plan.levels[i].label if i < len(plan.levels) else str(i + 1)
            yield _error(_indicator(place, "targets", i), "targets_not_monotone", msgid, level=label)
    if (ind.effective_aggregation == "date") != (ind.unit == "date"):
        yield _error(
            _indicator(place, "aggregation"),
            "aggregation_unit",
            N_("a date indicator rolls up by its completion date, and only a date indicator does"),
        )
    if ind.effective_scoring == "proportional" and ind.unit == "date":
        yield _error(
            _indicator(place, "scoring"),
            "proportional_date",
            N_("a date indicator cannot be scored proportionally; use the target levels"),
        )
    yield from _shape_findings(ind, place, fy)


def _shape_findings(ind: Indicator, place: Place, fy: FiscalYear | None) -> Iterator[Finding]:
    """Format 1.1's shapes: quarter targets, several target dates, previous years' actuals (PLANS.md)."""
    for i, q in enumerate(ind.quarter_targets or ()):
        where = _indicator(place, "quarter_targets", i)
        yield from _value_findings(ind, q, where)
        day = due_date(q)
        if fy and day is not None:
            first, last = period_range(fy, QUARTERS[i])
            opens = q.start if isinstance(q, DateWindow) else day
            if opens < first or day > last:
                msgid = N_("the target of {quarter} ({date}) is not within that quarter")
                yield _warning(where, "quarter_target_outside_quarter", msgid,
                               quarter=QUARTERS[i], date=format_date(day, "en"))
    annual = next((t for t in ind.targets if t is not None), None)
    quarters = [q for q in ind.quarter_targets or () if q is not None]
    if ind.value_unit == "count" and quarters and is_number(annual) and all(is_number(q) for q in quarters):
        if abs(sum(quarters) - annual) > _EPSILON:
            msgid = N_("the quarter targets of {code} add up to {sum}, but its annual target is {target}")
            yield _warning(_indicator(place, "quarter_targets"), "quarter_targets_sum", msgid,
                           code=ind.code, sum=_num(sum(quarters)), target=_num(annual))
    if ind.target_dates and ind.unit not in ("date", "count_and_date"):
        msgid = N_("only a date or a count-and-date indicator has target dates")
        yield _error(_indicator(place, "target_dates"), "target_dates_unit", msgid)
    elif ind.unit == "count_and_date" and not ind.target_dates:
        msgid = N_("a count-and-date indicator needs its completion dates")
        yield _error(_indicator(place, "target_dates"), "target_dates_missing", msgid)
    days = []
    for i, target in enumerate(ind.target_dates or ()):
        where = _indicator(place, "target_dates", i)
        yield from _value_findings(ind, target, where, "date")
        yield from _date_in_year(target, fy, where)
        days.append(due_date(target))
    for i, (before, after) in enumerate(zip(days, days[1:]), start=1):
        if before is not None and after is not None and after <= before:
            msgid = N_("the target dates of {code} are out of order: {date} comes after a later one")
            yield _error(_indicator(place, "target_dates", i), "target_dates_order", msgid,
                         code=ind.code, date=format_date(after, "en"))
    for i, value in enumerate(ind.previous_actuals or ()):
        yield from _value_findings(ind, value, _indicator(place, "previous_actuals", i))


def _numbered_in(parent: str, code: str) -> bool:
    """Whether `code` is `parent`, a dot and a number ("2.1" in "2"): a regex per parent would be compiled for each
    activity of the plan at its first check (the start of the program)."""
    # isdecimal: the characters \d matches (Unicode's Nd), at least one.
    return code.startswith(parent + ".") and code[len(parent) + 1:].isdecimal()


def _code_findings(plan: Plan) -> Iterator[Finding]:
    """Codes unique, and each shaped like its parent's: activity 2.1 in area 2, indicator 2.1.3 in activity 2.1.
    A repeated indicator code is reported at the repeat (its second row), the one to renumber."""
    seen_activities: set[str] = set()
    places = iter(plan.places())
    for area in plan.areas:
        for act in area.activities:
            where = Address(ACTIVITY, act.code)
            if act.code in seen_activities:
                yield _error(where, "duplicate_code", N_("activity code {code} appears more than once"), code=act.code)
            seen_activities.add(act.code)
            if not _numbered_in(area.code, act.code):
                msgid = N_("activity code {code} should look like {expected}")
                yield _error(where, "code_shape", msgid, code=act.code, expected=f"{area.code}.1")
            for ind in act.indicators:
                place = next(places)
                if place[1] is not None:
                    msgid = N_("indicator code {code} appears more than once")
                    yield _error(_indicator(place), "duplicate_code", msgid, code=ind.code)
                if not _numbered_in(act.code, ind.code):
                    msgid = N_("indicator code {code} should look like {expected}")
                    yield _error(_indicator(place), "code_shape", msgid, code=ind.code, expected=f"{act.code}.1")


def _weight_findings(plan: Plan) -> Iterator[Finding]:
    for ind, place in zip(plan.indicators(), plan.places()):
        if ind.weight < 0:
            yield _error(_indicator(place, "weight"), "negative_weight", N_("a weight cannot be negative"))
    overall = 0.0
    for area in plan.areas:
        indicator_sum = sum(i.weight for act in area.activities for i in act.indicators)
        if area.weight is None:
            # Flat plans (seed 001): the area is its indicators; they count against the plan total directly.
            overall += indicator_sum
            continue
        overall += area.weight
        if abs(indicator_sum - area.weight) > _EPSILON:
            yield _warning(
                Address(AREA, area.code),
                "area_weight_sum",
                N_("the indicator weights of area {code} add up to {sum}, but the area's weight is {weight}"),
                code=area.code,
                sum=_num(indicator_sum),
                weight=_num(area.weight),
            )
    if abs(overall - plan.total_weight) > _EPSILON:
        yield _warning(
            Address(PLAN, field="total_weight"),
            "total_weight_sum",
            N_("the weights add up to {sum}, but the plan's total is {total}"),
            sum=_num(overall),
            total=_num(plan.total_weight),
        )


def _plan_text_findings(plan: Plan) -> Iterator[Finding]:
    yield from _bijoy(Address(PLAN, field="title"), plan.title)
    places = iter(plan.places())
    for area in plan.areas:
        yield from _bijoy(Address(AREA, area.code, "title"), area.title)
        for act in area.activities:
            yield from _bijoy(Address(ACTIVITY, act.code, "title"), act.title)
            for ind in act.indicators:
                place = next(places)
                for name in ("title", "evidence", "responsible"):
                    yield from _bijoy(_indicator(place, name), getattr(ind, name))


def check_plan(plan: Plan) -> list[Finding]:
    fy = _fiscal_year(plan)
    findings: list[Finding] = []
    for ind, place in zip(plan.indicators(), plan.places()):
        findings.extend(_target_findings(plan, ind, place, fy))
    findings.extend(_code_findings(plan))
    findings.extend(_weight_findings(plan))
    findings.extend(_plan_text_findings(plan))
    findings.extend(_scoring_option_findings(plan))
    return findings


def _scoring_option_findings(plan: Plan) -> Iterator[Finding]:
    """The plan's x-scoring settings (scoring.ScoringOptions) must be ones the program knows: an
    unknown one would silently score by the default."""
    if plan.scoring is not None:
        for name, value in plan.scoring.items():
            if value not in SCORING_SETTINGS.get(name, ()):
                msgid = N_("the scoring setting {name} is not understood: {value}")
                yield _error(Address(PLAN, field=f"scoring.{name}"), "scoring_options", msgid, name=name, value=str(value))
    raw = plan.extras.get(SCORING_KEY)
    if raw is None:
        return
    allowed = {"interpolation": INTERPOLATIONS, "not_applicable_weight": NOT_APPLICABLE_WEIGHTS}
    bad = not isinstance(raw, dict) or any(allowed.get(k) is None or v not in allowed[k] for k, v in raw.items())
    if bad:
        msgid = N_("the scoring settings are not understood; allowed: interpolation {interpolations}, "
                   "not_applicable_weight {weights}")
        yield _error(Address(PLAN, field=SCORING_KEY), "scoring_options", msgid,
                     interpolations="/".join(INTERPOLATIONS), weights="/".join(NOT_APPLICABLE_WEIGHTS))


# ------------------------------------------------------------------ reports


def _achieved(value: Value) -> bool:
    """Something was achieved: a completion date, or a number above 0."""
    if isinstance(value, dt.date):
        return True
    return is_number(value) and value > 0


def evidence_missing(entry: Entry | None) -> bool:
    """Something is achieved (a value or a date met) and no evidence (প্রমাণক) is named or attached."""
    if entry is None or entry.not_applicable:
        return False
    from egov_desktop.core.evidence import attached

    achieved = _achieved(entry.value) or any(entry.dates or ())
    return achieved and not (entry.evidence or "").strip() and not attached(entry)


def check_report(plan: Plan, report: Report, today: dt.date | None = None) -> list[Finding]:
    """Findings on a report's entries and memo texts. `today` enables the "period has not started" and
    "date in the future" warnings."""
    fy = _fiscal_year(plan)
    starts, ends = period_range(fy, report.period) if fy else (None, None)
    not_started = today is not None and starts is not None and today < starts
    findings: list[Finding] = []
    # One lookup table: plan.indicator() scans the plan, which made a check quadratic in its size.
    indicators = dict(zip(plan.places(), plan.indicators()))  # a twin's entry names its occurrence
    for entry in report.entries:
        ind = indicators.get(entry.place)
        period, code, place = report.period, entry.indicator, entry.place
        if ind is None:
            msgid = N_("no indicator {code} in the plan")
            findings.append(_error(_entry(period, place), "unknown_indicator", msgid, code=code))
            continue
        for name in ("narrative", "evidence", "remarks"):
            findings.extend(_bijoy(_entry(period, place, name), getattr(entry, name)))
        if entry.alternative and ind.alternative is None:
            msgid = N_("indicator {code} has no alternative to report instead")
            findings.append(_error(_entry(period, place, "alternative"), "no_alternative", msgid, code=code))
        if entry.not_applicable:
            continue
        value = _entry(period, place, "value")
        findings.extend(_value_findings(ind.reported(entry), entry.value, value))
        findings.extend(_date_in_year(entry.value, fy, value))
        if not_started and entry.value is not None:
            msgid = N_("an achievement is entered for a period that starts on {date}")
            findings.append(_warning(value, "period_not_started", msgid, date=format_date(starts, "en")))
        findings.extend(_achievement_date_findings(entry.value, ends, today, value))
        findings.extend(_entry_shape_findings(ind, entry, fy, ends, today, period))
        if evidence_missing(entry):
            msgid = N_("an achievement is entered but no evidence (প্রমাণক) is named")
            findings.append(_warning(_entry(period, place, "evidence"), "evidence_missing", msgid))
    if report.memo is not None:
        findings.extend(_memo_text_findings(report.memo, report.period))
    return findings


def _entry_shape_findings(ind: Indicator, entry: Entry, fy: FiscalYear | None, ends: dt.date | None,
                          today: dt.date | None, period: str) -> Iterator[Finding]:
    """Format 1.1's entry fields: the dates each target date was met, the period's own figures."""
    place = entry.place
    for i, day in enumerate(entry.dates or ()):
        where = _entry(period, place, "dates", i)
        target = (ind.target_dates or ())[i] if i < len(ind.target_dates or ()) else None
        due = due_date(target)
        yield from _date_in_year(day, fy, where)
        # A date due after the period (the Q1 report, due 15 October) is met in time after the period ends.
        yield from _achievement_date_findings(day, max(ends, due) if ends and due else ends, today, where)
        if isinstance(target, DateWindow) and isinstance(day, dt.date) and day < target.start:
            msgid = N_("done on {date}, before the target window opens ({start})")
            yield _warning(where, "date_before_window", msgid, date=format_date(day, "en"),
                           start=format_date(target.start, "en"))
    yield from _value_findings(ind, entry.period_value, _entry(period, place, "period_value"))
    for name in ("numerator", "denominator"):
        yield from _value_findings(ind, getattr(entry, name), _entry(period, place, name), "count")
    if is_number(entry.numerator) and is_number(entry.denominator) and entry.numerator > entry.denominator:
        msgid = N_("the numerator {numerator} is larger than the denominator {denominator}")
        yield _error(_entry(period, place, "numerator"), "numerator_above_denominator", msgid,
                     numerator=_num(entry.numerator), denominator=_num(entry.denominator))


def _achievement_date_findings(value: Value, ends: dt.date | None, today: dt.date | None,
                               where: Address) -> Iterator[Finding]:
    """A completion date cannot come after the period it reports on, nor after today: likely a typo."""
    if not isinstance(value, dt.date):
        return
    if ends is not None and value > ends:
        msgid = N_("the achievement date {date} is after the end of this period ({end})")
        yield _warning(where, "date_after_period", msgid, date=format_date(value, "en"), end=format_date(ends, "en"))
    if today is not None and value > today:
        msgid = N_("the achievement date {date} is in the future")
        yield _warning(where, "date_in_future", msgid, date=format_date(value, "en"))


def _memo_text_findings(memo: Memo, period: str) -> Iterator[Finding]:
    for name in ("number", "subject", "reference", "attachment", "attention", "copies_purpose"):
        yield from _bijoy(Address(MEMO, field=name, period=period), getattr(memo, name))
    for name in ("name", "designation"):
        yield from _bijoy(Address(MEMO, field=f"signatory.{name}", period=period), getattr(memo.signatory, name))
    for name in ("body", "recipient", "copies"):
        for i, text in enumerate(getattr(memo, name)):
            yield from _bijoy(Address(MEMO, field=name, index=i, period=period), text)


_MEMO_FIELDS = (
    ("subject", N_("the memo has no subject")),
    ("number", N_("the memo has no number (স্মারক নং)")),
    ("date", N_("the memo has no date")),
    ("signatory.name", N_("the memo has no signatory name")),
    ("signatory.designation", N_("the memo has no signatory designation")),
)


def check_memo(memo: Memo | None, period: str | None = None) -> list[Finding]:
    """What a memo needs before sign-off: subject, number, date, signatory name and designation.

    With `period` the places read "Q1/memo.subject"; without, "memo.subject".
    """
    if memo is None:
        return [_error(Address(MEMO, period=period), "memo_missing", N_("the report has no forwarding memo"))]
    findings = []
    for path, msgid in _MEMO_FIELDS:
        obj = memo
        for part in path.split("."):
            obj = getattr(obj, part)
        if obj is None or (isinstance(obj, str) and not obj.strip()):
            findings.append(_error(Address(MEMO, field=path, period=period), "memo_field_missing", msgid))
    return findings


def check_office(office: Office) -> list[Finding]:
    """The letterhead: a memo on an office with no name must not be signed (a plan from a template starts so)."""
    findings: list[Finding] = []
    if not (office.name or "").strip():
        msgid = N_("the office has no name; write it in the office profile before signing off")
        findings.append(_error(Address(OFFICE, field="name"), "office_name_missing", msgid))
    for name in ("name", "parent", "unit", "address"):
        findings.extend(_bijoy(Address(OFFICE, field=name), getattr(office, name)))
    return findings


def sign_off_blockers(doc: PlanDocument, report: Report, today: dt.date | None = None, *,
                      plan: list[Finding] | None = None, own: list[Finding] | None = None) -> list[Finding]:
    """The errors that block a report's sign-off: the office's (its letterhead), the plan's (the report is scored
    against it), the report's own and its memo's. The store refuses a sign-off with them and the window lists
    them. `plan` and `own`: the plan's and the report's findings where the caller keeps them already (the GUI's
    grids, with the text they refused); `own=[]` gives the errors from elsewhere only."""
    plan = check_plan(doc.plan) if plan is None else plan
    own = check_report(doc.plan, report, today=today) if own is None else own
    return errors(check_office(doc.office) + plan + own + check_memo(report.memo, report.period))


def check_document(doc: PlanDocument, today: dt.date | None = None) -> list[Finding]:
    """Everything: what the reader doubted, the office, the plan, every report, and the memo of every
    signed-off report."""
    findings = [Finding(w.where, w.rule, WARNING, w.msg) for w in doc.warnings]
    findings.extend(check_office(doc.office))
    findings.extend(check_plan(doc.plan))
    for report in doc.reports:
        findings.extend(check_report(doc.plan, report, today))
        if report.status != "draft":
            findings.extend(check_memo(report.memo, report.period))
    return findings


# ------------------------------------------------------------------ where, for people

_FIELD_NAMES = {
    "title": N_("title"),
    "weight": N_("weight"),
    "scoring": N_("scoring method"),
    "aggregation": N_("roll-up method"),
    "evidence": N_("evidence"),
    "responsible": N_("responsible unit"),
    "value": N_("achievement"),
    "quarter_targets": N_("quarter target"),
    "target_dates": N_("target date"),
    "previous_actuals": N_("actual achievement of a previous year"),
    "dates": N_("date achieved"),
    "period_value": N_("this period's own achievement"),
    "numerator": N_("numerator"),
    "denominator": N_("denominator"),
    "narrative": N_("description of the achievement"),
    "remarks": N_("remarks"),
    "total_weight": N_("total weight"),
    "name": N_("name"),
    "parent": N_("parent office"),
    "unit": N_("office unit"),
    "address": N_("address"),
    "number": N_("memo number"),
    "date": N_("date"),
    "subject": N_("subject"),
    "reference": N_("reference"),
    "body": N_("body"),
    "attachment": N_("attachment"),
    "signatory.name": N_("signatory's name"),
    "signatory.designation": N_("signatory's designation"),
    "recipient": N_("recipient"),
    "attention": N_("attention"),
    "copies": N_("copies"),
    "copies_purpose": N_("purpose of the copies"),
}

def row_label(where: Address | None, lang: str | None = None) -> str:
    """The row a finding is about, as the problems list and the sign-off dialog name it: its code ("2.1.1"; ""
    for the plan, office, memo, sign-off), and of a twin (a code printed twice) which of them it is."""
    code = row_code(where)
    if where is None or where.occurrence is None:
        return code
    return format_message(N_("{code} (no. {occurrence} of that code)"),
                          {"code": code, "occurrence": where.occurrence}, lang)


def describe_where(where: Address | str, plan: Plan | None = None, lang: str | None = None) -> str:
    """A finding's place for people: Q1/4.1.1/value -> "১ম ত্রৈমাসিক: সূচক ৪.১.১, অর্জন". A string (a place
    written down, as in the audit log) is parsed; one of no known shape comes back as it is, so the display never
    breaks."""
    a = where if isinstance(where, Address) else Address.parse(where)
    if a is None:
        return where

    def field(name: str | None, index: int | None = None) -> str:
        text = gettext_for(lang, _FIELD_NAMES[name]) if name in _FIELD_NAMES else (name or "")
        return f"{text} {localize_digits(str(index + 1), lang or current_language())}" if index is not None else text

    if a.scope == SIGNOFF:
        place = gettext_for(lang, N_("sign-off"))
    elif a.scope == MEMO:
        place = gettext_for(lang, N_("memo"))
        if a.field:
            place = f"{place}, {field(a.field, a.index)}"
    elif a.scope in (AREA, ACTIVITY):
        msgid = N_("area {code}") if a.scope == AREA else N_("activity {code}")
        place = format_message(msgid, {"code": a.code}, lang)
        if a.field:
            place = f"{place}, {field(a.field)}"
    elif a.scope in (PLAN, OFFICE):
        scope = gettext_for(lang, N_("plan") if a.scope == PLAN else N_("office"))
        place = f"{scope}, {field(a.field)}"
    else:
        place = format_message(N_("indicator {code}"), {"code": row_label(a, lang)}, lang)
        if a.field == "targets" and a.index is not None:
            level = plan.levels[a.index].label if plan is not None and a.index < len(plan.levels) else str(a.index + 1)
            place = f"{place}, " + format_message(N_("target “{level}”"), {"level": level}, lang)
        elif a.field:
            place = f"{place}, {field(a.field, a.index)}"
    if a.period:
        return f"{period_name(a.period, lang)}: {place}"
    return place
