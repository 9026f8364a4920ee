"""Bangla fonts in the .docx: the font named in the styles, and the bundled OFL font embedded.

Word's embedded fonts (ECMA-376 Part 1 §17.8.1) are TrueType files stored as parts
under word/fonts/, "obfuscated": the first 32 bytes are XORed with a key made from
a GUID (the GUID's 16 bytes in reverse order, repeated). fontTable.xml names the
part (r:id) and the GUID (w:fontKey) under w:embedRegular / w:embedBold, and
settings.xml carries w:embedTrueTypeFonts. python-docx does none of this, so the
parts are written here through its OPC package API.

Nikosh, the government's usual font, has no licence we could find, so it is never
shipped. When it is the chosen font the styles still ask for "Nikosh" (what offices
expect to see in Word's font box, and what renders on their PCs), and the bundled
Noto Serif Bengali is embedded with two entries in fontTable.xml pointing at the same
parts: one under its own name, and one under the name "Nikosh" with w:altName
"Noto Serif Bengali". Why both:
- LibreOffice registers an embedded font under the fontTable name it is listed with,
  and its glyph fallback never reaches embedded fonts. Listed only as Noto, a PC
  without Nikosh shows boxes; listed as "Nikosh", the text renders in Noto
  (tests/export/test_rendering.py proves it with no Bangla font installed).
- Word (not available here to test) is expected to load the embedded file under the
  family name inside it (Noto Serif Bengali), which the altName points to; failing
  that it substitutes its own Bengali font (Nirmala UI, Vrinda), guided by the
  Bengali bit in w:sig. Either way the Bangla is shaped, not boxes.
Also not verified here: on a PC that has Nikosh installed, LibreOffice may prefer the
embedded Noto for "Nikosh"; the text is then correct but in the Noto typeface. The
font file itself is never renamed: passing Noto off as Nikosh would mislead.

Page numbers are fields (PAGE, NUMPAGES) that Word and LibreOffice fill with Latin digits: no number
format of OOXML gives Bengali ones (docx_report._footer). So a Bangla report's field results are set in
"Egov Digits", a font of ten glyphs made here from the bundled Bangla face: its ASCII digits 0-9 are
drawn with the outlines (and advances) of that face's Bengali digits ০-৯. It is embedded like the others,
under its own name: the OFL lets a modified font be shipped under a name that is not a Reserved Font
Name (Noto declares none; the copyright and licence records are kept). See resources/fonts/OFL.txt.
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import quoteattr

from egov_desktop.paths import resource_path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_FONT_TABLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
CT_OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
RT_FONT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
RT_FONT_TABLE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"

NIKOSH = "Nikosh"
# The page numbers' font: ASCII digits drawn as the Bangla face's Bengali digits (see above, _digits_font).
DIGITS = "Egov Digits"


@dataclass(frozen=True)
class Face:
    """A bundled font family: its name and its regular and bold files (resources/fonts)."""

    family: str
    regular: str
    bold: str

    def file(self, bold: bool = False) -> str:
        return self.bold if bold else self.regular


@dataclass(frozen=True)
class BundledFont:
    bangla: Face
    # The face for Latin letters (web address, e-mail, "myGov"): the Noto Bengali fonts have none, and a
    # reader's fallback face is larger and of another design. Noto Serif/Sans match their Bengali in size.
    latin: Face
    generic: str  # w:family: roman (serif) or swiss (sans)

    @property
    def family(self) -> str:
        return self.bangla.family


_NOTO_SERIF = Face("Noto Serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf")
_NOTO_SANS = Face("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
BUNDLED = {
    "Noto Serif Bengali": BundledFont(Face("Noto Serif Bengali", "NotoSerifBengali-Regular.ttf",
                                           "NotoSerifBengali-Bold.ttf"), _NOTO_SERIF, "roman"),
    "Noto Sans Bengali": BundledFont(Face("Noto Sans Bengali", "NotoSansBengali-Regular.ttf",
                                          "NotoSansBengali-Bold.ttf"), _NOTO_SANS, "swiss"),
}
# The Bangla font files: each has its "Egov Digits" file made from it (digits_file).
BANGLA_FACES = tuple(f for b in BUNDLED.values() for f in (b.bangla.regular, b.bangla.bold))
# What the font setting offers: Nikosh first (the default), then the bundled fonts.
FONT_CHOICES = (NIKOSH, *BUNDLED)
# Embedded when the chosen font cannot be shipped.
FALLBACK = "Noto Serif Bengali"

# w:sig for a font that covers Basic Latin and Bengali (usb0 bit 16 = Bengali):
# it guides Word's substitution when the named font is missing.
_SIG = '<w:sig w:usb0="00010003" w:usb1="00000000" w:usb2="00000000" w:usb3="00000000" w:csb0="00000001" w:csb1="00000000"/>'
# Egov Digits covers only Basic Latin's digits (usb0 bit 0).
_SIG_DIGITS = '<w:sig w:usb0="00000001" w:usb1="00000000" w:usb2="00000000" w:usb3="00000000" w:csb0="00000001" w:csb1="00000000"/>'
_SIG_LATIN = '<w:sig w:usb0="E00002FF" w:usb1="4000201F" w:usb2="08000029" w:usb3="00000000" w:csb0="0000019F" w:csb1="00000000"/>'


def bundled(font: str) -> BundledFont:
    """The bundled fonts that stand in for `font` (its own files, or the fallback's for Nikosh)."""
    return BUNDLED.get(font) or BUNDLED[FALLBACK]


def latin_font(font: str) -> str:
    """The font for Latin letters next to `font` (w:ascii, w:hAnsi): always a bundled, embedded face."""
    return bundled(font).latin.family


def obfuscate(data: bytes, guid: str) -> bytes:
    """XOR the first 32 bytes with the GUID's bytes in reverse order (ECMA-376 Part 1 §17.8.1).

    The same operation undoes it.
    """
    key = bytes.fromhex(guid.replace("-", ""))[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@lru_cache(maxsize=None)
def _font_file(name: str, digits: bool = False) -> tuple[bytes, str]:
    """A bundled font's bytes as embedded, obfuscated, and its key: a GUID derived from the bytes, so
    exports are reproducible. Latin faces are cut to the Latin letters and punctuation first (their
    Greek, Cyrillic and Vietnamese would make each file half a megabyte larger). Noto Serif ships cut so
    already (by _latin_subset; only the export uses it); Noto Sans is whole for the window. `digits`: the
    shipped "Egov Digits" font made from the (Bangla) face `name` instead (digits_file)."""
    data = Path(resource_path("fonts", digits_file(name) if digits else name)).read_bytes()
    if name in (_NOTO_SANS.regular, _NOTO_SANS.bold):
        data = _latin_subset(data)
    guid = str(uuid.uuid5(uuid.NAMESPACE_OID, hashlib.sha256(data).hexdigest())).upper()
    return obfuscate(data, guid), guid


# Basic Latin, Latin-1, Latin Extended-A, general punctuation, currency signs, №, ™.
_LATIN = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2000, 0x2070), *range(0x20A0, 0x20C0), 0x2116, 0x2122]


