import datetime as dt

import pytest

from egov_desktop.core import exchange
from egov_desktop.core.i18n import Msg
from egov_desktop.core.model import Signatory
from egov_desktop.store.service import InvalidValue, ReportLocked, StoreError
from tests.store.conftest import table_dump


def _ind(store, plan, code):
    return store.get_document(plan).plan.indicator(code)


def _state(store, plan):
    """The whole document with its keys: what undo must restore exactly."""
    doc = store.get_document(plan)
    keys = [(a.key, [(act.key, [i.key for i in act.indicators]) for act in a.activities]) for a in doc.plan.areas]
    return exchange.to_dict(doc), keys


# ------------------------------------------------------------------ values


def test_set_target_takes_typed_values_and_text_as_typed(loaded):
    store, modmr, pib = loaded
    date_ind = _ind(store, pib, "1.1.1")
    store.set_target(date_ind.key, 0, dt.date(2024, 3, 10))
    store.set_target(date_ind.key, 1, "১৮/০৩/২০২৪")
    count_ind = _ind(store, pib, "2.1.1")
    store.set_target(count_ind.key, 4, "১")
    pct = _ind(store, pib, "4.1.1")
    store.set_target(pct.key, 0, "85.5%")
    store.set_target(pct.key, 4, None)
    doc = store.get_document(pib)
    assert doc.plan.indicator("1.1.1").targets[:2] == [dt.date(2024, 3, 10), dt.date(2024, 3, 18)]
    assert doc.plan.indicator("2.1.1").targets == [4, 3, 2, 1, 1]
    assert doc.plan.indicator("4.1.1").targets == [85.5, 75, 70, 65, None]


@pytest.mark.parametrize(
    "code, value",
    [
        ("1.1.1", 5),  # a number for a date indicator
        ("1.1.1", dt.datetime(2024, 1, 1, 10, 0)),
        ("1.1.1", "৩১/০২/২০২৪"),
        ("4.1.1", 101),  # percent over 100
        ("4.1.1", "১২০%"),
        ("2.1.1", -1),  # negative count
        ("2.1.1", 2.5),
        ("2.1.1", True),
        ("2.1.1", dt.date(2024, 1, 1)),
        ("2.1.1", float("nan")),
    ],
)
def test_wrong_values_are_refused_and_nothing_is_written(loaded, db_path, code, value):
    store, _, pib = loaded
    ind = _ind(store, pib, code)
    before = table_dump(db_path)
    with pytest.raises(InvalidValue) as info:
        store.set_target(ind.key, 0, value)
    with pytest.raises(InvalidValue):
        store.set_entry_field(pib, "Q1", ind.key, "value", value)
    assert info.value.render("bn") and info.value.render("bn") != info.value.render("en")
    assert table_dump(db_path) == before


def test_text_is_stored_nfc(loaded):
    import unicodedata

    store, _, pib = loaded
    ind = _ind(store, pib, "2.1.1")
    decomposed = unicodedata.normalize("NFD", "কার্যক্রম পর্যালোচনা ও ডাটাবেজ")
    store.set_indicator_field(ind.key, "title", decomposed)
    store.set_entry_field(pib, "Q1", ind.key, "narrative", decomposed + "\x07")
    doc = store.get_document(pib)
    assert doc.plan.indicator("2.1.1").title == unicodedata.normalize("NFC", decomposed)
    assert doc.report("Q1").entry("2.1.1").narrative == unicodedata.normalize("NFC", decomposed)


def test_unknown_field_is_refused(loaded):
    store, _, pib = loaded
    with pytest.raises(InvalidValue):
        store.set_indicator_field(_ind(store, pib, "2.1.1").key, "colour", "red")


# ------------------------------------------------------------------ undo and redo


