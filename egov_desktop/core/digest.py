"""The digest that seals a signed-off report, and the short code printed on the export.

The digest is SHA-256 over the report's canonical content: the office, the plan and
the report's entries and memo as the exchange format writes them, with sorted keys and
no whitespace. Status, sign-off and revision are left out: they are about the seal,
not what is sealed.
"""
from __future__ import annotations

import hashlib
import json

from egov_desktop.core import exchange
from egov_desktop.core.model import PlanDocument


def canonical_content(doc: PlanDocument, period: str) -> bytes:
    full = exchange.to_dict(doc)
    report = next(r for r in full.get("reports", []) if r["period"] == period)
    sealed = {k: v for k, v in report.items() if k not in ("status", "signoff", "revision")}
    content = {"office": full["office"], "plan": full["plan"], "report": sealed}
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def report_digest(doc: PlanDocument, period: str) -> str:
    """Hex SHA-256 of the report's canonical content. Raises StopIteration if there is no such report."""
    return hashlib.sha256(canonical_content(doc, period)).hexdigest()


def verification_code(digest: str) -> str:
    """Short code for the footer: the digest's first 12 hex digits, as XXXX-XXXX-XXXX."""
    head = digest[:12].upper()
    return "-".join(head[i : i + 4] for i in range(0, 12, 4))
