"""Reading a submission package from outside (export.package.read, and `verify` of a package): each hostile
package, made here from a real one, is refused with a Bangla message naming what is wrong, and nothing is
returned."""
from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from egov_desktop import cli
from egov_desktop.core import evidence, exchange
from egov_desktop.export import embedded, package
from egov_desktop.export.docx_report import ExportSettings
from egov_desktop.export.package import PackageRefused
from egov_desktop.store.service import Store
from tests import evidence_files as make
from tests.conftest import MODMR
from tests.hostile import STORED, Part, deflate_bomb, deflated, make_zip

PDF_PATH = "প্রমাণক/[১.১.১]-১-চিঠি.pdf"


def _package(tmp, sign: bool) -> tuple[bytes, object]:
    db = tmp / "egov.sqlite"
    store = Store.open(db)
    store.import_document(exchange.load(MODMR))
    key = store.find_plan("2021-22", "egov_innovation")
    ind = {i.code: i.key for i in store.get_document(key).plan.indicators()}
    store.attach_evidence(key, "H1", ind["1.1.1"], [evidence.from_bytes("চিঠি.pdf", make.pdf()),
                                                   evidence.from_bytes("ছবি.png", make.png())])
    store.close()
    if sign:
        assert cli.main(["sign-off", "--fiscal-year", "2021-22", "--period", "H1", "--signatory", "মুনিরা সুলতানা",
                         "--db", str(db)]) == 0
    store = Store.open(db, readonly=True)
    try:
        data, _ = package.from_store(store, [key], "H1", "Noto Sans Bengali", lambda k, d: ExportSettings(), "bn")
    finally:
        store.close()
    return data, db


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    return _package(tmp_path_factory.mktemp("signed"), sign=True)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _repack(members: dict[str, bytes], rehash: bool = True, manifest_change=None) -> bytes:
    """The package with `members` (the manifest among them), the manifest's sizes and hashes made to match the
    members again when `rehash` (the forger's move), then changed by `manifest_change`."""
    manifest = json.loads(members["manifest.json"])
    if rehash:
        for f in manifest["files"]:
            if f["path"] in members:
                f.update(size=len(members[f["path"]]), sha256=hashlib.sha256(members[f["path"]]).hexdigest())
    if manifest_change:
        manifest_change(manifest)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in members.items():
            z.writestr(name, json.dumps(manifest, ensure_ascii=False).encode() if name == "manifest.json" else body)
    return buf.getvalue()


def _refused(tmp_path, data: bytes) -> str:
    path = tmp_path / "package.zip"
    path.write_bytes(data)
    with pytest.raises(PackageRefused) as e:
        package.read(path)
    return e.value.render("bn")


def _raise_a_number(doc: dict) -> None:
    entry = next(e for e in doc["reports"][0]["entries"] if type(e.get("value")) in (int, float))
    entry["value"] += 1


def _exchange_name(members) -> str:
    return next(n for n in members if n.endswith(".json") and n != "manifest.json")


def test_the_real_package_reads_back_whole(tmp_path, signed):
    path = tmp_path / "p.zip"
    path.write_bytes(signed[0])
    read = package.read(path)
    assert read.plans[0].signed and [e.path for e in read.plans[0].evidence] == [PDF_PATH, "প্রমাণক/[১.১.১]-২-ছবি.png"]


def test_a_member_changed_after_the_package_was_made(tmp_path, signed):
    members = _members(signed[0])
    members[PDF_PATH] = make.pdf("অন্য কিছু")
    reason = _refused(tmp_path, _repack(members, rehash=False))
    assert PDF_PATH in reason and "প্যাকেজ তৈরির পরে" in reason and "বদলানো হয়েছে" in reason


def test_evidence_that_claims_to_be_a_pdf_and_is_not(tmp_path, signed):
    members = _members(signed[0])
    members[PDF_PATH] = b"MZ\x90\x00 an executable pretending"
    reason = _refused(tmp_path, _repack(members))
    assert PDF_PATH in reason and "PDF, JPEG, PNG" in reason
    members[PDF_PATH] = make.png()
    reason = _refused(tmp_path, _repack(members))
    assert PDF_PATH in reason and "ফাইলের নাম বলছে PDF, কিন্তু এর বিষয়বস্তু PNG" in reason


def test_evidence_swapped_for_another_file_with_the_hashes_redone(tmp_path, signed):
    members = _members(signed[0])
    members[PDF_PATH] = make.pdf("জাল চিঠি")
    reason = _refused(tmp_path, _repack(members))
    assert PDF_PATH in reason and "প্রতিবেদনে তালিকাভুক্ত কোনো প্রমাণক ফাইল নয়" in reason


def test_an_evidence_file_the_report_lists_is_missing(tmp_path, signed):
    members = _members(signed[0])
    del members[PDF_PATH]

    def drop(m):
        m["files"] = [f for f in m["files"] if f["path"] != PDF_PATH]
        m["plans"][0]["evidence"] = [e for e in m["plans"][0]["evidence"] if e["path"] != PDF_PATH]
    reason = _refused(tmp_path, _repack(members, manifest_change=drop))
    assert "চিঠি.pdf" in reason and "১.১.১" in reason and "প্যাকেজে সেটি নেই" in reason


