"""The store's operations on the NIS/GRS/CC/RTI shapes (issue 9): quarter targets, target dates,
previous years' actuals, the dates met and a period's own figures; each audited and undoable."""
import datetime as dt
import json

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.scoring import ScoringOptions
from egov_desktop.store.service import InvalidValue
from tests.conftest import FIXTURES, PIB

D = dt.date
NIS = FIXTURES / "nis-fid-2021-22.plan.json"


@pytest.fixture
def nis(store):
    return store, store.import_document(exchange.load(NIS)).key


def _ind(store, key, code):
    return store.get_document(key).plan.indicator(code)


def test_quarter_targets_are_set_one_by_one_and_audited(nis):
    store, key = nis
    three = _ind(store, key, "1.3.1")  # a count without a quarter split
    store.set_quarter_target(three.key, 1, "২")
    assert _ind(store, key, "1.3.1").quarter_targets == [None, 2, None, None]
    store.set_quarter_target(three.key, 3, 2)
    assert _ind(store, key, "1.3.1").quarter_targets == [None, 2, None, 2]
    with pytest.raises(InvalidValue):
        store.set_quarter_target(three.key, 4, 1)  # there is no fifth quarter
    with pytest.raises(InvalidValue):
        store.set_quarter_target(three.key, 0, "১.৫")  # a count is whole
    store.set_quarter_target(three.key, 1, None)
    store.set_quarter_target(three.key, 3, None)
    assert _ind(store, key, "1.3.1").quarter_targets is None  # all cleared: no split at all
    assert [a.operation for a in store.audit(key)][-4:] == ["set_quarter_targets"] * 4
    assert store.audit(key)[-1].field == "quarter_targets[3]"


def test_target_dates_are_kept_in_order(nis):
    store, key = nis
    six = _ind(store, key, "1.6.1")
    with pytest.raises(InvalidValue):
        store.set_target_dates(six.key, [D(2021, 10, 15), D(2021, 10, 1)])
    change = store.set_target_dates(six.key, ["১৫/১০/২০২১", "15-01-2022"])
    assert _ind(store, key, "1.6.1").target_dates == [D(2021, 10, 15), D(2022, 1, 15)]
    change.undo()
    assert len(_ind(store, key, "1.6.1").target_dates) == 3


def test_previous_actuals_and_a_period_own_figures(nis):
    store, key = nis
    two = _ind(store, key, "2.3.1")  # a percent
    change = store.set_previous_actual(two.key, 0, "৯৫%")
    assert _ind(store, key, "2.3.1").previous_actuals == [95, None]
    change.undo()
    assert _ind(store, key, "2.3.1").previous_actuals is None
    store.set_previous_actual(two.key, 0, 95)
    store.set_entry_field(key, "Q2", two.key, "period_value", "৮০")
    store.set_entry_field(key, "Q2", two.key, "numerator", 4)
    store.set_entry_field(key, "Q2", two.key, "denominator", "৫")
    entry = store.get_document(key).report("Q2").entry("2.3.1")
    assert (entry.period_value, entry.numerator, entry.denominator) == (80, 4, 5)
    with pytest.raises(InvalidValue):
        store.set_entry_field(key, "Q2", two.key, "numerator", 1.5)


def test_the_dates_met_are_entered_per_target_date(nis):
    store, key = nis
    six = _ind(store, key, "1.6.1")
    change = store.set_entry_date(key, "Q2", six.key, 1, "১৪/০১/২০২২")
    assert store.get_document(key).report("Q2").entry("1.6.1").dates == [None, D(2022, 1, 14), None]
    with pytest.raises(InvalidValue):
        store.set_entry_date(key, "Q2", six.key, 3, D(2022, 4, 1))
    change.undo()
    assert store.get_document(key).report("Q2") is None or store.get_document(key).report("Q2").entry("1.6.1") is None


def test_the_new_settings_go_to_plan_scoring_and_a_1_0_plan_stays_1_0(store):
    pib = store.import_document(exchange.load(PIB)).key
    store.set_scoring_options(pib, ScoringOptions(interpolation="step"))
    assert json.loads(exchange.dumps(store.get_document(pib)))["version"] == 1  # still in x-scoring
    store.set_scoring_options(pib, ScoringOptions(interpolation="step", quarterly_basis="due"))
    doc = store.get_document(pib)
    assert doc.plan.scoring == ScoringOptions("step", "exclude", "due", "mean").as_settings()
    assert "x-scoring" not in doc.plan.extras
    assert ScoringOptions.of(doc.plan).quarterly_basis == "due"


def test_a_template_moved_into_another_year_moves_every_date(store, tmp_path):
    key = store.import_document(exchange.load(NIS)).key
    copy_key = store.copy_to_next_year(key).key
    plan = store.get_document(copy_key).plan
    assert plan.indicator("1.6.1").target_dates[0] == D(2022, 10, 15)
    assert plan.indicator("1.5.1").target_dates == [D(2022, 12, 31), D(2023, 6, 30)]