def test_every_field_edit_undoes_and_redoes(loaded):
    store, modmr, pib = loaded
    ind = _ind(store, pib, "2.1.1")
    doc = store.get_document(pib)
    area, act = doc.plan.areas[1], doc.plan.areas[1].activities[0]
    edits = [
        lambda: store.set_plan_field(pib, "title", "নতুন শিরোনাম"),
        lambda: store.set_plan_field(pib, "total_weight", 46),
        lambda: store.set_plan_field(pib, "notes", None),
        lambda: store.set_level(pib, 2, "label", "ভালো"),
        lambda: store.set_area_field(area.key, "weight", 7.5),
        lambda: store.set_activity_field(act.key, "title", "কার্যক্রম"),
        lambda: store.set_indicator_field(ind.key, "weight", 6),
        lambda: store.set_indicator_field(ind.key, "unit", "percent"),
        lambda: store.set_target(ind.key, 1, 2),
        lambda: store.set_entry_field(pib, "Q1", ind.key, "value", 2),
        lambda: store.set_entry_field(pib, "Q2", ind.key, "not_applicable", True),
        lambda: store.set_memo_field(pib, "Q1", "subject", "প্রতিবেদন প্রেরণ"),
        lambda: store.set_memo_field(pib, "Q1", "copies", ["এক", "দুই"]),
        lambda: store.set_office_field(store.office_of(pib), "unit", "আইন শাখা"),
    ]
    for edit in edits:
        before = _state(store, pib)
        change = edit()
        after = _state(store, pib)
        assert after != before
        redo = change.undo()
        assert _state(store, pib) == before
        again = redo.undo()
        assert _state(store, pib) == after
        again.undo()
        assert _state(store, pib) == before


def test_changing_the_unit_clears_values_that_no_longer_fit_and_undo_restores_them(loaded):
    store, _, pib = loaded
    ind = _ind(store, pib, "1.1.1")
    store.set_entry_field(pib, "Q1", ind.key, "value", dt.date(2023, 9, 1))
    before = _state(store, pib)
    change = store.set_indicator_field(ind.key, "unit", "count")
    doc = store.get_document(pib)
    assert doc.plan.indicator("1.1.1").targets == [None] * 5
    assert doc.report("Q1").entry("1.1.1").value is None
    change.undo()
    assert _state(store, pib) == before


# ------------------------------------------------------------------ structure


def _codes(store, plan):
    doc = store.get_document(plan)
    return [(a.code, [(act.code, [(i.code, i.title) for i in act.indicators]) for act in a.activities]) for a in doc.plan.areas]


def test_remove_indicator_renumbers_and_undo_brings_back_its_entries(loaded):
    store, modmr, _ = loaded
    before = _state(store, modmr)
    doc = store.get_document(modmr)
    act = doc.plan.areas[1].activities[0]  # 2.1 with 2.1.1 and 2.1.2
    first = act.indicators[0]
    assert doc.report("H1").entry("2.1.1") is not None
    change = store.remove_indicator(first.key)
    after = store.get_document(modmr)
    moved = after.plan.areas[1].activities[0].indicators
    assert [(i.code, i.title) for i in moved] == [("2.1.1", act.indicators[1].title)]
    assert after.report("H1").entry("2.1.1").value == doc.report("H1").entry("2.1.2").value
    redo = change.undo()
    assert _state(store, modmr) == before
    redo.undo()
    assert len(store.get_document(modmr).plan.indicators()) == 12


def test_add_move_and_remove_rows_keep_codes_in_order(loaded):
    store, modmr, _ = loaded
    original = _state(store, modmr)
    doc = store.get_document(modmr)
    changes = []
    c = store.add_area(modmr, 0, "নতুন ক্ষেত্র", 5)
    changes.append(c)
    area = c.key
    c = store.add_activity(area, title="নতুন কার্যক্রম")
    changes.append(c)
    c = store.add_indicator(c.key, title="নতুন সূচক", unit="date", weight=1)
    changes.append(c)
    new_ind = store.get_document(modmr).plan.indicator("1.1.1")
    assert (new_ind.key, new_ind.title, new_ind.targets) == (c.key, "নতুন সূচক", [None, None, None])
    assert [a.code for a in store.get_document(modmr).plan.areas] == ["1", "2", "3"]
    assert store.get_document(modmr).plan.indicator("3.1.1").title == doc.plan.indicator("2.1.1").title
    changes.append(store.move_area(area, 5))
    assert store.get_document(modmr).plan.areas[-1].key == area
    old_121 = doc.plan.indicator("1.2.1")
    changes.append(store.move_indicator(old_121.key, 0, activity_key=doc.plan.areas[0].activities[0].key))
    moved = store.get_document(modmr).plan.areas[0].activities[0].indicators
    assert [(i.code, i.key) for i in moved][0] == ("1.1.1", old_121.key)
    assert [i.code for i in moved] == ["1.1.1", "1.1.2"]
    changes.append(store.move_activity(doc.plan.areas[0].activities[3].key, 0))
    changes.append(store.remove_activity(doc.plan.areas[0].activities[5].key))
    changes.append(store.remove_area(doc.plan.areas[1].key))
    codes = _codes(store, modmr)
    for a_i, (a_code, acts) in enumerate(codes, 1):
        assert a_code == str(a_i)
        for b_i, (b_code, inds) in enumerate(acts, 1):
            assert b_code == f"{a_i}.{b_i}"
            assert [c for c, _ in inds] == [f"{a_i}.{b_i}.{k}" for k in range(1, len(inds) + 1)]
    assert store.get_document(modmr).report("H1").entry("2.1.1") is None  # area 2 went with its entries
    for change in reversed(changes):
        change.undo()
    assert _state(store, modmr) == original


