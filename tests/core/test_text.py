"""Text hygiene: NFC, control characters, line breaks, length limits with a Bangla message."""
import unicodedata

import pytest

from egov_desktop.core.text import TextTooLong, clean_text


def test_nfc_and_controls():
    decomposed = "কো"  # ে + া as two code points
    assert clean_text(decomposed) == "কো" == unicodedata.normalize("NFC", decomposed)
    assert clean_text("a\x00b\x07c\x1b[0md\x7f\x85e") == "abc[0md\ne"
    assert clean_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"
    assert clean_text("\ufeffশিরোনাম") == "শিরোনাম"
    assert clean_text("tab\there") == "tab\there"


def test_joiners_that_bangla_needs_are_kept():
    rya = "র\u200d্যাব"
    assert clean_text(rya) == rya
    assert clean_text("ক্\u200cষ") == "ক্\u200cষ"


def test_lone_surrogates_are_removed():
    assert clean_text("a\ud800b") == "ab"


def test_length_limit_counts_after_cleaning_and_explains_in_bangla():
    assert clean_text("ab\x00", max_len=2) == "ab"
    with pytest.raises(TextTooLong) as info:
        clean_text("আমার দেশ", max_len=5)
    assert info.value.length == 8 and info.value.limit == 5
    assert info.value.render("bn") == "লেখাটি অনেক লম্বা: ৮ অক্ষর; সর্বোচ্চ ৫ অক্ষর রাখা যায়।"
    assert "at most 5" in info.value.render("en")
