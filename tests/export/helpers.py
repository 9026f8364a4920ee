"""Shared by the export tests: reference documents, a signed copy, and reading a .docx back."""
from __future__ import annotations

import copy
import datetime as dt
import zipfile

from egov_desktop.core import exchange
from egov_desktop.core.digest import report_digest
from egov_desktop.core.model import PlanDocument, Signoff
from tests.conftest import MODMR, PIB

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def modmr() -> PlanDocument:
    return exchange.load(MODMR)


def pib() -> PlanDocument:
    return exchange.load(PIB)


def signed(doc: PlanDocument, period: str, revision: int = 1) -> PlanDocument:
    """A copy whose report is signed off, sealed with the real digest."""
    doc = copy.deepcopy(doc)
    report = doc.report(period)
    sig = report.memo.signatory if report.memo else None
    report.status = "signed_off"
    report.revision = revision
    report.signoff = Signoff(sig.name if sig else "মুনিরা সুলতানা", sig.designation if sig else "উপসচিব",
                             dt.datetime(2022, 1, 10, 11, 30), report_digest(doc, period))
    return doc


def part(path, name: str) -> bytes:
    with zipfile.ZipFile(path) as z:
        return z.read(name)


def texts(document) -> list[str]:
    """Paragraph texts of a python-docx Document's body in document order, table cells included."""
    out = []
    for p in document.element.body.iter(f"{W}p"):
        out.append("".join(n.text or "" if n.tag == f"{W}t" else "\t" if n.tag == f"{W}tab" else "\n"
                           for n in p.iter(f"{W}t", f"{W}tab", f"{W}br")))
    return out


def index_of(lines: list[str], needle: str, start: int = 0) -> int:
    """Position of the first line at or after `start` that contains `needle` (fails the test if none)."""
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i
    raise AssertionError(f"{needle!r} not found after line {start}: {lines[start:]}")
