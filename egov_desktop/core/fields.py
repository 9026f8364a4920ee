"""Checking a value typed or sent for one field of the data: pure functions, no Qt, no SQL.

Each check returns the value as it is stored (clean text, a JSON-ready number or ISO date) or
raises FieldError with a message for the user. The store turns FieldError into its InvalidValue.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from egov_desktop.core.i18n import MessageError, Msg, N_
from egov_desktop.core.model import (
    AGGREGATIONS,
    OFFICE_TEXT_FIELDS,
    SCORINGS,
    SIGNATORY_FIELDS,
    TIERS,
    UNITS,
    Signatory,
    is_number,
)
from egov_desktop.core.exchange import FIRST_DATE, LAST_DATE, OFFICE_LIMITS, date_out_of_range
from egov_desktop.core.text import NAME_LIMIT, PARAGRAPH_LIMIT, TITLE_LIMIT, TextTooLong, clean_text

Check = Callable[[Any], Any]


class FieldError(MessageError):
    """A value of the wrong type or out of range for its field."""


def text(value: Any, required: bool = False, limit: int = PARAGRAPH_LIMIT) -> str | None:
    """A text of at most `limit` characters once cleaned: the exchange reader's limit for the same field,
    so what is typed can be exported and read back."""
    if value is None:
        if required:
            raise FieldError(Msg(N_("This field cannot be empty.")))
        return None
    if not isinstance(value, str):
        raise FieldError(Msg(N_("Text is expected here.")))
    try:
        value = clean_text(value, limit)
    except TextTooLong as exc:
        raise FieldError(exc.msg) from None
    if value == "" and not required:
        return None
    return value


def texts(value: Any, limit: int = PARAGRAPH_LIMIT) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise FieldError(Msg(N_("A list of lines is expected here.")))
    return [text(v, True, limit) for v in value]


def title(value: Any, required: bool = False) -> str | None:
    return text(value, required, TITLE_LIMIT)


def name(value: Any, required: bool = False) -> str | None:
    return text(value, required, NAME_LIMIT)


def choice(value: Any, allowed: tuple[str, ...], optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if value not in allowed:
        raise FieldError(Msg(N_("must be one of: {allowed}"), {"allowed": ", ".join(allowed)}))
    return value


def _parse(typed: str, parser_name: str, *args):
    """Text typed by the user goes through the core parsers (Bangla or Latin digits)."""
    from egov_desktop.core import values

    try:
        return getattr(values, parser_name)(typed, *args)
    except values.ParseError as exc:
        raise FieldError(exc.msg) from None


def number(value: Any, optional: bool = False) -> int | float | None:
    """A weight: a number 0 or more."""
    if isinstance(value, str):
        value = None if value.strip() == "" else _parse(value, "parse_number")
    if value is None:
        if optional:
            return None
        raise FieldError(Msg(N_("This field cannot be empty.")))
    if not is_number(value):
        raise FieldError(Msg(N_("A number is expected here.")))
    if value < 0:
        raise FieldError(Msg(N_("The number cannot be negative.")))
    return value


def check_value(value: Any, unit: str) -> Any:
    """A target or achievement for `unit`, typed (date or number) or as typed text; returns its JSON form.
    A count_and_date's targets and achievements are its count."""
    if unit == "count_and_date":
        unit = "count"
    if isinstance(value, str):
        value = None if value.strip() == "" else _parse(value, "parse_value", unit)
    if value is None:
        return None
    if unit == "date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise FieldError(Msg(N_("A date is expected here.")))
        if not FIRST_DATE <= value <= LAST_DATE:
            raise FieldError(date_out_of_range(value.isoformat()))
        return value.isoformat()
    if not is_number(value):
        raise FieldError(Msg(N_("A number is expected here.")))
    if unit == "count":
        if value != int(value) or value < 0:
            raise FieldError(Msg(N_("a count must be a whole number 0 or more, not {value}"), {"value": value}))
        return int(value)
    if not 0 <= value <= 100:
        raise FieldError(Msg(N_("A percent must be between 0 and 100, not {value}."), {"value": value}))
    return value


