"""Feedback to subordinate offices (issue 11.6): from a consolidation (core.consolidate), what a feedback memo
tells each office (its status and score, the indicators below target, the evidence missing), and how the memos
sent fill the office's own NIS indicator 1.7 ("আওতাধীন দপ্তর/সংস্থা … প্রতিবেদনের ওপর ফিডব্যাক প্রদান",
PLANS.md §2.6: unit date, target dates 31 Oct, 31 Dec, 31 Mar).

Pure: the store keeps the records (store/feedback.py), export/feedback_docx.py writes the memos.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from egov_desktop.core.consolidate import LATE, MISSING, Cell, Column, Consolidation, OfficeRow, day_of
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import PLAN_KIND_NAMES, Indicator, Plan, PlanDocument


# ------------------------------------------------------------------ what a memo says

# What a report is compared with for "below target" (basis()).
ANNUAL, DUE = "annual", "due"


@dataclass(frozen=True)
class Attention:
    """An indicator of an office's report that its feedback names: below target, or without evidence."""

    column: Column
    cell: Cell
    # The indicator as the office's own plan has it (its target); None when it cannot be told.
    indicator: Indicator | None
    # Short of what it is compared with (basis(): the annual target, or what was due by the period's end).
    below_target: bool = False
    # The targets it was compared with when they are not the annual ones (what was due); else None.
    due: Indicator | None = None

    @property
    def evidence_missing(self) -> bool:
        return self.cell.evidence_missing


def _normal(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split()).casefold()


def basis(plan: Plan, period: str) -> str:
    """What an office's report of `period` is compared with when its memo says "below target": DUE, the targets
    due by the period's end (the quarter targets up to it, the dates falling by then), where the plan has
    quarter targets (NIS: the guideline speaks of the quarter target, PLANS.md §2.5) or its scoring setting
    asks for them (quarterly_basis "due"); else ANNUAL, the annual target, as the plan's own score does by default
    (a Q1 report is then short of most targets, and its memo says so). The annual report: ANNUAL."""
    from egov_desktop.core.scoring import ScoringOptions

    if period == "annual":
        return ANNUAL
    if ScoringOptions.of(plan).quarterly_basis == DUE or any(i.quarter_targets for i in plan.indicators()):
        return DUE
    return ANNUAL


def _due_by(plan: Plan, report, reports, period: str) -> tuple[list[float], list[Indicator], dt.date | None]:
    """Each indicator's percent against the targets due by the end of `period` (the plan scored by its own
    scoring with the setting "due", core.scoring: the same scoring, not a second one), the indicators with those
    targets, and the period's last day."""
    import dataclasses

    from egov_desktop.core.scoring import ScoringOptions, due_cutoff, due_targets, score_report

    settings = {**ScoringOptions.of(plan).as_settings(), "quarterly_basis": DUE}
    scored = score_report(dataclasses.replace(plan, scoring=settings), report, reports)
    cutoff = due_cutoff(plan, period)
    due = [dataclasses.replace(i, targets=due_targets(i, period),
                               target_dates=[d for d in i.target_dates if _due_by_day(d, cutoff)]
                               if i.target_dates else i.target_dates) for i in plan.indicators()]
    return [s.percent for s in scored.indicators], due, cutoff


def _due_by_day(target, cutoff: dt.date | None) -> bool:
    from egov_desktop.core.model import due_date

    day = due_date(target)
    return cutoff is None or day is None or day <= cutoff


def _not_due_yet(indicator: Indicator, due: Indicator, value, cutoff: dt.date | None) -> bool:
    """A date to be met after the period's end, not met yet: nothing was due (a date met early still counts)."""
    if indicator.value_unit != "date" or indicator.target_dates or value is not None:
        return False
    return not any(_due_by_day(t, cutoff) for t in due.targets if t is not None)


def attention(cons: Consolidation, row: OfficeRow) -> list[Attention]:
    """The indicators of the office's report below target (by basis()) or without evidence, in the
    consolidation's order; none for an office whose report was not received."""
    if row.total is None:
        return []
    doc = row.submission.document if row.submission is not None else None
    plan = doc.plan if doc is not None else None
    places = {place: i for i, place in enumerate(plan.places())} if plan is not None else {}
    indicators = plan.indicators() if plan is not None else []
    due = None
    if plan is not None and basis(plan, cons.period) == DUE:
        due = _due_by(plan, doc.report(cons.period), doc.reports, cons.period)
    out = []
    for c, cell in row.cells.items():
        i = places.get(cell.place)
        ind = indicators[i] if i is not None else None
        scored = cell.scorable and not cell.not_applicable
        if due is not None and ind is not None:
            percents, targets, cutoff = due
            below = scored and percents[i] < 100.0 and not _not_due_yet(ind, targets[i], cell.value, cutoff)
            compared = targets[i] if (targets[i].targets, targets[i].target_dates) != (
                ind.targets, ind.target_dates) else None
        else:
            below, compared = scored and cell.percent < 100.0, None
        if below or (cell.evidence_missing and not cell.not_applicable):
            out.append(Attention(cons.columns[c], cell, ind, below, compared))
    return out


