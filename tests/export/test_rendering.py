"""The exported files render on a PC with no Bangla font: real LibreOffice, fontconfig blind to Bangla.

Only the fonts embedded in the .docx can then shape the Bangla, so pdffonts listing the
Noto Bengali font proves the embedding works (with Nikosh asked for, too).
"""
from __future__ import annotations

import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from egov_desktop.core.digits import localize_digits
from egov_desktop.export.docx_report import export_docx
from tests.conftest import require_tool
from tests.export.helpers import modmr, pib, signed

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    soffice = require_tool("soffice")
    require_tool("pdffonts")
    require_tool("pdftotext")
    tmp = tmp_path_factory.mktemp("render")
    fonts = tmp / "fonts"
    fonts.mkdir()
    dirs = f"<dir>{fonts}</dir>" + (f"<dir>{DEJAVU}</dir>" if DEJAVU.is_dir() else "")
    (tmp / "fc.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>\n")
    env = dict(os.environ, FONTCONFIG_FILE=str(tmp / "fc.conf"))
    seen = subprocess.run([require_tool("fc-list"), ":lang=bn"], env=env, capture_output=True, text=True, check=True)
    assert seen.stdout.strip() == "", "the test needs a fontconfig that sees no Bangla font"
    files = [export_docx(signed(modmr(), "H1"), "H1", tmp / "modmr.docx"),  # Nikosh asked for, not installed
             export_docx(pib(), "Q1", tmp / "pib.docx", parts=("report",), font="Noto Sans Bengali"),
             export_docx(pib(), "Q1", tmp / "pib-nikosh.docx", parts=("report",))]
    # One LibreOffice per file, as a reader opens one: in one process the fonts embedded in one document
    # stay registered for the next, which then renders unlike on any reader's PC.
    def convert(f: Path) -> None:
        subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'lo').as_uri()}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(tmp), str(f)], env=env, capture_output=True, check=True, timeout=240)

    for f in files:
        convert(f)
    # The MoDMR report with its first page's numbers typed in as Bangla text instead of the fields: how
    # "পৃষ্ঠা ১/৩" looks in the Bangla face, to compare the fields' rendering with.
    pages = len(_pages(files[0].with_suffix(".pdf")))
    files.append(_numbers_as_text(files[0], tmp / "modmr-typed.docx", "১", localize_digits(str(pages), "bn")))
    convert(files[-1])
    return {f.stem: f.with_suffix(".pdf") for f in files} | {f.stem + ".docx": f for f in files}


def _numbers_as_text(docx: Path, out: Path, page: str, pages: str) -> Path:
    """A copy of `docx` whose footer shows `page` and `pages` as text where the PAGE and NUMPAGES fields were."""
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("word/footer"):
                text = data.decode()
                for name, shown in (("PAGE", page), ("NUMPAGES", pages)):
                    text = re.sub(rf'<w:fldSimple w:instr=" {name} ">.*?</w:fldSimple>',
                                  f"<w:r><w:t>{shown}</w:t></w:r>", text)
                data = text.encode()
            zout.writestr(item, data)
    return out


def _run(*cmd) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def _embedded_fonts(pdf: Path) -> dict[str, str]:
    """pdffonts: font name (subset prefix dropped) -> the 'emb' column."""
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    return {row.split()[0].split("+")[-1]: row.split()[-5] for row in rows}


def test_nikosh_document_renders_with_the_embedded_noto(rendered):
    fonts = _embedded_fonts(rendered["modmr"])
    assert fonts.get("NotoSerifBengali-Regular") == "yes" and fonts.get("NotoSerifBengali-Bold") == "yes", fonts
    text = _run("pdftotext", str(rendered["modmr"]), "-")
    for key in ("গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "স্মারক নং-৫১.০০.০০০০.২৫০.২৫.০০৬.২১.৯৫", "২৬ পৌষ ১৪২৮ বঙ্গাব্দ",
                "১০ জানুয়ারি ২০২২ খ্রিস্টাব্দ", "১৪/০৪/২০২২", "২৫/০৩/২০২২", "যাচাই কোড"):
        assert key in text, key


def test_memo_page_portrait_report_pages_landscape(rendered):
    info = _run(require_tool("pdfinfo"), "-f", "1", "-l", "99", str(rendered["modmr"]))
    sizes = [tuple(map(float, m)) for m in re.findall(r"^Page +\d+ size: +([\d.]+) x ([\d.]+)", info, re.M)]
    (w1, h1), (wl, hl) = sizes[0], sizes[-1]
    assert w1 < h1 and wl > hl
    assert len(sizes) <= 4  # memo on one page, 13 indicators on at most three