def test_the_exchange_document_changed_but_not_the_word_file(tmp_path, signed):
    members = _members(signed[0])
    name = _exchange_name(members)
    doc = json.loads(members[name])
    _raise_a_number(doc)
    members[name] = json.dumps(doc, ensure_ascii=False).encode()
    reason = _refused(tmp_path, _repack(members))
    assert "একই প্রতিবেদন নেই" in reason


def test_a_signed_report_changed_in_both_places_is_tampered(tmp_path, signed):
    members = _members(signed[0])
    name = _exchange_name(members)
    doc = json.loads(members[name])
    _raise_a_number(doc)
    forged = json.dumps(doc, ensure_ascii=False)
    members[name] = forged.encode()
    word = name[:-5] + ".docx"
    parts = _members(members[word])
    item = next(n for n in parts if embedded.parse(parts[n]) is not None and n.startswith("customXml/item"))
    old = embedded.parse(parts[item])
    parts[item] = embedded.payload(forged, old.period, old.table)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, body in parts.items():
            z.writestr(n, body)
    members[word] = buf.getvalue()
    reason = _refused(tmp_path, _repack(members))
    assert name in reason and "স্বাক্ষরিত বলে চিহ্নিত" in reason and "স্বাক্ষরের পরে" in reason


def test_members_not_in_the_manifest_and_manifest_entries_not_in_the_package(tmp_path, signed):
    members = _members(signed[0])
    members["প্রমাণক/বাড়তি.pdf"] = make.pdf()
    reason = _refused(tmp_path, _repack(members))
    assert "প্রমাণক/বাড়তি.pdf" in reason and "তালিকায় (manifest.json) নেই" in reason
    members = _members(signed[0])
    del members[PDF_PATH]
    reason = _refused(tmp_path, _repack(members))
    assert PDF_PATH in reason and "প্যাকেজে নেই" in reason


def test_a_newer_or_damaged_manifest_and_no_manifest(tmp_path, signed):
    members = _members(signed[0])
    reason = _refused(tmp_path, _repack(members, manifest_change=lambda m: m.update(version=2)))
    assert "সংস্করণ ২" in reason and "হালনাগাদ" in reason
    members["manifest.json"] = b'{"format": "egov-package", "format": "x"}'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, body in members.items():
            z.writestr(n, body)
    assert "দুবার" in _refused(tmp_path, buf.getvalue())
    del members["manifest.json"]
    assert "manifest.json নেই" in _refused(tmp_path, _repack_plain(members))
    assert "নষ্ট" in _refused(tmp_path, b"PK\x03\x04 not really a zip")


def _repack_plain(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, body in members.items():
            z.writestr(n, body)
    return buf.getvalue()


MANIFEST = deflated("manifest.json", b'{"format": "egov-package", "version": 1}')


@pytest.mark.parametrize("name", ["../../evil.pdf", "প্রমাণক/../../evil.pdf", "/etc/cron.d/evil", "C:/Windows/evil.dll",
                                  "প্রমাণক\\..\\evil.pdf"])
def test_a_member_named_outside_the_package(tmp_path, name):
    reason = _refused(tmp_path, make_zip([MANIFEST, Part(name, make.pdf())]))
    assert "ফাইলের বাইরের জায়গা" in reason


def test_a_symbolic_link_member(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("manifest.json", "{}")
        link = zipfile.ZipInfo("প্রমাণক/link.pdf")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        z.writestr(link, "/etc/passwd")
    assert "সিম্বলিক লিংক" in _refused(tmp_path, buf.getvalue())


def test_duplicate_names_too_many_members_a_2_gb_member_and_a_bomb(tmp_path):
    assert "নামে দুটি অংশ" in _refused(tmp_path, make_zip([MANIFEST, Part("a.pdf", make.pdf()),
                                                             Part("a.pdf", make.pdf("x"))]))
    many = [MANIFEST] + [Part(f"প্রমাণক/{i}.pdf", b"") for i in range(2001)]
    assert "অংশ অনেক বেশি" in _refused(tmp_path, make_zip(many))
    # A member whose header says 2 GB, and a real Deflate bomb that unpacks to ~2 GB: neither is unpacked.
    huge = Part("প্রমাণক/[১.১.১]-১-বড়.pdf", make.pdf(), STORED, size=2 * 1024**3)
    assert "zip বোমা" in _refused(tmp_path, make_zip([MANIFEST, huge]))
    assert "zip বোমা" in _refused(tmp_path, make_zip([MANIFEST, deflate_bomb("প্রমাণক/bomb.pdf", 2)]))


def test_verify_of_a_package_says_why_it_cannot_be_read(tmp_path, signed, capsys):
    members = _members(signed[0])
    members[PDF_PATH] = make.pdf("অন্য")
    path = tmp_path / "p.zip"
    path.write_bytes(_repack(members, rehash=False))
    assert cli.main(["verify", str(path), "--db", str(signed[1])]) == 2
    err = capsys.readouterr().err
    assert "পড়ার যোগ্য দাখিল প্যাকেজ নয়" in err and PDF_PATH in err
