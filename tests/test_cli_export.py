"""export-docx, sign-off, reopen, verify and email-draft on the command line, against a real SQLite file."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from email import message_from_bytes
from email.policy import default

import docx
import pytest

from egov_desktop import cli
from egov_desktop.core import exchange
from egov_desktop.store.service import Store
from tests.conftest import MODMR, PIB


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


def test_export_docx_from_file_and_its_refusals(capsys, tmp_path):
    out = tmp_path / "m.docx"
    code, text, _ = run(capsys, "export-docx", MODMR, "--period", "H1", "--out", out, "--short-attention")
    assert code == 0 and "লেখা হয়েছে" in text
    assert len(docx.Document(out).sections) == 2
    assert "[দৃ: আ: উপসচিব (ই-গভর্ন্যান্স-১ অধিশাখা)]" in [p.text for p in docx.Document(out).paragraphs]
    report_only = tmp_path / "r.docx"
    code, _, _ = run(capsys, "export-docx", PIB, "--period", "Q1", "--out", report_only, "--parts", "report",
                     "--font", "Noto Sans Bengali", "--no-score")
    assert code == 0
    with zipfile.ZipFile(report_only) as z:
        assert 'w:cs="Noto Sans Bengali"' in z.read("word/styles.xml").decode()
    code, _, err = run(capsys, "export-docx", PIB, "--period", "H1", "--out", tmp_path / "x.docx")
    assert code == 1 and "অর্ধবার্ষিক প্রতিবেদন নেই" in err
    code, _, err = run(capsys, "export-docx", PIB, "--period", "Q1", "--parts", "memo", "--out", tmp_path / "x.docx")
    assert code == 1 and "অগ্রায়ণ পত্র" in err
    code, _, err = run(capsys, "export-docx", PIB, "--period", "Q1", "--out", tmp_path / "x.docx")  # memo and report
    assert code == 1 and "অগ্রায়ণ পত্র নেই" in err and "শুধু প্রতিবেদন" in err
    code, _, err = run(capsys, "export-docx", "--period", "Q1", "--out", tmp_path / "x.docx")
    assert code == 2 and err
    code, _, err = run(capsys, "export-docx", PIB, "--period", "Q1", "--parts", "report", "--out",
                       tmp_path / "no" / "x.docx")
    assert code == 2 and "x.docx" in err
    code, _, err = run(capsys, "export-docx", tmp_path / "missing.json", "--period", "Q1", "--out",
                       tmp_path / "x.docx", "--lang", "en")
    assert code == 2 and "missing.json" in err
    assert not (tmp_path / "x.docx").exists()


def test_sign_off_export_verify_tamper_reopen(capsys, tmp_path, db):
    plan = ["--fiscal-year", "২০২১-২২", "--period", "H1", "--db", db]
    code, _, err = run(capsys, "sign-off", *plan, "--signatory", "কেউ নন")
    assert code == 1 and "কেউ নন" in err
    code, text, _ = run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")
    assert code == 0 and "সংস্করণ ১" in text
    code, _, err = run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")
    assert code == 1 and err  # already signed

    signed = tmp_path / "signed.docx"
    assert run(capsys, "export-docx", *plan, "--out", signed)[0] == 0
    code, text, _ = run(capsys, "verify", signed, "--db", db)
    assert code == 0 and "সংস্করণ ১" in text

    # One changed date in the table: the seal still says revision 1, the text no longer does.
    tampered = tmp_path / "tampered.docx"
    with zipfile.ZipFile(signed) as src, zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                assert "১৪/০৪/২০২২".encode() in data
                data = data.replace("১৪/০৪/২০২২".encode(), "১৪/০৩/২০২২".encode(), 1)
            dst.writestr(item, data)
    code, _, err = run(capsys, "verify", tampered, "--db", db)
    assert code == 1 and "১৪/০৩/২০২২" in err and "১৪/০৪/২০২২" in err

    unsigned = tmp_path / "unsigned.docx"
    run(capsys, "export-docx", MODMR, "--period", "H1", "--out", unsigned)
    assert run(capsys, "verify", unsigned, "--db", db)[0] == 1
    not_docx = tmp_path / "x.docx"
    not_docx.write_text("not a zip")
    assert run(capsys, "verify", not_docx, "--db", db)[0] == 2
    assert run(capsys, "verify", signed, "--db", tmp_path / "none.sqlite")[0] == 2

    code, _, err = run(capsys, "reopen", *plan, "--reason", "  ")
    assert code == 1 and err
    code, text, _ = run(capsys, "reopen", *plan, "--reason", "একটি অর্জন সংশোধন")
    assert code == 0 and "২" in text
    assert run(capsys, "reopen", *plan, "--reason", "আবার")[0] == 1  # not signed any more

    # The old signed file still verifies, against the reopened revision 1.
    code, text, _ = run(capsys, "verify", signed, "--db", db)
    assert code == 0 and "সংস্করণ ১" in text
    store = Store.open(db)
    key = store.find_plan("2021-22", "egov_innovation")
    assert [r.revision for r in store.signed_revisions(key, "H1")] == [1]
    assert any("একটি অর্জন সংশোধন" in str(a) for a in store.audit(key))
    store.close()
    code, text, _ = run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")
    assert code == 0 and "সংস্করণ ২" in text
    resigned = tmp_path / "resigned.docx"
    run(capsys, "export-docx", *plan, "--out", resigned)
    footer = "".join(p.text for s in docx.Document(resigned).sections for p in s.footer.paragraphs)
    assert "সংস্করণ ২" in footer
    assert run(capsys, "verify", resigned, "--db", db)[0] == 0


def _with_seal(src, dst, edit) -> None:
    """A copy of the .docx `src` whose seal (the egov-desktop custom property's JSON) is `edit(seal)`."""
    import html
    import re

    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
        for item in z.infolist():
            data = z.read(item)
            if item.filename == "docProps/custom.xml":
                text = data.decode()
                seal = re.search(r"<vt:lpwstr>(.*?)</vt:lpwstr>", text)
                edited = edit(json.loads(html.unescape(seal[1])))
                data = text.replace(seal[1], html.escape(edited if isinstance(edited, str) else json.dumps(edited),
                                                         quote=False)).encode()
            out.writestr(item, data)


@pytest.mark.parametrize("edit", [
    lambda seal: "{not json",
    lambda seal: [1, 2],
    lambda seal: seal | {"settings": [1]},
    lambda seal: seal | {"settings": seal["settings"] | {"lang": 5}},
    lambda seal: seal | {"parts": 5},
    lambda seal: seal | {"fiscal_year": [2021]},
])
def test_a_seal_edited_by_hand_does_not_match_and_shows_no_traceback(capsys, tmp_path, db, edit):
    plan = ["--fiscal-year", "2021-22", "--period", "H1", "--db", db]
    assert run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")[0] == 0
    signed, edited = tmp_path / "signed.docx", tmp_path / "edited.docx"
    assert run(capsys, "export-docx", *plan, "--out", signed)[0] == 0
    _with_seal(signed, edited, edit)
    code, _, err = run(capsys, "verify", edited, "--db", db, "--lang", "en")
    assert code == 1 and err.startswith(f"{edited}: ") and err.count("\n") == 1


def test_sign_off_refused_while_the_memo_has_errors(capsys, tmp_path):
    doc = exchange.load(MODMR)
    doc.report("H1").memo.subject = None
    path = tmp_path / "e.sqlite"
    store = Store.open(path)
    store.import_document(doc)
    store.close()
    code, _, err = run(capsys, "sign-off", "--fiscal-year", "2021-22", "--period", "H1", "--db", path,
                       "--signatory", "মুনিরা সুলতানা")
    assert code == 1 and "বিষয়" in err


def test_sign_off_of_a_period_without_a_report_says_so(capsys, db):
    code, _, err = run(capsys, "sign-off", "--fiscal-year", "2021-22", "--period", "Q1", "--db", db,
                       "--signatory", "মুনিরা সুলতানা")
    assert code == 1 and "১ম ত্রৈমাসিক প্রতিবেদন নেই" in err


def test_email_draft_names_the_file_it_could_not_write(capsys, tmp_path):
    (tmp_path / "a-file").write_text("")
    code, _, err = run(capsys, "email-draft", MODMR, "--period", "H1", "--out", tmp_path / "a-file" / "d.eml")
    assert code == 2 and err.startswith(str(tmp_path / "a-file" / "d.docx") + ": ")
    attached = tmp_path / "m.docx"
    assert run(capsys, "export-docx", MODMR, "--period", "H1", "--out", attached)[0] == 0
    code, _, err = run(capsys, "email-draft", MODMR, "--period", "H1", "--out", tmp_path / "a-file" / "d.eml",
                       "--docx", attached)
    assert code == 2 and err.startswith(str(tmp_path / "a-file" / "d.eml") + ": ")


def test_a_signed_report_still_exports_and_verifies_after_the_office_header_changed(capsys, tmp_path, db):
    plan = ["--fiscal-year", "2021-22", "--period", "H1", "--db", db]
    assert run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")[0] == 0
    with Store.open(db) as store:
        store.set_office_field(store.office_of(store.find_plan("2021-22", "egov_innovation")), "phone", "০২-৯৯৯৯৯৯৯")
    out = tmp_path / "after.docx"
    code, _, err = run(capsys, "export-docx", *plan, "--out", out)
    assert code == 0, err  # it was refused: "the report was changed after it was signed off"
    code, text, _ = run(capsys, "verify", out, "--db", db)
    assert code == 0 and "সংস্করণ ১" in text


def test_reading_commands_work_while_the_program_has_the_database_open(capsys, tmp_path, db):
    # Another process (the GUI, say) holds the writer lock until its stdin closes.
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from egov_desktop.store.service import Store; "
                               f"s = Store.open({str(db)!r}); print('open', flush=True); sys.stdin.read()"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "open\n"
        code, _, err = run(capsys, "export-docx", "--fiscal-year", "2021-22", "--period", "H1", "--db", db,
                           "--out", tmp_path / "h.docx")
        assert code == 0, err
        code, _, err = run(capsys, "export-json", "--fiscal-year", "2021-22", "--db", db, "--out", tmp_path / "h.json")
        assert code == 0, err
        assert exchange.load(tmp_path / "h.json") == exchange.load(MODMR)
        code, _, err = run(capsys, "reopen", "--fiscal-year", "2021-22", "--period", "H1", "--db", db, "--reason", "x")
        assert code == 2 and err  # changing it is still refused
    finally:
        holder.communicate("")


def test_a_reading_command_upgrades_an_older_database_first(capsys, tmp_path):
    """After a program update the first command may be an export: the database is upgraded, not refused
    as "must be upgraded before it can be opened read-only"."""
    import sqlite3

    from alembic import command

    from egov_desktop.store.engine import _alembic_config, connect, head_revision

    old = tmp_path / "egov.sqlite"
    engine = connect(old)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    engine.dispose()
    code, _, err = run(capsys, "export-json", "--fiscal-year", "2021-22", "--db", old, "--out", tmp_path / "x.json")
    assert code == 1 and "২০২১-২২" in err  # opened (upgraded): it only has no such plan
    con = sqlite3.connect(old)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]
    con.close()