def _latin_subset(data: bytes) -> bytes:
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data))
    options = subset.Options()
    options.name_IDs = ["*"]  # keep the family name and the licence
    options.notdef_outline = True
    options.hinting = False  # the hinting instructions are half of what is left; screens smooth anyway
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_LATIN)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


_BENGALI_ZERO = 0x09E6


def digits_file(name: str) -> str:
    """The shipped "Egov Digits" file made from the Bangla font file `name` (packaging/make_digit_fonts.py)."""
    return f"EgovDigits-{name}"


def digits_font(data: bytes) -> bytes:
    """The "Egov Digits" font made from a Bangla font file's bytes: only its Bengali digits ০-৯ (and the space),
    mapped from the ASCII digits 0-9, named "Egov Digits" (the family, full and PostScript names; the
    copyright, licence and designer records kept, Noto's trademark line dropped with its name). No layout
    tables: digits need no shaping. The same bytes for the same file (no time stamp), so exports stay
    reproducible. Run by packaging/make_digit_fonts.py, whose files the export embeds."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), recalcTimestamp=False)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[0x20, *range(_BENGALI_ZERO, _BENGALI_ZERO + 10)])
    subsetter.subset(font)
    for table in font["cmap"].tables:
        for d in range(10):
            table.cmap[0x30 + d] = table.cmap.pop(_BENGALI_ZERO + d)
    name = font["name"]
    style = name.getDebugName(2) or "Regular"  # Regular or Bold, as the face it is made from
    for name_id in (1, 3, 4, 6, 7, 16, 17, 21, 22):
        name.removeNames(nameID=name_id)
    postscript = f"{DIGITS.replace(' ', '')}-{style}"
    for name_id, text in ((1, DIGITS), (4, f"{DIGITS} {style}"), (6, postscript), (3, f"1.0;EGOV;{postscript}")):
        name.setName(text, name_id, 3, 1, 0x409)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def embed_fonts(document, font: str) -> None:
    """Name `font` and its Latin face in fontTable.xml, embed the bundled files they need, and tell Word
    to keep them embedded."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part, XmlPart
    from docx.oxml.parser import parse_xml

    fonts = bundled(font)
    package = document.part.package
    table = XmlPart(PackURI("/word/fontTable.xml"), CT_FONT_TABLE,
                    parse_xml(f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}"/>'), package)
    count = 0

    def embedded(face: Face, digits: bool = False) -> str:
        nonlocal count
        embeds = []
        for tag, bold in (("Regular", False), ("Bold", True)):
            blob, guid = _font_file(face.file(bold), digits)
            count += 1
            part = Part(PackURI(f"/word/fonts/font{count}.odttf"), CT_OBFUSCATED_FONT, blob, package)
            rid = table.relate_to(part, RT_FONT)
            embeds.append(f'<w:embed{tag} r:id="{rid}" w:fontKey="{{{guid}}}"/>')
        return "".join(embeds)

    def entry(name: str, parts: str, sig: str = _SIG, extra: str = "") -> str:
        return (f'<w:font w:name={quoteattr(name)}>{extra}<w:charset w:val="00"/><w:family w:val="{fonts.generic}"/>'
                f'<w:pitch w:val="variable"/>{sig}{parts}</w:font>')

    bangla = embedded(fonts.bangla)
    entries = []
    if font != fonts.family:  # Nikosh: the fallback is embedded under the requested name too (see above)
        entries.append(entry(font, bangla, extra=f'<w:altName w:val={quoteattr(fonts.family)}/>'))
    entries.append(entry(fonts.family, bangla))
    entries.append(entry(fonts.latin.family, embedded(fonts.latin), _SIG_LATIN))
    entries.append(entry(DIGITS, embedded(fonts.bangla, digits=True), _SIG_DIGITS))
    table.element.extend(list(parse_xml(f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(entries)}</w:fonts>')))

    # Replace the template's font table (it names fonts we do not use, and embeds nothing).
    old = next(rid for rid, rel in document.part.rels.items() if rel.reltype == RT_FONT_TABLE)
    document.part.drop_rel(old)
    document.part.relate_to(table, RT_FONT_TABLE)

    settings = document.settings.element
    # CT_Settings is a sequence: embedTrueTypeFonts and saveSubsetFonts come right after w:zoom here.
    anchor = settings.find(f"{{{W_NS}}}zoom")
    # Word then keeps fonts embedded when it saves the file again, but only the letters used (saving the
    # whole of Nikosh and its Latin font made a re-saved report 1.8 MB); system fonts stay out (no
    # w:embedSystemFonts). LibreOffice (7.4) reads only the first flag: saving the file again, it embeds
    # whole every installed font of its own font table, which holds its default face and that of the
    # Heading style it adds (DejaVu Serif and Sans on Linux: a 318 KB report became 1.6 MB), and leaves
    # our Bengali faces out. No setting of the file changes that (w:embedSystemFonts false, no
    # saveSubsetFonts: the same 1.6 MB); only dropping w:embedTrueTypeFonts does (33 KB), which would
    # make Word drop our fonts when it saves the file again.
    flags = parse_xml(f'<w:x xmlns:w="{W_NS}"><w:embedTrueTypeFonts/><w:saveSubsetFonts/></w:x>')
    for flag in reversed(list(flags)):
        if anchor is not None:
            anchor.addnext(flag)
        else:
            settings.insert(0, flag)


# ------------------------------------------------------------------ measuring text

_VIRAMA = "\u09cd"
# A consonant after the virama joins a conjunct ("ক্ষ", "ন্ত"): drawn far narrower than alone (ra-phala
# "্র" adds nothing). Summing plain advances overstated "ক্ষেত্র" by half; with these shares the estimate
# stays within a few percent of the shaped width (checked against HarfBuzz for the bundled fonts).
_CONJUNCT_SHARE, _RA = 0.35, "\u09b0"


def _is_bangla(ch: str) -> bool:
    return "\u0980" <= ch <= "\u09ff" or ch in "\u200c\u200d\u0964\u0965"


@lru_cache(maxsize=None)
def _advances(name: str) -> tuple[dict[int, int], int]:
    """Advance width per code point of a bundled font file, and its units per em."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(resource_path("fonts", name)), lazy=True)
    metrics = font["hmtx"]
    return {cp: metrics[glyph][0] for cp, glyph in font.getBestCmap().items()}, font["head"].unitsPerEm


def text_width(text: str, font: str, points: float, bold: bool = False) -> float:
    """The width of one line of `text` in twips as the export's fonts draw it: Bangla in the Bengali face
    (the bundled one standing in for Nikosh), everything else in the Latin face."""
    return em_width(text, font, bold) * points * 20


@lru_cache(maxsize=1 << 16)
def em_width(text: str, font: str, bold: bool = False) -> float:
    """`text`'s width in ems (a table's words recur from row to row: each is measured once)."""
    fonts = bundled(font)
    bangla, bangla_em = _advances(fonts.bangla.file(bold))
    latin, latin_em = _advances(fonts.latin.file(bold))
    total = 0.0
    previous = ""
    for i, ch in enumerate(text):
        if _is_bangla(ch):
            advance = bangla.get(ord(ch), bangla_em // 2) / bangla_em
            if previous == _VIRAMA and "\u0995" <= ch <= "\u09df":
                # After a reph ("র্জ" in "অর্জন": a mark above) the consonant is drawn whole.
                reph = i >= 2 and text[i - 2] == _RA and (i < 3 or text[i - 3] != _VIRAMA)
                advance *= 1 if reph else 0 if ch == _RA else _CONJUNCT_SHARE
            elif ch == _RA and text[i + 1:i + 2] == _VIRAMA and previous != _VIRAMA:
                advance = 0  # the reph itself
        else:
            advance = latin.get(ord(ch), latin_em // 2) / latin_em
            if not ch.isalpha() and ord(ch) in bangla:
                # Punctuation and spaces take the face of the text around them: "/" in a Bangla date is
                # drawn from the Bengali face, wider than Noto Serif's.
                advance = max(advance, bangla[ord(ch)] / bangla_em)
        total += advance
        previous = ch
    return total


@lru_cache(maxsize=None)
def line_height(font: str, points: float) -> float:
    """Twips from one line to the next at single spacing: the Bengali face's ascent plus descent (its
    marks reach far above and below the Latin letters, so it sets the line)."""
    from fontTools.ttLib import TTFont

    face = TTFont(str(resource_path("fonts", bundled(font).bangla.regular)), lazy=True)
    os2, em = face["OS/2"], face["head"].unitsPerEm
    return (os2.usWinAscent + os2.usWinDescent) / em * points * 20
