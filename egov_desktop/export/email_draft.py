"""The e-mail draft: an .eml that Outlook and Thunderbird open ready to send.

`X-Unsent: 1` makes Outlook open the file as a new message rather than a received
one. The subject is the memo's subject (UTF-8, RFC 2047 encoded by the email
package), the body is the memo's text, and the exported .docx is attached. To and
Cc normally come from the office profile (Store.office_profile: recipient_emails,
copy_emails).
"""
from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Iterable

from egov_desktop.core.emails import addresses_in
from egov_desktop.core.files import write_atomic
from egov_desktop.core.guarded import ZIP_LIMIT, Unreadable, read_file
from egov_desktop.core.i18n import Msg, N_, current_language
from egov_desktop.core.model import PlanDocument
from egov_desktop.export.docx_report import ExportError, ExportSettings, memo_text

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def draft_addresses(doc: PlanDocument, period: str, profile: dict | None = None) -> tuple[list[str], list[str]]:
    """(To, Cc) of the draft: the office profile's recipient and copy addresses (Store.office_profile).
    A profile without recipient addresses (or an exchange file, no profile) falls back to the addresses
    written in the memo's recipient lines and the profile's default recipient lines."""
    profile = profile or {}
    to = list(profile.get("recipient_emails") or [])
    if not to:
        report = doc.report(period)
        lines = list(report.memo.recipient) if report is not None and report.memo is not None else []
        to = addresses_in(lines + list(profile.get("default_recipients") or []))
    return to, list(profile.get("copy_emails") or [])


def _read(path: Path, limit: int) -> bytes:
    """A file to attach; guarded.Unreadable naming it when it cannot be read."""
    try:
        return read_file(path, limit)
    except Unreadable as exc:
        raise Unreadable(exc.msg, where=str(path)) from None


def write_eml(doc: PlanDocument, period: str, docx_path, out_path, to: Iterable[str] = (),
              settings: ExportSettings | None = None, cc: Iterable[str] = (), package_path=None) -> Path:
    """Write the draft to `out_path`; `to` may be empty (the user fills it in the mail program). An address
    of `cc` that is also in `to` is left out of Cc. `package_path`, a submission package (export/package.py),
    is attached after the Word file: the Word file stays for reading at once, the package is for the upper
    office's program. Raises guarded.Unreadable when `docx_path` or `package_path` cannot be read."""
    report = doc.report(period)
    if report is None or report.memo is None:
        from egov_desktop.core.periods import period_name

        raise ExportError(Msg(N_("The {period} report has no forwarding memo to export."),
                              {"period": period_name(period, current_language())}))
    docx_path, out = Path(docx_path), Path(out_path)
    msg = EmailMessage(policy=SMTP)
    msg["X-Unsent"] = "1"
    to = list(to)
    msg["To"] = ", ".join(to)
    cc = [a for a in cc if a.lower() not in {t.lower() for t in to}]
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = report.memo.subject or ""
    msg.set_content(memo_text(doc, period, settings))
    msg.add_attachment(_read(docx_path, ZIP_LIMIT), maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1],
                       filename=docx_path.name)
    if package_path is not None:
        from egov_desktop.export.package import PACKAGE_LIMIT

        package_path = Path(package_path)
        msg.add_attachment(_read(package_path, PACKAGE_LIMIT), maintype="application", subtype="zip",
                           filename=package_path.name)
    return write_atomic(out, msg.as_bytes())