def fits(json_value: Any, unit: str) -> bool:
    """Whether a stored target or achievement (its JSON form) is a valid value for `unit`."""
    try:
        check_value(dt.date.fromisoformat(json_value) if unit == "date" and json_value is not None else json_value,
                    unit)
        return True
    except (FieldError, TypeError, ValueError):
        return False


def signatory(s: Any) -> dict:
    if isinstance(s, Signatory):
        s = {k: getattr(s, k) for k in SIGNATORY_FIELDS}
    if not isinstance(s, dict):
        raise FieldError(Msg(N_("A signatory (name, designation, phone, e-mail) is expected here.")))
    return {k: name(s.get(k)) for k in SIGNATORY_FIELDS}


def emails(value: Any) -> list[str] | None:
    """Addresses for the e-mail draft: a list, or one text with commas/semicolons/new lines between them."""
    from egov_desktop.core.emails import AddressError, parse_addresses

    try:
        return parse_addresses(value) or None
    except AddressError as exc:
        raise FieldError(exc.msg, exc.where) from None


def prefixes(value: Any) -> list[dict]:
    out = []
    for p in value or []:
        if not isinstance(p, dict):
            raise FieldError(Msg(N_("A memo-number prefix needs a file name and a prefix.")))
        serial = p.get("last_serial", 0)
        if isinstance(serial, bool) or not isinstance(serial, int) or serial < 0:
            raise FieldError(Msg(N_("A letter serial is a whole number 0 or more.")))
        out.append({"file": name(p.get("file"), True), "prefix": name(p.get("prefix"), True), "last_serial": serial})
    return out


def _required_title(v: Any) -> str:
    return title(v, True)


def _required_name(v: Any) -> str:
    return name(v, True)


def _limited(limit: int) -> Check:
    return lambda v: text(v, False, limit)


def _title_lines(v: Any) -> list[str]:
    return texts(v, TITLE_LIMIT)


# The fields an operation may set, with their checks (value -> stored value). The limits are the exchange
# reader's for the same field (titles, names, paragraphs: core/text.py).
PLAN: dict[str, Check] = {"title": _required_title, "total_weight": number, "notes": text}
AREA: dict[str, Check] = {"title": title, "weight": lambda v: number(v, optional=True)}
ACTIVITY: dict[str, Check] = {"title": _required_title}
INDICATOR: dict[str, Check] = {
    "title": _required_title,
    "unit": lambda v: choice(v, UNITS),
    "weight": number,
    "scoring": lambda v: choice(v, SCORINGS, True),
    "aggregation": lambda v: choice(v, AGGREGATIONS, True),
    "evidence": text,
    "responsible": title,
}
LEVEL: dict[str, Check] = {
    "id": _required_name,
    "label": _required_name,
    "percent": lambda v: check_value(v, "percent") if v is not None else number(v),
}
ENTRY_TEXT = ("narrative", "evidence", "remarks")
MEMO: dict[str, Check] = {
    "number": title,
    "date": lambda v: check_value(v, "date"),
    "subject": title,
    "reference": text,
    "body": texts,
    "attachment": title,
    **{f"signatory.{k}": name for k in SIGNATORY_FIELDS},
    "recipient": _title_lines,
    "attention": title,
    "copies": _title_lines,
    "copies_purpose": title,
}
OFFICE: dict[str, Check] = {
    "name": _required_name,
    "tier": lambda v: choice(v, TIERS),
    **{f: _limited(OFFICE_LIMITS.get(f, NAME_LIMIT)) for f in OFFICE_TEXT_FIELDS},
    "signatories": lambda v: [signatory(s) for s in v or []],
    "default_recipients": _title_lines,
    "default_attention": title,
    "default_copies": _title_lines,
    "default_copies_purpose": title,
    "standard_paragraphs": texts,  # paragraphs, as a memo's body
    "recipient_emails": emails,
    "copy_emails": emails,
    "memo_prefixes": prefixes,
}


def check_field(fields: dict[str, Check], name: str, value: Any) -> Any:
    """`value` checked for the field `name` of one of the tables above."""
    check = fields.get(name)
    if check is None:
        raise unknown_field(name)
    return check(value)


def unknown_field(name: str) -> FieldError:
    return FieldError(Msg(N_("There is no field named {field}."), {"field": name}))
