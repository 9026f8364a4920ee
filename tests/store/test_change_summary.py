"""Every Change says what it touched, with the plan of every row resolved (13.2): the GUI refreshes from it."""
from egov_desktop.core import exchange
from egov_desktop.core.i18n import Msg
from egov_desktop.store.service import ChangeSummary
from tests.conftest import PIB
from tests.store.conftest import query


def _entry_id(db_path, report_key, indicator_key) -> int:
    return query(db_path, "SELECT id FROM entry WHERE report_id = ? AND indicator_id = ?",
                 (report_key, indicator_key))[0][0]


def test_an_achievement_names_its_entry_indicator_report_and_plan(loaded, db_path):
    store, modmr, pib = loaded
    doc = store.get_document(modmr)
    ind = doc.plan.indicator(doc.report("H1").entries[0].indicator)
    change = store.set_entry_field(modmr, "H1", ind.key, "narrative", "নতুন বিবরণ")
    assert change.summary == ChangeSummary(plans=frozenset({modmr}), indicators=frozenset({ind.key}),
                                           reports=frozenset({doc.report("H1").key}),
                                           entries=frozenset({_entry_id(db_path, doc.report("H1").key, ind.key)}))
    assert change.undo().summary == change.summary


def test_a_new_entry_and_report_count_for_their_plan(loaded):
    store, _, pib = loaded
    ind = next(i for i in store.get_document(pib).plan.indicators() if i.unit != "date")
    change = store.set_entry_field(pib, "Q3", ind.key, "value", "৫")
    report = store.get_document(pib).report("Q3")
    assert change.summary.plans == {pib}
    assert change.summary.reports == {report.key}
    assert change.summary.indicators == {ind.key}
    assert len(change.summary.entries) == 1 and not change.summary.structure


def test_structural_edits_are_marked_and_removed_rows_keep_their_plan(loaded, db_path):
    store, modmr, _ = loaded
    doc = store.get_document(modmr)
    act = doc.plan.areas[1].activities[0]
    added = store.add_indicator(act.key, 0, "নতুন সূচক")
    assert added.summary.structure and added.summary.plans == {modmr}
    # The new indicator and the ones renumbered after it.
    assert {added.key, *(i.key for i in act.indicators)} <= added.summary.indicators
    first = act.indicators[0]
    entry = _entry_id(db_path, doc.report("H1").key, first.key)
    removed = store.remove_indicator(first.key)
    h1 = doc.report("H1")
    assert removed.summary.plans == {modmr}
    assert first.key in removed.summary.indicators
    assert h1.key in removed.summary.reports and entry in removed.summary.entries
    redo = removed.undo()
    assert redo.summary.plans == {modmr} and redo.summary.structure
    assert redo.undo().summary.entries == removed.summary.entries


def test_a_deleted_plan_is_named_though_none_of_its_rows_remain(loaded):
    store, modmr, _ = loaded
    change = store.delete_plan(modmr)
    assert change.summary.plans == {modmr}
    assert change.summary.structure
    # The lists of plans follow a plan made or deleted (the plan picker, the APA overview).
    assert change.summary.plans_removed == {modmr} and not change.summary.plans_added
    assert change.undo().summary.plans_added == {modmr}


def test_a_plan_made_is_named_as_made(store):
    change = store.import_document(exchange.load(PIB))
    assert change.summary.plans_added == {change.key} and not change.summary.plans_removed
    assert change.undo().summary.plans_removed == {change.key}
    copied = store.copy_to_next_year(store.import_document(exchange.load(PIB)).key)
    assert copied.summary.plans_added == {copied.key}


def test_target_and_level_edits(loaded):
    store, _, pib = loaded
    ind = next(i for i in store.get_document(pib).plan.indicators() if i.unit != "date")
    target = store.set_target(ind.key, 0, "১০")
    assert target.summary == ChangeSummary(plans=frozenset({pib}), indicators=frozenset({ind.key}))
    level = store.set_level(pib, 0, "label", "অসাধারণ মান")
    assert level.summary.plans == {pib} and not level.summary.indicators


def test_office_and_settings(loaded):
    store, _, pib = loaded
    office = store.office_of(pib)
    change = store.set_office_field(office, "phone", "০১৭১১০০০০০০")
    assert change.summary == ChangeSummary(offices=frozenset({office}))
    year = store.set_setting("deadlines", {"Q1": "2023-10-20"}, fiscal_year="2023-24")
    assert year.summary == ChangeSummary(settings=True)
    plan = store.set_setting("deadlines", {"Q1": "2023-10-18"}, plan_key=pib)
    assert plan.summary == ChangeSummary(plans=frozenset({pib}), settings=True)


def test_a_memo_number_that_moves_the_office_serial_on_names_both(loaded):
    store, _, pib = loaded
    office = store.office_of(pib)
    store.set_office_field(office, "memo_prefixes", [{"file": "ক", "prefix": "১৫.৫১", "last_serial": 7}])
    change = store.set_memo_field(pib, "Q1", "number", "১৫.৫১.৮")
    assert change.summary.plans == {pib} and change.summary.offices == {office}
    assert change.summary.reports == {store.get_document(pib).report("Q1").key}


def test_a_group_names_every_plan_it_touched(loaded):
    store, modmr, pib = loaded
    a = store.get_document(modmr).plan.indicators()[0]
    b = store.get_document(pib).plan.indicators()[0]
    with store.group(Msg("paste")) as g:
        inner = store.set_indicator_field(a.key, "responsible", "শাখা ১")
        store.set_indicator_field(b.key, "responsible", "শাখা ২")
    assert inner.summary.plans == {modmr}
    assert g.change.summary.plans == {modmr, pib}
    assert g.change.summary.indicators == {a.key, b.key}
    assert g.change.undo().summary == g.change.summary


def test_an_import_names_the_new_plan(store):
    change = store.import_document(exchange.load(PIB))
    assert change.summary.plans == {change.key}
    assert change.summary.offices and change.summary.structure
