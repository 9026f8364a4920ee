"""Moving an office onto the server and back (issue 12.5): `db copy` copies every plan, report, memo,
sign-off and audit row under the same ids, verified (the exchange export of both sides equal); a target
holding data is refused unless --replace; the copy on the server keeps working (new rows get new ids)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from egov_desktop.core import exchange
from egov_desktop.core.model import Signatory
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB
from tests.store.conftest import query

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "egov_desktop", *args], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL)


def _everything(db) -> tuple[dict, list]:
    with Store.open(db, readonly=True) as store:
        docs = {p.key: exchange.dumps(store.get_document(p.key)) for p in store.list_plans()}
        audit = [(a.at, a.user, a.operation, a.entity, a.entity_key, a.old, a.new) for a in store.audit()]
    return docs, audit


def test_an_office_moves_onto_the_server_and_back_with_everything(tmp_path, pg_url):
    office = tmp_path / "office.sqlite"
    with Store.open(office) as store:
        modmr = store.import_document(exchange.load(MODMR)).key
        pib = store.import_document(exchange.load(PIB)).key
        ind = next(i for i in store.get_document(pib).plan.indicators() if i.code == "2.1.1")
        store.set_target(ind.key, 0, 12)
        store.set_memo_field(pib, "Q1", "subject", "ত্রৈমাসিক অগ্রগতি")
        store.sign_off(modmr, "H1", Signatory(name="মুনিরা সুলতানা", designation="উপসচিব"))
    original = _everything(office)
    assert len(original[0]) == 2 and len(original[1]) > 3

    done = _cli("db", "copy", "--from", str(office), "--to", pg_url)
    assert done.returncode == 0, done.stderr
    assert _everything(pg_url) == original
    assert query(pg_url, "SELECT count(*) FROM signoff") == [(1,)]

    # Once there, a second copy onto it is refused; the server's data is unchanged.
    done = _cli("db", "copy", "--from", str(office), "--to", pg_url)
    assert done.returncode == 1 and "--replace" in done.stderr and "Traceback" not in done.stderr

    # The office works on the server: a new plan gets a new id; then back to a file, everything again.
    with Store.open(pg_url) as store:
        store.delete_plan(pib)
        again = store.import_document(exchange.load(PIB)).key
        assert again not in (modmr, pib)
    on_server = _everything(pg_url)
    back = tmp_path / "back.sqlite"
    done = _cli("db", "copy", "--from", pg_url, "--to", str(back))
    assert done.returncode == 0, done.stderr
    assert _everything(back) == on_server

    done = _cli("db", "copy", "--from", str(office), "--to", str(back), "--replace")
    assert done.returncode == 0, done.stderr
    assert _everything(back) == original
