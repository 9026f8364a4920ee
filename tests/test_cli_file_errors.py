"""A file the CLI cannot write is named, with the reason in plain Bangla (or English)."""
import errno
import os

from egov_desktop import cli
from egov_desktop.store.lock import storage_error
from tests.conftest import PIB


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    return (code, *capsys.readouterr())


def test_a_missing_folder_is_named(capsys, tmp_path):
    out = tmp_path / "নেই" / "x.docx"
    code, _, err = run(capsys, "export-docx", PIB, "--period", "Q1", "--parts", "report", "--out", out)
    assert (code, err) == (2, f"{out}: ফাইলটি লেখা যায়নি: ফোল্ডারটি নেই\n")
    code, _, err = run(capsys, "export-docx", PIB, "--period", "Q1", "--parts", "report", "--out", out, "--lang", "en")
    assert (code, err) == (2, f"{out}: cannot write the file: the folder does not exist\n")


def test_other_errors_keep_the_system_words(capsys, tmp_path):
    (tmp_path / "a-file").write_text("")
    out = tmp_path / "a-file" / "x.json"
    code, _, err = run(capsys, "export-docx", PIB, "--period", "Q1", "--parts", "report", "--out", out, "--lang", "en")
    assert (code, err) == (2, f"{out}: cannot write the file: {os.strerror(errno.ENOTDIR)}\n")


def test_the_store_says_a_file_open_elsewhere_was_not_saved():
    # What Windows raises when Word holds the file; a write of the database's journal names that file.
    exc = PermissionError(errno.EACCES, os.strerror(errno.EACCES), r"D:\egov\egov.sqlite-journal")
    text = storage_error(exc).render("bn")
    assert text.startswith("পরিবর্তনটি সংরক্ষণ করা হয়নি: ")
    assert r"D:\egov\egov.sqlite-journal" in text and "Word" in text
    assert "NOT saved" in storage_error(exc).render("en") and "open in another program" in storage_error(exc).render("en")
