"""The Word export read back with python-docx: memo lines, sections, the table, styles, fonts, the seal."""
from __future__ import annotations

import re

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Twips

from egov_desktop.core.digest import report_digest, verification_code
from egov_desktop.core.i18n import set_language
from egov_desktop.export.docx_report import (ExportError, ExportSettings, default_file_name, export_docx,
                                             read_metadata)
from egov_desktop.export.fonts import obfuscate
from egov_desktop.paths import resource_path
from tests.export.helpers import W, index_of, modmr, part, pib, signed, texts

MEMO_NO = "৫১.০০.০০০০.২৫০.২৫.০০৬.২১.৯৫"


@pytest.fixture(scope="module")
def modmr_docx(tmp_path_factory):
    return export_docx(modmr(), "H1", tmp_path_factory.mktemp("x") / "modmr.docx")


def test_memo_reads_as_the_seed_in_order(modmr_docx):
    lines = [line for line in texts(docx.Document(modmr_docx)) if line.strip()]
    order = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়", "আইন অধিশাখা",
             "বাংলাদেশ সচিবালয়, ঢাকা।", "www.modmr.gov.bd", f"স্মারক নং-{MEMO_NO}", "তারিখ:",
             "২৬ পৌষ ১৪২৮ বঙ্গাব্দ", "১০ জানুয়ারি ২০২২ খ্রিস্টাব্দ",
             "বিষয়: দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয়ের ই-গভর্ন্যান্স", "উপর্যুক্ত বিষয়ে",
             "০২। প্রতিবেদনটি মহোদয়ের", "সংযুক্তি: ০১ পাতা", "মুনিরা সুলতানা", "উপসচিব (আইন)", "ফোন: ৯৫৪৬৩৫৮",
             "ইমেইল: munira15251@gmail.com", "সচিব\nসমন্বয় ও সংস্কার\nমন্ত্রিপরিষদ বিভাগ",
             "দৃষ্টি আকর্ষণ: উপসচিব (ই-গভর্ন্যান্স-১ অধিশাখা)",
             "অনুলিপি: (সদয় অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য)", "১।\tসচিবের একান্ত সচিব",
             "২।\tসিস্টেম এনালিস্ট", "৩।\tঅতিরিক্ত সচিব (সিপিপি)"]
    at = 0
    for needle in order:
        at = index_of(lines, needle, at) + (0 if needle == "তারিখ:" else 1)
    # The report follows the memo: its header block again, then the title.
    title = index_of(lines, "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২১-২২ এর অর্ধবার্ষিক মূল্যায়ন প্রতিবেদন", at)
    assert lines[title - 5] == "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"
    # Copies end with the danda, as in the seed, even after a closing bracket.
    assert lines[index_of(lines, "২।\tসিস্টেম")].endswith("অনুরোধসহ)।")
    assert "০১।" not in "".join(lines)  # the first body paragraph is not numbered


def test_sections_memo_portrait_report_landscape(modmr_docx):
    memo, report = docx.Document(modmr_docx).sections
    assert memo.orientation == WD_ORIENT.PORTRAIT and memo.page_width < memo.page_height
    assert report.orientation == WD_ORIENT.LANDSCAPE and report.page_width > report.page_height
    assert (memo.page_width, memo.page_height) == (report.page_height, report.page_width)  # both A4