def test_a_mistyped_database_is_said_not_made(capsys, tmp_path):
    typo = tmp_path / "egov.sqlte"
    for args in (("export-json", "--fiscal-year", "2021-22", "--out", tmp_path / "x.json"),
                 ("export-docx", "--fiscal-year", "2021-22", "--period", "H1", "--out", tmp_path / "x.docx"),
                 ("sign-off", "--fiscal-year", "2021-22", "--period", "H1", "--signatory", "1")):
        code, _, err = run(capsys, *args, "--db", typo)
        assert code == 2 and err == f"{typo}: ডাটাবেস ফাইলটি নেই\n"
    assert list(tmp_path.iterdir()) == []


def test_email_draft_from_database_and_file(capsys, tmp_path, db):
    out = tmp_path / "draft.eml"
    code, text, _ = run(capsys, "email-draft", "--fiscal-year", "2021-22", "--period", "H1", "--db", db,
                        "--out", out, "--to", "egov@cabinet.gov.bd")
    assert code == 0
    msg = message_from_bytes(out.read_bytes(), policy=default)
    assert msg["X-Unsent"] == "1" and msg["To"] == "egov@cabinet.gov.bd"
    assert msg["Subject"].startswith("দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়ের")
    [att] = list(msg.iter_attachments())
    assert att.get_filename() == "draft.docx" and att.get_content() == (tmp_path / "draft.docx").read_bytes()
    code, _, err = run(capsys, "email-draft", PIB, "--period", "Q1", "--out", tmp_path / "p.eml")
    assert code == 1 and err
    code, _, err = run(capsys, "email-draft", MODMR, "--period", "H1", "--out", tmp_path / "q.eml",
                       "--docx", tmp_path / "missing.docx")
    assert code == 2


