"""The store checks what is typed with the exchange reader's limits (issue 14.2, 14.6): a title, a name or a
date the reader would refuse is refused where it is typed, so whatever is saved can be exported and read back."""
import datetime as dt
import json

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.text import NAME_LIMIT, PARAGRAPH_LIMIT, TITLE_LIMIT
from egov_desktop.store.errors import InvalidValue
from egov_desktop.store.service import Store
from tests.conftest import MODMR


@pytest.fixture
def plan(tmp_path):
    store = Store.open(tmp_path / "egov.sqlite")
    key = store.import_document(exchange.load(MODMR)).key
    yield store, key
    store.close()


def _edits(store, key):
    """(what is typed, setter(value)) for fields of each kind of limit."""
    doc = store.get_document(key)
    ind = doc.plan.indicators()[0]
    area, act = doc.plan.areas[0], doc.plan.areas[0].activities[0]
    office = store.office_of(key)
    return [
        (TITLE_LIMIT, lambda v: store.set_plan_field(key, "title", v)),
        (TITLE_LIMIT, lambda v: store.set_indicator_field(ind.key, "title", v)),
        (TITLE_LIMIT, lambda v: store.set_activity_field(act.key, "title", v)),
        (TITLE_LIMIT, lambda v: store.set_area_field(area.key, "title", v)),
        (TITLE_LIMIT, lambda v: store.set_memo_field(key, "H1", "subject", v)),
        (TITLE_LIMIT, lambda v: store.set_memo_field(key, "H1", "recipient", [v])),
        (NAME_LIMIT, lambda v: store.set_office_field(office, "name", v)),
        (NAME_LIMIT, lambda v: store.set_office_field(office, "parent", v)),
        (TITLE_LIMIT, lambda v: store.set_office_field(office, "address", v)),
        (NAME_LIMIT, lambda v: store.set_memo_field(key, "H1", "signatory.name", v)),
        (NAME_LIMIT, lambda v: store.set_level(key, 0, "label", v)),
        (PARAGRAPH_LIMIT, lambda v: store.set_entry_field(key, "H1", ind.key, "narrative", v)),
    ]


def test_each_field_takes_its_limit_and_refuses_one_more(plan):
    store, key = plan
    for limit, put in _edits(store, key):
        with pytest.raises(InvalidValue) as info:
            put("ক" * (limit + 1))
        assert "লেখাটি অনেক লম্বা" in info.value.render("bn") and f"at most {limit}" in info.value.render("en")
        put("ক" * limit)
    # everything at its limit is exported and read back as it is
    doc = store.get_document(key)
    assert exchange.loads(exchange.dumps(doc)) == doc
    assert doc.plan.title == "ক" * TITLE_LIMIT and doc.office.name == "ক" * NAME_LIMIT


def test_new_rows_take_a_title_within_the_limit(plan):
    store, key = plan
    act = store.get_document(key).plan.areas[0].activities[0]
    with pytest.raises(InvalidValue):
        store.add_indicator(act.key, title="ক" * (TITLE_LIMIT + 1))
    with pytest.raises(InvalidValue):
        store.add_area(key, title="ক" * (TITLE_LIMIT + 1))


def test_a_date_outside_the_years_the_reader_takes_is_refused(plan):
    store, key = plan
    ind = next(i for i in store.get_document(key).plan.indicators() if i.unit == "date")
    for date in (dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(2202, 1, 1)):
        with pytest.raises(InvalidValue) as info:
            store.set_target(ind.key, 0, date)
        assert "সীমার বাইরে" in info.value.render("bn")
    with pytest.raises(InvalidValue):
        store.set_memo_field(key, "H1", "date", dt.date(9999, 12, 31))
    store.set_target(ind.key, 0, dt.date(1900, 1, 1))
    assert exchange.loads(exchange.dumps(store.get_document(key)))


def test_the_last_fiscal_year_has_no_next(tmp_path):
    raw = json.loads(MODMR.read_text(encoding="utf-8"))
    raw["plan"]["fiscal_year"] = "2200-01"
    raw["reports"] = []
    for area in raw["plan"]["areas"]:
        for act in area["activities"]:
            for ind in act["indicators"]:
                if ind["unit"] == "date":
                    ind["targets"] = ["2201-06-30" if t else None for t in ind["targets"]]
    with Store.open(tmp_path / "egov.sqlite") as store:
        key = store.import_document(exchange.from_dict(raw)).key
        with pytest.raises(InvalidValue) as info:
            store.copy_to_next_year(key)
        assert "২২০১-০২" in info.value.render("bn")
        with pytest.raises(InvalidValue):
            store.create_blank("egov_innovation", "0000-01")
