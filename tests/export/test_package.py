"""The submission package (issue 11.3): `egov-desktop package` against a real database, the .zip read back
with zipfile, python-docx and the package reader."""
from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import zipfile

import docx
import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.export import embedded, package
from egov_desktop.store.service import Store
from tests import evidence_files as make
from tests.conftest import FIXTURES, MODMR

PLAN = ("--fiscal-year", "2021-22", "--period", "H1")
SIGNER = "মুনিরা সুলতানা"


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "egov.sqlite"
    store = Store.open(path)
    store.import_document(exchange.load(MODMR))
    store.close()
    return path


def _attach(capsys, tmp_path, db, code, *files: tuple[str, bytes]):
    paths = []
    for name, data in files:
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    assert run(capsys, "evidence", "add", *PLAN, "--indicator", code, *paths, "--db", db)[0] == 0


def test_the_package_holds_the_word_file_the_exchange_document_the_evidence_and_a_manifest(capsys, tmp_path, db):
    pdf, png = make.pdf("চিঠি"), make.png()
    _attach(capsys, tmp_path, db, "1.1.1", ("অফিস আদেশ: ২০২১?.pdf", pdf), ("ছবি", png))
    _attach(capsys, tmp_path, db, "2.1.1", ("অফিস আদেশ: ২০২১?.pdf", pdf))  # same content, another entry
    out = tmp_path / "প্যাকেজ.zip"
    code, text, err = run(capsys, "package", *PLAN, "--db", db, "--out", out)
    assert code == 0 and "লেখা হয়েছে" in text and "১টি ওয়ার্ড" in text and not err
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        manifest = json.loads(z.read("manifest.json"))
        word = z.read(manifest["plans"][0]["word"])
        members = {n: z.read(n) for n in names}
    stem = "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয় - ই-গভর্ন্যান্স ও উদ্ভাবন ২০২১-২২ - অর্ধবার্ষিক"
    # Named by the code as the report prints it, the file's place in the entry, and a name Windows accepts.
    assert sorted(names) == sorted([f"{stem}.docx", f"{stem}.json", "প্রমাণক/[১.১.১]-১-অফিস আদেশ_ ২০২১_.pdf",
                                    "প্রমাণক/[১.১.১]-২-ছবি.png", "প্রমাণক/[২.১.১]-১-অফিস আদেশ_ ২০২১_.pdf",
                                    "manifest.json"])
    assert members["প্রমাণক/[১.১.১]-১-অফিস আদেশ_ ২০২১_.pdf"] == pdf and members["প্রমাণক/[১.১.১]-২-ছবি.png"] == png
    assert {k: manifest[k] for k in ("format", "version", "office", "fiscal_year", "period")} == {
        "format": "egov-package", "version": 1, "office": "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়",
        "fiscal_year": "2021-22", "period": "H1"}
    plan = manifest["plans"][0]
    assert (plan["kind"], plan["status"], plan["signed"], plan["revision"]) == ("egov_innovation", "draft", False, None)
    assert [(e["indicator"], e["name"]) for e in plan["evidence"]] == [
        ("1.1.1", "অফিস আদেশ: ২০২১?.pdf"), ("1.1.1", "ছবি"), ("2.1.1", "অফিস আদেশ: ২০২১?.pdf")]
    assert {f["path"]: (f["size"], f["sha256"]) for f in manifest["files"]} == {
        n: (len(b), hashlib.sha256(b).hexdigest()) for n, b in members.items() if n != "manifest.json"}
    # The Word file: memo and report, the evidence annex naming the files, the plan carried inside.
    texts = [p.text for p in docx.Document(io.BytesIO(word)).paragraphs]
    assert any(t.startswith("বিষয়:") for t in texts) and "প্রমাণক ফাইলের তালিকা" in texts
    annex = docx.Document(io.BytesIO(word)).tables[-1]
    assert "ছবি" in [c.text for row in annex.rows for c in row.cells]
    # The exchange document is the one inside the Word file, and the package reader gives it back whole.
    assert exchange.loads(members[f"{stem}.json"]).report("H1").entries[0].extras["x-evidence-files"][0]["name"] \
        == "অফিস আদেশ: ২০২১?.pdf"
    read = package.read(out)
    assert [p.doc.plan.kind for p in read.plans] == ["egov_innovation"] and read.period == "H1"
    assert [(e.indicator, e.file.name, e.file.content, e.file.media_type) for e in read.plans[0].evidence] == [
        ("1.1.1", "অফিস আদেশ: ২০২১?.pdf", pdf, "application/pdf"), ("1.1.1", "ছবি", png, "image/png"),
        ("2.1.1", "অফিস আদেশ: ২০২১?.pdf", pdf, "application/pdf")]
    assert read.plans[0].word == word and not read.plans[0].signed


