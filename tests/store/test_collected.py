"""Subordinate offices and collected reports in the store (issue 11.4): named, checked, audited, undoable
operations; a collected report is filed apart from the office's own plans, under its office, kind, year and
period, and replaced only when asked."""
import datetime as dt

import pytest

from egov_desktop.core import collecting, evidence, exchange
from egov_desktop.core.digest import report_digest
from egov_desktop.core.model import Signoff
from egov_desktop.store.service import InvalidValue, StoreError
from tests import evidence_files as make
from tests.conftest import MODMR, PIB
from tests.store.conftest import query, table_dump


def signed(doc, period, revision=1):
    """`doc` with its `period` report signed off as the program seals it (the digest of its content)."""
    doc = exchange.loads(exchange.dumps(doc))
    report = doc.report(period)
    report.status, report.revision = "signed_off", revision
    report.signoff = Signoff("মুনিরা সুলতানা", "উপসচিব", dt.datetime(2022, 1, 20, 10, 0), report_digest(doc, period))
    return exchange.loads(exchange.dumps(doc))


@pytest.fixture
def office(store):
    """The store with its own plan (PIB) and two subordinate offices; returns (store, office, [sub keys])."""
    store.import_document(exchange.load(PIB))
    office = store.current_office()
    a = store.add_subordinate(office, "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়", "ministry", "dm@modmr.gov.bd").key
    b = store.add_subordinate(office, "জেলা প্রশাসকের কার্যালয়, বরিশাল", "field", None, "BAR").key
    return store, office, [a, b]


def test_subordinate_offices_are_added_edited_removed_and_undone(office, db_path):
    store, office_key, (a, b) = office
    assert [(s.name, s.tier, s.email, s.code) for s in store.subordinates(office_key)] == [
        ("দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়", "ministry", "dm@modmr.gov.bd", None),
        ("জেলা প্রশাসকের কার্যালয়, বরিশাল", "field", None, "BAR")]
    change = store.set_subordinate_field(b, "email", "dc@barishal.gov.bd")
    assert store.get_subordinate(b).email == "dc@barishal.gov.bd"
    change.undo()
    assert store.get_subordinate(b).email is None
    removed = store.remove_subordinate(a)
    assert [s.key for s in store.subordinates(office_key)] == [b]
    removed.undo()
    assert [s.key for s in store.subordinates(office_key)] == [a, b]
    ops = [r[0] for r in query(db_path, "SELECT operation FROM audit WHERE entity = 'subordinate' ORDER BY id")]
    assert ops == ["add_subordinate", "add_subordinate", "set_subordinate_field", "undo set_subordinate_field",
                   "remove_subordinate", "undo remove_subordinate"]


@pytest.mark.parametrize("field,value", [("name", ""), ("tier", "district"), ("email", "not an address"),
                                         ("email", "a@b.gov.bd, c@d.gov.bd"), ("name", "x" * 201)])
def test_a_wrong_value_is_refused_and_nothing_changes(office, db_path, field, value):
    store, _office, (a, _b) = office
    before = table_dump(db_path)
    with pytest.raises(InvalidValue):
        store.set_subordinate_field(a, field, value)
    assert table_dump(db_path) == before


def test_a_name_already_there_is_refused_whatever_its_normal_form(office, db_path):
    store, office_key, (a, _b) = office
    before = table_dump(db_path)
    decomposed = "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়".replace("য়", "য\u09bc")  # NFD of য়
    with pytest.raises(InvalidValue):
        store.add_subordinate(office_key, "  " + decomposed, "ministry")
    assert table_dump(db_path) == before
    assert store.find_subordinate(office_key, decomposed) == a


def test_a_report_is_collected_apart_from_the_offices_own_plans(office):
    store, office_key, (a, _b) = office
    doc = signed(exchange.load(MODMR), "H1")
    got = collecting.received(doc, "H1", "json")
    assert got.signed and got.verified
    key = store.collect_report(a, got, "modmr.json").key
    assert [p.kind for p in store.list_plans()] == ["egov_innovation"]  # only the office's own plan (PIB)
    [listed] = store.list_collected("egov_innovation", "2021-22", "H1")
    assert (listed.key, listed.office, listed.source_name, listed.revision, listed.signed, listed.verified) == (
        key, "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়", "modmr.json", 1, True, True)
    assert listed.document_json is None  # the list is light; the documents are asked for
    assert store.list_collected("egov_innovation", "2021-22", "Q1") == []
    full = store.get_collected(key).document()
    assert full.office.name == doc.office.name and [r.period for r in full.reports] == ["H1"]
    assert full.report("H1").signoff.digest == doc.report("H1").signoff.digest
    assert [c.document().plan.fiscal_year for c in store.collected_documents("egov_innovation", "2021-22", "H1")] == [
        "2021-22"]


