"""Report deadlines as the office keeps them: the APA calendar, overridden per fiscal year in the database.

The table of a fiscal year lives in the store's settings ("deadlines", per
fiscal year) as ISO dates; without one, core.periods' usual dates apply.
"""
from __future__ import annotations

import datetime as dt
from typing import Collection

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.periods import Deadline, FiscalYear, deadline_message, next_deadline, period_name

SETTING = "deadlines"
# Days before a deadline from which the status bar warns.
URGENT_DAYS = 7


def deadline_table(store, fy: FiscalYear) -> dict[str, dt.date]:
    return store.deadlines(fiscal_year=fy.code)


def save_deadline_table(store, fy: FiscalYear, table: dict[str, dt.date]):
    """Store the table of a fiscal year; returns the store's Change (undoable)."""
    return store.set_setting(SETTING, {p: d.isoformat() for p, d in table.items()}, fiscal_year=fy.code)


def next_due(store, today: dt.date, done: Collection[tuple[str, str]] = ()) -> Deadline | None:
    """The next report due from `today`, keyed (fiscal year code, period).

    The year before counts too: its annual report is due in July of this one.
    `done` holds the (fiscal year, period) reports already signed off.
    """
    current = FiscalYear.of(today)
    table = {(fy.code, period): due
             for fy in (current.previous(), current)
             for period, due in deadline_table(store, fy).items()}
    return next_deadline(today, table, done)


def describe(deadline: Deadline | None, lang: str) -> str:
    """"Next report: ২০২৩-২৪ ২য় ত্রৈমাসিক, due on ১৫/০১/২০২৪: ১২ days left" for the status bar."""
    if deadline is None:
        return Msg(N_("No report is due")).render(lang)
    fy_code, period = deadline.key
    return Msg(N_("Next report: {year} {period}, {when}"), {
        "year": fy_code, "period": period_name(period, lang), "when": deadline_message(deadline).render(lang),
    }).render(lang)
