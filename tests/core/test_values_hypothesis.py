"""Properties of the parsers on any input: only ParseError, round trips, and typing prefixes."""
import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_desktop.core.digits import to_bangla_digits
from egov_desktop.core.periods import FiscalYear
from egov_desktop.core.values import (
    GREGORIAN_MONTHS_BN,
    GREGORIAN_MONTHS_EN,
    MAX_YEAR,
    MIN_YEAR,
    ParseError,
    format_date,
    format_date_long,
    format_number,
    format_percent,
    is_intermediate,
    parse_count,
    parse_date,
    parse_number,
    parse_percent,
    parse_value,
)

UNITS = ("date", "count", "percent", "number")
PARSERS = (parse_date, parse_count, parse_percent, parse_number, FiscalYear.parse)

# Text built from what cell input is made of, so the search reaches deep into the parsers.
_PIECES = st.sampled_from(
    list("0123456789০১২৩৪৫৬৭৮৯/-., %−\u00a0\u200c") + list(GREGORIAN_MONTHS_BN) + list(GREGORIAN_MONTHS_EN)
    + ["জানুয়ারী", "খ্রিস্টাব্দ", "খ্রি.", "Jan", "৩১/০২/", "২০২৪", "12,34,567", "100", "\u09df"]
)
CELLISH = st.lists(_PIECES, max_size=12).map("".join)


@st.composite
def dateish(draw):
    """Near-dates: days, months and years around and beyond their ranges, any separator or month name."""
    def num(n):
        text = str(n).zfill(draw(st.integers(0, 3)))
        return to_bangla_digits(text) if draw(st.booleans()) else text

    day = num(draw(st.one_of(st.integers(1, 31), st.integers(0, 40))))
    year = num(draw(st.one_of(st.integers(MIN_YEAR, MAX_YEAR), st.integers(0, 2300))))
    if draw(st.booleans()):
        month = draw(st.sampled_from(GREGORIAN_MONTHS_BN + GREGORIAN_MONTHS_EN + ("জানুয়ারী", "Feb", "জানু")))
        tail = draw(st.sampled_from(["", " খ্রিস্টাব্দ", " খ্রি.", " AD"]))
        return f"{day} {month}{draw(st.sampled_from(['', ',']))} {year}{tail}"
    sep = draw(st.sampled_from(["/", "-", ".", " / ", "|"]))
    return f"{day}{sep}{num(draw(st.one_of(st.integers(1, 12), st.integers(0, 14))))}{sep}{year}"


ANY_TEXT = st.one_of(st.text(), CELLISH, dateish(), dateish().map(lambda t: t[: len(t) // 2]))

DATES = st.dates(dt.date(MIN_YEAR, 1, 1), dt.date(MAX_YEAR, 12, 31))
LANGS = st.sampled_from(["bn", "en"])


def _outcome(parser, text):
    try:
        return parser(text)
    except ParseError as exc:
        # The reason renders in both languages.
        assert exc.render("bn") and exc.render("en")
        return exc


@settings(max_examples=400)
@given(ANY_TEXT)
def test_parsers_raise_only_parse_error(text):
    for parser in PARSERS:
        _outcome(parser, text)


@settings(max_examples=400)
@given(ANY_TEXT, st.sampled_from(UNITS))
def test_valid_text_is_also_intermediate(text, unit):
    """A value that parses must never be refused while typing it."""
    result = _outcome(lambda t: parse_value(t, unit), text)
    intermediate = is_intermediate(text, unit)
    assert isinstance(intermediate, bool)
    if not isinstance(result, ParseError):
        assert intermediate, (text, unit)


def _prefixes_are_intermediate(text, unit):
    for i in range(len(text) + 1):
        assert is_intermediate(text[:i], unit), (text[:i], unit)


@given(DATES, LANGS)
def test_dates_round_trip(d, lang):
    for text in (format_date(d, lang), format_date_long(d, lang)):
        assert parse_date(text) == d
        _prefixes_are_intermediate(text, "date")


@given(st.integers(0, 10**15 - 1), LANGS)
def test_counts_round_trip(n, lang):
    text = format_number(n, lang)
    assert parse_count(text) == n
    _prefixes_are_intermediate(text, "count")


@given(st.decimals(0, 100, places=2), LANGS)
def test_percents_round_trip(p, lang):
    text = format_percent(float(p), lang)
    assert parse_percent(text) == float(p)
    _prefixes_are_intermediate(text, "percent")


@given(st.decimals(0, 10**9, places=2), LANGS)
def test_numbers_round_trip(x, lang):
    text = format_number(float(x), lang)
    assert Decimal(str(parse_number(text))) == x
    _prefixes_are_intermediate(text, "number")
