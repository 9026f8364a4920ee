"""`egov-desktop evidence add|list|remove` as real processes on a real database file."""
import json

from tests import evidence_files as make
from tests.conftest import MODMR
from tests.store.conftest import table_dump
from tests.store.test_cli import _text, egov

PLAN = ("--fiscal-year", "2021-22", "--period", "H1")


def test_add_list_remove_and_the_exchange_file_lists_the_files(tmp_path):
    db = tmp_path / "egov.sqlite"
    assert egov("import", MODMR, "--db", db).returncode == 0
    (tmp_path / "চিঠি.pdf").write_bytes(make.pdf())
    (tmp_path / "ছবি.png").write_bytes(make.png())
    p = egov("evidence", "add", *PLAN, "--indicator", "1.1.1", tmp_path / "চিঠি.pdf", tmp_path / "ছবি.png", "--db", db)
    out, _ = _text(p)
    assert p.returncode == 0 and "চিঠি.pdf" in out
    p = egov("evidence", "list", *PLAN, "--db", db, "--lang", "en")
    out, _ = _text(p)
    assert p.returncode == 0
    assert [line.split("\t")[:3] for line in out.splitlines()] == [["1.1.1", "চিঠি.pdf", "PDF"],
                                                                     ["1.1.1", "ছবি.png", "PNG"]]
    target = tmp_path / "out.json"
    assert egov("export-json", "--fiscal-year", "2021-22", "--out", target, "--db", db).returncode == 0
    entry = next(e for e in json.loads(target.read_text(encoding="utf-8"))["reports"][0]["entries"]
                 if e["indicator"] == "1.1.1")
    assert [f["name"] for f in entry["x-evidence-files"]] == ["চিঠি.pdf", "ছবি.png"]
    p = egov("evidence", "remove", *PLAN, "--indicator", "১.১.১", "চিঠি.pdf", "--db", db)
    assert p.returncode == 0
    out, _ = _text(egov("evidence", "list", *PLAN, "--db", db))
    assert [line.split("\t")[1] for line in out.splitlines()] == ["ছবি.png"]


def test_a_hostile_file_is_refused_before_the_database_is_touched(tmp_path):
    db = tmp_path / "egov.sqlite"
    assert egov("import", MODMR, "--db", db).returncode == 0
    before = table_dump(db)
    fake = tmp_path / "fake.pdf"
    fake.write_bytes(b"MZ\x90\x00 an executable pretending")
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:
        fh.truncate(2 * 1024**3)
    good = tmp_path / "good.pdf"
    good.write_bytes(make.pdf())
    for bad, words in ((fake, "PDF, JPEG, PNG"), (huge, "২০ মেগাবাইট")):
        p = egov("evidence", "add", *PLAN, "--indicator", "1.1.1", good, bad, "--db", db)
        _, err = _text(p)
        assert p.returncode == 2 and bad.name in err and words in err
    p = egov("evidence", "add", *PLAN, "--indicator", "9.9.9", good, "--db", db)
    assert p.returncode == 1 and "৯.৯.৯" in _text(p)[1]
    p = egov("evidence", "remove", *PLAN, "--indicator", "1.1.1", "none.pdf", "--db", db, "--lang", "en")
    assert p.returncode == 1 and "none.pdf" in _text(p)[1]
    assert table_dump(db) == before
