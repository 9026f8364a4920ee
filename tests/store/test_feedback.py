"""Feedback records (issue 11.6): numbered from the office's memo series, audited, one undo step; NIS 1.7 filled
from them through the progress operations (undone in one step, refused on a signed report); migration 0007."""
import datetime as dt
import sqlite3

import pytest

from egov_desktop.core.model import Signatory
from egov_desktop.store.service import FeedbackMemo, InvalidValue, Store, StoreError
from tests.conftest import PIB
from tests.feedback_helpers import PREFIX, YEAR, upper_office
from tests.store.conftest import query, table_dump


@pytest.fixture
def upper(store, tmp_path):
    office, plan, subs = upper_office(store, tmp_path, send=False)
    return store, office, plan, subs


def test_memos_take_the_next_numbers_of_the_series_and_undo_gives_them_back(upper, db_path):
    store, office, _plan, (a, b, _c) = upper
    change = store.record_feedback(office, "nis", YEAR, "Q1", dt.date(2021, 10, 25),
                                   [FeedbackMemo(a, "a.docx"), FeedbackMemo(b, "b.docx")])
    records = store.feedback_records(change)
    assert [(r.recipient, r.number, r.memo_date) for r in records] == [
        ("জেলা প্রশাসকের কার্যালয়, বরিশাল", f"{PREFIX}.৪২", dt.date(2021, 10, 25)),
        ("জেলা প্রশাসকের কার্যালয়, টাঙ্গাইল", f"{PREFIX}.৪৩", dt.date(2021, 10, 25))]
    assert store.next_memo_number(office, "শুদ্ধাচার") == f"{PREFIX}.৪৪"
    ops = [r[0] for r in query(db_path, "SELECT operation FROM audit WHERE entity = 'feedback' ORDER BY id")]
    assert ops == ["record_feedback", "record_feedback"]
    change.undo()
    assert store.list_feedback(office) == [] and store.next_memo_number(office, "শুদ্ধাচার") == f"{PREFIX}.৪২"


def test_wrong_input_is_refused_and_nothing_changes(upper, db_path):
    store, office, _plan, (a, _b, _c) = upper
    before = table_dump(db_path)
    for memos, period in (([FeedbackMemo(a, "../x.docx")], "Q1"), ([], "Q1"), ([FeedbackMemo(a, "a.docx")], "Q9")):
        with pytest.raises(StoreError):
            store.record_feedback(office, "nis", YEAR, period, dt.date(2021, 10, 25), memos)
    with pytest.raises(InvalidValue):
        store.record_feedback(office, "nis", YEAR, "Q1", "৩১/০২/২০২২", [FeedbackMemo(a, "a.docx")])
    assert table_dump(db_path) == before


def test_a_subordinate_office_with_feedback_is_not_removed(upper):
    store, office, _plan, (a, _b, _c) = upper
    store.record_feedback(office, "nis", YEAR, "Q1", dt.date(2021, 10, 25), [FeedbackMemo(a, "a.docx")])
    with pytest.raises(StoreError) as info:
        store.remove_subordinate(a)
    assert "ফিডব্যাক" in info.value.render("bn")


def test_fill_nis_sets_1_7_from_the_rounds_and_undo_reverts_it(upper):
    store, office, plan, (a, b, _c) = upper
    store.record_feedback(office, "nis", YEAR, "Q1", dt.date(2021, 10, 25), [FeedbackMemo(a, "a.docx")])
    store.record_feedback(office, "nis", YEAR, "Q1", dt.date(2021, 10, 28), [FeedbackMemo(b, "b.docx")])
    store.record_feedback(office, "nis", YEAR, "Q2", dt.date(2021, 12, 20), [FeedbackMemo(None, "all.docx")])
    store.record_feedback(office, "egov_innovation", YEAR, "Q3", dt.date(2022, 3, 1), [FeedbackMemo(a, "e.docx")])
    change = store.fill_nis_feedback(plan, "Q2")
    entry = store.get_document(plan).report("Q2").entry("1.7.1")
    # Two rounds of NIS feedback, each dated by its first memo; the e-Gov memo is not NIS's.
    assert entry.dates == [dt.date(2021, 10, 25), dt.date(2021, 12, 20), None]
    assert [a.operation for a in store.audit(plan)][-2:] == ["set_entry_date", "set_entry_date"]
    change.undo()
    assert store.get_document(plan).report("Q2") is None


def test_fill_nis_is_refused_on_a_signed_report_and_without_records(upper):
    store, office, plan, (a, _b, _c) = upper
    with pytest.raises(StoreError) as info:
        store.fill_nis_feedback(plan, "Q1")
    assert "ফিডব্যাক পত্র লিপিবদ্ধ নেই" in info.value.render("bn")
    store.record_feedback(office, "nis", YEAR, "Q1", dt.date(2021, 10, 25), [FeedbackMemo(a, "a.docx")])
    store.set_memo_field(plan, "Q1", "number", f"{PREFIX}.৫০")
    store.set_memo_field(plan, "Q1", "date", dt.date(2021, 10, 14))
    store.set_memo_field(plan, "Q1", "subject", "প্রতিবেদন প্রেরণ")
    ind = store.get_document(plan).plan.indicator("1.2.1")  # the fixture's damaged target, set to sign
    store.set_target(ind.key, 0, 100)
    store.sign_off(plan, "Q1", Signatory(name="মুনিরা সুলতানা", designation="উপসচিব"))
    with pytest.raises(StoreError) as info:
        store.fill_nis_feedback(plan, "Q1")
    assert "স্বাক্ষরিত হয়েছে" in info.value.render("bn") and "পুনরায় খুলুন" in info.value.render("bn")


@pytest.mark.sqlite_only("stops an SQLite file at revision 0006")
def test_a_0006_database_is_upgraded_to_0007_keeping_its_data(tmp_path):
    from alembic import command

    from egov_desktop.core import exchange
    from egov_desktop.store.engine import _alembic_config, connect, head_revision

    db = tmp_path / "old.sqlite"
    engine = connect(db)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0006")
    engine.dispose()
    con = sqlite3.connect(db)
    assert "feedback" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    with Store.open(db) as store:
        key = store.import_document(exchange.load(PIB)).key
        office = store.current_office()
        sub = store.add_subordinate(office, "জেলা প্রশাসকের কার্যালয়, বরিশাল", "field").key
        store.record_feedback(office, "egov_innovation", "2023-24", "Q1", dt.date(2023, 10, 25),
                              [FeedbackMemo(sub, "a.docx")])
        assert store.get_document(key).plan.fiscal_year == "2023-24" and store.integrity_errors() == []
    assert query(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)] == [("0007",)]
    assert query(db, "SELECT recipient, file_name FROM feedback") == [("জেলা প্রশাসকের কার্যালয়, বরিশাল", "a.docx")]
