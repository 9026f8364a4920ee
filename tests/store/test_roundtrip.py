import copy
import datetime as dt
import json

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.digest import report_digest
from egov_desktop.store.service import Store
from tests.conftest import FIXTURES, MODMR, PIB

# A plan of every kind (issue 9): e-Gov, NIS, GRS, CC and three RTI shapes.
EVERY_KIND = sorted(FIXTURES.glob("*-20??-??.plan.json"))


@pytest.mark.parametrize("path", EVERY_KIND, ids=lambda p: p.name)
def test_fixture_round_trips_through_the_database(store, path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    key = store.import_document(exchange.loads(path.read_bytes())).key
    assert exchange.to_dict(store.get_document(key)) == raw


def test_every_1_1_shape_round_trips_with_floats_and_windows(store):
    """Quarter targets, target dates with a window, previous actuals, the entry's 1.1 fields, settings."""
    raw = json.loads((FIXTURES / "nis-fid-2021-22.plan.json").read_text(encoding="utf-8"))
    raw["plan"]["scoring"] = {"interpolation": "step", "not_applicable_weight": "include",
                              "quarterly_basis": "due", "percent_total": "pooled"}
    ind = raw["plan"]["areas"][0]["activities"][0]["indicators"][0]
    ind["quarter_targets"] = [1, None, 1.5, 1.5]
    ind["previous_actuals"] = [3, 4.0]
    dated = raw["plan"]["areas"][0]["activities"][5]["indicators"][0]
    dated["target_dates"][1] = {"from": "2022-01-01", "to": "2022-01-15"}
    raw["reports"][0]["entries"][0].update(period_value=1.0, numerator=3, denominator=4.5)
    key = store.import_document(exchange.from_dict(copy.deepcopy(raw))).key
    assert exchange.to_dict(store.get_document(key)) == raw


def _with_extensions(raw: dict) -> dict:
    """x- keys at every level the format allows, and numbers as written (int and float kept apart)."""
    raw = copy.deepcopy(raw)
    raw["x-top"] = {"tool": "test", "list": [1, 2.5, None]}
    raw["office"]["x-office"] = "অফিস"
    plan = raw["plan"]
    plan["x-plan"] = 1
    plan["levels"][0]["x-level"] = True
    plan["areas"][0]["x-area"] = [1]
    plan["areas"][0]["activities"][0]["x-activity"] = {"a": 1}
    ind = plan["areas"][0]["activities"][0]["indicators"][0]
    ind["x-indicator"] = "৫"
    ind["weight"] = 10.0
    report = raw["reports"][0]
    report["x-report"] = 0
    report["entries"][0]["x-entry"] = 1.5
    report["entries"][0]["remarks"] = "মন্তব্য"
    report["entries"][1]["not_applicable"] = True
    return raw


def test_extension_keys_and_number_types_survive(store):
    raw = _with_extensions(json.loads(PIB.read_text(encoding="utf-8")))
    key = store.import_document(exchange.from_dict(copy.deepcopy(raw))).key
    out = exchange.to_dict(store.get_document(key))
    assert out == raw
    weight = out["plan"]["areas"][0]["activities"][0]["indicators"][0]["weight"]
    assert isinstance(weight, float)
    assert isinstance(out["plan"]["total_weight"], int)


def test_signed_report_with_memo_and_revision_round_trips(store):
    raw = json.loads(MODMR.read_text(encoding="utf-8"))
    memo = raw["reports"][0]["memo"]
    memo["x-memo"] = "x"
    memo["signatory"]["x-sig"] = 2
    raw["reports"][0].update(
        status="signed_off",
        revision=3,
        signoff={"name": "মুনিরা সুলতানা", "designation": "উপসচিব", "signed_at": "2022-01-10T11:30:00+06:00",
                 "digest": report_digest(exchange.from_dict(copy.deepcopy(raw)), "H1"), "x-seal": "s"},
    )
    key = store.import_document(exchange.from_dict(copy.deepcopy(raw))).key
    assert exchange.to_dict(store.get_document(key)) == raw
    revisions = store.signed_revisions(key, "H1")
    assert [r.revision for r in revisions] == [3]
    assert revisions[0].signed_at == dt.datetime.fromisoformat("2022-01-10T11:30:00+06:00")


def test_document_keys_are_the_row_ids(loaded):
    store, modmr, _ = loaded
    doc = store.get_document(modmr)
    assert doc.plan.key == modmr
    keys = [i.key for i in doc.plan.indicators()] + [a.key for a in doc.plan.areas] + [r.key for r in doc.reports]
    assert all(isinstance(k, int) for k in keys)
    assert len(set(i.key for i in doc.plan.indicators())) == 13


def test_demo_database_has_both_plans_and_reopening_adds_nothing(tmp_path):
    from egov_desktop.store.demo import create_demo

    path = tmp_path / "demo.sqlite"
    create_demo(path).close()
    with create_demo(path) as store:
        plans = store.list_plans()
    assert sorted((p.fiscal_year, tuple(p.reports)) for p in plans) == [("2021-22", ("H1",)), ("2023-24", ("Q1",))]
    with Store.open(path) as store:
        pib = store.find_plan("2023-24", "egov_innovation")
        assert exchange.to_dict(store.get_document(pib)) == json.loads(PIB.read_text(encoding="utf-8"))


def test_a_document_built_in_code_gets_the_exchange_checks(store, db_path):
    from egov_desktop.store.service import InvalidValue
    from tests.store.conftest import table_dump

    doc = exchange.load(PIB)
    doc.plan.indicator("4.1.1").targets[0] = "eighty"
    before = table_dump(db_path)
    with pytest.raises(InvalidValue) as info:
        store.import_document(doc)
    assert info.value.render("bn").startswith("plan.areas[3].activities[0].indicators[0].targets[0]: ")
    assert table_dump(db_path) == before
