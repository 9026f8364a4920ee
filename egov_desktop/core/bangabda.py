"""The Bangla calendar (বঙ্গাব্দ) as revised in 2019, both directions.

Rules (DOMAIN.md §6): 1 বৈশাখ is always 14 April. বৈশাখ to আশ্বিন have 31
days; কার্তিক, অগ্রহায়ণ, পৌষ, মাঘ 30; ফাল্গুন 29, or 30 when that February
has a 29th; চৈত্র 30. The Bangla year is the Gregorian year − 593 from 14 April,
− 594 before it. (The PyPI `bangla` package follows the older 1987 rules.)
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from egov_desktop.core.digits import localize_digits, nfc

BANGLA_MONTHS = tuple(
    nfc(m)
    for m in (
        "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন",
        "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র",
    )
)
BANGLA_MONTHS_EN = (
    "Boishakh", "Joishtho", "Asharh", "Shrabon", "Bhadro", "Ashwin",
    "Kartik", "Ogrohayon", "Poush", "Magh", "Falgun", "Choitro",
)
ERA_BN = "বঙ্গাব্দ"
ERA_EN = "Bangabda"

_OFFSET = 593  # Bangla year = Gregorian year of its 1 বৈশাখ − 593


@dataclass(frozen=True, order=True)
class BanglaDate:
    year: int
    month: int  # 1 = বৈশাখ … 12 = চৈত্র
    day: int


def month_lengths(year: int) -> tuple[int, ...]:
    """Days in each month of Bangla year `year`; its ফাল্গুন falls in February of year + 594."""
    falgun = 30 if calendar.isleap(year + _OFFSET + 1) else 29
    return (31, 31, 31, 31, 31, 31, 30, 30, 30, 30, falgun, 30)


def _new_year(year: int) -> dt.date:
    """1 বৈশাখ of Bangla year `year`."""
    return dt.date(year + _OFFSET, 4, 14)


def to_bangla(d: dt.date) -> BanglaDate:
    year = d.year - _OFFSET if (d.month, d.day) >= (4, 14) else d.year - _OFFSET - 1
    days = (d - _new_year(year)).days
    for month, length in enumerate(month_lengths(year), start=1):
        if days < length:
            return BanglaDate(year, month, days + 1)
        days -= length
    raise AssertionError("a Bangla year covers 14 April to 13 April")


def from_bangla(b: BanglaDate) -> dt.date:
    """The Gregorian date; ValueError for a day the Bangla month does not have."""
    lengths = month_lengths(b.year)
    if not 1 <= b.month <= 12 or not 1 <= b.day <= lengths[b.month - 1]:
        raise ValueError(f"no such Bangla date: {b}")
    return _new_year(b.year) + dt.timedelta(days=sum(lengths[: b.month - 1]) + b.day - 1)


def format_bangla(d: dt.date, lang: str = "bn", era: bool = True) -> str:
    """২৬ পৌষ ১৪২৮ বঙ্গাব্দ (26 Poush 1428 Bangabda in English)."""
    b = to_bangla(d)
    names, era_word = (BANGLA_MONTHS, ERA_BN) if lang == "bn" else (BANGLA_MONTHS_EN, ERA_EN)
    text = f"{b.day} {names[b.month - 1]} {b.year}" + (f" {era_word}" if era else "")
    return localize_digits(text, lang)
