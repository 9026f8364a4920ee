"""Evidence files are recognised by their content, not their name; anything else is refused with the reason."""
import os

import pytest

from egov_desktop.core import evidence
from egov_desktop.core.guarded import Unreadable
from tests import evidence_files as make


@pytest.mark.parametrize("name, data, media_type", [
    ("চিঠি.pdf", make.pdf(), evidence.PDF),
    ("ছবি.JPG", make.jpeg(), evidence.JPEG),
    ("scan.png", make.png(), evidence.PNG),
    ("নোট.docx", make.docx(), evidence.DOCX),
    ("হিসাব.xlsx", make.xlsx(), evidence.XLSX),
    ("no-extension", make.pdf(), evidence.PDF),
])
def test_each_accepted_type_is_read_from_its_content(tmp_path, name, data, media_type):
    path = tmp_path / name
    path.write_bytes(data)
    f = evidence.read(path)
    assert (f.name, f.media_type, f.size, f.content) == (name, media_type, len(data), data)
    assert len(f.sha256) == 64


@pytest.mark.parametrize("name, data, words", [
    ("claims.pdf", b"This is plain text, not a PDF at all.", "PDF, JPEG, PNG"),
    ("photo.pdf", make.png(), "PNG"),
    ("report.docx", make.xlsx(), "Excel"),
    ("report.docx", make.zipped("other/part.xml"), "PDF, JPEG, PNG"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "PDF, JPEG, PNG"),
    ("empty.pdf", b"", "empty"),
])
def test_a_file_that_is_not_what_it_claims_is_refused_in_bangla(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(Unreadable) as info:
        evidence.read(path)
    assert words in info.value.render("en")
    assert info.value.render("bn") != info.value.render("en")


def test_a_file_over_20_mb_is_refused_and_a_2_gb_one_before_it_is_read(tmp_path):
    over = tmp_path / "big.pdf"
    over.write_bytes(make.pdf() + b"\0" * (evidence.LIMIT + 1 - len(make.pdf())))
    with pytest.raises(Unreadable) as info:
        evidence.read(over)
    assert "20" in info.value.render("en")
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as fh:  # sparse: 2 GB on paper, nothing on disk
        fh.write(make.pdf())
        fh.truncate(2 * 1024**3)
    with pytest.raises(Unreadable) as info:
        evidence.read(huge)
    assert "too large" in info.value.render("en")
    with pytest.raises(Unreadable):
        evidence.from_bytes("x.pdf", make.pdf() + b"\0" * evidence.LIMIT)


def test_a_folder_or_a_fifo_is_not_evidence(tmp_path):
    with pytest.raises(Unreadable):
        evidence.read(tmp_path)
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(Unreadable):
        evidence.read(fifo)
