"""The JSON plan exchange format, 1.0 and 1.1 (docs/EXCHANGE-FORMAT.md): read and write.

Format 1.1 (the NIS, GRS, Citizen's Charter and RTI plans' shapes) is marked "version": 2: the key is
an integer, and a program that knows only 1.0 refuses any version above 1 as a newer format. Its keys
are refused in a version 1 file, and a document that uses none of them is written as version 1, so a
1.0 file goes back out as it came in.

Reading is strict and precise: every error names the key path (and so the
indicator) that is wrong, in Bangla and English. Unknown keys are errors unless
they start with "x-"; those are kept and written back. Writing is canonical, so
import -> export gives the same document (key order and whitespace aside).
"""
from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Callable

from egov_desktop.core.text import (
    EXTENSION_LIMIT,
    NAME_LIMIT,
    PARAGRAPH_LIMIT,
    TITLE_LIMIT,
    TextTooLong,
    clean_text,
)
from egov_desktop.core.address import SIGNOFF, Address
from egov_desktop.core.files import write_atomic
from egov_desktop.core.i18n import MessageError, Msg, N_
from egov_desktop.core.model import (
    AGGREGATIONS,
    OFFICE_TEXT_FIELDS,
    PERIODS,
    PLAN_KINDS,
    PREVIOUS_YEARS,
    QUARTER_COUNT,
    SCORING_SETTINGS,
    SCORINGS,
    STATUSES,
    TIERS,
    UNITS,
    Activity,
    Alternative,
    Area,
    DateWindow,
    Entry,
    Indicator,
    Level,
    Memo,
    Office,
    Plan,
    PlanDocument,
    Report,
    Signatory,
    Signoff,
    Value,
    is_number,
)

FORMAT = "egov-plan"
VERSION = 2  # format 1.1
VERSION_1_1 = 2
# The version of the document being read, for the keys that format 1.1 added.
_reading = contextvars.ContextVar("exchange_reading_version", default=VERSION)
MAX_LEVELS = 5
# As when typing (values._MAX_DIGITS): a larger figure is an accident, which floats and SQLite's
# integers could not keep exactly (an int beyond a float is not even comparable to one).
MAX_NUMBER = 10**15
# The fiscal years (by the year they start) and the dates the program handles: the calendars, periods,
# deadlines and the Bangla calendar are right there; a year 0 or 9999 is a typing accident or an attack.
FIRST_YEAR, LAST_YEAR = 1900, 2200
FIRST_DATE, LAST_DATE = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR + 1, 12, 31)


# The office's optional texts that are longer than a name (the rest are names); the store checks the same.
OFFICE_LIMITS = {"address": TITLE_LIMIT, "email": TITLE_LIMIT}


class ExchangeError(MessageError):
    """A file that cannot be read as an exchange document. `where` is the key path."""


@dataclass(frozen=True)
class ReadWarning:
    """Something the reader changed or doubts, yet reads: `where` the place (as a finding has it), `rule` an id."""

    where: Address
    rule: str
    msg: Msg


class _Duplicated(dict):
    """A JSON object that had a key twice: what JSON readers do then differs (Python keeps the last one),
    so the file is refused, naming the key, when its place is known (see `_Reader`)."""

    duplicate = ""


def _object(pairs: list[tuple[str, Any]]) -> dict:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    seen: set[str] = set()
    dup = _Duplicated(obj)
    dup.duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))
    return dup


def _no_duplicate(obj: Any, path: str) -> None:
    if isinstance(obj, _Duplicated):
        where = f"{path}.{obj.duplicate}" if path else obj.duplicate
        raise ExchangeError(Msg(N_("the key {key} appears more than once"), {"key": obj.duplicate}), where)


# --------------------------------------------------------------------- reading


