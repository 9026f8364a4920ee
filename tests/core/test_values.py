"""Parsers and formatters of cell values: Bangla and Latin input, precise reasons."""
import datetime as dt
import re

import pytest

from egov_desktop.core.digits import nfc
from egov_desktop.core.values import (
    GREGORIAN_MONTHS_BN,
    ParseError,
    format_date,
    format_date_long,
    format_number,
    format_percent,
    format_value,
    is_intermediate,
    parse_count,
    parse_date,
    parse_number,
    parse_percent,
    parse_value,
)

D = dt.date


def reason(parser, text, lang="bn"):
    with pytest.raises(ParseError) as info:
        parser(text)
    return nfc(info.value.render(lang))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("16/03/2024", D(2024, 3, 16)),
        ("১৬/০৩/২০২৪", D(2024, 3, 16)),
        ("১৬-০৩-২০২৪", D(2024, 3, 16)),
        ("16.03.2024", D(2024, 3, 16)),
        ("  6/3/2024 ", D(2024, 3, 6)),
        ("১৬ / ০৩ / ২০২৪", D(2024, 3, 16)),
        ("2024-03-16", D(2024, 3, 16)),
        ("১০ জানুয়ারি ২০২২", D(2022, 1, 10)),
        ("১০ জানুয়ারী ২০২২", D(2022, 1, 10)),
        ("১৪ ফেব্রুয়ারী ২০২২", D(2022, 2, 14)),
        ("১০ জানুয়ারি, ২০২২", D(2022, 1, 10)),
        ("১০ জানুয়ারি ২০২২ খ্রিস্টাব্দ", D(2022, 1, 10)),
        ("১০ জানুয়ারি ২০২২ খ্রিষ্টাব্দ", D(2022, 1, 10)),
        ("10 January 2022", D(2022, 1, 10)),
        ("10 jan 2022", D(2022, 1, 10)),
        ("29/02/2024", D(2024, 2, 29)),
        ("31/12/2199", D(2199, 12, 31)),
    ],
)
def test_parse_date_accepts(text, expected):
    assert parse_date(text) == expected


def test_parse_date_takes_both_nfc_forms_of_month_names():
    # য় typed as one code point (U+09DF) or as য + nukta: both are জানুয়ারি.
    precomposed = "১০ জানু\u09dfারি ২০২২"
    decomposed = "১০ জানু\u09af\u09bcারি ২০২২"
    assert parse_date(precomposed) == parse_date(decomposed) == D(2022, 1, 10)


@pytest.mark.parametrize(
    "text, bn, en",
    [
        ("৩১/০২/২০২২", "ফেব্রুয়ারি মাসে ৩১ তারিখ নেই", "February has no day 31"),
        ("30/02/2024", "ফেব্রুয়ারি মাসে ৩০ তারিখ নেই", "February has no day 30"),
        ("31/04/2024", "এপ্রিল মাসে ৩১ তারিখ নেই", "April has no day 31"),
        ("31/06/2024", "জুন মাসে ৩১ তারিখ নেই", "June has no day 31"),
        ("31/09/2024", "সেপ্টেম্বর মাসে ৩১ তারিখ নেই", "September has no day 31"),
        ("31/11/2024", "নভেম্বর মাসে ৩১ তারিখ নেই", "November has no day 31"),
        ("29/02/2023", "২০২৩ সালের ফেব্রুয়ারি মাসে ২৯ তারিখ নেই: ২০২৩ অধিবর্ষ নয়",
         "February 2023 has no day 29: 2023 is not a leap year"),
        ("১৫/১৩/২০২৩", "১৩ নম্বর মাস নেই: বছরে ১২টি মাস", "there is no month 13: a year has 12 months"),
        ("15/00/2023", "০ নম্বর মাস নেই: বছরে ১২টি মাস", "there is no month 0: a year has 12 months"),
        ("32/01/2023", "৩২ তারিখ হয় না: তারিখ ১ থেকে ৩১ পর্যন্ত", "there is no day 32: days run from 1 to 31"),
        ("00/01/2023", "০ তারিখ হয় না: তারিখ ১ থেকে ৩১ পর্যন্ত", "there is no day 0: days run from 1 to 31"),
        ("১৬/০৩/২৪", "বছর চার অঙ্কে লিখুন, যেমন ২০২৪", "write the year with four digits, e.g. 2024"),
        ("16/03/02024", "বছর চার অঙ্কে লিখুন, যেমন ২০২৪", "write the year with four digits, e.g. 2024"),
        ("১০ জানুয়ারি ২২", "বছর চার অঙ্কে লিখুন, যেমন ২০২৪", "write the year with four digits, e.g. 2024"),
        ("16/03/1024", "১০২৪ সাল গ্রহণযোগ্য সীমার বাইরে (১৯০০ থেকে ২১৯৯)",
         "the year 1024 is out of range (1900 to 2199)"),
        ("১০ জানুয়ার ২০২২", "মাসের নাম চেনা যাচ্ছে না: জানুয়ার", "unknown month name: জানুয়ার"),
        ("আগামীকাল", "তারিখ নয়: দিন/মাস/বছর আকারে লিখুন, যেমন ১৬/০৩/২০২৪",
         "not a date: write it as dd/mm/yyyy, e.g. 16/03/2024"),
        ("016/03/2024", "তারিখ নয়: দিন/মাস/বছর আকারে লিখুন, যেমন ১৬/০৩/২০২৪",
         "not a date: write it as dd/mm/yyyy, e.g. 16/03/2024"),
        ("16/03-2024x", "তারিখ নয়: দিন/মাস/বছর আকারে লিখুন, যেমন ১৬/০৩/২০২৪",
         "not a date: write it as dd/mm/yyyy, e.g. 16/03/2024"),
        ("   ", "কিছুই লেখা হয়নি", "nothing is entered"),
    ],
)
def test_parse_date_refuses_with_the_reason(text, bn, en):
    assert reason(parse_date, text, "bn") == nfc(bn)
    assert reason(parse_date, text, "en") == en


