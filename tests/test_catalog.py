"""Every string the program can show has its Bangla translation, with the same placeholders."""
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "resources/locale/bn/LC_MESSAGES/messages.po"


def _catalog():
    with PO.open("rb") as fh:
        return read_po(fh, locale="bn")


def test_every_string_is_translated_to_bangla():
    catalog = _catalog()
    missing = []
    for _file, _line, message, _comments, _ctx in extract_from_dir(
        ROOT / "egov_desktop", method_map=[("**.py", "python")]
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(msgid)
        if entry is None or not entry.string:
            missing.append(msgid)
    assert missing == [], f"untranslated (run `make messages`, then fill the msgstr): {sorted(set(missing))}"


def test_translations_keep_their_placeholders():
    for entry in _catalog():
        if entry.id and entry.string:
            assert set(re.findall(r"{\w+}", entry.id)) == set(re.findall(r"{\w+}", entry.string)), entry.id


# Borrowed jargon a section officer does not use: a "digest" is a যাচাই-চিহ্ন, the audit log the history.
JARGON = re.compile(r"ডাইজেস্ট|(?<![\u0980-\u09FF])লগ")


def test_bangla_uses_plain_words_not_digest_or_log():
    assert [entry.id for entry in _catalog() if entry.id and JARGON.search(str(entry.string))] == []


def test_a_bangla_text_with_an_alt_letter_keeps_one():
    """"&File" -> "ফাইল (&F)": a Bangla text cannot hold a Latin letter to press with Alt, so it gets one in
    brackets, the English one where it does not clash with another on the same screen."""
    for entry in _catalog():
        if entry.id and isinstance(entry.id, str) and re.search(r"&[^&]", entry.id):
            assert re.search(r"\(&[A-Z]\)", entry.string), (entry.id, entry.string)
