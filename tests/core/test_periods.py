"""Fiscal years, periods, report titles and the deadline table (DOMAIN.md §4)."""
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from egov_desktop.core.digits import nfc
from egov_desktop.core.model import PERIODS
from egov_desktop.core.periods import (
    DEFAULT_DEADLINES,
    Deadline,
    FiscalYear,
    deadline_message,
    default_deadlines,
    next_deadline,
    period_name,
    period_range,
    quarter_of,
    report_title,
    report_title_phrase,
)
from egov_desktop.core.values import ParseError

D = dt.date
FY23 = FiscalYear(2023)


@pytest.mark.parametrize("text", ["2023-24", "২০২৩-২৪", " 2023-2024 ", "2023–24", "২০২৩/২৪"])
def test_fiscal_year_parse(text):
    assert FiscalYear.parse(text) == FY23


@pytest.mark.parametrize("text", ["2023-25", "2023", "23-24", "2023-2025", "abcd-ef", "", "1999-00x"])
def test_fiscal_year_parse_refuses(text):
    with pytest.raises(ParseError) as info:
        FiscalYear.parse(text)
    assert nfc(info.value.render("bn")) == nfc("অর্থবছর লিখুন এভাবে: 2023-24")


def test_fiscal_year_dates_and_labels():
    fy = FiscalYear.parse("2021-22")
    assert (fy.start, fy.end) == (D(2021, 7, 1), D(2022, 6, 30))
    assert fy.label() == "২০২১-২২" and fy.label("en") == "2021-22" and str(fy) == "2021-22"
    assert fy.next() == FiscalYear(2022) and fy.previous().code == "2020-21"
    assert FiscalYear(1999).code == "1999-00" and FiscalYear.parse("1999-00") == FiscalYear(1999)
    assert D(2022, 6, 30) in fy and D(2022, 7, 1) not in fy
    assert FiscalYear.of(D(2022, 7, 1)) == FiscalYear(2022) and FiscalYear.of(D(2022, 6, 30)) == fy


@pytest.mark.parametrize(
    "period, first, last",
    [
        ("Q1", D(2023, 7, 1), D(2023, 9, 30)),
        ("Q2", D(2023, 10, 1), D(2023, 12, 31)),
        ("Q3", D(2024, 1, 1), D(2024, 3, 31)),
        ("Q4", D(2024, 4, 1), D(2024, 6, 30)),
        ("H1", D(2023, 7, 1), D(2023, 12, 31)),
        ("annual", D(2023, 7, 1), D(2024, 6, 30)),
    ],
)
def test_period_range(period, first, last):
    assert period_range(FY23, period) == (first, last)
    assert period_range("2023-24", period) == (first, last)


def test_quarters_tile_the_fiscal_year():
    days = [D(2023, 7, 1) + dt.timedelta(days=i) for i in range(366)]
    for day in days:
        fy, q = quarter_of(day)
        first, last = period_range(fy, q)
        assert fy == FY23 and first <= day <= last


def test_unknown_period_is_a_programming_error():
    with pytest.raises(ValueError):
        period_range(FY23, "Q5")


@pytest.mark.parametrize(
    "period, bn, en",
    [("Q1", "১ম ত্রৈমাসিক", "1st quarter"), ("Q2", "২য় ত্রৈমাসিক", "2nd quarter"),
     ("Q3", "৩য় ত্রৈমাসিক", "3rd quarter"), ("Q4", "৪র্থ ত্রৈমাসিক", "4th quarter"),
     ("H1", "অর্ধবার্ষিক", "Half-yearly"), ("annual", "বার্ষিক", "Annual")],
)
def test_period_name(period, bn, en):
    assert nfc(period_name(period, "bn")) == nfc(bn)
    assert period_name(period, "en") == en