@pytest.mark.parametrize(
    "text, expected",
    [("0", 0), ("৫", 5), (" 12 ", 12), ("১২,৩৪,৫৬৭", 1234567), ("1,234,567", 1234567), ("1,00,000", 100000),
     ("5.0", 5), ("০০৭", 7)],
)
def test_parse_count_accepts(text, expected):
    value = parse_count(text)
    assert value == expected and isinstance(value, int)


@pytest.mark.parametrize(
    "text, bn",
    [
        ("5.5", "সংখ্যা পূর্ণসংখ্যা হতে হবে, দশমিক ছাড়া"),
        ("-3", "ঋণাত্মক সংখ্যা হতে পারে না"),
        ("−3", "ঋণাত্মক সংখ্যা হতে পারে না"),
        ("-0", "ঋণাত্মক সংখ্যা হতে পারে না"),
        ("পাঁচ", "সংখ্যা নয়: পাঁচ"),
        ("1e5", "সংখ্যা নয়: 1e5"),
        ("1,5", "কমা বসে অঙ্কের দলের মাঝে, যেমন ১২,৩৪,৫৬৭"),
        ("12,,345", "কমা বসে অঙ্কের দলের মাঝে, যেমন ১২,৩৪,৫৬৭"),
        ("", "কিছুই লেখা হয়নি"),
        ("9" * 16, "সংখ্যাটি অনেক বড়"),
    ],
)
def test_parse_count_refuses_with_the_reason(text, bn):
    assert reason(parse_count, text) == nfc(bn)


@pytest.mark.parametrize(
    "text, expected",
    [("৫৬.৯৮%", 56.98), ("56.98 %", 56.98), ("56.98", 56.98), ("১০০", 100.0), ("০%", 0.0), (".5", 0.5),
     ("56.", 56.0), ("100.000", 100.0), ("৭৫٪", 75.0)],
)
def test_parse_percent_accepts(text, expected):
    value = parse_percent(text)
    assert value == expected and isinstance(value, float)


@pytest.mark.parametrize(
    "text, bn, en",
    [
        ("১০০.৫", "শতাংশ ১০০-এর বেশি হতে পারে না", "a percent cannot be more than 100"),
        ("150%", "শতাংশ ১০০-এর বেশি হতে পারে না", "a percent cannot be more than 100"),
        ("-1%", "শতাংশ ঋণাত্মক হতে পারে না", "a percent cannot be negative"),
        ("%", "সংখ্যা নয়: %", "not a number: %"),
        ("56%%", "সংখ্যা নয়: ৫৬%", "not a number: 56%"),
    ],
)
def test_parse_percent_refuses_with_the_reason(text, bn, en):
    assert reason(parse_percent, text, "bn") == nfc(bn)
    assert reason(parse_percent, text, "en") == en


def test_parse_number_keeps_decimals_and_gives_int_when_whole():
    assert parse_number("১২.৫") == 12.5
    assert parse_number("10") == 10 and isinstance(parse_number("10"), int)
    assert parse_number("10.00") == 10 and isinstance(parse_number("10.00"), int)
    assert reason(parse_number, "-2.5") == "ঋণাত্মক সংখ্যা হতে পারে না"


def test_parse_value_by_unit():
    assert parse_value("১৬/০৩/২০২৪", "date") == D(2024, 3, 16)
    assert parse_value("৩", "count") == 3
    assert parse_value("৫৬.৯৮%", "percent") == 56.98
    assert parse_value("২.৫", "number") == 2.5
    with pytest.raises(ValueError):
        parse_value("1", "weight")


def test_parse_error_is_a_value_error_with_a_message():
    with pytest.raises(ValueError) as info:
        parse_count("x")
    assert info.value.msg.msgid == "not a number: {text}"
    assert str(info.value) == "সংখ্যা নয়: x"