def test_levels_add_and_remove_adjust_every_indicator(loaded):
    store, modmr, _ = loaded
    before = _state(store, modmr)
    add = store.add_level(modmr, 1, "very_good", "অতি উত্তম", 90)
    doc = store.get_document(modmr)
    assert [lv.percent for lv in doc.plan.levels] == [100, 90, 80, 60]
    assert doc.plan.indicator("1.6.1").targets == [3, None, 2, 1]
    removes = [store.remove_level(modmr, 0) for _ in range(3)]
    assert store.get_document(modmr).plan.indicator("1.6.1").targets == [1]
    with pytest.raises(InvalidValue):
        store.remove_level(modmr, 0)  # a plan keeps at least one level
    for change in reversed([add] + removes):
        change.undo()
    assert _state(store, modmr) == before


def test_group_is_one_transaction_and_one_undo(loaded, db_path):
    store, _, pib = loaded
    before = _state(store, pib)
    inds = store.get_document(pib).plan.indicators()
    with store.group(Msg("Paste")) as g:
        for n, ind in enumerate(inds[1:4]):
            store.set_entry_field(pib, "Q1", ind.key, "remarks", f"মন্তব্য {n}")
    assert g.change is not None
    assert [store.get_document(pib).report("Q1").entry(i.code).remarks for i in inds[1:4]] == ["মন্তব্য 0", "মন্তব্য 1", "মন্তব্য 2"]
    redo = g.change.undo()
    assert _state(store, pib) == before
    redo.undo()
    assert store.get_document(pib).report("Q1").entry(inds[3].code).remarks == "মন্তব্য 2"
    # A failure inside a group writes nothing.
    dump = table_dump(db_path)
    with pytest.raises(InvalidValue):
        with store.group(Msg("Paste")):
            store.set_entry_field(pib, "Q1", inds[1].key, "remarks", "লেখা")
            store.set_entry_field(pib, "Q1", inds[1].key, "value", -5)
    assert table_dump(db_path) == dump


# ------------------------------------------------------------------ plans


def test_copy_to_next_year_moves_dates_and_clears_progress(store):
    raw = exchange.to_dict(exchange.load(__import__("tests.conftest").conftest.PIB))
    raw["plan"]["areas"][0]["activities"][0]["indicators"][0]["targets"][0] = "2024-02-29"
    key = store.import_document(exchange.from_dict(raw)).key
    change = store.copy_to_next_year(key)
    new = store.get_document(change.key)
    assert new.plan.fiscal_year == "2024-25"
    assert new.reports == []
    assert new.plan.indicator("1.1.1").targets == [dt.date(2025, 2, 28), dt.date(2025, 3, 20), dt.date(2025, 3, 30),
                                                   dt.date(2025, 4, 6), dt.date(2025, 4, 13)]
    assert new.plan.indicator("2.1.1").targets == [4, 3, 2, 1, None]
    assert store.office_of(change.key) == store.office_of(key)
    with pytest.raises(StoreError):
        store.copy_to_next_year(key)  # 2024-25 is there now
    change.undo()
    assert store.find_plan("2024-25", "egov_innovation") is None


def test_create_from_template(store):
    assert {"egov_innovation-2021-22-ministry", "egov_innovation-2023-24-department"} <= set(store.list_templates())
    key = store.create_from_template("egov_innovation-2023-24-department", fiscal_year="2025-26").key
    doc = store.get_document(key)
    assert doc.plan.fiscal_year == "2025-26" and doc.reports == []
    assert doc.plan.indicator("1.1.1").targets[0] == dt.date(2026, 3, 16)
    with pytest.raises(StoreError):
        store.create_from_template("no-such-template")