@pytest.mark.parametrize(
    "period, bn, en",
    [
        ("Q1", "প্রথম ত্রৈমাসিক (জুলাই-সেপ্টেম্বর ২০২৩)", "first quarter (July-September 2023)"),
        ("Q2", "দ্বিতীয় ত্রৈমাসিক (অক্টোবর-ডিসেম্বর ২০২৩)", "second quarter (October-December 2023)"),
        ("Q3", "তৃতীয় ত্রৈমাসিক (জানুয়ারি-মার্চ ২০২৪)", "third quarter (January-March 2024)"),
        ("Q4", "চতুর্থ ত্রৈমাসিক (এপ্রিল-জুন ২০২৪)", "fourth quarter (April-June 2024)"),
        ("H1", "অর্ধবার্ষিক", "half-yearly"),
        ("annual", "বার্ষিক", "annual"),
    ],
)
def test_report_title_phrase(period, bn, en):
    assert nfc(report_title_phrase(FY23, period, "bn")) == nfc(bn)
    assert report_title_phrase(FY23, period, "en") == en


def test_report_title():
    title = "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা"
    assert nfc(report_title(title, "2023-24", "Q1", "bn")) == nfc(
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪ এর প্রথম ত্রৈমাসিক (জুলাই-সেপ্টেম্বর ২০২৩) প্রতিবেদন"
    )
    assert nfc(report_title(title, FY23, "H1", "bn")) == nfc(
        "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪ এর অর্ধবার্ষিক মূল্যায়ন প্রতিবেদন"
    )
    assert report_title("e-Governance Plan 2.0", FY23, "Q3", "en") == (
        "e-Governance Plan 2.0 2023-24: third quarter (January-March 2024) report"
    )
    # The plan title keeps its own digits: only the year and period are localised.
    assert report_title("Plan 2.0", FY23, "annual", "bn").startswith("Plan 2.0 ২০২৩-২৪ ")


def test_default_deadlines_follow_the_apa_calendar():
    assert default_deadlines("2023-24") == {
        "Q1": D(2023, 10, 15),
        "Q2": D(2024, 1, 15),
        "Q3": D(2024, 4, 15),
        "Q4": D(2024, 7, 15),
        "H1": D(2024, 1, 15),
        "annual": D(2024, 7, 15),
    }
    assert set(DEFAULT_DEADLINES) == set(PERIODS)
    # A fresh dict each time: a caller may override one year without touching the others.
    table = default_deadlines(FY23)
    table["Q1"] = D(2023, 10, 20)
    assert default_deadlines(FY23)["Q1"] == D(2023, 10, 15)


def test_next_deadline():
    table = default_deadlines(FY23)
    assert next_deadline(D(2023, 8, 1), table) == Deadline("Q1", D(2023, 10, 15), 75)
    assert next_deadline(D(2023, 10, 15), table) == Deadline("Q1", D(2023, 10, 15), 0)
    assert next_deadline(D(2023, 10, 16), table) == Deadline("Q2", D(2024, 1, 15), 91)
    assert next_deadline(D(2023, 10, 16), table, done={"Q2"}) == Deadline("H1", D(2024, 1, 15), 91)
    assert next_deadline(D(2024, 7, 16), table) is None
    # In early July the annual report of the year just ended is the next one due.
    both = {(fy, p): due for fy in (FY23, FY23.next()) for p, due in default_deadlines(fy).items()}
    dl = next_deadline(D(2024, 7, 2), both, done={(FY23, "Q4")})
    assert dl == Deadline((FY23, "annual"), D(2024, 7, 15), 13)


def test_deadline_message():
    assert deadline_message(Deadline("Q1", D(2023, 10, 15), 12)).render("bn") == "শেষ তারিখ ১৫/১০/২০২৩: আর ১২ দিন বাকি"
    assert deadline_message(Deadline("Q1", D(2023, 10, 15), 0)).render("en") == "due today, 15/10/2023"


@given(st.dates(D(1901, 1, 1), D(2198, 12, 31)), st.sampled_from(["bn", "en"]))
def test_any_date_lies_in_its_quarter_half_and_year(day, lang):
    fy, q = quarter_of(day)
    assert day in fy and FiscalYear.parse(fy.label(lang)) == fy
    first, last = period_range(fy, q)
    assert first <= day <= last
    h_first, h_last = period_range(fy, "H1")
    assert (h_first <= day <= h_last) == (q in ("Q1", "Q2"))
    assert period_range(fy, "annual") == (fy.start, fy.end)
