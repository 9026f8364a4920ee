"""What the notices of changes on the office's server say (issue 12.3, store/live.py), beyond the rows: the plans made
and deleted, so that every list of plans in an open window follows another officer's import, new plan or deletion;
and a database written over as a whole (db copy --replace, restore --replace), so that open windows read it all
again. A real PostgreSQL server (tests/pg_cluster.py)."""
from __future__ import annotations

import json
import select
import time

from egov_desktop.core import exchange
from egov_desktop.store.copy import copy_database
from egov_desktop.store.live import notice
from egov_desktop.store.server_backup import backup_server, restore_server
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB

WAIT_S = 5


def _received(listener, count: int, wait_s: float = WAIT_S) -> list:
    """The notices that came, waiting on the listener's socket until `count` have (or `wait_s` passed)."""
    found, deadline = [], time.monotonic() + wait_s
    while len(found) < count and time.monotonic() < deadline:
        select.select([listener.fileno()], [], [], max(0.0, deadline - time.monotonic()))
        found += listener.changes()
    return found


def test_a_plan_made_and_deleted_by_another_program_is_named_as_such(pg_url):
    with Store.open(pg_url) as mine, Store.open(pg_url) as theirs:
        listener = mine.listen()
        key = theirs.import_document(exchange.load(PIB)).key
        [made] = _received(listener, 1)
        assert made.summary.plans_added == {key} and not made.summary.plans_removed
        deleted = theirs.delete_plan(key)
        [gone] = _received(listener, 1)
        assert gone.summary.plans_removed == {key} and not gone.summary.plans_added
        deleted.undo()  # the deletion undone makes the plan again
        [back] = _received(listener, 1)
        assert back.summary.plans_added == {key}
        # An edit inside a plan names its plan, and makes or deletes none.
        ind = next(i for i in theirs.get_document(key).plan.indicators() if i.unit == "count")
        theirs.set_entry_field(key, "Q1", ind.key, "remarks", "লেখা")
        [edit] = _received(listener, 1)
        assert edit.summary.plans == {key} and not (edit.summary.plans_added or edit.summary.plans_removed)
        assert not edit.summary.everything


def test_a_copy_onto_the_server_over_its_data_is_one_notice_of_everything(pg_url, tmp_path):
    with Store.open(tmp_path / "office.sqlite") as office:
        office.import_document(exchange.load(MODMR))
        with Store.open(pg_url) as server, Store.open(pg_url) as watching:
            server.import_document(exchange.load(PIB))
            listener = watching.listen()
            copy_database(office, server, replace=True)
            [replaced] = _received(listener, 1)
            assert replaced.summary.everything
            # One notice for the whole copy, not one per row or table (a commit's notices come together).
            assert _received(listener, 1, wait_s=0.5) == []


def test_a_restore_onto_the_server_is_one_notice_of_everything(pg_url, tmp_path):
    with Store.open(pg_url) as server, Store.open(pg_url) as watching:
        server.import_document(exchange.load(PIB))
        backup_server(server, tmp_path / "apa.sqlite")
        listener = watching.listen()
        restore_server(tmp_path / "apa.sqlite", server, replace=True)
        [replaced] = _received(listener, 1)
    assert replaced.summary.everything


def test_a_notice_without_the_newer_keys_is_still_read():
    """A program of the same schema but older, on the same server, sends notices without "added", "removed", "all"."""
    older = {"by": "x", "tables": ["entry"], "structure": False, "settings": False, "plans": [3], "offices": [],
             "indicators": [7], "reports": [2], "entries": [9]}
    read = notice(json.dumps(older))
    assert read.summary.plans == {3} and not (read.summary.plans_added or read.summary.everything)