def test_real_process_shows_no_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "egov_desktop", "verify", str(MODMR), "--db", str(tmp_path / "x")],
                          capture_output=True, timeout=60)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr


def test_export_settings_saved_in_the_database_then_flags(capsys, tmp_path, db):
    from egov_desktop.export.docx_report import SETTINGS_KEY

    store = Store.open(db)
    store.set_setting(SETTINGS_KEY, {"date_style": "gregorian", "not_by_seniority": True})
    store.close()
    out = tmp_path / "s.docx"
    code, _, _ = run(capsys, "export-docx", "--fiscal-year", "2021-22", "--period", "H1", "--db", db, "--out", out,
                     "--no-numbering", "--parts", "memo")
    assert code == 0
    lines = [p.text for p in docx.Document(out).paragraphs] + [
        c.text for t in docx.Document(out).tables for row in t.rows for c in row.cells]
    assert "১০/০১/২০২২ খ্রি." in lines
    assert any(line.endswith("(জ্যেষ্ঠতার ক্রমানুসারে নয়)") for line in lines)
    assert not any(line.startswith("০২।") for line in lines)


def test_sign_off_by_number_from_the_office_profile_and_export_into_a_folder(capsys, tmp_path, db):
    store = Store.open(db)
    key = store.find_plan("2021-22", "egov_innovation")
    store.set_office_field(store.office_of(key), "signatories", [
        {"name": "মুনিরা সুলতানা", "designation": "উপসচিব (আইন)"},
        {"name": "আবদুল করিম", "designation": "যুগ্মসচিব (আইন)", "email": "karim@modmr.gov.bd"}])
    store.close()
    plan = ["--fiscal-year", "2021-22", "--period", "H1", "--db", db]
    code, _, err = run(capsys, "sign-off", *plan, "--signatory", "৩")
    assert code == 1 and "আবদুল করিম" in err  # the list of who can sign
    code, text, _ = run(capsys, "sign-off", *plan, "--signatory", "২")
    assert code == 0 and "আবদুল করিম" in text
    folder = tmp_path / "out"
    folder.mkdir()
    code, _, _ = run(capsys, "export-docx", *plan, "--out", folder, "--parts", "report")
    [written] = list(folder.iterdir())
    assert code == 0 and written.name == (
        "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয় - ই-গভর্ন্যান্স ও উদ্ভাবন ২০২১-২২ - অর্ধবার্ষিক.docx")
    lines = [p.text for p in docx.Document(written).paragraphs]
    assert "আবদুল করিম" in lines and "যুগ্মসচিব (আইন)" in lines  # the report's signature block: the signer