def basis_sentence(bases: Iterable[str], period: str, lang: str = "bn") -> str:
    """What the memo compared the reports with (the bases of the offices' plans, basis())."""
    from egov_desktop.core.periods import period_name

    found = set(bases)
    what = {"period": period_name(period, lang)}
    if found == {DUE}:
        return Msg(N_("Targets are those due by the end of the {period} (the quarter targets up to it, and the "
                      "dates falling by then)."), what).render(lang)
    if found == {ANNUAL}:
        return Msg(N_("Targets are the annual targets, as the plan is scored (a report before the year's end is "
                      "short of most of them).")).render(lang) if period != "annual" else ""
    return Msg(N_("Targets are those due by the end of the {period} where an office's plan gives quarter targets "
                  "(or is scored so), elsewhere the annual targets."), what).render(lang) if found else ""


def subject(kind: str, fiscal_year: str, period: str, lang: str = "bn") -> str:
    """"ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২ এর প্রথম ত্রৈমাসিক (...) অগ্রগতি প্রতিবেদনের মূল্যায়ন ও
    ফলাবর্তক (ফিডব্যাক)"."""
    from egov_desktop.core.periods import FiscalYear, report_title_phrase

    return Msg(N_("Evaluation of and feedback on the {phrase} progress report of the {kind} {fiscal_year}"),
               {"kind": Msg(PLAN_KIND_NAMES.get(kind, PLAN_KIND_NAMES["other"])),
                "fiscal_year": FiscalYear.parse(fiscal_year).label(lang),
                "phrase": report_title_phrase(fiscal_year, period, lang)}).render(lang)


def _score(row: OfficeRow, lang: str) -> str:
    from egov_desktop.core.values import format_number, format_percent

    return Msg(N_("{total} out of {out_of} ({percent})"),
               {"total": format_number(row.total, lang), "out_of": format_number(row.out_of or 0, lang),
                "percent": format_percent(row.percent or 0, lang)}).render(lang)


def received_after(rows: Iterable[OfficeRow], memo_date: dt.date) -> OfficeRow | None:
    """Of the offices' rows a memo dated `memo_date` is on, the one whose report was received latest after that
    day; None when every report came by then. Such a memo is refused (memo_dated_before): it would say the report
    came after the memo's own date, and NIS 1.7, filled from the records, would count feedback given before there
    was a report to give it on."""
    after = [r for r in rows if r.total is not None and r.received is not None and day_of(r.received) > memo_date]
    return max(after, key=lambda r: day_of(r.received), default=None)


def memo_dated_before(row: OfficeRow) -> Msg:
    from egov_desktop.core.values import format_date

    return Msg(N_("A feedback memo cannot be dated before the report it is on: the report of {office} was received "
                  "on {received}. Date the memo on or after that day."),
               {"office": row.office, "received": format_date(day_of(row.received), "en")})


def office_paragraphs(cons: Consolidation, row: OfficeRow, kind: str, fiscal_year: str,
                      lang: str = "bn", items: Sequence[Attention] | None = None) -> tuple[list[str], list[str]]:
    """The memo's body to one office, split where its table of indicators stands: (paragraphs before the
    table, paragraphs after it). Without a table (no report, or nothing to name) everything is before.
    `items`: attention(cons, row) when the caller has it for the table (on the "due" basis it scores the plan
    again, which need not be done twice per memo)."""
    from egov_desktop.core.values import format_date

    what = {"kind": Msg(PLAN_KIND_NAMES.get(kind, PLAN_KIND_NAMES["other"])), "office": row.office,
            "deadline": format_date(cons.deadline, lang) if cons.deadline else "—"}
    if row.status == MISSING or row.total is None:
        return [Msg(N_("The {kind} progress report of {office} for this period, due by {deadline}, has not been "
                       "received. You are requested to send it, with its evidence, without delay."),
                    what).render(lang)], []
    received = day_of(row.received) if row.received is not None else None  # the office's day, as the status's
    first = Msg(N_("The report of {office} on the above subject was received on {received} and has been "
                   "evaluated: it obtained {score}."),
                {**what, "received": format_date(received, lang) if received else "—",
                 "score": _score(row, lang)}).render(lang)
    if row.status == LATE:
        first += " " + Msg(N_("It was received after the deadline ({deadline}); please send reports by the "
                              "deadline."), what).render(lang)
    items = attention(cons, row) if items is None else items
    if not items:
        return [first, Msg(N_("Every indicator met its target and its evidence was received. Thank you; please "
                              "keep up this progress.")).render(lang)], []
    intro = Msg(N_("The indicators below have not met their target, or their evidence (প্রমাণক) was not "
                   "received:")).render(lang)
    plan = row.submission.document.plan if row.submission is not None else None
    said = basis_sentence([basis(plan, cons.period)] if plan is not None else [], cons.period, lang)
    intro = f"{said} {intro}" if said else intro
    close = Msg(N_("You are requested to take the steps needed to meet these targets and to send the evidence "
                   "with the next report.")).render(lang)
    return [first, intro], [close]