def test_delete_plan_and_undo(loaded):
    store, modmr, _ = loaded
    before = _state(store, modmr)
    change = store.delete_plan(modmr)
    assert store.find_plan("2021-22", "egov_innovation") is None
    change.undo()
    assert _state(store, modmr) == before


def test_a_plan_with_a_signed_report_is_not_deleted(loaded, db_path):
    store, _, pib = loaded
    _ready_memo(store, pib, "Q1")
    store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    before = table_dump(db_path)
    with pytest.raises(ReportLocked):
        store.delete_plan(pib)  # what `import --replace` does: it dropped the sealed report and its revisions
    assert table_dump(db_path) == before
    store.reopen(pib, "Q1", "নতুন ফাইল আসছে")
    store.delete_plan(pib)
    assert store.find_plan("2023-24", "egov_innovation") is None


# ------------------------------------------------------------------ audit, office, settings


def test_audit_names_who_what_old_and_new(loaded, db_path):
    import getpass

    store, _, pib = loaded
    ind = _ind(store, pib, "4.1.1")
    store.set_target(ind.key, 0, 85).undo()
    store.set_entry_field(pib, "Q1", ind.key, "value", 60)
    made, *rows = store.audit(pib, indicator_key=ind.key)
    # An indicator's history begins with its plan's import.
    assert (made.operation, made.entity, made.new) == ("import", "plan", {"fiscal_year": "2023-24",
                                                                          "kind": "egov_innovation"})
    assert [(r.operation, r.field, r.old, r.new) for r in rows] == [
        ("set_target", "targets[0]", 80, 85),
        ("undo set_target", "targets[0]", 85, 80),
        ("set_entry_field", "value", 56.98, 60),
    ]
    # Who: the PC's login; on the server the officer's own role (the test server's is in its URL).
    who = db_path.split("://")[1].split("@")[0] if store.on_server else getpass.getuser()
    assert all(r.user == who and r.indicator_code == "4.1.1" for r in rows)
    assert rows[2].period == "Q1"


def test_memo_starts_from_the_office_profile_and_numbers_advance(loaded):
    store, _, pib = loaded
    office = store.office_of(pib)
    store.set_office_field(office, "signatories", [Signatory(name="রহিম", designation="পরিচালক")])
    store.set_office_field(office, "default_recipients", ["সচিব", "তথ্য ও সম্প্রচার মন্ত্রণালয়"])
    store.set_office_field(office, "default_copies", ["অফিস কপি"])
    store.set_office_field(office, "memo_prefixes", [{"file": "ই-গভর্ন্যান্স", "prefix": "১৫.৫১.০০০০.০১২", "last_serial": 7}])
    assert store.next_memo_number(office, "ই-গভর্ন্যান্স") == "১৫.৫১.০০০০.০১২.৮"
    store.set_memo_field(pib, "Q1", "number", "১৫.৫১.০০০০.০১২.৮")
    memo = store.get_document(pib).report("Q1").memo
    assert (memo.signatory.name, memo.recipient, memo.copies) == ("রহিম", ["সচিব", "তথ্য ও সম্প্রচার মন্ত্রণালয়"], ["অফিস কপি"])
    assert store.next_memo_number(office, "ই-গভর্ন্যান্স") == "১৫.৫১.০০০০.০১২.৯"


def test_a_new_memo_starts_with_the_offices_standard_paragraphs(loaded):
    store, _, pib = loaded
    office = store.office_of(pib)
    standard = store.office_profile(office)["standard_paragraphs"]
    assert len(standard) == 2 and standard[1].startswith("প্রতিবেদনটি মহোদয়ের সদয় অবগতি")  # until the office writes its own
    change = store.set_office_field(office, "standard_paragraphs", ["উপর্যুক্ত বিষয়ে প্রতিবেদন সংযুক্ত।", "সদয় অবগতির জন্য।"])
    assert store.office_profile(office)["standard_paragraphs"] == ["উপর্যুক্ত বিষয়ে প্রতিবেদন সংযুক্ত।", "সদয় অবগতির জন্য।"]
    store.set_memo_field(pib, "Q1", "number", "১")  # the memo is made: its body is the office's paragraphs
    assert store.get_document(pib).report("Q1").memo.body == ["উপর্যুক্ত বিষয়ে প্রতিবেদন সংযুক্ত।", "সদয় অবগতির জন্য।"]
    change.undo()
    assert store.office_profile(office)["standard_paragraphs"] == standard