class _Reader:
    """Walks a parsed JSON object with a key path for error messages."""

    def __init__(self, obj: Any, path: str):
        self.path = path
        if not isinstance(obj, dict):
            raise ExchangeError(Msg(N_("expected an object")), path)
        _no_duplicate(obj, path)
        self.obj = obj
        self.seen: set[str] = set()

    def _sub(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def _get(self, key: str, required: bool) -> Any:
        self.seen.add(key)
        if key not in self.obj:
            if required:
                raise ExchangeError(Msg(N_("required key is missing")), self._sub(key))
            return None
        value = self.obj[key]
        if value is None and required:
            raise ExchangeError(Msg(N_("required key is missing")), self._sub(key))
        return value

    def text(self, key: str, required: bool = False, limit: int = PARAGRAPH_LIMIT) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, str):
            raise ExchangeError(Msg(N_("expected text")), self._sub(key))
        return _clean(value, self._sub(key), limit)

    def number(self, key: str, required: bool = False) -> float | int | None:
        value = self._get(key, required)
        if value is None:
            return None
        return _number(value, self._sub(key))

    def boolean(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise ExchangeError(Msg(N_("expected true or false")), self._sub(key))
        return value

    def choice(self, key: str, allowed: tuple[str, ...], required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is None:
            return None
        if value not in allowed:
            raise ExchangeError(
                Msg(N_("must be one of: {allowed}"), {"allowed": ", ".join(allowed)}), self._sub(key)
            )
        return value

    def texts(self, key: str, limit: int = PARAGRAPH_LIMIT) -> list[str]:
        return self.array(key, lambda v, p: _text_item(v, p, limit))

    def array(self, key: str, item: Callable[[Any, str], Any], required: bool = False) -> list:
        value = self._get(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise ExchangeError(Msg(N_("expected a list")), self._sub(key))
        return [item(v, f"{self._sub(key)}[{i}]") for i, v in enumerate(value)]

    def raw(self, key: str, required: bool = False) -> Any:
        return self._get(key, required)

    def extras(self) -> dict[str, Any]:
        """The x- extension keys; any other key not read is an error."""
        out = {}
        for key, value in self.obj.items():
            if key in self.seen:
                continue
            if key.startswith("x-"):
                _check_extension(key, value, self._sub(key))
                out[key] = value
            else:
                raise ExchangeError(Msg(N_("unknown key")), self._sub(key))
        return out


MAX_EXTENSION_DEPTH = 32


def _check_extension(key: str, value: Any, path: str) -> None:
    """An extension value is kept as it is, copied and written back (all of which recurse), and stored:
    it may nest at most MAX_EXTENSION_DEPTH deep, hold no object with a key twice, take at most
    EXTENSION_LIMIT bytes as JSON, and must be writable (no lone surrogate from a "\\ud800" escape).
    Walked level by level, without recursion, stopping as soon as the size is over."""
    level, size = [value], 0
    for _ in range(MAX_EXTENSION_DEPTH):
        for x in level:
            _no_duplicate(x, path)
            # A lower bound of the JSON's size (the text and the keys), enough to stop a 200 MB string early.
            size += len(x) if isinstance(x, str) else sum(len(k) for k in x) if isinstance(x, dict) else 1
        if size > EXTENSION_LIMIT:
            break
        level = [v for x in level for v in (x.values() if isinstance(x, dict) else x if isinstance(x, list) else ())]
        if not level:
            break
    else:
        raise ExchangeError(Msg(N_("the file is nested too deeply")), path)
    if size <= EXTENSION_LIMIT:
        try:
            size = len(json.dumps({key: value}, ensure_ascii=False).encode("utf-8"))
        except UnicodeEncodeError:
            raise ExchangeError(Msg(N_("the file is not UTF-8 text")), path) from None
    if size > EXTENSION_LIMIT:
        msgid = N_("an extension value may take at most {limit} KiB; this one takes more")
        raise ExchangeError(Msg(msgid, {"limit": EXTENSION_LIMIT // 1024}), path)


def _text_item(value: Any, path: str, limit: int = PARAGRAPH_LIMIT) -> str:
    if not isinstance(value, str):
        raise ExchangeError(Msg(N_("expected text")), path)
    return _clean(value, path, limit)


def _clean(value: str, path: str, limit: int) -> str:
    """Text hygiene on the way in: NFC, no control characters, no field longer than its kind allows."""
    try:
        return clean_text(value, limit)
    except TextTooLong as exc:
        raise ExchangeError(exc.msg, path) from None


def _number(value: Any, path: str) -> float | int:
    if not is_number(value):
        raise ExchangeError(Msg(N_("expected a number")), path)
    if abs(value) >= MAX_NUMBER:
        raise ExchangeError(Msg(N_("the number is too large")), path)
    return value


def _iso_date(value: Any, path: str) -> dt.date:
    if not isinstance(value, str):
        raise ExchangeError(Msg(N_("expected a date (YYYY-MM-DD)")), path)
    try:
        if len(value) != 10:
            raise ValueError(value)
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise ExchangeError(Msg(N_("not a valid date (YYYY-MM-DD): {value}"), {"value": value[:40]}), path)
    if not FIRST_DATE <= date <= LAST_DATE:
        raise ExchangeError(date_out_of_range(value), path)
    return date


def date_out_of_range(value: str) -> Msg:
    msgid = N_("{value} is outside the years this program handles ({first} to {last})")
    return Msg(msgid, {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR + 1})


def _iso_datetime(value: Any, path: str) -> dt.datetime:
    if not isinstance(value, str):
        raise ExchangeError(Msg(N_("expected a date and time (ISO 8601)")), path)
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ExchangeError(Msg(N_("not a valid date and time: {value}"), {"value": value[:40]}), path)
    if not FIRST_DATE <= when.date() <= LAST_DATE:
        raise ExchangeError(date_out_of_range(value[:40]), path)
    return when


def _value(value: Any, unit: str, path: str) -> Value:
    """A target or an achievement, typed by the indicator's unit."""
    if value is None:
        return None
    if unit == "date":
        return _iso_date(value, path)
    return _number(value, path)


def _since_1_1(path: str) -> None:
    """Refuse a key or value of format 1.1 in a version 1 file."""
    if _reading.get() < VERSION_1_1:
        raise ExchangeError(Msg(N_("this belongs to format 1.1 (\"version\": 2), but the file says version 1")), path)


def _target(value: Any, unit: str, path: str) -> Value:
    """A target: as _value, and for a date also a window {"from": date, "to": date} (format 1.1)."""
    if unit != "date" or not isinstance(value, dict):
        return _value(value, unit, path)
    _since_1_1(path)
    r = _Reader(value, path)
    window = DateWindow(_iso_date(r.raw("from", True), f"{path}.from"), _iso_date(r.raw("to", True), f"{path}.to"))
    if r.extras():
        raise ExchangeError(Msg(N_("unknown key")), path)
    if window.end < window.start:
        raise ExchangeError(Msg(N_("the date window ends before it starts")), f"{path}.to")
    return window


def _values(r: "_Reader", key: str, item: Callable[[Any, str], Any], length: int | None) -> list | None:
    """An optional list of format 1.1 of a fixed `length` (None: any length but at least one)."""
    raw = r.raw(key)
    if raw is None:
        return None
    path = r._sub(key)
    _since_1_1(path)
    if not isinstance(raw, list):
        raise ExchangeError(Msg(N_("expected a list")), path)
    if length is not None and len(raw) != length:
        raise ExchangeError(Msg(N_("expected a list of {count} values"), {"count": length}), path)
    if not raw:
        raise ExchangeError(Msg(N_("expected a list of at least one value")), path)
    return [item(v, f"{path}[{i}]") for i, v in enumerate(raw)]


def parse_fiscal_year(text: str) -> int:
    """ "2021-22" -> 2021 (the year the fiscal year starts). Raises ValueError, also for a year before
    FIRST_YEAR or after LAST_YEAR."""
    if (
        not isinstance(text, str)
        or len(text) != 7
        or text[4] != "-"
        or not (text[:4].isascii() and text[:4].isdigit() and text[5:].isascii() and text[5:].isdigit())
    ):
        raise ValueError(text)
    start = int(text[:4])
    if (start + 1) % 100 != int(text[5:]) or not FIRST_YEAR <= start <= LAST_YEAR:
        raise ValueError(text)
    return start


def fiscal_year_msg(text: str) -> Msg:
    """Why `text` is not a fiscal year parse_fiscal_year accepts."""
    if isinstance(text, str) and len(text) == 7 and text[:4].isascii() and text[:4].isdigit() and \
            not FIRST_YEAR <= int(text[:4]) <= LAST_YEAR:
        msgid = N_("the fiscal year {year} is outside the years this program handles ({first} to {last})")
        return Msg(msgid, {"year": text, "first": f"{FIRST_YEAR}-{(FIRST_YEAR + 1) % 100:02d}",
                           "last": f"{LAST_YEAR}-{(LAST_YEAR + 1) % 100:02d}"})
    return Msg(N_("a fiscal year looks like 2023-24"))


def _office(obj: Any, path: str) -> Office:
    r = _Reader(obj, path)
    office = Office(
        name=r.text("name", True, NAME_LIMIT),
        tier=r.choice("tier", TIERS, True),
        **{key: r.text(key, limit=OFFICE_LIMITS.get(key, NAME_LIMIT)) for key in OFFICE_TEXT_FIELDS},
    )
    office.extras = r.extras()
    return office


def _level(obj: Any, path: str) -> Level:
    r = _Reader(obj, path)
    level = Level(id=r.text("id", True, NAME_LIMIT), label=r.text("label", True, NAME_LIMIT),
                  percent=r.number("percent", True))
    if not 0 <= level.percent <= 100:
        raise ExchangeError(Msg(N_("a percent must be between 0 and 100")), f"{path}.percent")
    level.extras = r.extras()
    return level


def _indicator(obj: Any, path: str, n_levels: int) -> Indicator:
    r = _Reader(obj, path)
    code = r.text("code", True, NAME_LIMIT)
    unit = r.choice("unit", UNITS, True)
    if unit == "count_and_date":
        _since_1_1(f"{path}.unit")
    value_unit = "count" if unit == "count_and_date" else unit
    raw_targets = r.raw("targets", True)
    if not isinstance(raw_targets, list):
        raise ExchangeError(Msg(N_("expected a list")), f"{path}.targets")
    if len(raw_targets) != n_levels:
        raise ExchangeError(
            Msg(
                N_("indicator {code} has {count} targets, but the plan has {levels} levels"),
                {"code": code, "count": len(raw_targets), "levels": n_levels},
            ),
            f"{path}.targets",
        )
    ind = Indicator(
        code=code,
        title=r.text("title", True, TITLE_LIMIT),
        unit=unit,
        weight=r.number("weight", True),
        targets=[_target(v, value_unit, f"{path}.targets[{i}]") for i, v in enumerate(raw_targets)],
        scoring=r.choice("scoring", SCORINGS),
        aggregation=r.choice("aggregation", AGGREGATIONS),
        evidence=r.text("evidence"),
        responsible=r.text("responsible", limit=TITLE_LIMIT),
        quarter_targets=_values(r, "quarter_targets", lambda v, p: _target(v, value_unit, p), QUARTER_COUNT),
        target_dates=_values(r, "target_dates", lambda v, p: _target(v, "date", p) if v is not None else
                             _missing(p), None),
        previous_actuals=_values(r, "previous_actuals", lambda v, p: _value(v, value_unit, p), PREVIOUS_YEARS),
    )
    if r.raw("alternative") is not None:
        _since_1_1(f"{path}.alternative")
        ind.alternative = _alternative(r.raw("alternative"), f"{path}.alternative", n_levels)
    ind.extras = r.extras()
    return ind


def _alternative(obj: Any, path: str, n_levels: int) -> Alternative:
    """An indicator's alternative (format 1.1): code, title, unit (not count_and_date), a target per level,
    and the condition in words."""
    r = _Reader(obj, path)
    unit = r.choice("unit", UNITS[:3], True)
    raw_targets = r.raw("targets", True)
    if not isinstance(raw_targets, list) or len(raw_targets) != n_levels:
        raise ExchangeError(Msg(N_("expected a list of one target per level ({levels})"), {"levels": n_levels}),
                            f"{path}.targets")
    alt = Alternative(code=r.text("code", True, NAME_LIMIT), title=r.text("title", True, TITLE_LIMIT), unit=unit,
                      targets=[_target(v, unit, f"{path}.targets[{i}]") for i, v in enumerate(raw_targets)],
                      condition=r.text("condition", limit=TITLE_LIMIT))
    alt.extras = r.extras()
    return alt


def _missing(path: str) -> None:
    raise ExchangeError(Msg(N_("required key is missing")), path)


def _activity(obj: Any, path: str, n_levels: int) -> Activity:
    r = _Reader(obj, path)
    act = Activity(code=r.text("code", True, NAME_LIMIT), title=r.text("title", True, TITLE_LIMIT))
    act.indicators = r.array("indicators", lambda v, p: _indicator(v, p, n_levels), True)
    act.extras = r.extras()
    return act


def _area(obj: Any, path: str, n_levels: int) -> Area:
    r = _Reader(obj, path)
    area = Area(code=r.text("code", True, NAME_LIMIT), title=r.text("title", limit=TITLE_LIMIT),
                weight=r.number("weight"))
    area.activities = r.array("activities", lambda v, p: _activity(v, p, n_levels), True)
    area.extras = r.extras()
    return area


def _plan(obj: Any, path: str) -> Plan:
    r = _Reader(obj, path)
    fy = r.text("fiscal_year", True, NAME_LIMIT)
    try:
        parse_fiscal_year(fy)
    except ValueError:
        raise ExchangeError(fiscal_year_msg(fy), f"{path}.fiscal_year")
    levels = r.array("levels", _level, True)
    if not 1 <= len(levels) <= MAX_LEVELS:
        raise ExchangeError(Msg(N_("a plan has 1 to 5 target levels")), f"{path}.levels")
    plan = Plan(
        kind=r.choice("kind", PLAN_KINDS, True),
        title=r.text("title", True, TITLE_LIMIT),
        fiscal_year=fy,
        total_weight=r.number("total_weight", True),
        levels=levels,
        scoring=_scoring_settings(r.raw("scoring"), f"{path}.scoring"),
    )
    plan.areas = r.array("areas", lambda v, p: _area(v, p, len(levels)), True)
    plan.extras = r.extras()
    # A code used twice is read: real plans have them. The rules report it as an error at the code (which
    # blocks sign-off), and the plan grid renumbers the codes on any structural edit.
    return plan


def _scoring_settings(obj: Any, path: str) -> dict[str, str] | None:
    """Format 1.1's plan.scoring: each setting one of its known choices."""
    if obj is None:
        return None
    _since_1_1(path)
    r = _Reader(obj, path)
    settings = {name: r.choice(name, allowed) for name, allowed in SCORING_SETTINGS.items()}
    if r.extras():
        raise ExchangeError(Msg(N_("unknown key")), path)
    return {name: value for name, value in settings.items() if value is not None}


def _signatory(obj: Any, path: str) -> Signatory:
    r = _Reader(obj, path)
    s = Signatory(
        name=r.text("name", limit=NAME_LIMIT),
        designation=r.text("designation", limit=NAME_LIMIT),
        phone=r.text("phone", limit=NAME_LIMIT),
        email=r.text("email", limit=NAME_LIMIT),
    )
    s.extras = r.extras()
    return s


def _memo(obj: Any, path: str) -> Memo:
    r = _Reader(obj, path)
    date = r.raw("date")
    sig = r.raw("signatory")
    memo = Memo(
        number=r.text("number", limit=TITLE_LIMIT),
        date=_iso_date(date, f"{path}.date") if date is not None else None,
        subject=r.text("subject", limit=TITLE_LIMIT),
        reference=r.text("reference"),
        body=r.texts("body"),
        attachment=r.text("attachment", limit=TITLE_LIMIT),
        signatory=_signatory(sig, f"{path}.signatory") if sig is not None else Signatory(),
        recipient=r.texts("recipient", TITLE_LIMIT),
        attention=r.text("attention", limit=TITLE_LIMIT),
        copies=r.texts("copies", TITLE_LIMIT),
        copies_purpose=r.text("copies_purpose", limit=TITLE_LIMIT),
    )
    memo.extras = r.extras()
    return memo


def _signoff(obj: Any, path: str) -> Signoff:
    r = _Reader(obj, path)
    s = Signoff(
        name=r.text("name", True, NAME_LIMIT),
        designation=r.text("designation", True, NAME_LIMIT),
        signed_at=_iso_datetime(r.raw("signed_at", True), f"{path}.signed_at"),
        digest=r.text("digest", True, NAME_LIMIT),
    )
    if len(s.digest) != 64 or any(c not in "0123456789abcdef" for c in s.digest.lower()):
        raise ExchangeError(Msg(N_("the digest must be 64 hexadecimal digits")), f"{path}.digest")
    s.extras = r.extras()
    return s


def _entry(obj: Any, path: str, indicators: dict[tuple[str, int | None], Indicator]) -> Entry:
    r = _Reader(obj, path)
    code = r.text("indicator", True, NAME_LIMIT)
    occurrence = _occurrence(r.raw("occurrence"), f"{path}.occurrence")
    ind = indicators.get((code, occurrence))
    if ind is None and occurrence is not None and (code, None) in indicators:
        msgid = N_("the plan has fewer than {occurrence} indicators with the code {code}")
        raise ExchangeError(Msg(msgid, {"occurrence": occurrence, "code": code}), f"{path}.occurrence")
    if ind is None:
        raise ExchangeError(Msg(N_("no indicator {code} in the plan"), {"code": code}), f"{path}.indicator")
    alternative = r.boolean("alternative")
    if alternative:
        _since_1_1(f"{path}.alternative")
        if ind.alternative is None:
            raise ExchangeError(Msg(N_("indicator {code} has no alternative"), {"code": code}), f"{path}.alternative")
    entry = Entry(
        indicator=code,
        alternative=alternative,
        value=_value(r.raw("value"), ind.reported(Entry(code, alternative=alternative)).value_unit, f"{path}.value"),
        not_applicable=r.boolean("not_applicable"),
        narrative=r.text("narrative"),
        evidence=r.text("evidence"),
        remarks=r.text("remarks"),
        dates=_values(r, "dates", lambda v, p: _value(v, "date", p), len(ind.target_dates or ()) or None),
        occurrence=occurrence,
    )
    if entry.dates is not None and not ind.target_dates:
        raise ExchangeError(Msg(N_("indicator {code} has no target dates"), {"code": code}), f"{path}.dates")
    for key in ("period_value", "numerator", "denominator"):
        if r.raw(key) is not None:
            _since_1_1(f"{path}.{key}")
            setattr(entry, key, r.number(key))
    entry.extras = r.extras()
    return entry


def _occurrence(value: Any, path: str) -> int | None:
    """An entry's "occurrence" (format 1.1): which of the indicators with its code it is of, from 1 (the first,
    also when the key is left out, and then read as left out)."""
    if value is None:
        return None
    _since_1_1(path)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value < MAX_NUMBER:
        raise ExchangeError(Msg(N_("expected a whole number from 1")), path)
    return value if value > 1 else None


def _report(obj: Any, path: str, plan: Plan) -> Report:
    r = _Reader(obj, path)
    report = Report(period=r.choice("period", PERIODS, True), status=r.choice("status", STATUSES, True))
    # One table for the lookups: a scan of the plan per entry is quadratic (seconds at 5,000 indicators).
    # Of two indicators with one code, an entry is the first's unless it names its occurrence.
    indicators = dict(zip(plan.places(), plan.indicators()))
    report.entries = r.array("entries", lambda v, p: _entry(v, p, indicators), True)
    seen: set[tuple[str, int | None]] = set()
    for e in report.entries:
        if e.place in seen:
            raise ExchangeError(
                Msg(N_("indicator {code} has more than one entry"), {"code": e.indicator}), f"{path}.entries"
            )
        seen.add(e.place)
    memo, signoff = r.raw("memo"), r.raw("signoff")
    report.memo = _memo(memo, f"{path}.memo") if memo is not None else None
    report.signoff = _signoff(signoff, f"{path}.signoff") if signoff is not None else None
    if report.status != "draft" and report.signoff is None:
        raise ExchangeError(Msg(N_("a signed-off report needs its sign-off record")), f"{path}.signoff")
    if report.status == "draft" and report.signoff is not None:
        # A reopened report drops its record; one kept here would clash with the next sign-off's.
        raise ExchangeError(Msg(N_("a draft report has no sign-off record")), f"{path}.signoff")
    revision = r.raw("revision")
    if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int)
                                or not 1 <= revision < MAX_NUMBER):
        raise ExchangeError(Msg(N_("the revision is a whole number from 1")), f"{path}.revision")
    report.revision = revision
    report.extras = r.extras()
    return report


def from_dict(obj: Any) -> PlanDocument:
    r = _Reader(obj, "")
    if r.raw("format", True) != FORMAT:
        raise ExchangeError(Msg(N_("this is not a plan exchange file (format must be \"egov-plan\")")), "format")
    version = r.raw("version", True)
    if isinstance(version, bool) or not isinstance(version, int):
        raise ExchangeError(Msg(N_("expected a whole number")), "version")
    if version > VERSION:
        raise ExchangeError(
            Msg(
                N_("this file is format version {version}; this program reads up to version {known}. "
                   "Please update the program."),
                {"version": version, "known": VERSION},
            ),
            "version",
        )
    if version < 1:
        raise ExchangeError(Msg(N_("unknown format version {version}"), {"version": version}), "version")
    token = _reading.set(version)
    try:
        office = _office(r.raw("office", True), "office")
        plan = _plan(r.raw("plan", True), "plan")
        reports = r.array("reports", lambda v, p: _report(v, p, plan))
    finally:
        _reading.reset(token)
    periods = [rep.period for rep in reports]
    for p in periods:
        if periods.count(p) > 1:
            raise ExchangeError(Msg(N_("more than one report for period {period}"), {"period": p}), "reports")
    doc = PlanDocument(office=office, plan=plan, reports=reports, notes=r.text("notes"), version=version)
    doc.extras = r.extras()
    _unseal_forged(doc)
    return doc


# A sealed report's office header as it was signed, kept in its sign-off record when the office has changed
# since (the header is part of the seal, yet stays editable for the office's other reports; see
# Store.document_to_export): the seal is checked with it.
SEALED_OFFICE = "x-sealed-office"


def sealed_office(doc: PlanDocument, report) -> Office | None:
    """The office header `report`'s seal holds with (the document's, or the one its sign-off record keeps),
    or None when its digest is not that of its content."""
    digest = report.signoff.digest.lower()
    if digest == report_digest(doc, report.period):
        return doc.office
    header = report.signoff.extras.get(SEALED_OFFICE)
    try:
        office = _office(header, "") if header is not None else None
    except ExchangeError:
        return None
    if office is not None and digest == report_digest(dataclasses.replace(doc, office=office), report.period):
        return office
    return None


def _unseal_forged(doc: PlanDocument) -> None:
    """A report marked signed whose digest is not that of its content was changed after sign-off (or the
    mark was made up): it is read as a draft, with a warning, never as signed."""
    for report in doc.reports:
        if report.signoff is not None and sealed_office(doc, report) is None:
            report.status, report.signoff = "draft", None
            msgid = N_("the report is marked signed off, but its content is not what was signed (it was changed "
                       "after signing, or the mark was made up): it is read as a draft")
            doc.warnings.append(ReadWarning(Address(SIGNOFF, period=report.period), "digest_mismatch", Msg(msgid)))


def loads(text: str | bytes) -> PlanDocument:
    """Parse an exchange document; every failure is an ExchangeError."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ExchangeError(Msg(N_("the file is not UTF-8 text")))
    try:
        obj = json.loads(text, object_pairs_hook=_object)
    except RecursionError:
        raise ExchangeError(Msg(N_("the file is nested too deeply")))
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise ExchangeError(Msg(N_("the file ends too early: it is truncated or incomplete")))
        raise ExchangeError(
            Msg(N_("not valid JSON at line {line}, column {col}"), {"line": exc.lineno, "col": exc.colno})
        )
    except ValueError:  # an integer of thousands of digits: Python refuses to convert it
        raise ExchangeError(Msg(N_("the number is too large")))
    return from_dict(obj)


def load(path) -> PlanDocument:
    """Read an exchange file from outside through the guarded reader: a regular file (never a device or a pipe)
    of at most JSON_LIMIT bytes, or an ExchangeError saying why not."""
    from egov_desktop.core.guarded import JSON_LIMIT, Unreadable, read_file

    try:
        data = read_file(path, JSON_LIMIT)
    except Unreadable as exc:
        # The reason alone: whoever asked for the file names it (the CLI prints "FILE: reason").
        raise ExchangeError(exc.msg) from None
    return loads(data)


# --------------------------------------------------------------------- writing


def _put(out: dict, key: str, value: Any) -> None:
    """Optional keys: written only when set."""
    if value is not None:
        out[key] = value


def _value_json(value: Value) -> Any:
    if isinstance(value, DateWindow):
        return {"from": value.start.isoformat(), "to": value.end.isoformat()}
    return value.isoformat() if isinstance(value, dt.date) else value


def _list_json(values: list | None) -> list | None:
    return None if values is None else [_value_json(v) for v in values]


def office_dict(o: Office) -> dict:
    out: dict[str, Any] = {"name": o.name, "tier": o.tier}
    for key in OFFICE_TEXT_FIELDS:
        _put(out, key, getattr(o, key))
    return out | o.extras


def _indicator_dict(i: Indicator) -> dict:
    out: dict[str, Any] = {
        "code": i.code,
        "title": i.title,
        "unit": i.unit,
        "weight": i.weight,
        "targets": [_value_json(t) for t in i.targets],
    }
    for key in ("scoring", "aggregation", "evidence", "responsible"):
        _put(out, key, getattr(i, key))
    for key in ("quarter_targets", "target_dates", "previous_actuals"):
        _put(out, key, _list_json(getattr(i, key)))
    if i.alternative is not None:
        a = i.alternative
        out["alternative"] = {"code": a.code, "title": a.title, "unit": a.unit,
                              "targets": [_value_json(t) for t in a.targets]}
        _put(out["alternative"], "condition", a.condition)
        out["alternative"] |= a.extras
    return out | i.extras


def _plan_dict(p: Plan) -> dict:
    out = {
        "kind": p.kind,
        "title": p.title,
        "fiscal_year": p.fiscal_year,
        "total_weight": p.total_weight,
    }
    _put(out, "scoring", dict(p.scoring) if p.scoring is not None else None)
    return out | {
        "levels": [{"id": lv.id, "label": lv.label, "percent": lv.percent} | lv.extras for lv in p.levels],
        "areas": [
            {
                "code": a.code,
                "title": a.title,
                "weight": a.weight,
                "activities": [
                    {"code": act.code, "title": act.title, "indicators": [_indicator_dict(i) for i in act.indicators]}
                    | act.extras
                    for act in a.activities
                ],
            }
            | a.extras
            for a in p.areas
        ],
    } | p.extras


def _entry_dict(e: Entry) -> dict:
    out: dict[str, Any] = {"indicator": e.indicator}
    _put(out, "occurrence", e.occurrence)
    out["value"] = _value_json(e.value)
    if e.not_applicable:
        out["not_applicable"] = True
    if e.alternative:
        out["alternative"] = True
    for key in ("narrative", "evidence", "remarks"):
        _put(out, key, getattr(e, key))
    _put(out, "dates", _list_json(e.dates))
    for key in ("period_value", "numerator", "denominator"):
        _put(out, key, getattr(e, key))
    return out | e.extras


def _memo_dict(m: Memo) -> dict:
    s = m.signatory
    return {
        "number": m.number,
        "date": m.date.isoformat() if m.date else None,
        "subject": m.subject,
        "reference": m.reference,
        "body": list(m.body),
        "attachment": m.attachment,
        "signatory": {"name": s.name, "designation": s.designation, "phone": s.phone, "email": s.email}
        | s.extras,
        "recipient": list(m.recipient),
        "attention": m.attention,
        "copies": list(m.copies),
        "copies_purpose": m.copies_purpose,
    } | m.extras


def _report_dict(r: Report) -> dict:
    out: dict[str, Any] = {"period": r.period, "status": r.status, "entries": [_entry_dict(e) for e in r.entries]}
    if r.memo is not None:
        out["memo"] = _memo_dict(r.memo)
    if r.signoff is not None:
        s = r.signoff
        out["signoff"] = {
            "name": s.name,
            "designation": s.designation,
            "signed_at": s.signed_at.isoformat(),
            "digest": s.digest,
        } | s.extras
    _put(out, "revision", r.revision)
    return out | r.extras


def uses_1_1(doc: PlanDocument) -> bool:
    """Whether the document needs format 1.1: a key or value that 1.0 cannot carry."""
    plan = doc.plan
    if plan.scoring is not None:
        return True
    for ind in plan.indicators():
        if ind.unit == "count_and_date" or any(isinstance(t, DateWindow) for t in ind.targets):
            return True
        if ind.quarter_targets is not None or ind.target_dates is not None or ind.previous_actuals is not None \
                or ind.alternative is not None:
            return True
    return any(
        e.dates is not None or e.period_value is not None or e.numerator is not None or e.denominator is not None
        or e.alternative or e.occurrence is not None
        for r in doc.reports
        for e in r.entries
    )


def to_dict(doc: PlanDocument) -> dict:
    """The document; a 1.0 one (no 1.1 key or value) as version 1, whatever it was read as, so that a
    program that knows only 1.0 can read it."""
    version = VERSION_1_1 if uses_1_1(doc) else 1
    out: dict[str, Any] = {"format": FORMAT, "version": version}
    _put(out, "notes", doc.notes)
    out["office"] = office_dict(doc.office)
    out["plan"] = _plan_dict(doc.plan)
    if doc.reports:
        out["reports"] = [_report_dict(r) for r in doc.reports]
    return out | doc.extras


def dumps(doc: PlanDocument) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, indent=2) + "\n"


def dump(doc: PlanDocument, path) -> None:
    """Write atomically: a power cut leaves the old file or the new one, never half of it."""
    write_atomic(path, dumps(doc).encode("utf-8"))


# --------------------------------------------------------------------- the seal (core/digest.py)


def canonical_content(doc: PlanDocument, period: str) -> bytes:
    full = to_dict(doc)
    report = next(r for r in full.get("reports", []) if r["period"] == period)
    sealed = {k: v for k, v in report.items() if k not in ("status", "signoff", "revision")}
    content = {"office": full["office"], "plan": full["plan"], "report": sealed}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def report_digest(doc: PlanDocument, period: str) -> str:
    """Hex SHA-256 of the report's canonical content. Raises StopIteration if there is no such report."""
    import hashlib  # here: it loads OpenSSL's library, ≈ 2 ms of the start, which signs and checks nothing

    return hashlib.sha256(canonical_content(doc, period)).hexdigest()
