"""Any text survives the trip into WordprocessingML and back, apart from what XML cannot carry."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from egov_desktop.export import ooxml
from egov_desktop.export.docx_report import body_texts

_CANNOT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=4))
def test_paragraph_text_round_trips(texts):
    body = ooxml.body("".join(ooxml.para(t, "EgovPlain") for t in texts))
    back = body_texts(element=body)
    # Every kind of line end comes back as a line break.
    assert back == [_CANNOT.sub("", t).replace("\r\n", "\n").replace("\r", "\n") for t in texts]


def test_the_officers_text_gets_no_invisible_characters():
    from egov_desktop.export.ooxml import Cell

    # A zero-width space after "/" once let narrow cells wrap; it broke Word's Find and went along into web
    # forms when pasted. The widths of the columns keep such words whole now (report_table.fit_widths).
    xml = Cell("সহজিকরণ/ডিজিটাইজেশন দেশে/বিদেশে ১৬/০৩/২০২৪").xml(1000)
    assert "সহজিকরণ/ডিজিটাইজেশন দেশে/বিদেশে ১৬/০৩/২০২৪" in xml
    assert not re.search("[\u00ad\u200b\u2060\ufeff]", xml)
