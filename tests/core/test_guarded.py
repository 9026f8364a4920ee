"""The guarded reader: every file from outside is refused with the reason, never read without bound."""
import io
import os

import pytest

from egov_desktop.core import guarded
from egov_desktop.core.guarded import Unreadable, open_zip, parse_xml, read_file
from tests.hostile import (AES, DEFLATE64, Part, billion_laughs, deflate_bomb, deflated, docx_with, fifo,
                           make_zip)

NOT_REGULAR = "সাধারণ ফাইল নয়"


def _reason(exc_info, lang="bn") -> str:
    return exc_info.value.render(lang)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    with pytest.raises(Unreadable) as e:
        read_file(fifo(tmp_path / "pipe"))
    assert NOT_REGULAR in _reason(e)
    with pytest.raises(Unreadable):
        open_zip(tmp_path / "pipe")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_link_to_a_device_is_refused_without_reading(tmp_path):
    link = tmp_path / "plan.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(Unreadable) as e:
        read_file(link)
    assert NOT_REGULAR in _reason(e) and "device" in _reason(e, "en")
    with pytest.raises(Unreadable):
        open_zip(link)


def test_a_folder_and_a_missing_file_are_said_plainly(tmp_path):
    with pytest.raises(Unreadable) as e:
        read_file(tmp_path)
    assert _reason(e, "en") == "cannot read the file: it is a folder, not a file"
    with pytest.raises(Unreadable) as e:
        read_file(tmp_path / "নেই.json")
    assert _reason(e, "en") == "cannot read the file: the file does not exist"


def test_a_file_over_the_limit_is_refused_with_the_limit(tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 * guarded.MB + 1))
    with pytest.raises(Unreadable) as e:
        read_file(big, limit=2 * guarded.MB)
    assert _reason(e) == "ফাইলটি অনেক বড় (২ মেগাবাইটের বেশি)"
    assert read_file(big, limit=3 * guarded.MB) == big.read_bytes()


def _zip(tmp_path, data: bytes):
    path = tmp_path / "x.docx"
    path.write_bytes(data)
    return path


def test_a_good_zip_reads_its_parts(tmp_path):
    with open_zip(_zip(tmp_path, docx_with())) as z:
        assert z.names() == ["[Content_Types].xml", "word/document.xml"]
        assert z.has("word/document.xml") and not z.has("word/footer1.xml")
        assert parse_xml(z.read("word/document.xml")).tag.endswith("document")
        with pytest.raises(Unreadable) as e:
            z.read("word/footer1.xml")
        assert "word/footer1.xml" in _reason(e)


def test_a_zip_bomb_is_refused_by_its_ratio_before_unpacking(tmp_path):
    with pytest.raises(Unreadable) as e:
        open_zip(_zip(tmp_path, docx_with(deflate_bomb("word/document.xml", 0.1))))
    assert "zip bomb" in _reason(e, "en")


def test_a_header_that_lies_about_the_size_does_not_unpack_more(tmp_path):
    # It declares 1 KB (no ratio to see); the stream holds ~100 MB of zeros. Unpacking stops at the declared size
    # and the part is refused as damaged (its CRC cannot match).
    bomb = deflate_bomb("word/document.xml", 0.1)
    bomb.size = 1000
    with open_zip(_zip(tmp_path, docx_with(bomb))) as z, pytest.raises(Unreadable) as e:
        z.read("word/document.xml")
    assert "damaged" in _reason(e, "en")


def test_a_part_over_the_read_limit_is_refused(tmp_path):
    text = b"<p>" + os.urandom(guarded.MB).hex().encode() + b"</p>"  # random: it packs to about half
    with open_zip(_zip(tmp_path, docx_with(deflated("word/document.xml", text)))) as z:
        with pytest.raises(Unreadable) as e:
            z.read("word/document.xml", limit=guarded.MB)
        assert "1 MB" in _reason(e, "en")
        assert z.read("word/document.xml", limit=3 * guarded.MB) == text


@pytest.mark.parametrize("part, reason", [
    (Part("word/document.xml", b"x" * 50, flags=0x1), "encrypted"),
    (Part("word/document.xml", b"x" * 50, method=DEFLATE64), "packed in a way"),
    (Part("word/document.xml", b"x" * 50, method=AES, flags=0x1), "encrypted"),
    (Part("word/document.xml", b"x" * 50, method=AES), "packed in a way"),
    (Part("word/document.xml", b"x" * 50, method=12), "packed in a way"),  # bzip2
])
def test_encrypted_and_unusual_parts_are_refused(tmp_path, part, reason):
    with pytest.raises(Unreadable) as e:
        open_zip(_zip(tmp_path, docx_with(part)))
    assert reason in _reason(e, "en") and "word/document.xml" in _reason(e)


def test_too_many_parts_and_twin_names_are_refused(tmp_path):
    many = make_zip([Part(f"p{i}", b"") for i in range(guarded.MAX_MEMBERS + 1)])
    with pytest.raises(Unreadable) as e:
        open_zip(_zip(tmp_path, many))
    assert "too many parts" in _reason(e, "en")
    twins = make_zip([Part("word/document.xml", b"<a/>"), Part("word/document.xml", b"<b/>")])
    with pytest.raises(Unreadable) as e:
        open_zip(_zip(tmp_path, twins))
    assert "two parts named word/document.xml" in _reason(e, "en")


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not really", b"\0" * 100, make_zip([])[:-5]])
def test_what_is_not_a_zip_is_damaged(tmp_path, data):
    with pytest.raises(Unreadable) as e:
        open_zip(_zip(tmp_path, data))
    assert "damaged" in _reason(e, "en")


@pytest.mark.parametrize("xml", [
    billion_laughs(),
    b"<p>&undefined;</p>",
    b'<!DOCTYPE p [<!ENTITY e "small">]><p>&e;</p>',
    b'<!DOCTYPE p [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>',
    b'<!DOCTYPE p SYSTEM "http://example.com/p.dtd"><p/>',
    b"<p>unclosed",
])
def test_xml_with_entities_or_a_dtd_is_refused(xml):
    with pytest.raises(Unreadable) as e:
        parse_xml(xml, "word/document.xml")
    assert "word/document.xml" in _reason(e)


def test_a_file_object_of_our_own_is_read_as_a_zip():
    with open_zip(io.BytesIO(docx_with())) as z:
        assert z.has("word/document.xml")
