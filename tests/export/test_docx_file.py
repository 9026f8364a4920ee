"""The .docx as a file: its properties, its parts and settings, its name (issues 14.2, 15.9)."""
from __future__ import annotations

import datetime as dt
import re
import zipfile

import docx

from egov_desktop.export.docx_report import export_docx
from tests.export.helpers import modmr, part, pib

LONG_TITLE = ("মন্ত্রিপরিষদ বিভাগের নির্দেশনা অনুযায়ী দপ্তর ও সংস্থার সেবা সহজিকরণ, ডিজিটাইজেশন ও উদ্ভাবন "
              "কার্যক্রম বাস্তবায়ন, পর্যবেক্ষণ ও মূল্যায়নের জন্য প্রণীত ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা "
              "(সংশোধিত)")
LONG_OFFICE = ("বাংলাদেশ কম্পিউটার কাউন্সিল, তথ্য ও যোগাযোগ প্রযুক্তি বিভাগ, ডাক, টেলিযোগাযোগ ও তথ্যপ্রযুক্তি "
               "মন্ত্রণালয়, গণপ্রজাতন্ত্রী বাংলাদেশ সরকার, আগারগাঁও প্রশাসনিক এলাকা, শেরেবাংলা নগর, ঢাকা-১২০৭, "
               "আইসিটি টাওয়ার, ই-১৪/এক্স, তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর ভবন, দ্বিতীয় তলা")


def test_a_long_title_and_office_name_still_export_with_properties_cut(tmp_path):
    doc = pib()
    doc.plan.title = LONG_TITLE
    doc.office.name = LONG_OFFICE
    assert 190 <= len(LONG_TITLE) <= 200 and len(LONG_OFFICE) > 255
    out = export_docx(doc, "Q1", tmp_path / "long.docx", parts=("report",))
    props = docx.Document(out).core_properties
    assert len(props.title) <= 255 and props.title.startswith(LONG_TITLE[:150])
    assert props.title.endswith("…") and not props.title[:-1].endswith(" ")  # cut at a word, and says so
    assert len(props.author) <= 255 and props.author.startswith("বাংলাদেশ কম্পিউটার কাউন্সিল")
    # The document itself keeps the whole title.
    assert any(LONG_TITLE in p.text for p in docx.Document(out).paragraphs)


def test_properties_name_the_office_and_now_not_python_docx(tmp_path):
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    out = export_docx(modmr(), "H1", tmp_path / "m.docx")
    props = docx.Document(out).core_properties
    assert props.title == "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২ এর অর্ধবার্ষিক মূল্যায়ন প্রতিবেদন"
    assert props.author == props.last_modified_by == "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়"
    for stamp in (props.created, props.modified):
        assert stamp.replace(tzinfo=dt.timezone.utc) >= before
    core = part(out, "docProps/core.xml").decode()
    app = part(out, "docProps/app.xml").decode()
    assert "python-docx" not in core and "2013" not in core
    assert "Microsoft" not in app and "<Application>egov-desktop</Application>" in app
    assert re.search(r"<Company>দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়</Company>", app)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        rels = z.read("_rels/.rels").decode()
    assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels
    assert "word/stylesWithEffects.xml" not in names  # the template's 2010 leftovers


def test_font_settings_keep_a_resave_small(tmp_path):
    out = export_docx(modmr(), "H1", tmp_path / "m.docx")
    settings = part(out, "word/settings.xml").decode()
    # Word keeps the fonts embedded on saving, but only the letters used, and never the system's own fonts.
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:saveSubsetFonts/>" in settings
    assert "embedSystemFonts" not in settings and "savePreviewPicture" not in settings


def test_every_file_the_program_suggests_is_named_by_one_function():
    from egov_desktop.export.docx_report import default_file_name

    doc = modmr()
    report = default_file_name(doc, "H1")
    exchange = default_file_name(doc, suffix=".plan.json")
    assert report == "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয় - ই-গভর্ন্যান্স ও উদ্ভাবন ২০২১-২২ - অর্ধবার্ষিক.docx"
    assert exchange == "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয় - ই-গভর্ন্যান্স ও উদ্ভাবন ২০২১-২২.plan.json"
    # Another kind of plan is named the same way, by its own title.
    doc.plan.kind, doc.plan.title = "nis", "শুদ্ধাচার"
    assert default_file_name(doc, "Q2") == "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয় - শুদ্ধাচার ২০২১-২২ - ২য় ত্রৈমাসিক.docx"