def test_report_table_merges_repeats_and_fits_the_page(modmr_docx):
    d = docx.Document(modmr_docx)
    table = d.tables[-1]
    section = d.sections[-1]
    assert len(table.rows) == 2 + 13 + 1  # two header rows, 13 indicators, total
    assert table.autofit is False
    grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.iter(f"{W}gridCol")]
    assert len(grid) == 7 + 3 + 4  # ক্রম, area, weight, activity, indicator, unit, weight; 3 levels; 4 more
    assert Twips(sum(grid)) == section.page_width - section.left_margin - section.right_margin
    for r, row in enumerate(table.rows):
        header = row._tr.trPr is not None and row._tr.trPr.find(f"{W}tblHeader") is not None
        assert header == (r < 2), r
    head = [c.text for c in table.rows[0].cells]
    assert head[:7] == ["ক্রম", "কর্মসম্পাদন ক্ষেত্র", "মান", "কার্যক্রম", "কর্মসম্পাদন সূচক", "একক",
                        "কর্মসম্পাদন সূচকের মান"]
    # The target header spans its three levels; the level names sit under it.
    assert head[7:10] == ["লক্ষ্যমাত্রা ২০২১-২২"] * 3
    assert table.cell(0, 7)._tc is table.cell(0, 9)._tc
    # Each level with its percentage, as the seed reports show them.
    assert [c.text for c in table.rows[1].cells][7:10] == ["অসাধারণ\n১০০%", "উত্তম\n৮০%", "চলতি মান\n৬০%"]
    assert head[10:] == ["অর্ধবার্ষিক অর্জন", "প্রমাণক/মন্তব্য", "অর্জনের হার", "অর্জিত মান"]
    # Single headers are merged down over both header rows.
    assert table.cell(0, 0)._tc is table.cell(1, 0)._tc and table.cell(1, 0).text == "ক্রম"
    # Area 1 (six indicators) and its weight are merged down their rows; area 2 starts after.
    assert table.cell(2, 1)._tc is table.cell(7, 1)._tc
    assert table.cell(2, 1).text.startswith("[১] ই-গভর্ন্যান্স") and table.cell(2, 2).text == "২৯"
    assert table.cell(8, 1).text.startswith("[২]") and table.cell(8, 0).text == "২"
    # Activity 2.1 has two indicators: merged; 1.1 has one.
    assert table.cell(8, 3)._tc is table.cell(9, 3)._tc and table.cell(8, 4)._tc is not table.cell(9, 4)._tc
    first = [c.text for c in table.rows[2].cells]
    assert first[4] == "[১.১.১] একটি নতুন উদ্ভাবনী ধারণা বাস্তবায়িত"
    assert first[5:10] == ["তারিখ", "৫", "১৪/০৪/২০২২", "০৫/০৫/২০২২", "১৫/০৫/২০২২"]
    enothi = [c.text for c in table.rows[6].cells]
    assert enothi[7:11] == ["৮০%", "৭০%", "৬০%", "৬০%\n৬০% নোট ই-নথিতে নিষ্পত্তি করা হয়েছে।"]
    assert enothi[12:] == ["৬০%", "৩.৬"]
    body_text = "".join(c.text for row in table.rows for c in row.cells)
    assert not re.search(r"[0-9]", body_text), "Latin digits in the Bangla table"
    total = [c.text for c in table.rows[-1].cells]
    assert total[0] == "মোট" and total[-1].endswith("/ ৫০")


def test_flat_plan_has_no_area_columns_and_shows_not_applicable(tmp_path):
    out = export_docx(pib(), "Q1", tmp_path / "pib.docx", parts=("report",), font="Noto Serif Bengali")
    d = docx.Document(out)
    assert len(d.sections) == 1  # no memo in seed 001: report only
    table = d.tables[-1]
    assert [c.text for c in table.rows[0].cells][:5] == ["ক্রম", "কার্যক্রম", "কর্মসম্পাদন সূচক", "একক",
                                                          "কর্মসম্পাদন সূচকের মান"]
    assert [c.text for c in table.rows[1].cells][5:10] == ["অসাধারণ\n১০০%", "অতি উত্তম\n৯০%", "উত্তম\n৮০%",
                                                           "চলতি মান\n৭০%", "চলতি মানের নিম্নে\n৬০%"]
    assert [r.cells[0].text for r in table.rows[2:9]] == list("১২৩৪৫৬৭")
    na = [c.text for c in table.rows[7].cells]
    assert na[10].startswith("প্রযোজ্য নয়") and na[-2:] == ["প্রযোজ্য নয়", "প্রযোজ্য নয়"]
    assert [c.text for c in table.rows[2].cells][5:10] == ["১৬/০৩/২০২৪", "২০/০৩/২০২৪", "৩০/০৩/২০২৪",
                                                           "০৬/০৪/২০২৪", "১৩/০৪/২০২৪"]
    assert table.rows[8].cells[6].text == "-"  # blank level of 7.1.1
    assert "প্রথম ত্রৈমাসিক (জুলাই-সেপ্টেম্বর ২০২৩) প্রতিবেদন" in "\n".join(texts(d))


