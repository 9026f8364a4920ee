"""The e-mail draft: an .eml that Outlook and Thunderbird open ready to send.

`X-Unsent: 1` makes Outlook open the file as a new message rather than a received
one. The subject is the memo's subject (UTF-8, RFC 2047 encoded by the email
package), the body is the memo's text, and the exported .docx is attached.
"""
from __future__ import annotations

import re
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Iterable

from egov_desktop.core.i18n import Msg, N_, current_language
from egov_desktop.core.model import PlanDocument
from egov_desktop.export.docx_report import ExportError, ExportSettings, memo_text

DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
_ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def addresses_in(lines: Iterable[str]) -> list[str]:
    """E-mail addresses written in recipient lines (the office profile keeps recipients as text)."""
    found: list[str] = []
    for line in lines:
        found += [a for a in _ADDRESS.findall(line or "") if a not in found]
    return found


def write_eml(doc: PlanDocument, period: str, docx_path, out_path, to: Iterable[str] = (),
              settings: ExportSettings | None = None) -> Path:
    """Write the draft to `out_path`; `to` may be empty (the user fills it in the mail program)."""
    report = doc.report(period)
    if report is None or report.memo is None:
        from egov_desktop.core.periods import period_name

        raise ExportError(Msg(N_("The {period} report has no forwarding memo to export."),
                              {"period": period_name(period, current_language())}))
    docx_path, out = Path(docx_path), Path(out_path)
    msg = EmailMessage(policy=SMTP)
    msg["X-Unsent"] = "1"
    msg["To"] = ", ".join(to)
    msg["Subject"] = report.memo.subject or ""
    msg.set_content(memo_text(doc, period, settings))
    msg.add_attachment(docx_path.read_bytes(), maintype=DOCX_TYPE[0], subtype=DOCX_TYPE[1],
                       filename=docx_path.name)
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(msg.as_bytes())
    tmp.replace(out)
    return out
