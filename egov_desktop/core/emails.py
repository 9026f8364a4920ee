"""E-mail addresses: found in free text (recipient lines) and checked when typed.

Shared by the store (the office profile's recipient and copy addresses) and the
e-mail draft. Deliberately simple: an office address is name@domain.tld in ASCII.
"""
from __future__ import annotations

import re
from typing import Iterable

from egov_desktop.core.i18n import MessageError, Msg, N_

ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# Between addresses typed in one field: commas, semicolons (Outlook's separator), spaces, new lines.
_SEPARATORS = re.compile(r"[\s,;]+")


class AddressError(MessageError, ValueError):
    """The bad address is `where`, not a value in `msg`: a message localizes the digits of its values,
    and an address must be shown as typed."""


def addresses_in(lines: Iterable[str | None]) -> list[str]:
    """E-mail addresses written anywhere in the lines, in order, each once."""
    found: list[str] = []
    for line in lines:
        found += [a for a in ADDRESS.findall(line or "") if a not in found]
    return found


def parse_addresses(value: str | list[str] | tuple[str, ...] | None) -> list[str]:
    """Addresses as typed: one text with separators, or a list. Each must be a whole address (else
    AddressError naming it); repeats (ignoring case) are dropped, the order is kept."""
    if value is None:
        return []
    parts = [value] if isinstance(value, str) else value
    if not isinstance(parts, (list, tuple)) or not all(isinstance(p, str) for p in parts):
        raise AddressError(Msg(N_("A list of e-mail addresses is expected here.")))
    out: list[str] = []
    for part in parts:
        for address in _SEPARATORS.split(part.strip()):
            if not address:
                continue
            if not ADDRESS.fullmatch(address):
                raise AddressError(Msg(N_("This is not an e-mail address (like name@office.gov.bd).")), address)
            if address.lower() not in (a.lower() for a in out):
                out.append(address)
    return out
