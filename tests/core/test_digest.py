import copy

from egov_desktop.core import exchange
from egov_desktop.core.digest import report_digest, verification_code
from tests.conftest import PIB


def test_digest_changes_with_content_not_with_status():
    doc = exchange.load(PIB)
    d1 = report_digest(doc, "Q1")
    assert len(d1) == 64
    signed = copy.deepcopy(doc)
    signed.report("Q1").status = "signed_off"
    signed.report("Q1").revision = 3
    assert report_digest(signed, "Q1") == d1
    edited = copy.deepcopy(doc)
    edited.report("Q1").entries[3].value = 57
    assert report_digest(edited, "Q1") != d1


def test_verification_code_shape():
    assert verification_code("ab" * 32) == "ABAB-ABAB-ABAB"
