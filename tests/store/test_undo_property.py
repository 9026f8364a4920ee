"""Any sequence of structural and field edits, undone in reverse, gives back exactly the plan it started
from (keys included); redone, exactly the plan it reached."""
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from egov_desktop.core import exchange
from egov_desktop.store.service import InvalidValue, Store
from tests.conftest import MODMR

OPS = ("add_area", "add_activity", "add_indicator", "remove_area", "remove_activity", "remove_indicator",
       "move_area", "move_activity", "move_indicator", "set_target", "set_entry")


@pytest.fixture(scope="module")
def template_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("undo-template") / "egov.sqlite"
    with Store.open(path) as store:
        store.import_document(exchange.load(MODMR))
    return path


def _state(store, key):
    doc = store.get_document(key)
    shape = [(a.key, [(act.key, [i.key for i in act.indicators]) for act in a.activities]) for a in doc.plan.areas]
    return exchange.to_dict(doc), shape


def _apply(store, key, op, a, b):
    doc = store.get_document(key)
    areas = doc.plan.areas
    acts = [act for area in areas for act in area.activities]
    inds = doc.plan.indicators()
    pick = lambda rows, n: rows[n % len(rows)] if rows else None  # noqa: E731
    if op == "add_area":
        return store.add_area(key, a, "ক্ষেত্র", 1)
    if op == "add_activity" and areas:
        return store.add_activity(pick(areas, a).key, b, "কার্যক্রম")
    if op == "add_indicator" and acts:
        return store.add_indicator(pick(acts, a).key, b, "সূচক", "percent", 2)
    if op == "remove_area" and len(areas) > 1:
        return store.remove_area(pick(areas, a).key)
    if op == "remove_activity" and acts:
        return store.remove_activity(pick(acts, a).key)
    if op == "remove_indicator" and inds:
        return store.remove_indicator(pick(inds, a).key)
    if op == "move_area" and areas:
        return store.move_area(pick(areas, a).key, b)
    if op == "move_activity" and acts:
        return store.move_activity(pick(acts, a).key, b, pick(areas, b).key)
    if op == "move_indicator" and inds:
        return store.move_indicator(pick(inds, a).key, b, pick(acts, b).key)
    if op == "set_target" and inds:
        ind = pick(inds, a)
        if ind.unit != "date":
            return store.set_target(ind.key, b % len(doc.plan.levels), b)
    if op == "set_entry" and inds:
        ind = pick(inds, a)
        if ind.unit != "date":
            return store.set_entry_field(key, "H1", ind.key, "value", b)
    return None


def _codes_follow_order(store, key):
    for i, area in enumerate(store.get_document(key).plan.areas, 1):
        assert area.code == str(i)
        for j, act in enumerate(area.activities, 1):
            assert act.code == f"{i}.{j}"
            assert [ind.code for ind in act.indicators] == [f"{i}.{j}.{k}" for k in range(1, len(act.indicators) + 1)]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=8))
def test_undo_all_then_redo_all(template_db, tmp_path_factory, ops):
    path = tmp_path_factory.mktemp("undo") / "egov.sqlite"
    shutil.copy(template_db, path)
    with Store.open(path) as store:
        key = store.find_plan("2021-22", "egov_innovation")
        start = _state(store, key)
        changes = []
        for op, a, b in ops:
            try:
                change = _apply(store, key, op, a, b)
            except InvalidValue:  # e.g. a percent target over 100: refused, nothing written
                change = None
            if change is not None:
                changes.append(change)
                _codes_follow_order(store, key)
        end = _state(store, key)
        redos = [c.undo() for c in reversed(changes)]
        assert _state(store, key) == start
        for redo in reversed(redos):
            redo.undo()
        assert _state(store, key) == end