def test_settings_per_plan_and_year_and_deadlines(loaded):
    store, modmr, pib = loaded
    assert store.deadlines(pib)["Q1"] == dt.date(2023, 10, 15)
    store.set_setting("deadlines", {"Q1": "2023-10-20"}, fiscal_year="2023-24")
    assert store.deadlines(pib) == {"Q1": dt.date(2023, 10, 20)}
    change = store.set_setting("deadlines", {"Q1": "2023-10-18"}, plan_key=pib)
    assert store.deadlines(pib) == {"Q1": dt.date(2023, 10, 18)}
    change.undo()
    assert store.deadlines(pib) == {"Q1": dt.date(2023, 10, 20)}
    assert store.deadlines(modmr)["Q1"] == dt.date(2021, 10, 15)


# ------------------------------------------------------------------ sign-off


def _ready_memo(store, plan, period):
    for field, value in [("number", "১৫.৫১.০০০০.০১২.৮"), ("date", dt.date(2023, 10, 10)), ("subject", "প্রতিবেদন প্রেরণ"),
                         ("signatory.name", "রহিম"), ("signatory.designation", "পরিচালক")]:
        store.set_memo_field(plan, period, field, value)


def test_sign_off_refuses_while_errors_remain(loaded, db_path):
    from egov_desktop.store.service import SignOffRefused

    store, _, pib = loaded
    before = table_dump(db_path)
    with pytest.raises(SignOffRefused) as info:
        store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    assert any(str(f.where) == "Q1/memo" for f in info.value.findings)
    assert table_dump(db_path) == before


def test_sign_off_refuses_a_report_on_a_plan_with_errors(loaded, db_path):
    from egov_desktop.store.service import SignOffRefused

    store, _, pib = loaded
    _ready_memo(store, pib, "Q1")
    ind = _ind(store, pib, "2.1.1")
    store.set_target(ind.key, 0, 1)  # best level below the next one: targets not monotone
    before = table_dump(db_path)
    with pytest.raises(SignOffRefused) as info:
        store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    assert any(str(f.where).startswith("2.1.1") and f.severity == "error" for f in info.value.findings)
    assert table_dump(db_path) == before


def test_sign_off_locks_reopen_unlocks_and_revisions_are_kept(loaded):
    from egov_desktop.core.digest import report_digest

    store, _, pib = loaded
    _ready_memo(store, pib, "Q1")
    ind = _ind(store, pib, "2.1.1")
    edit = store.set_entry_field(pib, "Q1", ind.key, "value", 2)
    signed_doc = store.get_document(pib)
    rev1 = store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    assert rev1.revision == 1 and rev1.digest == report_digest(signed_doc, "Q1")
    doc = store.get_document(pib)
    assert doc.report("Q1").status == "signed_off" and doc.report("Q1").signoff.name == "রহিম"
    assert doc.report("Q1").revision == 1
    for attempt in (
        lambda: store.set_entry_field(pib, "Q1", ind.key, "value", 3),
        lambda: store.set_memo_field(pib, "Q1", "subject", "x"),
        lambda: store.set_target(ind.key, 0, 9),  # the seal covers the plan
        lambda: store.remove_indicator(ind.key),
        edit.undo,
    ):
        with pytest.raises(ReportLocked) as info:
            attempt()
        assert "পুনরায় খুলুন" in info.value.render("bn") or "খোলা" in info.value.render("bn")
    store.set_entry_field(pib, "Q2", ind.key, "value", 3)  # another period is not locked
    with pytest.raises(InvalidValue):
        store.reopen(pib, "Q1", "  ")
    store.reopen(pib, "Q1", "ভুল সংশোধন")
    assert store.get_document(pib).report("Q1").revision == 2
    store.set_entry_field(pib, "Q1", ind.key, "value", 3)
    rev2 = store.sign_off(pib, "Q1", Signatory(name="করিম", designation="পরিচালক"))
    revisions = store.signed_revisions(pib, "Q1")
    assert [(r.revision, r.name) for r in revisions] == [(1, "রহিম"), (2, "করিম")]
    assert revisions[0].reopen_reason == "ভুল সংশোধন"
    old = revisions[0].document()
    assert old.report("Q1").entry("2.1.1").value == 2 and old.report("Q1").signoff.name == "রহিম"
    assert report_digest(old, "Q1") == rev1.digest != rev2.digest
    assert [a.operation for a in store.audit(pib) if a.entity == "report"] == ["sign_off", "reopen", "sign_off"]


