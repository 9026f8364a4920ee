"""Evidence files in the store: kept inside the database once per content, linked to an entry by name,
attached and removed as audited, undoable operations, frozen by a sign-off and sealed by its digest."""
import pytest

from egov_desktop.core import evidence, exchange
from egov_desktop.core.digest import report_digest
from egov_desktop.core.model import Signatory
from egov_desktop.store.service import InvalidValue, ReportLocked, Store
from tests import evidence_files as make
from tests.conftest import MODMR
from tests.store.conftest import query, table_dump

SIGNER = Signatory(name="মুনিরা সুলতানা", designation="উপসচিব (আইন)")


@pytest.fixture
def modmr(store):
    plan = store.import_document(exchange.load(MODMR)).key
    keys = {ind.code: ind.key for ind in store.get_document(plan).plan.indicators()}
    return store, plan, keys


def _data(path):
    """Every row but the audit log's (an undo is audited too) and SQLite's id counters."""
    return {k: v for k, v in table_dump(path).items() if k not in ("audit", "sqlite_sequence")}


def _count(db, table):
    return query(db, f"SELECT count(*) FROM {table}")[0][0]


def test_attach_stores_the_bytes_once_and_lists_them_by_name(modmr, db_path):
    store, plan, keys = modmr
    letter = evidence.from_bytes("চিঠি.pdf", make.pdf("letter"))
    photo = evidence.from_bytes("ছবি.png", make.png())
    store.attach_evidence(plan, "H1", keys["1.1.1"], [letter, photo])
    # The same content under another name, for another indicator: linked, not stored again.
    store.attach_evidence(plan, "H1", keys["1.2.1"], [evidence.from_bytes("copy.pdf", make.pdf("letter"))])
    assert _count(db_path, "evidence_file") == 2
    assert _count(db_path, "entry_evidence") == 3
    files = store.evidence_files(plan, "H1")
    assert [f["name"] for f in files[keys["1.1.1"]]] == ["চিঠি.pdf", "ছবি.png"]
    assert files[keys["1.2.1"]][0]["sha256"] == letter.sha256
    assert store.evidence_content(files[keys["1.1.1"]][1]["file_id"]) == make.png()
    entry = store.get_document(plan).report("H1").entry("1.1.1")
    assert entry.extras["x-evidence-files"] == [
        {"name": "চিঠি.pdf", "sha256": letter.sha256, "type": evidence.PDF, "size": letter.size},
        {"name": "ছবি.png", "sha256": photo.sha256, "type": evidence.PNG, "size": photo.size},
    ]
    assert [a.operation for a in store.audit(plan)][-3:] == ["attach_evidence"] * 3
    # The bytes survive closing and reopening the file.
    store.close()
    again = Store.open(db_path)
    try:
        assert again.evidence_content(files[keys["1.1.1"]][0]["file_id"]) == make.pdf("letter")
    finally:
        again.close()


def test_a_name_the_entry_already_has_is_refused_and_nothing_changes(modmr, db_path):
    store, plan, keys = modmr
    store.attach_evidence(plan, "H1", keys["1.1.1"], [evidence.from_bytes("a.pdf", make.pdf())])
    before = table_dump(db_path)
    with pytest.raises(InvalidValue) as info:
        store.attach_evidence(plan, "H1", keys["1.1.1"], [evidence.from_bytes("b.png", make.png()),
                                                           evidence.from_bytes("a.pdf", make.pdf("other"))])
    assert "a.pdf" in info.value.render("bn")
    assert table_dump(db_path) == before


def test_undo_of_an_attach_removes_the_link_and_the_file_only_when_unused(modmr, db_path):
    store, plan, keys = modmr
    shared = evidence.from_bytes("shared.pdf", make.pdf("shared"))
    store.attach_evidence(plan, "H1", keys["1.1.1"], [shared])
    before = _data(db_path)
    change = store.attach_evidence(plan, "H1", keys["1.2.1"],
                                   [shared, evidence.from_bytes("new.jpg", make.jpeg())])
    assert _count(db_path, "evidence_file") == 2
    redo = change.undo()
    assert _data(db_path) == before  # the shared file stays, the new one is gone
    redo.undo()
    assert [f["name"] for f in store.evidence_files(plan, "H1")[keys["1.2.1"]]] == ["shared.pdf", "new.jpg"]


def test_remove_drops_an_unused_file_and_undo_brings_the_bytes_back(modmr, db_path):
    store, plan, keys = modmr
    store.attach_evidence(plan, "H1", keys["1.1.1"], [evidence.from_bytes("a.pdf", make.pdf()),
                                                       evidence.from_bytes("b.xlsx", make.xlsx()),
                                                       evidence.from_bytes("c.docx", make.docx())])
    before = _data(db_path)
    change = store.remove_evidence(plan, "H1", keys["1.1.1"], "b.xlsx")
    assert _count(db_path, "evidence_file") == 2
    assert [f["name"] for f in store.evidence_files(plan, "H1")[keys["1.1.1"]]] == ["a.pdf", "c.docx"]
    assert store.audit(plan)[-1].operation == "remove_evidence"
    change.undo()
    assert _data(db_path) == before
    with pytest.raises(InvalidValue):
        store.remove_evidence(plan, "H1", keys["1.1.1"], "none.pdf")


def test_removing_an_indicator_takes_its_evidence_and_undo_restores_it(modmr, db_path):
    store, plan, keys = modmr
    store.attach_evidence(plan, "H1", keys["1.1.1"], [evidence.from_bytes("a.pdf", make.pdf())])
    before = _data(db_path)
    change = store.remove_indicator(keys["1.1.1"])
    assert _count(db_path, "evidence_file") == _count(db_path, "entry_evidence") == 0
    change.undo()
    assert _data(db_path) == before


def test_a_signed_report_refuses_evidence_changes_and_its_digest_covers_the_files(modmr, db_path, tmp_path):
    store, plan, keys = modmr
    unsigned = report_digest(store.get_document(plan), "H1")
    store.attach_evidence(plan, "H1", keys["1.1.1"], [evidence.from_bytes("a.pdf", make.pdf())])
    signed = store.sign_off(plan, "H1", SIGNER)
    assert signed.digest != unsigned  # the files are in what was hashed
    before = table_dump(db_path)
    with pytest.raises(ReportLocked):
        store.attach_evidence(plan, "H1", keys["1.2.1"], [evidence.from_bytes("b.png", make.png())])
    with pytest.raises(ReportLocked):
        store.remove_evidence(plan, "H1", keys["1.1.1"], "a.pdf")
    assert table_dump(db_path) == before
    # The exchange file carries the list, and its seal holds; a changed file hash breaks it.
    text = exchange.dumps(store.get_document(plan))
    assert exchange.loads(text).report("H1").status == "signed_off"
    forged = exchange.loads(text.replace(evidence.from_bytes("a.pdf", make.pdf()).sha256, "0" * 64))
    assert forged.report("H1").status == "draft"


def test_a_report_without_evidence_keeps_the_digest_it_had(modmr):
    store, plan, keys = modmr
    doc = exchange.load(MODMR)
    assert report_digest(store.get_document(plan), "H1") == report_digest(doc, "H1")
    assert "x-evidence-files" not in exchange.dumps(store.get_document(plan))
