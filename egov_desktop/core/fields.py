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
from egov_desktop.core.text import PARAGRAPH_LIMIT, TextTooLong, clean_text

Check = Callable[[Any], Any]


class FieldError(MessageError):
    """A value of the wrong type or out of range for its field."""


def text(value: Any, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise FieldError(Msg(N_("This field cannot be empty.")))
        return None
    if not isinstance(value, str):
        raise FieldError(Msg(N_("Text is expected here.")))
    try:
        value = clean_text(value, PARAGRAPH_LIMIT)
    except TextTooLong as exc:
        raise FieldError(exc.msg) from None
    if value == "" and not required:
        return None
    return value


def texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str) or not all(isinstance(v, str) for v in value):
        raise FieldError(Msg(N_("A list of lines is expected here.")))
    return [text(v, True) for v in value]


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
    return {k: text(s.get(k)) for k in SIGNATORY_FIELDS}


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
        out.append({"file": text(p.get("file"), True), "prefix": text(p.get("prefix"), True), "last_serial": serial})
    return out


def _required(v: Any) -> str:
    return text(v, True)


# The fields an operation may set, with their checks (value -> stored value).
PLAN: dict[str, Check] = {"title": _required, "total_weight": number, "notes": text}
AREA: dict[str, Check] = {"title": text, "weight": lambda v: number(v, optional=True)}
ACTIVITY: dict[str, Check] = {"title": _required}
INDICATOR: dict[str, Check] = {
    "title": _required,
    "unit": lambda v: choice(v, UNITS),
    "weight": number,
    "scoring": lambda v: choice(v, SCORINGS, True),
    "aggregation": lambda v: choice(v, AGGREGATIONS, True),
    "evidence": text,
    "responsible": text,
}
LEVEL: dict[str, Check] = {
    "id": _required,
    "label": _required,
    "percent": lambda v: check_value(v, "percent") if v is not None else number(v),
}
ENTRY_TEXT = ("narrative", "evidence", "remarks")
MEMO: dict[str, Check] = {
    "number": text,
    "date": lambda v: check_value(v, "date"),
    "subject": text,
    "reference": text,
    "body": texts,
    "attachment": text,
    **{f"signatory.{k}": text for k in SIGNATORY_FIELDS},
    "recipient": texts,
    "attention": text,
    "copies": texts,
    "copies_purpose": text,
}
OFFICE: dict[str, Check] = {
    "name": _required,
    "tier": lambda v: choice(v, TIERS),
    **{f: text for f in OFFICE_TEXT_FIELDS},
    "signatories": lambda v: [signatory(s) for s in v or []],
    "default_recipients": texts,
    "default_attention": text,
    "default_copies": texts,
    "default_copies_purpose": text,
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
