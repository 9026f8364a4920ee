"""A signed-off report marked as submitted: still sealed, audited, in the exchange file, and reopened
like a signed-off one."""
import pytest

from egov_desktop.core import exchange
from egov_desktop.core.model import Signatory
from egov_desktop.store.service import ReportLocked, Store, StoreError
from tests.conftest import MODMR
from tests.store.conftest import table_dump

SIGNER = Signatory(name="মুনিরা সুলতানা", designation="উপসচিব (আইন)")


@pytest.fixture
def modmr(store):
    return store, store.import_document(exchange.load(MODMR)).key


def test_only_a_signed_off_report_can_be_marked_submitted(modmr, db_path):
    store, plan = modmr
    before = table_dump(db_path)
    with pytest.raises(StoreError) as info:
        store.mark_submitted(plan, "H1")
    assert "স্বাক্ষরিত নয়" in info.value.render("bn")
    assert table_dump(db_path) == before

    store.sign_off(plan, "H1", SIGNER)
    store.mark_submitted(plan, "H1")
    report = store.get_document(plan).report("H1")
    assert (report.status, report.revision, report.signoff.name) == ("submitted", 1, "মুনিরা সুলতানা")
    assert store.list_plans()[0].reports == {"H1": "submitted"}
    [entry] = [a for a in store.audit(plan) if a.operation == "mark_submitted"]
    assert (entry.period, entry.field, entry.old, entry.new) == ("H1", "status", "signed_off", "submitted")

    before = table_dump(db_path)
    with pytest.raises(StoreError) as info:
        store.mark_submitted(plan, "H1")
    assert "already marked as submitted" in info.value.render("en")
    with pytest.raises(ReportLocked):
        store.sign_off(plan, "H1", SIGNER)
    ind = store.get_document(plan).plan.indicator("1.1.1")
    for attempt in (lambda: store.set_entry_field(plan, "H1", ind.key, "narrative", "x"),
                    lambda: store.set_memo_field(plan, "H1", "subject", "x"),
                    lambda: store.set_indicator_field(ind.key, "title", "x")):
        with pytest.raises(ReportLocked):
            attempt()
    assert table_dump(db_path) == before


def test_the_exchange_file_says_submitted_and_reopen_works_from_there(modmr, tmp_path):
    store, plan = modmr
    store.sign_off(plan, "H1", SIGNER)
    store.mark_submitted(plan, "H1")
    data = exchange.to_dict(store.get_document(plan))
    [report] = data["reports"]
    assert report["status"] == "submitted" and report["signoff"]["name"] == "মুনিরা সুলতানা"

    # Another office's database takes the file as it is.
    with Store.open(tmp_path / "other.sqlite") as other:
        key = other.import_document(exchange.from_dict(data)).key
        assert other.get_document(key).report("H1").status == "submitted"

    store.reopen(plan, "H1", "উপরের দপ্তর সংশোধন চেয়েছে")
    report = store.get_document(plan).report("H1")
    assert (report.status, report.revision, report.signoff) == ("draft", 2, None)
    [entry] = [a for a in store.audit(plan) if a.operation == "reopen"]
    assert entry.old == {"status": "submitted", "revision": 1}
    assert store.signed_revisions(plan, "H1")[0].reopen_reason == "উপরের দপ্তর সংশোধন চেয়েছে"
    store.set_memo_field(plan, "H1", "subject", "নতুন বিষয়")  # open for changes again
    assert store.sign_off(plan, "H1", SIGNER).revision == 2


def test_a_read_only_store_refuses_to_mark(modmr, db_path):
    store, plan = modmr
    store.sign_off(plan, "H1", SIGNER)
    with Store.open(db_path, readonly=True) as ro:
        with pytest.raises(StoreError):
            ro.mark_submitted(plan, "H1")
    assert store.get_document(plan).report("H1").status == "signed_off"


def test_mark_submitted_on_the_command_line(capsys, tmp_path, db_path):
    import json

    from egov_desktop import cli

    with Store.open(db_path) as store:
        store.import_document(exchange.load(MODMR))
    plan = ["--fiscal-year", "২০২১-২২", "--period", "H1", "--db", str(db_path)]

    def run(*args):
        code = cli.main([*args, *plan])
        return (code, *capsys.readouterr())

    code, _, err = run("mark-submitted")
    assert code == 1 and "স্বাক্ষরিত নয়" in err
    assert run("sign-off", "--signatory", "মুনিরা সুলতানা")[0] == 0
    signed = tmp_path / "signed.docx"
    assert run("export-docx", "--out", str(signed))[0] == 0
    code, text, _ = run("mark-submitted")
    assert code == 0 and text.strip() == "অর্ধবার্ষিক প্রতিবেদনটি জমা দেওয়া হয়েছে বলে চিহ্নিত হলো।"
    code, _, err = run("mark-submitted", "--lang", "en")
    assert code == 1 and "already marked as submitted" in err

    out = tmp_path / "out.json"
    assert cli.main(["export-json", "--fiscal-year", "2021-22", "--db", str(db_path), "--out", str(out)]) == 0
    [report] = json.loads(out.read_text(encoding="utf-8"))["reports"]
    assert report["status"] == "submitted" and report["revision"] == 1
    # The seal does not cover the status: the file exported before still verifies.
    code = cli.main(["verify", str(signed), "--db", str(db_path)])
    assert code == 0, capsys.readouterr()
    capsys.readouterr()
    code, _, _ = run("reopen", "--reason", "সংশোধন")
    assert code == 0
    with Store.open(db_path) as store:
        assert store.list_plans()[0].reports == {"H1": "draft"}