def test_settings_one_line_date_no_numbering_seniority_no_score(tmp_path):
    settings = ExportSettings(date_style="gregorian", number_paragraphs=False, not_by_seniority=True,
                              include_score=False)
    d = docx.Document(export_docx(modmr(), "H1", tmp_path / "m.docx", settings=settings))
    lines = texts(d)
    assert "১০/০১/২০২২ খ্রি." in lines and "২৬ পৌষ ১৪২৮ বঙ্গাব্দ" not in lines
    assert not any(line.startswith("০২।") for line in lines)
    index_of(lines, "অনুলিপি: (সদয় অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য) (জ্যেষ্ঠতার ক্রমানুসারে নয়)")
    table = d.tables[-1]
    assert len(table.rows) == 2 + 13 and [c.text for c in table.rows[0].cells][-1] == "প্রমাণক/মন্তব্য"


def test_parts_memo_only_and_report_only(tmp_path):
    memo = docx.Document(export_docx(modmr(), "H1", tmp_path / "memo.docx", parts=("memo",)))
    assert [s.orientation for s in memo.sections] == [WD_ORIENT.PORTRAIT]
    assert len(memo.tables) == 1  # only the number/date line
    report = docx.Document(export_docx(modmr(), "H1", tmp_path / "r.docx", parts=("report",)))
    assert [s.orientation for s in report.sections] == [WD_ORIENT.LANDSCAPE]
    assert not any("স্মারক নং" in line for line in texts(report))
    for parts in (("memo",), ("memo", "report")):  # the memo is never dropped silently
        with pytest.raises(ExportError) as e:
            export_docx(pib(), "Q1", tmp_path / "p.docx", parts=parts)
        assert "অগ্রায়ণ পত্র নেই" in e.value.render("bn") and "report alone" in e.value.render("en")
        assert not (tmp_path / "p.docx").exists()
    with pytest.raises(ExportError):
        export_docx(pib(), "Q4", tmp_path / "p.docx")


def test_english_export_uses_english_labels_and_latin_digits(tmp_path):
    set_language("en")
    d = docx.Document(export_docx(modmr(), "H1", tmp_path / "en.docx"))
    lines = texts(d)
    index_of(lines, "Memo No. 51.00.0000.250.25.006.21.95")
    index_of(lines, "10 January 2022 CE")
    head = [c.text for c in d.tables[-1].rows[0].cells]
    assert head[:2] == ["No.", "Performance area"] and "Target 2021-22" in head
    assert d.tables[-1].rows[2].cells[7].text == "14/04/2022"


def test_bangla_font_size_bold_set_once_in_styles_not_on_runs(modmr_docx):
    styles = part(modmr_docx, "word/styles.xml").decode()
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group(0)
    # Bangla in Nikosh; Latin letters (web address, e-mail) in the embedded Noto Serif, not a reader's fallback.
    assert re.search(r'<w:rFonts w:ascii="Noto Serif" w:hAnsi="Noto Serif" w:eastAsia="Nikosh" w:cs="Nikosh"/>',
                     defaults)
    assert '<w:sz w:val="24"/><w:szCs w:val="24"/>' in defaults and 'w:bidi="bn-BD"' in defaults
    title = re.search(r'<w:style [^>]*w:styleId="EgovTitle".*?</w:style>', styles, re.S).group(0)
    assert "<w:b/><w:bCs/>" in title
    body = part(modmr_docx, "word/document.xml").decode()
    assert "<w:rPr>" not in body and "<w:rFonts" not in body  # runs carry text only


def test_noto_choice_names_noto_for_bangla_and_a_latin_font(tmp_path):
    out = export_docx(pib(), "Q1", tmp_path / "n.docx", parts=("report",), font="Noto Sans Bengali")
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", part(out, "word/styles.xml").decode(), re.S)
    assert 'w:ascii="Noto Sans"' in defaults.group(0) and 'w:cs="Noto Sans Bengali"' in defaults.group(0)
    ttf = resource_path("fonts", "NotoSansBengali-Regular.ttf").read_bytes()
    table = part(out, "word/fontTable.xml").decode()
    key = re.search(r'<w:font w:name="Noto Sans Bengali">.*?<w:embedRegular r:id="(rId\d+)" '
                    r'w:fontKey="\{([0-9A-F-]{36})\}"/>', table, re.S)
    assert key and obfuscate(part(out, "word/fonts/font1.odttf"), key.group(2)) == ttf