@pytest.mark.parametrize(
    "text, unit, expected",
    [
        ("", "date", True),
        ("১৬/০", "date", True),
        ("16/03/20", "date", True),
        ("16/03/2024", "date", True),
        ("31/02", "date", False),
        ("29/02", "date", True),
        ("29/02/2023", "date", False),
        ("16/13", "date", False),
        ("32", "date", False),
        ("16/03/3", "date", False),
        ("202", "date", True),
        ("2024-0", "date", True),
        ("2024-02-30", "date", False),
        ("2023-02-29", "date", False),
        ("১০ জানু", "date", True),
        ("10 Jan 20", "date", True),
        ("১০ জানুয়ারি ২০২২ খ্রি", "date", True),
        ("১০ মঙ্গল", "date", False),
        ("৩১ ফেব্রুয়ারি ২০২৪", "date", False),
        ("৩১ ফেব্রুয়ারি ২০২৪ খ্রি", "date", False),
        ("২৯ ফেব্রুয়ারি ২০২৪ খ্রি", "date", True),
        ("abc", "date", False),
        ("56.", "percent", True),
        ("৫৬.৯", "percent", True),
        ("100.", "percent", True),
        ("100.5", "percent", False),
        ("101", "percent", False),
        ("56 %", "percent", True),
        ("-", "percent", False),
        ("12,", "count", True),
        ("12,34,5", "count", True),
        ("5.", "count", True),
        ("5.5", "count", False),
        ("x", "count", False),
        ("2.", "number", True),
    ],
)
def test_is_intermediate(text, unit, expected):
    assert is_intermediate(text, unit) is expected


def test_format_date():
    assert format_date(D(2024, 3, 16)) == "১৬/০৩/২০২৪"
    assert format_date(D(2024, 3, 6), "en") == "06/03/2024"
    assert format_date_long(D(2022, 1, 10)) == nfc("১০ জানুয়ারি ২০২২")
    assert format_date_long(D(2022, 1, 10), "en") == "10 January 2022"
    assert len(GREGORIAN_MONTHS_BN) == 12 and all(m == nfc(m) for m in GREGORIAN_MONTHS_BN)


@pytest.mark.parametrize(
    "x, bn, en",
    [
        (1234567, "১২,৩৪,৫৬৭", "12,34,567"),
        (1234567.5, "১২,৩৪,৫৬৭.৫", "12,34,567.5"),
        (100000, "১,০০,০০০", "1,00,000"),
        (999, "৯৯৯", "999"),
        (1000, "১,০০০", "1,000"),
        (0, "০", "0"),
        (8.5, "৮.৫", "8.5"),
        (6.72, "৬.৭২", "6.72"),
        (10.0, "১০", "10"),
        (0.1 + 0.2, "০.৩", "0.3"),
        (2.675, "২.৬৮", "2.68"),
        (-1234.5, "-১,২৩৪.৫", "-1,234.5"),
        (-0.001, "০", "0"),
    ],
)
def test_format_number(x, bn, en):
    assert format_number(x) == bn
    assert format_number(x, "en") == en


@pytest.mark.parametrize("x, digits", [(1e20, "1" + "0" * 20), (10**30, str(10**30)), (123456789012.5, "123456789012")])
def test_format_number_groups_any_size_in_lakhs(x, digits):
    text = format_number(x, "en")
    assert re.fullmatch(r"[0-9]{1,2}(,[0-9]{2})*,[0-9]{3}(\.[0-9]+)?", text), text
    assert text.split(".")[0].replace(",", "") == digits


def test_format_percent_trims_trailing_zeros():
    assert format_percent(56.98) == "৫৬.৯৮%"
    assert format_percent(60.0) == "৬০%"
    assert format_percent(99.80, "en") == "99.8%"


def test_format_value_by_unit():
    assert format_value(None, "date") == ""
    assert format_value(D(2024, 3, 25), "date") == "২৫/০৩/২০২৪"
    assert format_value(3, "count") == "৩"
    assert format_value(56.98, "percent", "en") == "56.98%"
    with pytest.raises(ValueError):
        format_number(float("nan"))


def test_a_date_target_reads_a_window_as_the_reports_write_it():
    from egov_desktop.core.model import DateWindow
    from egov_desktop.core.values import format_value, parse_target_date

    window = DateWindow(dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert parse_target_date(format_value(window, "date", "bn")) == window  # ০১/১২/২০২৩ থেকে ৩১/১২/২০২৩
    assert parse_target_date(format_value(window, "date", "en")) == window
    assert parse_target_date("০১-১২-২০২৩ থেকে ৩১-১২-২০২৩") == window  # as PLANS.md §5.2 quotes a plan
    assert parse_target_date("৩১/১২/২০২৩") == dt.date(2023, 12, 31)
    with pytest.raises(ParseError):
        parse_target_date("৩১/১২/২০২৩ থেকে ০১/১২/২০২৩")
