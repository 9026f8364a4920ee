"""A sign-off on one officer's PC while another officer edits the same report, on the office's server
(issue 12.3): the edit either lands before the seal, and is in the digest, or is refused as sealed; never an
edit after the digest was taken. Two real processes; the test makes one of them stop half-way through its
transaction (a trigger waiting on an advisory lock the test holds), so the other runs into the middle of it
every time, as it otherwise does only now and then."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

from egov_desktop.core import exchange
from egov_desktop.core.digest import report_digest
from egov_desktop.store.service import Store
from tests.conftest import MODMR

ROOT = Path(__file__).resolve().parents[2]
PAUSE = 4242
LATE = "শেষ মুহূর্তের সংশোধন"

CHILD = """
import sys
from egov_desktop.core.model import Signatory
from egov_desktop.store.service import Store, StoreError
url, plan, key, action = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with Store.open(url) as store:
    store.get_document(plan)  # as the officer's open window has read it
    try:
        if action == "sign":
            store.sign_off(plan, "H1", Signatory(name="রহিম", designation="পরিচালক"))
        else:
            store.set_entry_field(plan, "H1", key, "remarks", sys.argv[5])
        print("done")
    except StoreError as exc:
        print("refused", exc.render())
"""


def _start(url: str, plan: int, key: int, action: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", CHILD, url, str(plan), str(key), action, LATE],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def _until(condition, *children: subprocess.Popen) -> None:
    """Wait for `condition()`, or for a child to end (which, where it should have waited, the asserts show)."""
    while not condition() and all(c.poll() is None for c in children):
        time.sleep(0.02)


@pytest.mark.parametrize("first", ["sign", "edit"])
def test_an_edit_racing_a_sign_off_is_in_the_digest_or_refused(pg_url, first):
    with Store.open(pg_url) as store:
        plan = store.import_document(exchange.load(MODMR)).key
        key = next(i for i in store.get_document(plan).plan.indicators() if i.unit == "count").key
    db = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_url, autocommit=True) as test:
        # The first one stops half-way through its transaction: the sign-off after reading and digesting
        # the report, as it writes its signed revision; the edit as it writes the entry.
        test.execute(f"CREATE FUNCTION pause() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                     f"PERFORM pg_advisory_lock({PAUSE}); PERFORM pg_advisory_unlock({PAUSE}); RETURN NEW; END $$")
        table = "signoff" if first == "sign" else "entry"
        test.execute(f"CREATE TRIGGER pause BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION pause()")
        test.execute("SELECT pg_advisory_lock(%s)", (PAUSE,))

        def waiting() -> int:
            return test.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = "
                                "'Lock'", (db,)).fetchone()[0]

        one = _start(pg_url, plan, key, first)
        _until(lambda: waiting() == 1, one)
        assert one.poll() is None, one.communicate()
        other = _start(pg_url, plan, key, "edit" if first == "sign" else "sign")
        _until(lambda: waiting() == 2, one, other)  # the second waits for the first's row lock
        test.execute("SELECT pg_advisory_unlock(%s)", (PAUSE,))
        said = {first: one.communicate(timeout=120), "other": other.communicate(timeout=120)}
        test.execute("DROP TRIGGER pause ON " + table)
    sign, edit = (said["sign"], said["other"]) if first == "sign" else (said["other"], said["edit"])
    assert sign[0].startswith("done"), said
    with Store.open(pg_url, readonly=True) as store:
        doc = store.get_document(plan)
        report = doc.report("H1")
        code = next(i.code for i in doc.plan.indicators() if i.key == key)
        assert report.status == "signed_off"
        # What the report holds now is what was digested, whichever came first.
        assert report.signoff.digest == report_digest(doc, "H1")
        (signed,) = store.signed_revisions(plan, "H1")
        if first == "sign":
            assert edit[0].startswith("refused") and "স্বাক্ষরিত" in edit[0], said
            assert report.entry(code).remarks != LATE
        else:
            assert edit[0].startswith("done"), said
            assert report.entry(code).remarks == LATE
            assert signed.document().report("H1").entry(code).remarks == LATE
