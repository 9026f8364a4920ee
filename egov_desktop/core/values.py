"""Parsing what people type into table cells, and formatting values for display.

Parsers take Bangla or Latin digits, trim whitespace and NFC-normalise first.
They raise only `ParseError`, whose `Msg` says exactly what is wrong ("February
has no day 31"), in Bangla or English. Formatters show Bangla digits in Bangla,
numbers with lakh grouping (১২,৩৪,৫৬৭) and no trailing zeros.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from egov_desktop.core.digits import localize_digits, nfc, to_latin_digits
from egov_desktop.core.i18n import N_, MessageError, Msg, format_message
from egov_desktop.core.model import DateWindow

# NFC, like all input after normalisation (য় is stored as য + nukta).
GREGORIAN_MONTHS_BN = tuple(
    nfc(m)
    for m in (
        "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
        "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    )
)
GREGORIAN_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Every spelling accepted on input, lower-cased, mapped to the month number.
_MONTH_WORDS: dict[str, int] = {}
for _i, (_bn, _en) in enumerate(zip(GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN), start=1):
    _MONTH_WORDS[_bn] = _i
    _MONTH_WORDS[_en.lower()] = _i
    _MONTH_WORDS[_en[:3].lower()] = _i
# Older spellings with long ী, and common variants, still seen in letters.
for _word, _i in (("জানুয়ারী", 1), ("ফেব্রুয়ারী", 2), ("আগষ্ট", 8), ("sept", 9)):
    _MONTH_WORDS[nfc(_word)] = _i
# "খ্রিস্টাব্দ" (AD) may follow a date in a letter; both spellings occur, and "খ্রি.".
_ERA_WORDS = tuple(nfc(w) for w in ("খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রি.", "খ্রি"))

MIN_YEAR, MAX_YEAR = 1900, 2199
# Beyond this a value is a typing accident, and floats stop being exact.
_MAX_DIGITS = 15

# Why a day does not exist in a month, month by month (31-day months need none).
_NO_SUCH_DAY = {
    2: N_("February has no day {day}"),
    4: N_("April has no day {day}"),
    6: N_("June has no day {day}"),
    9: N_("September has no day {day}"),
    11: N_("November has no day {day}"),
}


class ParseError(MessageError, ValueError):
    """Text that is not a valid value; `msg` says why, in any language."""


def _fail(msgid: str, **params) -> ParseError:
    return ParseError(Msg(msgid, params))


def _clean(text: str) -> str:
    """NFC, Latin digits, one space between words, no zero-width joiners."""
    if not isinstance(text, str):
        raise _fail(N_("expected text"))
    text = nfc(text).replace("\u200c", "").replace("\u200d", "")
    text = " ".join(to_latin_digits(text).split())
    if not text:
        raise _fail(N_("nothing is entered"))
    return text


# ---------------------------------------------------------------- dates

_NUMERIC_DATE = re.compile(r"([0-9]{1,2}) ?[/.-] ?([0-9]{1,2}) ?[/.-] ?([0-9]+)", re.ASCII)
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_WORD_DATE = re.compile(r"([0-9]{1,2}) ([^\s0-9,]+),? ([0-9]+)(?: (\S+))?", re.ASCII)


def _check_date(day: int, month: int, year_text: str) -> dt.date:
    if len(year_text) != 4:
        raise _fail(N_("write the year with four digits, e.g. 2024"))
    year = int(year_text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _fail(N_("the year {year} is out of range ({low} to {high})"), year=year, low=MIN_YEAR, high=MAX_YEAR)
    if not 1 <= month <= 12:
        raise _fail(N_("there is no month {month}: a year has 12 months"), month=month)
    if not 1 <= day <= 31:
        raise _fail(N_("there is no day {day}: days run from 1 to 31"), day=day)
    if month == 2 and day == 29 and not calendar.isleap(year):
        raise _fail(N_("February {year} has no day 29: {year} is not a leap year"), year=year)
    if day > calendar.monthrange(year, month)[1]:
        raise _fail(_NO_SUCH_DAY[month], day=day)
    return dt.date(year, month, day)


def parse_date(text: str) -> dt.date:
    """16/03/2024, 16-03-2024, 16.03.2024, 2024-03-16, ১০ জানুয়ারি ২০২২, 10 January 2022."""
    s = _clean(text)
    m = _ISO_DATE.fullmatch(s)
    if m:
        return _check_date(int(m[3]), int(m[2]), m[1])
    m = _NUMERIC_DATE.fullmatch(s)
    if m:
        return _check_date(int(m[1]), int(m[2]), m[3])
    m = _WORD_DATE.fullmatch(s)
    if m:
        if m[4] is not None and m[4] not in _ERA_WORDS:
            raise _fail(N_("not a date: write it as dd/mm/yyyy, e.g. 16/03/2024"))
        month = _MONTH_WORDS.get(m[2].lower())
        if month is None:
            raise _fail(N_("unknown month name: {name}"), name=m[2][:20])
        return _check_date(int(m[1]), month, m[3])
    raise _fail(N_("not a date: write it as dd/mm/yyyy, e.g. 16/03/2024"))


# A date target's window as format_value writes it ("{start} to {end}": "০১/১২/২০২৩ থেকে ৩১/১২/২০২৩") and the
# real plans print it (PLANS.md §5.2: "০১-১২-২০২৩ থেকে ৩১-১২-২০২৩").
_WINDOW = re.compile(r"(.+?) (?:থেকে|to) (.+)", re.IGNORECASE)


def parse_target_date(text: str) -> dt.date | DateWindow:
    """A date indicator's target: a date, or a window of two dates (format_value's "{start} to {end}")."""
    m = _WINDOW.fullmatch(_clean(text))
    if m is None:
        return parse_date(text)
    window = DateWindow(parse_date(m[1]), parse_date(m[2]))
    if window.end < window.start:
        raise _fail(N_("the date window ends before it starts"))
    return window


# -------------------------------------------------------------- numbers

# Whole part plain (1234567) or grouped in lakhs (12,34,567) or thousands (1,234,567).
_NUMBER = re.compile(r"(-|\u2212)?([0-9]+|[0-9]{1,3}(?:,[0-9]{2,3})*,[0-9]{3})?(?:\.([0-9]*))?", re.ASCII)


def _decimal(s: str) -> Decimal:
    """A non-negative decimal from cleaned text; the reason when it is not one."""
    m = _NUMBER.fullmatch(s)
    if not m or (m[2] is None and not m[3]):
        if re.fullmatch(r"[-\u2212]?[0-9][0-9,]*(?:\.[0-9]*)?", s, re.ASCII):
            raise _fail(N_("commas go between groups of digits, e.g. 12,34,567"))
        raise _fail(N_("not a number: {text}"), text=s[:20])
    whole, frac = (m[2] or "0").replace(",", ""), m[3] or ""
    if len(whole.lstrip("0")) > _MAX_DIGITS or len(frac) > _MAX_DIGITS:
        raise _fail(N_("the number is too large"))
    value = Decimal(f"{whole}.{frac or '0'}")
    if m[1]:
        raise _fail(N_("cannot be negative"))
    return value


def _plain(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def parse_number(text: str) -> int | float:
    """A number >= 0 with decimals allowed (weights): int when whole."""
    return _plain(_decimal(_clean(text)))


def parse_count(text: str) -> int:
    """A whole number >= 0 ("5.0" is 5; "5.5" is refused)."""
    value = _decimal(_clean(text))
    if value != value.to_integral_value():
        raise _fail(N_("a count is a whole number, without decimals"))
    return int(value)


_PERCENT_SIGNS = ("%", "\u066a", "\uff05")


def parse_percent(text: str) -> float:
    """0 to 100, with or without a % sign: ৫৬.৯৮%, 56.98 %, 56.98."""
    s = _clean(text)
    if s.endswith(_PERCENT_SIGNS):
        s = s[:-1].rstrip()
        if not s:
            raise _fail(N_("not a number: {text}"), text="%")
    try:
        value = _decimal(s)
    except ParseError as exc:
        if exc.msg.msgid == N_("cannot be negative"):
            raise _fail(N_("a percent cannot be negative")) from None
        raise
    if value > 100:
        raise _fail(N_("a percent cannot be more than 100"))
    return float(value)


def parse_value(text: str, unit: str) -> dt.date | int | float:
    """The value of an indicator cell by its unit (date, count, percent; number for weights)."""
    try:
        parser = _PARSERS[unit]
    except KeyError:
        raise ValueError(f"unknown unit {unit!r}") from None
    return parser(text)


_DATES_SEPARATOR = re.compile(r"[,;]")
# What stands for a date not met (yet) in a list of dates.
_NO_DATE = ("", "-", "—")


def parse_dates(text: str) -> list[dt.date | None]:
    """Several dates in one cell, in order, separated by commas: "১৫/১০/২০২১, -, ১৫/০৪/২০২২" (a dash or
    nothing for a date not met); each as parse_date takes it."""
    return [None if part.strip() in _NO_DATE else parse_date(part) for part in _DATES_SEPARATOR.split(text)]


# A count_and_date's targets and achievements are its count (its dates are typed as "dates").
_PARSERS = {"date": parse_date, "count": parse_count, "percent": parse_percent, "number": parse_number,
            "count_and_date": parse_count, "dates": parse_dates}


# ------------------------------------------------------- while typing

_DATE_PREFIX = re.compile(r"([0-9]{1,2})(?: ?([/.-]) ?(?:([0-9]{1,2})(?: ?[/.-] ?([0-9]{0,4}))?)?)?", re.ASCII)
_ISO_PREFIX = re.compile(r"([0-9]{3,4})(?:-(?:([0-9]{1,2})(?:-([0-9]{0,2}))?)?)?", re.ASCII)


def _year_prefix_ok(p: str) -> bool:
    return any(str(y).startswith(p) for y in range(MIN_YEAR, MAX_YEAR + 1))


def _day_prefix_ok(p: str) -> bool:
    # One digit may still grow ("0" -> "05", "3" -> "31").
    return len(p) == 1 or 1 <= int(p) <= 31


def _month_prefix_ok(p: str) -> bool:
    return len(p) == 1 or 1 <= int(p) <= 12


def _date_could_be(day: str, month: str | None, year: str | None) -> bool:
    if not _day_prefix_ok(day) or (month and not _month_prefix_ok(month)):
        return False
    if year and not _year_prefix_ok(year):
        return False
    if year and len(year) == 4:
        return _parses(parse_date, f"{day}/{month}/{year}")
    if month and int(month) >= 1 and int(day) >= 1:
        # The day must fit the month in some year (29 February in a leap year).
        return int(day) <= calendar.monthrange(2024, int(month))[1]
    return True


def _parses(parser, text: str) -> bool:
    try:
        parser(text)
    except ParseError:
        return False
    return True


def _word_date_prefix(s: str) -> bool:
    parts = s.split(" ")
    if not re.fullmatch(r"[0-9]{1,2}", parts[0], re.ASCII) or not _day_prefix_ok(parts[0]):
        return False
    if len(parts) == 1:
        return True
    word = parts[1].rstrip(",").lower()
    if len(parts) == 2:
        return any(w.startswith(word) for w in _MONTH_WORDS)
    if word not in _MONTH_WORDS or not re.fullmatch(r"[0-9]{0,4}", parts[2], re.ASCII):
        return False
    if parts[2] and not _year_prefix_ok(parts[2]):
        return False
    if len(parts[2]) < 4:
        return len(parts) == 3
    # The date is complete: it must be a real one, perhaps followed by the start of an era word.
    return (
        len(parts) <= 4
        and _parses(parse_date, " ".join(parts[:3]))
        and (len(parts) == 3 or any(w.startswith(parts[3]) for w in _ERA_WORDS))
    )


def _number_prefix(s: str, limit: Decimal | None, whole: bool) -> bool:
    # Groups so far: the first of up to three digits, then up to three each.
    m = re.fullmatch(r"([0-9]+|[0-9]{1,3}(?:,[0-9]{0,3})+)?(?:\.([0-9]*))?", s, re.ASCII)
    if not m or (m[1] and ",," in m[1]) or (whole and m[2] and m[2].strip("0")):
        return False
    try:
        value = _decimal((m[1] or "0").replace(",", "") + "." + (m[2] or ""))
    except ParseError:
        return False
    return limit is None or value <= limit


def is_intermediate(text: str, unit: str) -> bool:
    """Whether typing more could still make `text` valid ("১৬/০", "56.", "১০ জানু").

    Also true for text that is valid already. For live validation in editors.
    """
    if not isinstance(text, str):
        return False
    if unit == "dates":
        *done, last = _DATES_SEPARATOR.split(text)
        return all(p.strip() in _NO_DATE or _parses(parse_date, p) for p in done) and (
            last.strip() in _NO_DATE or is_intermediate(last, "date"))
    s = " ".join(to_latin_digits(nfc(text).replace("\u200c", "").replace("\u200d", "")).split())
    if not s:
        return True
    if unit == "date":
        m = _DATE_PREFIX.fullmatch(s)
        if m and _date_could_be(m[1], m[3], m[4]):
            return True
        m = _ISO_PREFIX.fullmatch(s)
        if m and _year_prefix_ok(m[1]) and (not m[2] or _month_prefix_ok(m[2])):
            if m[3] and len(m[3]) == 2:
                return _parses(parse_date, s)
            return not m[3] or _date_could_be(m[3], m[2], None)
        return _word_date_prefix(s)
    if unit == "percent":
        if s.endswith(_PERCENT_SIGNS):
            s = s[:-1].rstrip()
            if not s:
                return False
        return _number_prefix(s, Decimal(100), whole=False)
    if unit in ("count", "number"):
        return _number_prefix(s, None, whole=unit == "count")
    raise ValueError(f"unknown unit {unit!r}")


# ----------------------------------------------------------- formatters


def format_date(d: dt.date, lang: str = "bn") -> str:
    """16/03/2024 in the language's digits."""
    return localize_digits(f"{d.day:02d}/{d.month:02d}/{d.year:04d}", lang)


