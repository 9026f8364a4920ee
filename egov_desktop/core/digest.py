"""The digest that seals a signed-off report, and the short code printed on the export.

The digest is SHA-256 over the report's canonical content: the office, the plan and
the report's entries and memo as the exchange format writes them, with sorted keys and
no whitespace. Status, sign-off and revision are left out: they are about the seal,
not what is sealed. It is computed in exchange.py, whose reader checks every sign-off.
"""
from __future__ import annotations

from egov_desktop.core.exchange import canonical_content, report_digest  # noqa: F401


def verification_code(digest: str) -> str:
    """Short code for the footer: the digest's first 12 hex digits, as XXXX-XXXX-XXXX."""
    head = digest[:12].upper()
    return "-".join(head[i : i + 4] for i in range(0, 12, 4))
