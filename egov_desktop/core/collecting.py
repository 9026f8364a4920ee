"""Collecting subordinate offices' reports (issue 11.4), the rules in plain Python: what one report read from a
file is (`Received`), whose it is (`match_office`), and how it stands against the one already collected
(`compare`). The store files it (store/collected.py); the command and the window ask the user (commands/collect.py,
gui/dialogs/collect.py)."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import unicodedata
from dataclasses import dataclass

from egov_desktop.core.address import SIGNOFF, Address
from egov_desktop.core import exchange
from egov_desktop.core.model import PlanDocument

# How a report came: an exchange file, the data a .docx/.xlsx carries, a table read from a .docx/.xlsx
# without data (or edited by hand), a submission package.
SOURCE_KINDS = ("json", "embedded", "table", "package")

# compare(): no report of that office, kind, year and period yet; the very same report again; a newer revision
# of it; an older revision than the one collected; the same revision with other content (a draft sent again).
NEW, SAME, NEWER, OLDER, CHANGED = "new", "same", "newer", "older", "changed"


@dataclass(frozen=True)
class Received:
    """One report of a subordinate office, as read from a file: the plan with that one report."""

    doc: PlanDocument
    period: str
    source_kind: str
    signed: bool  # the file says it is signed off (even when its digest does not hold)
    verified: bool  # signed, and the digest is that of its content

    @property
    def report(self):
        return self.doc.reports[0]

    @property
    def tampered(self) -> bool:
        return self.signed and not self.verified

    @property
    def revision(self) -> int | None:
        return self.report.revision

    @property
    def digest(self) -> str | None:
        return self.report.signoff.digest if self.report.signoff is not None else None

    def document_json(self) -> str:
        return exchange.dumps(self.doc)

    def content_sha256(self) -> str:
        return content_sha256(self.doc)


def received(doc: PlanDocument, period: str, source_kind: str) -> Received:
    """The `period` report of `doc` as collected. The reader has already read a report whose digest does not
    hold as a draft, with a warning (exchange._unseal_forged): that warning is what says it was signed."""
    report = doc.report(period)
    if report is None:
        raise KeyError(period)
    forged = any(w.rule == "digest_mismatch" and w.where == Address(SIGNOFF, period=period) for w in doc.warnings)
    one = dataclasses.replace(doc, reports=[report], warnings=[w for w in doc.warnings if w.where.period == period])
    signed = report.signoff is not None or forged
    return Received(one, period, source_kind, signed, report.signoff is not None)


def content_sha256(doc: PlanDocument) -> str:
    """What makes two collected reports the same: the document's content, keys sorted."""
    text = json.dumps(exchange.to_dict(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def office_key(name: str) -> str:
    """An office name as compared: NFC, spaces collapsed, case folded (a Latin name typed in other case)."""
    return " ".join(unicodedata.normalize("NFC", name or "").split()).casefold()


def match_office(name: str, offices: dict[str, int]) -> int | None:
    """The key of the office named `name` among `offices` (name -> key), by office_key; None when none is."""
    wanted = office_key(name)
    return next((key for n, key in offices.items() if office_key(n) == wanted), None)


def compare(existing: tuple[int | None, str] | None, incoming: Received) -> str:
    """How `incoming` stands against the collected report (its revision and content_sha256), or NEW."""
    if existing is None:
        return NEW
    revision, sha = existing
    if sha == incoming.content_sha256():
        return SAME
    have, got = revision or 0, incoming.revision or 0
    if got > have:
        return NEWER
    if got < have:
        return OLDER
    return CHANGED