def test_a_signed_report_goes_with_its_revision_and_digest(capsys, tmp_path, db):
    _attach(capsys, tmp_path, db, "1.1.1", ("a.pdf", make.pdf()))
    assert run(capsys, "sign-off", *PLAN, "--signatory", SIGNER, "--db", db)[0] == 0
    out = tmp_path / "p.zip"
    assert run(capsys, "package", *PLAN, "--db", db, "--out", out, "--lang", "en")[0] == 0
    read = package.read(out)
    plan = read.manifest["plans"][0]
    assert (plan["status"], plan["signed"], plan["revision"]) == ("signed_off", True, 1)
    assert plan["digest"] == read.plans[0].doc.report("H1").signoff.digest == \
        exchange.report_digest(read.plans[0].doc, "H1")
    assert read.plans[0].signed
    # verify reads the package: every byte as the manifest says, the Word file as signed.
    code, text, _ = run(capsys, "verify", out, "--db", db, "--lang", "en")
    assert code == 0 and "matches" in text


def test_all_plans_each_with_its_own_evidence_folder(capsys, tmp_path):
    egov = json.loads(MODMR.read_text(encoding="utf-8"))
    egov["reports"][0]["period"] = "Q1"
    nis = json.loads((FIXTURES / "nis-fid-2021-22.plan.json").read_text(encoding="utf-8"))
    nis["office"] = copy.deepcopy(egov["office"])  # one office's plans
    nis["reports"][0].pop("memo", None)  # goes as the report alone: the e-governance memo forwards both
    path = tmp_path / "egov.sqlite"
    store = Store.open(path)
    for d in (egov, nis):
        store.import_document(exchange.from_dict(d))
    store.close()
    for code in ("1.1.1",):
        for kind in ("egov_innovation", "nis"):
            (tmp_path / "x.pdf").write_bytes(make.pdf(kind))
            assert run(capsys, "evidence", "add", "--fiscal-year", "2021-22", "--period", "Q1", "--kind", kind,
                       "--indicator", code, tmp_path / "x.pdf", "--db", path)[0] == 0
    out = tmp_path / "all.zip"
    code, text, _ = run(capsys, "package", "--fiscal-year", "2021-22", "--period", "Q1", "--all-plans", "--db", path,
                        "--out", out)
    assert code == 0 and "২টি ওয়ার্ড" in text
    read = package.read(out)
    assert sorted(p.doc.plan.kind for p in read.plans) == ["egov_innovation", "nis"]
    paths = {p.doc.plan.kind: [e.path for e in p.evidence] for p in read.plans}
    assert paths["egov_innovation"] == ["প্রমাণক/ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা/[১.১.১]-১-x.pdf"]
    assert paths["nis"][0].startswith("প্রমাণক/মন্ত্রণালয়_বিভাগ_") and \
        paths["nis"][0].endswith("জাতীয় শুদ্ধাচার কৌশল কর্মপরিকল্পনা/[১.১.১]-১-x.pdf")
    nis_word = next(p.word for p in read.plans if p.doc.plan.kind == "nis")
    assert not any(p.text.startswith("বিষয়:") for p in docx.Document(io.BytesIO(nis_word)).paragraphs)


