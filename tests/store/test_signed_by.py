"""Who signed a report off and who reopened it: the officer's name the program asked for (the setting
officer_name), as the audit log says, not the computer's login; the login only while no name is given; on
a server the officer's own role (issue 15)."""
from __future__ import annotations

import getpass
from urllib.parse import urlparse

from egov_desktop.core import exchange
from egov_desktop.core.model import Signatory
from egov_desktop.store.audit import OFFICER_NAME
from tests.conftest import MODMR

SIGNER = Signatory(name="মুনিরা সুলতানা", designation="উপসচিব (আইন)")


def _seal_and_reopen(store) -> tuple:
    key = store.import_document(exchange.load(MODMR)).key
    store.sign_off(key, "H1", SIGNER)
    store.reopen(key, "H1", "একটি অর্জন সংশোধন")
    [signed] = store.signed_revisions(key, "H1")
    logged = {a.operation: a.user for a in store.audit(key) if a.operation in ("sign_off", "reopen")}
    return signed, logged


def test_the_signed_and_reopened_records_name_the_officer(store, db_path):
    store.set_setting(OFFICER_NAME, "রহিমা খাতুন")
    signed, logged = _seal_and_reopen(store)
    # On a server each officer is their own role, and the audit names it (dialect.server_role).
    officer = urlparse(str(db_path)).username if str(db_path).startswith("postgresql:") else "রহিমা খাতুন"
    assert (signed.signed_by, signed.reopened_by) == (officer, officer)
    assert logged == {"sign_off": officer, "reopen": officer}


def test_without_a_name_the_login_stands_in(store, db_path):
    signed, logged = _seal_and_reopen(store)
    login = urlparse(str(db_path)).username if str(db_path).startswith("postgresql:") else getpass.getuser()
    assert (signed.signed_by, signed.reopened_by) == (login, login) and set(logged.values()) == {login}