def test_the_same_slot_is_replaced_only_when_asked_and_the_replacement_is_undone(office, db_path):
    store, _office, (a, _b) = office
    first = collecting.received(signed(exchange.load(MODMR), "H1"), "H1", "json")
    store.collect_report(a, first, "h1.json")
    before = table_dump(db_path)
    newer_doc = signed(exchange.load(MODMR), "H1", revision=2)
    newer_doc.plan.title += " (সংশোধিত)"
    newer = collecting.received(exchange.loads(exchange.dumps(newer_doc)), "H1", "json")
    assert collecting.compare((1, first.content_sha256()), newer) == collecting.NEWER
    with pytest.raises(StoreError):
        store.collect_report(a, newer, "h1-v2.json")
    assert table_dump(db_path) == before
    change = store.collect_report(a, newer, "h1-v2.json", replace=True)
    [now] = store.list_collected("egov_innovation", "2021-22", "H1")
    assert (now.revision, now.source_name) == (2, "h1-v2.json")
    change.undo()
    [back] = store.list_collected("egov_innovation", "2021-22", "H1")
    assert (back.revision, back.source_name) == (1, "h1.json")


def test_evidence_of_a_collected_report_is_stored_once_and_goes_with_it(office, db_path):
    store, _office, (a, b) = office
    got = collecting.received(exchange.load(MODMR), "H1", "package")
    letter = evidence.from_bytes("চিঠি.pdf", make.pdf("letter"))
    key = store.collect_report(a, got, "modmr.zip", evidence={"1.1.1": [letter]}).key
    store.collect_report(b, got, "other.zip", evidence={"1.2.1": [evidence.from_bytes("copy.pdf", make.pdf("letter"))]})
    assert query(db_path, "SELECT count(*) FROM evidence_file")[0][0] == 1
    [f] = store.collected_evidence(key)["1.1.1"]
    assert (f["name"], f["sha256"]) == ("চিঠি.pdf", letter.sha256)
    assert store.evidence_content(f["file_id"]) == make.pdf("letter")
    with pytest.raises(StoreError):
        store.remove_subordinate(a)  # its reports first
    store.remove_collected(key)
    assert query(db_path, "SELECT count(*) FROM evidence_file")[0][0] == 1  # the other report still uses it
    other = store.list_collected("egov_innovation", "2021-22")[0].key
    store.remove_collected(other)
    assert query(db_path, "SELECT count(*) FROM evidence_file")[0][0] == 0


def test_a_tampered_signed_report_reads_as_signed_but_not_verified():
    doc = signed(exchange.load(MODMR), "H1")
    doc.report("H1").entries[0].narrative = "পরে বদলানো"  # changed after signing, the seal left as it was
    got = collecting.received(exchange.loads(exchange.dumps(doc)), "H1", "json")
    assert got.signed and not got.verified and got.tampered
    assert got.report.status == "draft" and got.digest is None


def test_evidence_files_set_on_a_collected_report_keep_it_and_are_undone(office, db_path):
    store, _office, (a, _b) = office
    got = collecting.received(exchange.load(MODMR), "H1", "embedded")
    key = store.collect_report(a, got, "modmr.docx").key
    letter = evidence.from_bytes("চিঠি.pdf", make.pdf("letter"))
    change = store.set_collected_evidence(key, {"1.1.1": [letter]})
    assert change.summary.collected and "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়" in change.description.render()
    [f] = store.collected_evidence(key)["1.1.1"]
    assert (f["name"], f["sha256"]) == ("চিঠি.pdf", letter.sha256)
    # Set again with another file: the first goes, with its stored content.
    second = store.set_collected_evidence(key, {"1.2.1": [evidence.from_bytes("ছবি.png", make.png())]})
    assert list(store.collected_evidence(key)) == ["1.2.1"]
    assert query(db_path, "SELECT count(*) FROM evidence_file")[0][0] == 1
    c = store.get_collected(key)
    assert (c.source_name, c.content_sha256) == ("modmr.docx", got.content_sha256())
    second.undo()
    assert [f["name"] for f in store.collected_evidence(key)["1.1.1"]] == ["চিঠি.pdf"]
    change.undo()
    assert store.collected_evidence(key) == {} and query(db_path, "SELECT count(*) FROM evidence_file")[0][0] == 0
