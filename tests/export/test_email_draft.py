"""The .eml draft parsed back with the email package: headers, encoded subject, memo body, attachment."""
from __future__ import annotations

from email import message_from_bytes
from email.policy import default

import pytest

from egov_desktop.core.emails import addresses_in
from egov_desktop.export.docx_report import ExportError, export_docx
from egov_desktop.export.email_draft import write_eml
from tests.export.helpers import modmr, pib


def test_draft_opens_unsent_with_subject_body_and_docx(tmp_path):
    doc = modmr()
    docx_path = export_docx(doc, "H1", tmp_path / "প্রতিবেদন.docx")
    out = write_eml(doc, "H1", docx_path, tmp_path / "draft.eml", ["egov@cabinet.gov.bd", "a@modmr.gov.bd"])
    raw = out.read_bytes()
    assert raw.isascii()  # everything non-ASCII is encoded, as mail programs expect
    assert b"Subject: =?utf-8?" in raw
    msg = message_from_bytes(raw, policy=default)
    assert msg["X-Unsent"] == "1"
    assert msg["To"] == "egov@cabinet.gov.bd, a@modmr.gov.bd"
    assert msg["Subject"] == doc.report("H1").memo.subject
    body = msg.get_body(("plain",)).get_content()
    lines = body.splitlines()
    assert lines[0] == "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"
    assert any(line.startswith("স্মারক নং-৫১.০০.০০০০.২৫০.২৫.০০৬.২১.৯৫") and "তারিখ: ২৬ পৌষ ১৪২৮ বঙ্গাব্দ" in line
               for line in lines)
    assert "০২। প্রতিবেদনটি" in body and "৩। অতিরিক্ত সচিব (সিপিপি)" in body
    assert body.index("বিষয়:") < body.index("সংযুক্তি:") < body.index("মুনিরা সুলতানা") < body.index("অনুলিপি:")
    [attachment] = list(msg.iter_attachments())
    assert attachment.get_content_type() == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert attachment.get_filename() == "প্রতিবেদন.docx"
    assert attachment.get_content() == docx_path.read_bytes()


def test_draft_without_memo_is_refused_and_addresses_are_found_in_lines(tmp_path):
    doc = pib()
    docx_path = export_docx(doc, "Q1", tmp_path / "p.docx", parts=("report",))
    with pytest.raises(ExportError):
        write_eml(doc, "Q1", docx_path, tmp_path / "p.eml", [])
    assert not (tmp_path / "p.eml").exists()
    assert addresses_in(["সচিব (egov@cabinet.gov.bd)", "ইমেইল: x.y@pib.gov.bd; egov@cabinet.gov.bd", None]) == [
        "egov@cabinet.gov.bd", "x.y@pib.gov.bd"]