def test_a_file_saved_again_by_libreoffice_still_verifies(capsys, tmp_path, db):
    from tests.conftest import require_tool

    soffice = require_tool("soffice")
    plan = ["--fiscal-year", "2021-22", "--period", "H1", "--db", db]
    assert run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")[0] == 0
    signed = tmp_path / "signed.docx"
    assert run(capsys, "export-docx", *plan, "--out", signed)[0] == 0
    resaved = tmp_path / "resaved"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(resaved), str(signed)],
                   capture_output=True, check=True, timeout=240)
    # Re-saving reshuffles runs, empty paragraphs and footers; the text a reader sees is the same.
    code, text, _ = run(capsys, "verify", resaved / "signed.docx", "--db", db)
    assert code == 0 and "সংস্করণ ১" in text


def test_sign_off_and_reopen_record_the_officer_named_in_the_database(capsys, db):
    from egov_desktop.store.audit import OFFICER_NAME

    with Store.open(db) as store:
        store.set_setting(OFFICER_NAME, "রহিমা খাতুন")
    plan = ["--fiscal-year", "2021-22", "--period", "H1", "--db", db]
    assert run(capsys, "sign-off", *plan, "--signatory", "মুনিরা সুলতানা")[0] == 0
    assert run(capsys, "reopen", *plan, "--reason", "একটি অর্জন সংশোধন")[0] == 0
    with Store.open(db) as store:
        [signed] = store.signed_revisions(store.find_plan("2021-22", "egov_innovation"), "H1")
    assert (signed.signed_by, signed.reopened_by) == ("রহিমা খাতুন", "রহিমা খাতুন")
