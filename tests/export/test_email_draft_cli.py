"""`egov-desktop email-draft` addresses: To and Cc from the office profile in the database, --to/--cc
replace them, and the lines are the fallback. Through the real CLI, the .eml parsed back."""
from __future__ import annotations

import subprocess
import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import MODMR

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "egov.sqlite"
    with Store.open(path) as store:
        key = store.import_document(exchange.load(MODMR)).key
        office = store.office_of(key)
        store.set_office_field(office, "recipient_emails", ["egov@cabinet.gov.bd", "secy@cabinet.gov.bd"])
        store.set_office_field(office, "copy_emails", ["ps@modmr.gov.bd", "egov@cabinet.gov.bd"])
    return path


def draft(capsys, tmp_path, *args):
    out = tmp_path / "draft.eml"
    code = cli.main([str(a) for a in ("email-draft", *args, "--period", "H1", "--out", out)])
    text, err = capsys.readouterr()
    msg = message_from_bytes(out.read_bytes(), policy=default) if code == 0 else None
    out.unlink(missing_ok=True)
    return code, msg, text, err


def test_to_and_cc_come_from_the_office_profile_and_flags_replace_them(capsys, tmp_path, db):
    plan = ["--fiscal-year", "২০২১-২২", "--db", db]
    code, msg, _, _ = draft(capsys, tmp_path, *plan)
    assert code == 0
    assert msg["To"] == "egov@cabinet.gov.bd, secy@cabinet.gov.bd"
    assert msg["Cc"] == "ps@modmr.gov.bd"  # an address already in To is not copied again

    code, msg, _, _ = draft(capsys, tmp_path, *plan, "--to", "a@x.gov.bd; b@y.gov.bd")
    assert (msg["To"], msg["Cc"]) == ("a@x.gov.bd, b@y.gov.bd", "ps@modmr.gov.bd, egov@cabinet.gov.bd")
    code, msg, _, _ = draft(capsys, tmp_path, *plan, "--cc", "c@z.gov.bd", "--cc", "d@z.gov.bd")
    assert (msg["To"], msg["Cc"]) == ("egov@cabinet.gov.bd, secy@cabinet.gov.bd", "c@z.gov.bd, d@z.gov.bd")

    code, msg, _, err = draft(capsys, tmp_path, *plan, "--to", "সচিব মহোদয়")
    assert code == 1 and msg is None and "সচিব: " in err and "ইমেইল ঠিকানা নয়" in err


def test_without_profile_addresses_the_lines_are_used_or_to_is_left_empty(capsys, tmp_path, db):
    with Store.open(db) as store:
        office = store.office_of(store.find_plan("2021-22", "egov_innovation"))
        store.set_office_field(office, "recipient_emails", None)
        store.set_office_field(office, "copy_emails", [])
        store.set_office_field(office, "default_recipients", ["সচিব (egov@cabinet.gov.bd)"])
    code, msg, _, _ = draft(capsys, tmp_path, "--fiscal-year", "2021-22", "--db", db)
    assert code == 0 and msg["To"] == "egov@cabinet.gov.bd" and msg["Cc"] is None

    # The reference file's recipient lines hold no address: To stays empty and the user is told.
    code, msg, text, _ = draft(capsys, tmp_path, MODMR, "--lang", "en")
    assert code == 0 and msg["To"] == "" and "fill in To" in text


def test_a_real_process_writes_the_profile_addresses(tmp_path, db):
    out = tmp_path / "p.eml"
    proc = subprocess.run([sys.executable, "-m", "egov_desktop", "email-draft", "--fiscal-year", "2021-22",
                           "--period", "H1", "--db", str(db), "--out", str(out)],
                          cwd=ROOT, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode("utf-8")
    assert b"Traceback" not in proc.stderr
    msg = message_from_bytes(out.read_bytes(), policy=default)
    assert msg["To"] == "egov@cabinet.gov.bd, secy@cabinet.gov.bd" and msg["Cc"] == "ps@modmr.gov.bd"