def test_noto_sans_choice_renders_flat_plan(rendered):
    fonts = _embedded_fonts(rendered["pib"])
    assert fonts.get("NotoSansBengali-Regular") == "yes", fonts
    text = _run("pdftotext", str(rendered["pib"]), "-")
    for key in ("প্রেস ইনস্টিটিউট বাংলাদেশ (পিআইবি)", "১৬/০৩/২০২৪", "৫৬.৯৮%", "প্রযোজ্য নয়"):
        assert key in text, key


def _pages(pdf: Path) -> list[str]:
    """Each page's text as pdftotext reads it, lines kept, spaces dropped (it puts spaces inside some
    Bangla words where the glyphs sit apart, but never joins two lines)."""
    return [page.replace(" ", "") for page in _run("pdftotext", str(pdf), "-").split("\f") if page.strip()]


@pytest.mark.parametrize("name", ["modmr", "pib", "pib-nikosh"])
def test_no_word_of_the_table_is_broken_across_lines(rendered, name):
    import docx

    table = docx.Document(rendered[name + ".docx"]).tables[-1]
    words = {w for row in table.rows for cell in row.cells for w in cell.text.split()}
    lines = {line for page in _pages(rendered[name]) for line in page.splitlines()}
    # A word split over two lines of its cell ("ডিজিটাইজেশ" / "নের") is on no single line.
    broken = sorted(w for w in words if not any(w in line for line in lines))
    assert not broken, broken


@pytest.mark.parametrize("name", ["modmr", "pib-nikosh"])
def test_every_page_is_numbered(rendered, name):
    pages = _pages(rendered[name])
    for n, page in enumerate(pages, start=1):
        # The fields' text is in Latin digits (Word has no Bangla number format for fields); they are drawn
        # as Bangla digits by the Egov Digits font (test_page_numbers_are_drawn_as_bangla_digits).
        assert f"পৃষ্ঠা{n}/{len(pages)}" in page, (n, page[-80:])


def _footer_ink(pdf: Path, page: int) -> list[bool]:
    """The bottom 7% of a page (the footer: page numbers, a signed report's seal line) rendered at 200 dpi
    in grey: True for each dark pixel."""
    pgm = subprocess.run([require_tool("pdftoppm"), "-r", "200", "-gray", "-f", str(page), "-l", str(page),
                          "-singlefile", str(pdf)], capture_output=True, check=True).stdout
    magic, width, height, _depth, pixels = pgm.split(maxsplit=4)
    width, height = int(width), int(height)
    assert magic == b"P5" and len(pixels) == width * height
    return [value < 128 for value in pixels[int(height * 0.93) * width:]]


def test_page_numbers_are_drawn_as_bangla_digits(rendered):
    """On a PC with no Bangla font the footer's PAGE and NUMPAGES fields are drawn in the embedded Egov Digits
    font, glyph for glyph as the same numbers typed in Bangla digits ("পৃষ্ঠা ১/৩") in the Bangla face.
    (pdftotext reads "1/3": the font draws ০-৯ for 0-9; so the check is the rendered footer.)"""
    assert _embedded_fonts(rendered["modmr"]).get("EgovDigits-Regular") == "yes"
    fields, typed = _footer_ink(rendered["modmr"], 1), _footer_ink(rendered["modmr-typed"], 1)
    ink = sum(typed)
    assert ink > 300  # the footer is there: the seal line and the numbers
    # Tried: Latin "1/3" typed instead differs in 19% of the footer's ink, "২/৩" in 10%; the fields in 0.6%
    # (anti-aliasing at the glyphs' edges).
    assert sum(a != b for a, b in zip(fields, typed)) < ink * 0.015


def test_an_area_going_on_to_the_next_page_is_named_there(rendered):
    report_pages = _pages(rendered["modmr"])[1:]  # the memo is page 1
    assert len(report_pages) == 2
    # Area 2 begins on the first report page and goes on: its name and weight head the second page too.
    area = "[২]প্রাতিষ্ঠানিকদক্ষতাবৃদ্ধি"
    assert all(area in page for page in report_pages)
    assert report_pages[1].index(area) < report_pages[1].index("[২.২.১]")


def test_latin_text_is_drawn_in_the_embedded_latin_face(rendered):
    fonts = _embedded_fonts(rendered["modmr"])
    assert fonts.get("NotoSerif-Regular") == "yes", fonts
    assert not any(name.startswith("DejaVu") for name in fonts), fonts  # no fallback face for "www", e-mail
    assert _embedded_fonts(rendered["pib"]).get("NotoSans-Regular") == "yes"