def test_a_signed_report_is_exported_with_the_office_header_it_was_signed_with(loaded):
    from egov_desktop.core.digest import report_digest

    store, _, pib = loaded
    _ready_memo(store, pib, "Q1")
    signed = store.sign_off(pib, "Q1", Signatory(name="রহিম", designation="পরিচালক"))
    office = store.office_of(pib)
    old_address = store.get_office(office).address
    # The header stays editable (the office's next memos need the new address), though the seal covers it.
    store.set_office_field(office, "address", "নতুন ঠিকানা, ঢাকা")
    assert report_digest(store.get_document(pib), "Q1") != signed.digest
    doc = store.document_as_signed(pib, "Q1")
    assert doc.office.address == old_address and report_digest(doc, "Q1") == signed.digest
    assert store.document_as_signed(pib, "Q2").office.address == "নতুন ঠিকানা, ঢাকা"  # a draft: as it is now


def test_new_entries_take_their_place_in_plan_order(loaded):
    store, _, pib = loaded
    inds = store.get_document(pib).plan.indicators()
    for ind in (inds[5], inds[0], inds[3]):
        store.set_entry_field(pib, "Q2", ind.key, "remarks", "মন্তব্য")
    assert [e.indicator for e in store.get_document(pib).report("Q2").entries] == ["1.1.1", "4.1.1", "6.1.1"]


def test_scoring_options_are_a_plan_setting_audited_and_undoable(loaded):
    from egov_desktop.core.scoring import ScoringOptions, score_report

    store, _, pib = loaded

    def q1():
        return store.get_document(pib)

    assert score_report(q1().plan, q1().report("Q1")).out_of == 43
    change = store.set_scoring_options(pib, ScoringOptions("linear", "include"))
    assert ScoringOptions.of(q1().plan).not_applicable_weight == "include"
    assert score_report(q1().plan, q1().report("Q1")).out_of == 46
    assert any(r.operation == "set_scoring_options" for r in store.audit(pib))
    change.undo()
    assert ScoringOptions.of(q1().plan) == ScoringOptions()
    assert score_report(q1().plan, q1().report("Q1")).out_of == 43


def test_a_plan_made_for_another_year_names_that_year_in_its_titles(store):
    """The RTI template's title is "তথ্য অধিকার বিষয়ে ২০২১-২২ অর্থবছরের বার্ষিক কর্মপরিকল্পনা" and an NIS
    activity "২০২১-২২ অর্থ বছরের ক্রয়-পরিকল্পনা ওয়েবসাইটে প্রকাশ": a 2025-26 plan made from them named 2021-22."""
    rti = store.get_document(store.create_from_template("rti-2021-22-ministry", fiscal_year="2025-26").key)
    assert rti.plan.title == "তথ্য অধিকার বিষয়ে ২০২৫-২৬ অর্থবছরের বার্ষিক কর্মপরিকল্পনা"
    nis = store.get_document(store.create_from_template("nis-2021-22-ministry", fiscal_year="2025-26").key)
    titles = [a.title for area in nis.plan.areas for a in area.activities]
    assert "২০২৫-২৬ অর্থ বছরের ক্রয়-পরিকল্পনা ওয়েবসাইটে প্রকাশ" in titles
    assert not any("২০২১" in t for t in titles)
    nxt = store.get_document(store.copy_to_next_year(store.find_plan("2025-26", "rti")).key)
    assert nxt.plan.title == "তথ্য অধিকার বিষয়ে ২০২৬-২৭ অর্থবছরের বার্ষিক কর্মপরিকল্পনা"


def test_moving_year_mentions_keeps_their_digits_and_leaves_other_numbers():
    from egov_desktop.core.periods import shift_year_mentions
    assert shift_year_mentions("২০২১-২২ ও 2020-21 এবং ২০২১-২০২২", 4) == "২০২৫-২৬ ও 2024-25 এবং ২০২৫-২০২৬"
    assert shift_year_mentions("২০২১-২৩, ১২৩৪৫-৬৭, ২০২১ সাল, 2099-00", 1) == "২০২১-২৩, ১২৩৪৫-৬৭, ২০২১ সাল, 2100-01"
