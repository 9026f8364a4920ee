"""The memo of the all-plans file (export-docx --all-plans, issue 9) is its own: the office's memo for the period,
written once for all five plans (saved in the database, one undo step), else made from the office profile with
the next number of its memo series; it names the annexes (সংযোজনী ৪–৮) with each plan's name. Read back with
python-docx."""
from __future__ import annotations

import datetime as dt

import docx

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.values import format_date
from egov_desktop.store.service import Store
from tests.export.test_docx_plans import _database_with_the_five_plans
from tests.test_cli_check_score import run

MODMR_MEMO_NUMBER = "৫১.০০.০০০০.২৫০.২৫.০০৬.২১.৯৫"  # the e-Gov plan's own H1 memo, which the file used to reuse


def _memo_texts(path) -> list[str]:
    """The paragraphs and table cells of the memo's section (before the first report title)."""
    d = docx.Document(path)
    body = d.element.body
    texts = []
    for child in body.iterchildren():
        text = "".join(t.text or "" for t in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        if child.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr") is not None:
            texts.append(text)
            break
        texts.append(text)
    return [t for t in texts if t]


def _export(db, out):
    code, _stdout, err = run("export-docx", "--all-plans", "--fiscal-year", "2021-22", "--period", "H1",
                             "--db", db, "--out", out, "--parts", "memo")
    assert code == 0 and err == "", err
    return _memo_texts(out)


def _annexes(texts: list[str]) -> str:
    return next(t for t in texts if t.startswith("সংযুক্তি"))


def test_the_memo_written_for_all_plans_is_exported(tmp_path):
    db = _database_with_the_five_plans(tmp_path)
    with Store.open(db) as store:
        nis = next(p.key for p in store.list_plans() if p.kind == "nis")
        office = store.office_of(nis)
        with store.group(Msg(N_("Change the forwarding memo"))) as group:
            store.set_all_plans_memo_field(office, "2021-22", "H1", "number", "০৭.০০.০০০০.১১১.২২.০০১.২১.৩৩")
            store.set_all_plans_memo_field(office, "2021-22", "H1", "date", dt.date(2022, 1, 12))
            store.set_all_plans_memo_field(office, "2021-22", "H1", "subject", "পাঁচটি কর্মপরিকল্পনার অর্ধবার্ষিক প্রতিবেদন")
        memo = store.all_plans_memo(office, "2021-22", "H1")
        assert (memo.number, memo.date) == ("০৭.০০.০০০০.১১১.২২.০০১.২১.৩৩", dt.date(2022, 1, 12))
        # One undo step takes it all back; redone, it is there again.
        redo = group.change.undo()
        assert store.all_plans_memo(office, "2021-22", "H1") is None
        redo.undo()
        assert store.all_plans_memo(office, "2021-22", "H1").number == memo.number
    texts = _export(db, tmp_path / "all.docx")
    flat = "\n".join(texts)
    assert "স্মারক নং-০৭.০০.০০০০.১১১.২২.০০১.২১.৩৩" in flat and MODMR_MEMO_NUMBER not in flat
    assert "বিষয়: পাঁচটি কর্মপরিকল্পনার অর্ধবার্ষিক প্রতিবেদন" in flat
    annexes = _annexes(texts)
    for number, word in (("৪", "জাতীয় শুদ্ধাচার কৌশল"), ("৫", "ই-গভর্ন্যান্স"), ("৬", "সেবা প্রদান প্রতিশ্রুতি"),
                         ("৭", "অভিযোগ প্রতিকার"), ("৮", "তথ্য অধিকার")):
        assert f"সংযোজনী {number}: " in annexes and word in annexes.split(f"সংযোজনী {number}: ")[1].split(";")[0]


def test_without_a_written_memo_it_is_made_from_the_office_profile(tmp_path):
    db = _database_with_the_five_plans(tmp_path)
    with Store.open(db) as store:
        nis = next(p.key for p in store.list_plans() if p.kind == "nis")
        office = store.office_of(nis)
        store.set_office_field(office, "default_recipients", ["সচিব, মন্ত্রিপরিষদ বিভাগ"])
        store.set_office_field(office, "memo_prefixes", [{"file": "এপিএ", "prefix": "০৭.০০.০০০০.১১১.২২.০০১.২১",
                                                          "last_serial": 41}])
        assert store.all_plans_memo(office, "2021-22", "H1") is None
    texts = _export(db, tmp_path / "all.docx")
    flat = "\n".join(texts)
    assert "স্মারক নং-০৭.০০.০০০০.১১১.২২.০০১.২১.৪২" in flat  # the next number of the office's series
    assert format_date(dt.date.today(), "bn") in flat
    assert "সচিব, মন্ত্রিপরিষদ বিভাগ" in flat and MODMR_MEMO_NUMBER not in flat
    assert "সুশাসন ও সংস্কারমূলক কর্মপরিকল্পনাসমূহের" in flat  # its own subject
    assert "সংযোজনী ৮: " in _annexes(texts)
