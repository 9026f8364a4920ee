"""Hostile exchange files through the real commands (issue 14: 1, 9; issue 15: 3)."""
import json

import pytest

from egov_desktop import cli
from egov_desktop.core import exchange, rules
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB
from tests.documents import duplicate_code, signed


def _raw(path=MODMR) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(tmp_path, raw, name="plan.json"):
    path = tmp_path / name
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    return path


def _run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


@pytest.mark.parametrize("command", ["check", "score"])
def test_json_commands_print_json_for_an_unreadable_file(tmp_path, capsys, command):
    raw = _raw()
    raw["plan"]["fiscal_year"] = "0000-01"
    code, out, err = _run(capsys, command, _write(tmp_path, raw), "--json")
    assert code == 2 and err == ""
    error = json.loads(out)["error"]
    assert error["where"] == "plan.fiscal_year" and "০০০০-০১" in error["message"]

    code, out, _ = _run(capsys, command, tmp_path / "missing.json", "--json", "--lang", "en")
    assert code == 2 and json.loads(out) == {"error": {"message": "cannot read the file: the file does not exist",
                                                       "where": ""}}
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    code, out, _ = _run(capsys, command, tmp_path / "bad.json", "--json")
    assert code == 2 and set(json.loads(out)["error"]) == {"message", "where"}


def test_score_json_without_the_report_prints_json(tmp_path, capsys):
    code, out, err = _run(capsys, "score", MODMR, "--period", "Q3", "--json")
    assert code == 2 and err == "" and json.loads(out)["error"]["where"] == "reports"


def test_an_impossible_fiscal_year_is_refused_by_import(tmp_path, capsys):
    raw = _raw()
    raw["plan"]["fiscal_year"] = "0000-01"
    code, _, err = _run(capsys, "import", _write(tmp_path, raw), "--db", tmp_path / "egov.sqlite")
    assert code == 2 and "plan.fiscal_year" in err and "সীমার বাইরে" in err


def test_a_forged_signed_report_is_imported_as_a_draft_with_the_warning_said(tmp_path, capsys):
    raw = signed(_raw())
    raw["reports"][0]["entries"][0]["narrative"] = "বদলানো"  # after signing: the digest no longer matches
    src, db = _write(tmp_path, raw), tmp_path / "egov.sqlite"
    code, out, err = _run(capsys, "import", src, "--db", db)
    assert code == 0
    assert "অর্ধবার্ষিক: স্বাক্ষর" in err and "খসড়া" in err
    with Store.open(db, readonly=True) as store:
        [plan] = store.list_plans()
        report = store.get_document(plan.key).report("H1")
        assert report.status == "draft" and report.signoff is None
        assert store.signed_revisions(plan.key, "H1") == []  # nothing sealed
    code, out, _ = _run(capsys, "check", src, "--json")
    assert "digest_mismatch" in {f["rule"] for f in json.loads(out)["findings"]}

    # the genuine one stays signed, without a word
    src = _write(tmp_path, signed(_raw()), "genuine.json")
    code, _, err = _run(capsys, "import", src, "--db", tmp_path / "other.sqlite")
    assert code == 0 and err == ""
    with Store.open(tmp_path / "other.sqlite", readonly=True) as store:
        [plan] = store.list_plans()
        assert store.get_document(plan.key).report("H1").status == "signed_off"


def test_a_duplicate_indicator_code_is_checked_imported_and_fixed_in_the_grid(tmp_path, capsys):
    raw = _raw(PIB)
    code_twice = duplicate_code(raw, title="একই কোডের দ্বিতীয় সূচক")
    src, db = _write(tmp_path, raw), tmp_path / "egov.sqlite"
    code, out, err = _run(capsys, "check", src, "--json")
    assert code == 1 and err == ""
    dup = [f for f in json.loads(out)["findings"] if f["rule"] == "duplicate_code"]
    # At the repeat, the row to renumber; "occurrence" names it as an entry of the exchange format does.
    assert [(f["where"], f["occurrence"], f["severity"]) for f in dup] == [(f"{code_twice}#2", 2, "error")]
    code, out, _ = _run(capsys, "score", src, "--json")
    assert code == 0 and json.loads(out)["total"] >= 0

    code, _, err = _run(capsys, "import", src, "--db", db)
    assert code == 0, err
    with Store.open(db) as store:
        [plan] = store.list_plans()
        doc = store.get_document(plan.key)
        twins = [i for i in doc.plan.indicators() if i.code == code_twice]
        assert [i.title for i in twins][1] == "একই কোডের দ্বিতীয় সূচক"
        # the entry stays with the first, as the reader and the rules read it
        first_value = raw["reports"][0]["entries"][0]["value"]
        assert doc.reports[0].entry(code_twice).value == first_value
        assert [f for f in rules.check_document(doc) if f.rule == "duplicate_code"]
        # In the grid: moving the second one (or any structural edit) renumbers; no constraint stands in the way.
        store.move_indicator(twins[1].key, 1)
        doc = store.get_document(plan.key)
        assert not [f for f in rules.check_document(doc) if f.rule == "duplicate_code"]
        moved = next(i for i in doc.plan.indicators() if i.title == "একই কোডের দ্বিতীয় সূচক")
        assert moved.code != code_twice and doc.reports[0].entry(code_twice).value == first_value


def test_a_report_signed_before_the_office_changed_travels_sealed(tmp_path, capsys):
    """The office header is part of the seal yet stays editable: a report signed off before the address
    changed is exported with the header it was signed with, and read elsewhere as signed, not as forged."""
    import datetime as dt

    from egov_desktop.core.model import Signatory

    db, other, out = tmp_path / "egov.sqlite", tmp_path / "other.sqlite", tmp_path / "out.plan.json"
    with Store.open(db) as store:
        key = store.import_document(exchange.load(MODMR)).key
        store.sign_off(key, "H1", Signatory(name="মুনিরা সুলতানা", designation="উপসচিব"), today=dt.date(2022, 1, 20))
        store.set_office_field(store.office_of(key), "address", "নতুন ঠিকানা, ঢাকা।")
    code, _, err = _run(capsys, "export-json", "--fiscal-year", "2021-22", "--out", out, "--db", db)
    assert code == 0, err
    code, _, err = _run(capsys, "import", out, "--db", other)
    assert code == 0 and err == ""
    with Store.open(other, readonly=True) as store:
        [plan] = store.list_plans()
        assert store.get_document(plan.key).report("H1").status == "signed_off"
        assert store.document_as_signed(plan.key, "H1").office.address != "নতুন ঠিকানা, ঢাকা।"
    code, _, err = _run(capsys, "export-docx", "--fiscal-year", "2021-22", "--period", "H1", "--db", other,
                        "--out", tmp_path / "h1.docx")
    assert code == 0, err

    # the kept header is checked too: changed, the seal no longer holds
    raw = json.loads(out.read_text(encoding="utf-8"))
    raw["reports"][0]["signoff"][exchange.SEALED_OFFICE]["address"] = "অন্য ঠিকানা"
    code, _, err = _run(capsys, "import", _write(tmp_path, raw, "changed.json"), "--db", tmp_path / "third.sqlite")
    assert code == 0 and "খসড়া" in err