def month_name(month: int, lang: str = "bn") -> str:
    return (GREGORIAN_MONTHS_BN if lang == "bn" else GREGORIAN_MONTHS_EN)[month - 1]


def format_date_long(d: dt.date, lang: str = "bn") -> str:
    """১০ জানুয়ারি ২০২২ / 10 January 2022."""
    return localize_digits(f"{d.day} {month_name(d.month, lang)} {d.year}", lang)


def _group_lakh(digits: str) -> str:
    """1234567 -> 12,34,567: the last three digits, then pairs."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def format_number(x: int | float, lang: str = "bn", decimals: int = 2) -> str:
    """১২,৩৪,৫৬৭.৫: lakh grouping, at most `decimals` places, trailing zeros trimmed."""
    if isinstance(x, float) and not math.isfinite(x):
        raise ValueError(f"cannot format {x!r}")
    value = Decimal(repr(x) if isinstance(x, float) else int(x))
    with localcontext() as ctx:
        # Enough precision for any float or int: quantize must never overflow.
        ctx.prec = max(28, value.adjusted() + decimals + 2)
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    frac = frac.rstrip("0")
    text = sign + _group_lakh(whole) + ("." + frac if frac else "")
    return localize_digits("0" if text == "-0" else text, lang)


def format_percent(x: int | float, lang: str = "bn", decimals: int = 2) -> str:
    """৫৬.৯৮%, ৬০%."""
    return format_number(x, lang, decimals) + "%"


def format_value(v: dt.date | int | float | None, unit: str, lang: str = "bn") -> str:
    """A cell value for display by its unit; empty for no value. A date window reads
    "০১/১২/২০২৩ থেকে ৩১/১২/২০২৩"; a count_and_date's value is its count."""
    if v is None:
        return ""
    if unit == "dates":
        return ", ".join(format_value(d, "date", lang) or "—" for d in v)
    if unit == "date":
        if isinstance(v, DateWindow):
            return format_message(N_("{start} to {end}"), {"start": format_date(v.start, lang),
                                                         "end": format_date(v.end, lang)}, lang)
        return format_date(v, lang)
    if unit == "percent":
        return format_percent(v, lang)
    if unit in ("count", "number", "count_and_date"):
        return format_number(v, lang)
    raise ValueError(f"unknown unit {unit!r}")
