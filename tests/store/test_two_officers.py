"""Two officers editing at once on the office's server (issue 12.3, 12.4): nothing is lost. An edit made
on a value someone else has changed since is refused, naming who and when (the audit's "who" is the
officer's role on the server); the current value is what the store then shows; undo refuses to overwrite a
later change by someone else. Two real processes race for one indicator: one wins, one is refused."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from egov_desktop.core import exchange
from egov_desktop.store.errors import StaleEdit
from egov_desktop.store.service import Store
from tests.conftest import PIB

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def officers(pg_cluster, pg_url):
    """The plan on the server, and the URLs of two officers' own roles: (url of rahim, url of karima, plan)."""
    with Store.open(pg_url) as store:
        plan = store.import_document(exchange.load(PIB)).key
    db = pg_url.rsplit("/", 1)[1]
    urls = []
    for role in ("rahim", "karima"):
        pg_cluster.sql(f"DROP ROLE IF EXISTS {role}")
        pg_cluster.sql(f"CREATE ROLE {role} LOGIN")
        pg_cluster.sql(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}", db=db)
        pg_cluster.sql(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}", db=db)
        urls.append(pg_url.replace(f"{pg_cluster.user}@", f"{role}@"))
    yield urls[0], urls[1], plan
    pg_cluster.drop(db)
    for role in ("rahim", "karima"):
        pg_cluster.sql(f"DROP ROLE IF EXISTS {role}")


def _indicator(store: Store, plan: int, code: str = "2.1.1"):
    return next(i for i in store.get_document(plan).plan.indicators() if i.code == code)


def test_an_edit_on_a_value_changed_since_is_refused_naming_who_and_when(officers):
    rahim_url, karima_url, plan = officers
    with Store.open(rahim_url) as rahim, Store.open(karima_url) as karima:
        ind = _indicator(rahim, plan)
        assert _indicator(karima, plan).targets == ind.targets  # both see the same value
        rahim.set_target(ind.key, 0, 7)
        # Made on the old value, even the same value is refused: an "add one" made on it would be lost.
        with pytest.raises(StaleEdit):
            karima.set_target(ind.key, 0, 7)
        with pytest.raises(StaleEdit) as refused:
            karima.set_target(ind.key, 0, 9)
        text = refused.value.render()
        assert "rahim" in text and "সংরক্ষণ করা হয়নি" in text
        # What karima's grid shows now is rahim's value, and her change made on it goes through.
        assert _indicator(karima, plan).targets[0] == 7
        karima.set_target(ind.key, 0, 9)
        assert _indicator(rahim, plan).targets[0] == 9
        assert [(a.user, a.new) for a in rahim.audit(plan, ind.key) if a.operation == "set_target"] == [
            ("rahim", 7), ("karima", 9)]


def test_undo_refuses_to_overwrite_a_later_change_by_someone_else(officers):
    rahim_url, karima_url, plan = officers
    with Store.open(rahim_url) as rahim, Store.open(karima_url) as karima:
        ind = _indicator(rahim, plan)
        old = ind.targets[0]
        change = rahim.set_target(ind.key, 0, 7)
        _indicator(karima, plan)
        karima.set_target(ind.key, 0, 9)
        _indicator(rahim, plan)  # rahim's window has refreshed: it shows karima's 9
        with pytest.raises(StaleEdit) as refused:
            change.undo()
        assert "karima" in refused.value.render()
        assert _indicator(rahim, plan).targets[0] == 9
        # Undoing one's own step that nobody overwrote still works.
        mine = rahim.set_target(ind.key, 0, 11)
        mine.undo()
        assert _indicator(karima, plan).targets[0] == 9 and old != 9


CHILD = """
import sys, time, pathlib
from egov_desktop.store.service import Store, StoreError
url, plan, value, ready, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), pathlib.Path(sys.argv[4]), pathlib.Path(sys.argv[5])
store = Store.open(url)
ind = next(i for i in store.get_document(plan).plan.indicators() if i.code == "2.1.1")
ready.touch()
while not go.exists():
    time.sleep(0.005)
try:
    store.set_target(ind.key, 0, value)
    print("saved")
except StoreError as exc:
    print("refused", exc.render())
store.close()
"""


def test_two_processes_editing_one_indicator_one_is_refused_and_nothing_is_lost(officers, tmp_path):
    rahim_url, karima_url, plan = officers
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = []
    for url, value in ((rahim_url, 71), (karima_url, 72)):
        ready = tmp_path / f"ready-{value}"
        children.append((value, ready, subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(plan), str(value), str(ready), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)))
    while not all(ready.exists() for _, ready, _ in children):  # both have read the value
        assert all(p.poll() is None for _, _, p in children), [p.communicate() for _, _, p in children]
        time.sleep(0.01)
    go.touch()
    results = {value: p.communicate(timeout=120) for value, _, p in children}
    said = {value: out.split()[0] for value, (out, err) in results.items()}
    assert sorted(said.values()) == ["refused", "saved"], results
    (winner,) = [v for v, s in said.items() if s == "saved"]
    loser_text = results[72 if winner == 71 else 71][0]
    assert ("rahim" if winner == 71 else "karima") in loser_text
    with Store.open(rahim_url) as store:
        ind = _indicator(store, plan)
        assert ind.targets[0] == winner
        assert [a.new for a in store.audit(plan, ind.key) if a.operation == "set_target"] == [winner]