def all_paragraphs(cons: Consolidation, kind: str, fiscal_year: str, lang: str = "bn") -> tuple[list[str], list[str]]:
    """The body of one memo to all the offices, split where its table of the offices stands."""
    from egov_desktop.core.consolidate import ON_TIME
    from egov_desktop.core.digits import localize_digits
    from egov_desktop.core.values import format_date

    counts = {s: localize_digits(str(cons.count(s)), lang) for s in (ON_TIME, LATE, MISSING)}
    first = Msg(N_("The {kind} progress reports of the subordinate offices on the above subject have been "
                   "evaluated. By the deadline ({deadline}) {on_time} were received, {late} after it, and {missing} "
                   "not at all. Each office's score, the indicators below target and the evidence missing are in "
                   "the table below:"),
                {"kind": Msg(PLAN_KIND_NAMES.get(kind, PLAN_KIND_NAMES["other"])),
                 "deadline": format_date(cons.deadline, lang) if cons.deadline else "—",
                 "on_time": counts[ON_TIME], "late": counts[LATE], "missing": counts[MISSING]}).render(lang)
    said = basis_sentence([basis(r.submission.document.plan, cons.period) for r in cons.rows
                           if r.total is not None and r.submission is not None], cons.period, lang)
    first = f"{first} {said}" if said else first
    close = Msg(N_("Each office is requested to take the steps needed to meet the targets not met, to send the "
                   "missing evidence with its next report, and to send its reports by the deadline; an office "
                   "whose report was not received, to send it without delay.")).render(lang)
    return [first], [close]


# ------------------------------------------------------------------ NIS 1.7 from the memos sent

@dataclass(frozen=True)
class Round:
    """One round of feedback: the memos on the subordinate offices' reports of one period, dated from the first
    one sent (the day feedback was given; later memos of the round are reminders or late reports)."""

    period: str
    date: dt.date
    memos: int


def rounds(records: Iterable[tuple[str, dt.date]]) -> list[Round]:
    """The rounds of feedback among (period, memo date) records, in the order they were given."""
    by_period: dict[str, list[dt.date]] = {}
    for period, day in records:
        by_period.setdefault(period, []).append(day)
    return sorted((Round(p, min(days), len(days)) for p, days in by_period.items()), key=lambda r: (r.date, r.period))


def feedback_indicator(plan: Plan) -> Indicator | None:
    """The NIS plan's feedback indicator: by its text, as items move between years (PLANS.md §2.8: "match
    indicators by text and year, never by code alone"), else by the code 1.7 of the standard list."""
    found = [i for a in plan.areas for act in a.activities for i in act.indicators
             if any(w in _normal(f"{act.title} {i.title}") for w in ("ফিডব্যাক", "feedback", "ফলাবর্তক"))]
    if len(found) == 1:
        return found[0]
    by_code = [i for i in plan.indicators() if i.code in ("1.7", "1.7.1")]
    return by_code[0] if by_code else (found[0] if found else None)


@dataclass(frozen=True)
class NisFill:
    """What NIS 1.7's entry gets: `dates` (index -> the day, for an indicator with several target dates) and/or
    `value` (a count of rounds, or the first round's date for one date target)."""

    dates: dict[int, dt.date]
    value: int | dt.date | None = None
    set_value: bool = False


class CannotFill(ValueError):
    def __init__(self, msg: Msg):
        super().__init__(msg.render("en"))
        self.msg = msg


def nis_fill(indicator: Indicator, given: Sequence[Round]) -> NisFill:
    """NIS 1.7's achievement from the rounds of feedback given: with several target dates (31 Oct, 31 Dec,
    31 Mar), the k-th round's date meets the k-th target date (the dates beyond the rounds are left as they are);
    a count ("সংখ্যা", and the count of "সংখ্যা ও তারিখ") is the number of rounds; a single date target the
    first round's date. A percent cannot be told from memos (CannotFill)."""
    if indicator.unit == "percent":
        raise CannotFill(Msg(N_("The indicator {code} is a percent: the feedback memos cannot tell its "
                                "achievement. Enter it in the progress grid."), {"code": indicator.code}))
    dates = {}
    if indicator.target_dates:
        dates = {k: r.date for k, r in enumerate(given[:len(indicator.target_dates)])}
    if indicator.unit in ("count", "count_and_date"):
        return NisFill(dates, len(given), True)
    if not indicator.target_dates:
        return NisFill({}, given[0].date if given else None, True)
    return NisFill(dates)


def filled(doc: PlanDocument, period: str, lang: str = "bn") -> str:
    """What NIS 1.7 of `doc`'s `period` report holds, in a line: "১.৭.১ <title>: <dates>; <value>" (the command
    and the window say it after filling)."""
    from egov_desktop.core.values import format_value

    ind = feedback_indicator(doc.plan)
    entry = doc.report(period).entry(ind.code)
    shown = [format_value(entry.dates, "dates", lang)] if entry.dates else []
    shown += [format_value(entry.value, ind.unit, lang)] if entry.value is not None else []
    return Msg(N_("{code} {title}: {achievement}"),
               {"code": ind.code, "title": ind.title, "achievement": "; ".join(shown)}).render(lang)
