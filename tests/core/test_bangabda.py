"""The revised (2019) Bangla calendar: the check dates of DOMAIN.md §6, and every day 1950-2100."""
import datetime as dt

import pytest

from egov_desktop.core.bangabda import (
    BANGLA_MONTHS,
    BanglaDate,
    format_bangla,
    from_bangla,
    month_lengths,
    to_bangla,
)
from egov_desktop.core.digits import nfc

D = dt.date


@pytest.mark.parametrize(
    "greg, year, month, day",
    [
        (D(2022, 1, 10), 1428, 9, 26),  # seed 000: ২৬ পৌষ ১৪২৮
        (D(2021, 12, 16), 1428, 9, 1),  # Victory Day: ১ পৌষ
        (D(2022, 2, 21), 1428, 11, 8),  # Language Day: ৮ ফাল্গুন
        (D(2022, 3, 26), 1428, 12, 12),  # Independence Day: ১২ চৈত্র
        (D(2022, 5, 15), 1429, 2, 1),  # ১ জ্যৈষ্ঠ
        (D(2025, 2, 24), 1431, 11, 11),
        (D(2025, 11, 26), 1432, 8, 11),
        (D(2024, 4, 14), 1431, 1, 1),  # Pohela Boishakh
        (D(2024, 4, 13), 1430, 12, 30),  # its eve: the last of চৈত্র
        (D(2024, 3, 14), 1430, 11, 30),  # ফাল্গুন has 30 days when February has a 29th
        (D(2023, 3, 14), 1429, 11, 29),  # ... and 29 otherwise
        (D(2023, 3, 15), 1429, 12, 1),  # either way ১ চৈত্র is 15 March
    ],
)
def test_check_dates(greg, year, month, day):
    assert to_bangla(greg) == BanglaDate(year, month, day)
    assert from_bangla(BanglaDate(year, month, day)) == greg


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2022, 2023, 2024, 2025])
def test_the_fixed_days_of_the_revised_calendar(year):
    # Every year alike since 2019: these days never move.
    assert to_bangla(D(year, 12, 16)) == BanglaDate(year - 593, 9, 1)
    assert to_bangla(D(year, 2, 21)) == BanglaDate(year - 594, 11, 8)
    assert to_bangla(D(year, 3, 26)) == BanglaDate(year - 594, 12, 12)
    assert to_bangla(D(year, 5, 15)) == BanglaDate(year - 593, 2, 1)


# The first day of each Bangla month as a Gregorian (month, day): under the revised rules
# they never move (Pohela Falgun is always 14 February, ১ পৌষ always 16 December).
MONTH_STARTS = [(4, 14), (5, 15), (6, 15), (7, 16), (8, 16), (9, 16), (10, 17), (11, 16), (12, 16), (1, 15),
                (2, 14), (3, 15)]


@pytest.mark.parametrize("year", range(1950, 2100, 7))
def test_month_starts_are_the_same_every_year(year):
    for month, (gm, gd) in enumerate(MONTH_STARTS, start=1):
        greg = D(year + (1 if gm < 4 else 0), gm, gd)
        assert to_bangla(greg) == BanglaDate(year - 593, month, 1)


def test_format_bangla():
    assert format_bangla(D(2022, 1, 10)) == nfc("২৬ পৌষ ১৪২৮ বঙ্গাব্দ")
    assert format_bangla(D(2022, 1, 10), "en") == "26 Poush 1428 Bangabda"
    assert format_bangla(D(2025, 11, 26), era=False) == nfc("১১ অগ্রহায়ণ ১৪৩২")
    assert format_bangla(D(2024, 7, 1)) == nfc("১৭ আষাঢ় ১৪৩১ বঙ্গাব্দ")


def test_every_day_from_1950_to_2100_maps_to_one_bangla_day_and_back():
    day, last = D(1950, 1, 1), D(2100, 12, 31)
    prev = to_bangla(day - dt.timedelta(days=1))
    days_in_month = {}
    while day <= last:
        b = to_bangla(day)
        assert from_bangla(b) == day
        # The next Bangla day after the previous one: same month, or the 1st of the next.
        if b.day > 1:
            assert (b.year, b.month, b.day - 1) == (prev.year, prev.month, prev.day)
        else:
            assert prev.day == month_lengths(prev.year)[prev.month - 1]
            expected = (prev.year, prev.month + 1) if prev.month < 12 else (prev.year + 1, 1)
            assert (b.year, b.month) == expected
        assert b.year == (day.year - 593 if (day.month, day.day) >= (4, 14) else day.year - 594)
        days_in_month[(b.year, b.month)] = b.day
        prev, day = b, day + dt.timedelta(days=1)
    # Whole months seen in the walk have exactly their lengths.
    for (year, month), seen in days_in_month.items():
        if (year, month) not in ((1356, 9), (to_bangla(last).year, to_bangla(last).month)):
            assert seen == month_lengths(year)[month - 1], (year, month)


def test_month_lengths():
    assert sum(month_lengths(1430)) == 366  # its ফাল্গুন is in February 2024
    assert sum(month_lengths(1429)) == 365
    assert len(BANGLA_MONTHS) == 12 and all(m == nfc(m) for m in BANGLA_MONTHS)


@pytest.mark.parametrize("bad", [BanglaDate(1429, 11, 30), BanglaDate(1430, 13, 1), BanglaDate(1430, 7, 31),
                                 BanglaDate(1430, 1, 0)])
def test_from_bangla_refuses_days_that_do_not_exist(bad):
    with pytest.raises(ValueError):
        from_bangla(bad)