def test_a_package_over_20_mb_is_written_with_a_warning(capsys, tmp_path, db):
    big = [(f"বড়-{i}.pdf", b"%PDF-1.4\n" + os.urandom(11 * 1024 * 1024)) for i in range(2)]
    _attach(capsys, tmp_path, db, "1.1.1", *big)
    out = tmp_path / "p.zip"
    code, text, err = run(capsys, "package", *PLAN, "--db", db, "--out", out)
    assert code == 0 and out.stat().st_size > 22 * 1024 * 1024
    assert "সতর্কতা" in err and "২০ মেগাবাইটের" in err and "পেন ড্রাইভ" in err
    assert len(package.read(out).plans[0].evidence) == 2


def test_refusals_leave_the_file_that_was_there(capsys, tmp_path, db):
    out = tmp_path / "p.zip"
    out.write_bytes(b"the old package")
    code, _, err = run(capsys, "package", "--fiscal-year", "2021-22", "--period", "Q3", "--db", db, "--out", out)
    assert code == 1 and "প্রতিবেদন নেই" in err
    code, _, err = run(capsys, "package", "--fiscal-year", "2030-31", "--period", "H1", "--db", db, "--out", out)
    assert code == 2 and "২০৩০-৩১" in err
    code, _, err = run(capsys, "package", *PLAN, "--db", db, "--out", tmp_path / "নেই" / "p.zip", "--lang", "en")
    assert code == 2 and "folder does not exist" in err
    assert out.read_bytes() == b"the old package"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("egov.sqlite")) == ["p.zip"]


def test_evidence_names_are_safe_and_keep_their_type():
    assert package.evidence_path("1.1.10", 3, "a/b\\c:d*e?.PDF", "application/pdf") == "প্রমাণক/[১.১.১০]-৩-a_b_c_d_e_.PDF"
    assert package.evidence_path("1.1.1", 1, "scan", "image/jpeg") == "প্রমাণক/[১.১.১]-১-scan.jpg"
    assert package.evidence_path("1.1.1", 1, "notes.txt", "application/pdf") == "প্রমাণক/[১.১.১]-১-notes.txt.pdf"
    assert package.evidence_path("1.1.1", 1, "...", "image/png") == "প্রমাণক/[১.১.১]-১-প্রমাণক.png"
    long = package.evidence_path("1.1.1", 1, "ক" * 300 + ".pdf", "application/pdf")
    assert len(long) < 120 and long.endswith(".pdf")
    assert package.evidence_path("1.1.1", 1, "e\u0301.pdf", "application/pdf").endswith("-\u00e9.pdf")  # NFC


def test_the_email_draft_attaches_the_package(capsys, tmp_path, db):
    from email import message_from_bytes
    from email.policy import default

    _attach(capsys, tmp_path, db, "1.1.1", ("চিঠি.pdf", make.pdf()))
    draft = tmp_path / "draft.eml"
    code, _, err = run(capsys, "email-draft", *PLAN, "--db", db, "--out", draft, "--package")
    assert code == 0, err
    message = message_from_bytes(draft.read_bytes(), policy=default)
    parts = list(message.iter_attachments())
    assert [p.get_filename() for p in parts] == ["draft.docx", "draft.zip"]
    assert parts[1].get_content() == (tmp_path / "draft.zip").read_bytes()
    assert [e.file.name for e in package.read(tmp_path / "draft.zip").plans[0].evidence] == ["চিঠি.pdf"]
    # A package given is attached as it is; one that does not exist is said before anything is written.
    again = tmp_path / "again.eml"
    assert run(capsys, "email-draft", *PLAN, "--db", db, "--out", again, "--package", tmp_path / "draft.zip")[0] == 0
    assert list(message_from_bytes(again.read_bytes(), policy=default).iter_attachments())[1].get_content() == \
        (tmp_path / "draft.zip").read_bytes()
    code, _, err = run(capsys, "email-draft", *PLAN, "--db", db, "--out", tmp_path / "x.eml", "--package",
                       tmp_path / "নেই.zip")
    assert code == 2 and "নেই.zip" in err and not (tmp_path / "x.eml").exists()
    code, _, err = run(capsys, "email-draft", MODMR, "--period", "H1", "--out", tmp_path / "x.eml", "--package")
    assert code == 2 and "--fiscal-year" in err