def test_embedded_font_parts_for_nikosh(modmr_docx):
    table = part(modmr_docx, "word/fontTable.xml").decode()
    rels = part(modmr_docx, "word/_rels/fontTable.xml.rels").decode()
    types = part(modmr_docx, "[Content_Types].xml").decode()
    settings = part(modmr_docx, "word/settings.xml").decode()
    assert "<w:embedTrueTypeFonts/>" in settings and "<w:saveSubsetFonts/>" in settings
    assert "application/vnd.openxmlformats-officedocument.obfuscatedFont" in types
    nikosh = re.search(r'<w:font w:name="Nikosh">.*?</w:font>', table, re.S).group(0)
    assert '<w:altName w:val="Noto Serif Bengali"/>' in nikosh
    assert "<w:embedRegular" in nikosh and "<w:embedBold" in nikosh
    for tag, name in (("Regular", "NotoSerifBengali-Regular.ttf"), ("Bold", "NotoSerifBengali-Bold.ttf")):
        rid, guid = re.search(rf'<w:embed{tag} r:id="(rId\d+)" w:fontKey="\{{([0-9A-F-]{{36}})\}}"/>', nikosh).groups()
        target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
        stored = part(modmr_docx, "word/" + (target.group(1) or target.group(2)))
        real = resource_path("fonts", name).read_bytes()
        assert stored != real and stored[32:] == real[32:]  # obfuscated: only the head differs
        assert obfuscate(stored, guid) == real


