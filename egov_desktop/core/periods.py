"""Fiscal years (1 July – 30 June), reporting periods, report titles and deadlines.

Periods are the exchange-format codes: Q1 Jul–Sep, Q2 Oct–Dec, Q3 Jan–Mar,
Q4 Apr–Jun, H1 Jul–Dec, annual Jul–Jun (DOMAIN.md §4).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Hashable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from egov_desktop.core.digits import localize_digits, nfc, to_latin_digits
from egov_desktop.core.exchange import parse_fiscal_year
from egov_desktop.core.i18n import N_, Msg, current_language, gettext_for
from egov_desktop.core.model import PERIODS, DateWindow, Plan
from egov_desktop.core.values import ParseError, format_date, month_name

QUARTERS = ("Q1", "Q2", "Q3", "Q4")

# (years after the fiscal year's start, month) of a period's first and last month.
_SPANS = {
    "Q1": ((0, 7), (0, 9)),
    "Q2": ((0, 10), (0, 12)),
    "Q3": ((1, 1), (1, 3)),
    "Q4": ((1, 4), (1, 6)),
    "H1": ((0, 7), (0, 12)),
    "annual": ((0, 7), (1, 6)),
}

_NAMES = {
    "Q1": N_("1st quarter"),
    "Q2": N_("2nd quarter"),
    "Q3": N_("3rd quarter"),
    "Q4": N_("4th quarter"),
    "H1": N_("Half-yearly"),
    "annual": N_("Annual"),
}

# The words a report title uses ("প্রথম ত্রৈমাসিক", "অর্ধবার্ষিক").
_TITLE_WORDS = {
    "Q1": N_("first quarter"),
    "Q2": N_("second quarter"),
    "Q3": N_("third quarter"),
    "Q4": N_("fourth quarter"),
    "H1": N_("half-yearly"),
    "annual": N_("annual"),
}

# The APA calendar (DOMAIN.md §4) as data: (years after the fiscal year's start,
# month, day). Offices override it per year (the online system's windows move).
DEFAULT_DEADLINES = {
    "Q1": (0, 10, 15),
    "Q2": (1, 1, 15),
    "Q3": (1, 4, 15),
    "Q4": (1, 7, 15),
    "H1": (1, 1, 15),
    "annual": (1, 7, 15),
}


@dataclass(frozen=True, order=True)
class FiscalYear:
    """The fiscal year that starts on 1 July of `start_year`."""

    start_year: int

    @classmethod
    def parse(cls, text: str) -> FiscalYear:
        """2023-24, ২০২৩-২৪, 2023-2024 or 2023–24."""
        s = to_latin_digits(nfc(str(text))).strip()
        m = re.fullmatch(r"([0-9]{4}) ?[-\u2013/] ?([0-9]{2}|[0-9]{4})", s, re.ASCII)
        try:
            if not m:
                raise ValueError(s)
            second = m[2]
            if len(second) == 4:
                if int(second) != int(m[1]) + 1:
                    raise ValueError(s)
                second = second[2:]
            return cls(parse_fiscal_year(f"{m[1]}-{second}"))
        except ValueError:
            raise ParseError(Msg(N_("a fiscal year looks like 2023-24"))) from None

    @classmethod
    def of(cls, d: dt.date) -> FiscalYear:
        """The fiscal year a date falls in."""
        return cls(d.year if d.month >= 7 else d.year - 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.start_year, 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.start_year + 1, 6, 30)

    @property
    def code(self) -> str:
        """The exchange-format spelling, "2023-24"."""
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    def label(self, lang: str = "bn") -> str:
        """২০২৩-২৪ in Bangla, 2023-24 in English."""
        return localize_digits(self.code, lang)

    def next(self) -> FiscalYear:
        return FiscalYear(self.start_year + 1)

    def previous(self) -> FiscalYear:
        return FiscalYear(self.start_year - 1)

    def __contains__(self, d: dt.date) -> bool:
        return self.start <= d <= self.end

    def __str__(self) -> str:
        return self.code


def _fy(fy: FiscalYear | str) -> FiscalYear:
    return fy if isinstance(fy, FiscalYear) else FiscalYear.parse(fy)


def _check_period(period: str) -> None:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}")


def period_range(fy: FiscalYear | str, period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a period: Q3 of 2023-24 is 1 January to 31 March 2024."""
    _check_period(period)
    fy = _fy(fy)
    (y1, m1), (y2, m2) = _SPANS[period]
    first = dt.date(fy.start_year + y1, m1, 1)
    after = dt.date(fy.start_year + y2 + m2 // 12, m2 % 12 + 1, 1)
    return first, after - dt.timedelta(days=1)


def quarter_of(d: dt.date) -> tuple[FiscalYear, str]:
    """The fiscal year and quarter a date falls in."""
    return FiscalYear.of(d), QUARTERS[((d.month - 7) % 12) // 3]


def report_quarter(d: dt.date, fy: FiscalYear | str) -> str:
    """The quarter a dated target stands under in the quarter columns: the quarter it falls in, except that a
    date on or before a quarter's report deadline (DEFAULT_DEADLINES: 15 October for the first) belongs to the
    quarter just ended, as the NIS quarterly report dates do (1.6: 15 October is the first quarter's report).
    Before the fiscal year: the first quarter; after it: the fourth."""
    deadlines = default_deadlines(fy)
    return next((q for q in QUARTERS if d <= deadlines[q]), QUARTERS[-1])


def period_name(period: str, lang: str | None = None) -> str:
    """১ম ত্রৈমাসিক, ২য় ত্রৈমাসিক, …, অর্ধবার্ষিক, বার্ষিক."""
    _check_period(period)
    return gettext_for(lang, _NAMES[period])


def report_title_phrase(fy: FiscalYear | str, period: str, lang: str | None = None) -> str:
    """প্রথম ত্রৈমাসিক (জুলাই-সেপ্টেম্বর ২০২৩); অর্ধবার্ষিক; বার্ষিক."""
    _check_period(period)
    words = gettext_for(lang, _TITLE_WORDS[period])
    if period not in QUARTERS:
        return words
    first, last = period_range(fy, period)
    lang = lang or current_language()
    span = f"{month_name(first.month, lang)}-{month_name(last.month, lang)} {localize_digits(str(first.year), lang)}"
    return f"{words} ({span})"


def report_title(plan_title: str, fy: FiscalYear | str, period: str, lang: str | None = None) -> str:
    """"<plan title> ২০২৩-২৪ এর প্রথম ত্রৈমাসিক (জুলাই-সেপ্টেম্বর ২০২৩) প্রতিবেদন" (H1 and annual: "মূল্যায়ন প্রতিবেদন")."""
    lang = lang or current_language()
    template = N_("{title} {fiscal_year}: {phrase} report") if period in QUARTERS else N_(
        "{title} {fiscal_year}: {phrase} evaluation report"
    )
    # Not Msg: the plan title keeps its own digits whatever the language.
    return gettext_for(lang, template).format(
        title=plan_title.strip(), fiscal_year=_fy(fy).label(lang), phrase=report_title_phrase(fy, period, lang)
    )


def default_deadlines(fy: FiscalYear | str) -> dict[str, dt.date]:
    """The usual due date of each period's report in a fiscal year (Q1 15 October, …, annual 15 July)."""
    fy = _fy(fy)
    return {p: dt.date(fy.start_year + y, m, d) for p, (y, m, d) in DEFAULT_DEADLINES.items()}


class Deadline(NamedTuple):
    key: Hashable  # a period ("Q2"), or whatever key the caller's table uses
    due: dt.date
    days_left: int  # 0 on the day itself


def next_deadline(
    today: dt.date, deadlines: Mapping[Hashable, dt.date], done: Collection[Hashable] = ()
) -> Deadline | None:
    """The earliest deadline on or after `today` that is not done; ties go to the first in the table.

    Keys may be periods, or (fiscal year, period) pairs when the table spans
    years: in early July the annual report of the year just ended is still due.
    """
    pending = [(due, i, key) for i, (key, due) in enumerate(deadlines.items()) if due >= today and key not in done]
    if not pending:
        return None
    due, _, key = min(pending)
    return Deadline(key, due, (due - today).days)


def deadline_message(deadline: Deadline) -> Msg:
    """"due on 15/01/2024: 12 days left", for showing next to the period's name."""
    date = format_date(deadline.due, "en")  # Msg puts the digits of either language
    if deadline.days_left == 0:
        return Msg(N_("due today, {date}"), {"date": date})
    return Msg(N_("due on {date}: {days} days left"), {"date": date, "days": deadline.days_left})


def shift_years(d: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February into a common year: the 28th)."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


# A fiscal year written in a title: "২০২১-২২", "2021-22", "২০২১-২০২২" (either digits, hyphen or en dash).
_YEAR_MENTION = re.compile(r"(?<![0-9০-৯])([0-9০-৯]{4})([-–])([0-9০-৯]{4}|[0-9০-৯]{2})(?![0-9০-৯])")


def shift_year_mentions(text: str, years: int) -> str:
    """`text` with every fiscal year it names moved by `years`, each in its own digits and form; a pair of
    numbers that is not a fiscal year (২০২১-২৩) is left alone."""

    def move(m: re.Match) -> str:
        start, end = int(to_latin_digits(m[1])), to_latin_digits(m[3])
        if int(end) != (start + 1 if len(end) == 4 else (start + 1) % 100):
            return m[0]
        new_start = start + years
        new_end = str(new_start + 1) if len(end) == 4 else f"{(new_start + 1) % 100:02d}"
        lang = "en" if m[1] == to_latin_digits(m[1]) else "bn"
        return localize_digits(f"{new_start}", lang) + m[2] + localize_digits(new_end, lang)

    return _YEAR_MENTION.sub(move, text)


def move_plan_dates(plan: Plan, years: int) -> None:
    """Move every target date of a plan (level targets, quarter targets, target dates, windows) and every
    fiscal year its titles name ("২০২১-২২ অর্থবছরের …") by `years`, as when a plan is made for another
    fiscal year. Previous years' actuals stay: they are the record of those years."""

    def move(value):
        if isinstance(value, DateWindow):
            return DateWindow(shift_years(value.start, years), shift_years(value.end, years))
        return shift_years(value, years) if isinstance(value, dt.date) else value

    plan.title = shift_year_mentions(plan.title, years)
    for area in plan.areas:
        if area.title:
            area.title = shift_year_mentions(area.title, years)
        for activity in area.activities:
            activity.title = shift_year_mentions(activity.title, years)
    for ind in plan.indicators():
        ind.title = shift_year_mentions(ind.title, years)
        ind.targets = [move(t) for t in ind.targets]
        if ind.quarter_targets is not None:
            ind.quarter_targets = [move(t) for t in ind.quarter_targets]
        if ind.target_dates is not None:
            ind.target_dates = [move(t) for t in ind.target_dates]