def _footer_xml(path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/footer"))


@pytest.mark.parametrize("font, face", [("Nikosh", "NotoSerifBengali"), ("Noto Sans Bengali", "NotoSansBengali")])
def test_page_numbers_are_set_in_an_embedded_font_that_draws_bangla_digits(tmp_path, font, face):
    """No Word number format gives Bengali digits: the PAGE and NUMPAGES results are set in "Egov Digits",
    embedded, whose 0-9 are the Bangla face's ০-৯ (outline and advance); in English they stay as they are."""
    import io

    from fontTools.ttLib import TTFont

    out = export_docx(modmr(), "H1", tmp_path / "r.docx", font=font)
    fields = re.findall(r'<w:fldSimple w:instr=" (\w+) ">(.*?)</w:fldSimple>', _footer_xml(out))
    assert [name for name, _ in fields] == ["PAGE", "NUMPAGES"]
    for _, run in fields:
        assert '<w:rFonts w:ascii="Egov Digits" w:hAnsi="Egov Digits" w:cs="Egov Digits"' in run, run
    table = part(out, "word/fontTable.xml").decode()
    rels = part(out, "word/_rels/fontTable.xml.rels").decode()
    entry = re.search(r'<w:font w:name="Egov Digits">.*?</w:font>', table, re.S).group(0)
    for tag, style in (("Regular", "Regular"), ("Bold", "Bold")):
        rid, guid = re.search(rf'<w:embed{tag} r:id="(rId\d+)" w:fontKey="\{{([0-9A-F-]{{36}})\}}"/>', entry).groups()
        target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="{rid}"', rels)
        digits = TTFont(io.BytesIO(obfuscate(part(out, "word/" + (target.group(1) or target.group(2))), guid)))
        bangla = TTFont(str(resource_path("fonts", f"{face}-{style}.ttf")))
        assert digits["name"].getDebugName(1) == "Egov Digits"
        assert digits["name"].getDebugName(6) == f"EgovDigits-{style}"
        assert "Open Font License" in digits["name"].getDebugName(13)
        mine, theirs = digits.getBestCmap(), bangla.getBestCmap()
        assert set(mine) == {0x20, *range(0x30, 0x3A)}
        for d in range(10):
            ours, real = mine[0x30 + d], theirs[0x9E6 + d]
            assert digits["hmtx"][ours] == bangla["hmtx"][real]
            assert digits["glyf"][ours].getCoordinates(digits["glyf"])[0] == \
                bangla["glyf"][real].getCoordinates(bangla["glyf"])[0], d
    set_language("en")
    english = export_docx(modmr(), "H1", tmp_path / "en.docx")
    assert "Egov Digits" not in _footer_xml(english)


def test_the_shipped_digit_fonts_are_what_digits_font_makes_of_the_bangla_faces():
    """The export embeds resources/fonts/EgovDigits-*.ttf (made by packaging/make_digit_fonts.py, not at
    export time): each must be digits_font of its Bangla face, so a changed font or maker is caught here."""
    from egov_desktop.export.fonts import BANGLA_FACES, digits_file, digits_font

    assert len(BANGLA_FACES) == 4
    for name in BANGLA_FACES:
        shipped = resource_path("fonts", digits_file(name)).read_bytes()
        assert shipped == digits_font(resource_path("fonts", name).read_bytes()), name


def test_signed_report_carries_revision_and_code(tmp_path):
    doc = signed(modmr(), "H1", revision=2)
    out = export_docx(doc, "H1", tmp_path / "s.docx")
    digest = report_digest(doc, "H1")
    footer = "\n".join(p.text for s in docx.Document(out).sections for p in s.footer.paragraphs)
    assert f"সংস্করণ ২ · যাচাই কোড {verification_code(digest)}" in footer
    meta = read_metadata(out)
    assert meta["digest"] == digest and meta["revision"] == 2 and meta["period"] == "H1"
    lines = texts(docx.Document(out))
    assert "১০/০১/২০২২" in lines  # the signing date above the signature


def test_unsigned_export_has_no_code_and_a_tampered_signed_report_refuses(tmp_path, modmr_docx):
    meta = read_metadata(modmr_docx)
    assert "digest" not in meta and meta["parts"] == ["memo", "report"]
    assert not any("যাচাই" in p.text for s in docx.Document(modmr_docx).sections for p in s.footer.paragraphs)
    doc = signed(modmr(), "H1")
    doc.report("H1").entries[0].narrative = "বদলানো"
    with pytest.raises(ExportError):
        export_docx(doc, "H1", tmp_path / "t.docx")
    assert not (tmp_path / "t.docx").exists()


def test_default_file_name_is_safe_and_fits_a_linux_name(tmp_path):
    doc = pib()
    doc.office.name = "পিআইবি"
    assert default_file_name(doc, "Q1", "en") == "পিআইবি - ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা 2023-24 - 1st quarter.docx"
    # Too long in full (Bangla is 3 bytes a letter): the office goes by its acronym, or office and title are
    # cut at a word; office, plan, year and period all still show.
    assert default_file_name(pib(), "Q1") == "পিআইবি - ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা ২০২৩-২৪ - ১ম ত্রৈমাসিক.docx"
    name = default_file_name(modmr(), "H1")
    assert name == "দুর্যোগ ব্যবস্থাপনা ও ত্রাণ মন্ত্রণালয় - ই-গভর্ন্যান্স ও উদ্ভাবন ২০২১-২২ - অর্ধবার্ষিক.docx"
    long_office = pib()
    long_office.office.name = "বাংলাদেশ কম্পিউটার কাউন্সিল তথ্য ও যোগাযোগ প্রযুক্তি বিভাগ ডাক ও টেলিযোগাযোগ মন্ত্রণালয়"
    long_office.plan.title = "ক" * 200
    name = default_file_name(long_office, "annual")
    assert name.startswith("বাংলাদেশ কম্পিউটার কাউন্সিল ") and name.endswith(" ২০২৩-২৪ - বার্ষিক.docx")
    assert "ককককককককক" in name and len(name.encode("utf-8")) <= 240
    (tmp_path / name).write_bytes(b"")
    doc.plan.title = 'কর্ম/পরিকল্পনা: "খসড়া" ' * 20
    name = default_file_name(doc, "H1")
    assert not set('\\/:*?"<>|') & set(name) and name.endswith("২০২৩-২৪ - অর্ধবার্ষিক.docx")
    (tmp_path / name).write_bytes(b"")  # the file system takes it


def test_hostile_text_is_written_safely(tmp_path):
    doc = modmr()
    memo = doc.report("H1").memo
    memo.subject = 'a < b & "c" \x00\x07 \ud800 ]]> end'
    memo.body = ["line one\nline two\twith tab"]
    doc.plan.indicators()[0].title = "<w:p>" * 3
    d = docx.Document(export_docx(doc, "H1", tmp_path / "h.docx", font='We"ird <Font>'))
    lines = texts(d)
    index_of(lines, 'বিষয়: a < b & "c"   ]]> end')
    index_of(lines, "line one\nline two\twith tab")
    assert d.tables[-1].rows[2].cells[4].text == "[১.১.১] " + "<w:p>" * 3


def test_columns_follow_their_content_and_rows_may_break_across_pages(tmp_path):
    doc = pib()
    for ind in doc.plan.indicators():  # the lowest level left blank everywhere: a column of "-"
        ind.targets = ind.targets[:4]
    d = docx.Document(export_docx(doc, "Q1", tmp_path / "p.docx", parts=("report",)))
    table = d.tables[-1]
    grid = [int(c.get(f"{W}w")) for c in table._tbl.tblGrid.iter(f"{W}gridCol")]
    serial, activity, indicator, unit, weight, *levels = grid[:10]
    assert [table.rows[r].cells[9].text for r in range(2, 9)] == ["-"] * 7
    # The column of "-" is as narrow as its header's longest word; the dates' columns are wider; the
    # activity and the indicator get the room.
    assert levels[4] < min(levels[:4]) and max(levels) < min(activity, indicator)
    assert serial < unit < activity
    # Rows may break across pages (kept whole, a tall row left up to a quarter page empty); the two
    # header rows stay whole and repeat.
    for r, row in enumerate(table.rows):
        trpr = row._tr.trPr
        assert (trpr is not None and trpr.find(f"{W}cantSplit") is not None) == (r < 2), r


def test_no_invisible_character_is_added_to_the_text(tmp_path):
    doc = modmr()
    ind = doc.plan.indicators()[-1]
    assert ind.title.startswith("দেশে/বিদেশে")
    out = export_docx(doc, "H1", tmp_path / "m.docx")
    body = part(out, "word/document.xml").decode()
    assert not re.search("[\u00ad\u200b\u2060\ufeff]", body)
    assert f"[২.২.৫] {ind.title}" in [c.text for row in docx.Document(out).tables[-1].rows for c in row.cells]


def test_the_signature_is_dated_with_the_memo_signed_or_not(tmp_path):
    for doc in (modmr(), signed(modmr(), "H1")):
        report = doc.report("H1")
        if report.signoff:  # signed off two days before the letter went out
            report.signoff.signed_at = report.signoff.signed_at.replace(day=8)
            from egov_desktop.core.digest import report_digest

            report.signoff.digest = report_digest(doc, "H1")
        lines = texts(docx.Document(export_docx(doc, "H1", tmp_path / "s.docx")))
        attachment = index_of(lines, "সংযুক্তি: ০১ পাতা")
        name = index_of(lines, "মুনিরা সুলতানা", attachment)
        assert "১০/০১/২০২২" in lines[attachment:name], lines[attachment:name]  # the memo's date, 10 January
        assert "০৮/০১/২০২২" not in lines


def test_the_attention_line_as_offices_write_it(tmp_path):
    doc = modmr()
    doc.report("H1").memo.attention = "[দৃ: আ: উপসচিব (ই-গভর্ন্যান্স-১ অধিশাখা)]"
    lines = texts(docx.Document(export_docx(doc, "H1", tmp_path / "a.docx")))
    assert "[দৃ: আ: উপসচিব (ই-গভর্ন্যান্স-১ অধিশাখা)]" in lines  # not labelled a second time
    assert not any("দৃষ্টি আকর্ষণ" in line for line in lines)
    short = ExportSettings(attention_style="short")
    lines = texts(docx.Document(export_docx(modmr(), "H1", tmp_path / "b.docx", settings=short)))
    assert "[দৃ: আ: উপসচিব (ই-গভর্ন্যান্স-১ অধিশাখা)]" in lines
