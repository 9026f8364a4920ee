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


@dataclass(frozen=True)
class BundledFont:
    family: str
    regular: str
    bold: str
    # Font used for Latin letters (e-mail addresses, "myGov"): the Noto Bengali fonts have none.
    latin: str
    generic: str  # w:family: roman (serif) or swiss (sans)


BUNDLED = {
    "Noto Serif Bengali": BundledFont("Noto Serif Bengali", "NotoSerifBengali-Regular.ttf",
                                      "NotoSerifBengali-Bold.ttf", "Times New Roman", "roman"),
    "Noto Sans Bengali": BundledFont("Noto Sans Bengali", "NotoSansBengali-Regular.ttf",
                                     "NotoSansBengali-Bold.ttf", "Arial", "swiss"),
}
# What the font setting offers: Nikosh first (the default), then the bundled fonts.
FONT_CHOICES = (NIKOSH, *BUNDLED)
# Embedded when the chosen font cannot be shipped.
FALLBACK = "Noto Serif Bengali"

# w:sig for a font that covers Basic Latin and Bengali (usb0 bit 16 = Bengali):
# it guides Word's substitution when the named font is missing.
_SIG = '<w:sig w:usb0="00010003" w:usb1="00000000" w:usb2="00000000" w:usb3="00000000" w:csb0="00000001" w:csb1="00000000"/>'


def latin_font(font: str) -> str:
    """The font for Latin letters next to `font`: Nikosh has Latin glyphs, the Noto Bengali fonts do not."""
    return BUNDLED[font].latin if font in BUNDLED else font


def obfuscate(data: bytes, guid: str) -> bytes:
    """XOR the first 32 bytes with the GUID's bytes in reverse order (ECMA-376 Part 1 §17.8.1).

    The same operation undoes it.
    """
    key = bytes.fromhex(guid.replace("-", ""))[::-1]
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


@lru_cache(maxsize=None)
def _font_file(name: str) -> tuple[bytes, str]:
    """A bundled font's bytes and its key: a GUID derived from the bytes, so exports are reproducible."""
    data = Path(resource_path("fonts", name)).read_bytes()
    guid = str(uuid.uuid5(uuid.NAMESPACE_OID, hashlib.sha256(data).hexdigest())).upper()
    return obfuscate(data, guid), guid


def embed_fonts(document, font: str) -> None:
    """Name `font` in fontTable.xml, embed the bundled font it needs, and tell Word to keep it embedded."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part, XmlPart
    from docx.oxml.parser import parse_xml

    bundled = BUNDLED.get(font) or BUNDLED[FALLBACK]
    package = document.part.package
    table = XmlPart(PackURI("/word/fontTable.xml"), CT_FONT_TABLE,
                    parse_xml(f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}"/>'), package)
    embeds = []
    for i, (tag, filename) in enumerate((("Regular", bundled.regular), ("Bold", bundled.bold)), start=1):
        blob, guid = _font_file(filename)
        part = Part(PackURI(f"/word/fonts/font{i}.odttf"), CT_OBFUSCATED_FONT, blob, package)
        rid = table.relate_to(part, RT_FONT)
        embeds.append(f'<w:embed{tag} r:id="{rid}" w:fontKey="{{{guid}}}"/>')
    embedded = "".join(embeds)

    def entry(name: str, extra: str = "") -> str:
        return (f'<w:font w:name={quoteattr(name)}>{extra}<w:charset w:val="00"/><w:family w:val="{bundled.generic}"/>'
                f'<w:pitch w:val="variable"/>{_SIG}{embedded}</w:font>')

    fonts = []
    if font != bundled.family:  # Nikosh: the fallback is embedded under the requested name too (see above)
        fonts.append(entry(font, f'<w:altName w:val={quoteattr(bundled.family)}/>'))
    fonts.append(entry(bundled.family))
    latin = latin_font(font)
    if latin not in (font, bundled.family):
        fonts.append(f'<w:font w:name={quoteattr(latin)}><w:charset w:val="00"/><w:family w:val="{bundled.generic}"/>'
                     '<w:pitch w:val="variable"/></w:font>')
    table.element.extend(list(parse_xml(f'<w:fonts xmlns:w="{W_NS}" xmlns:r="{R_NS}">{"".join(fonts)}</w:fonts>')))

    # Replace the template's font table (it names fonts we do not use, and embeds nothing).
    old = next(rid for rid, rel in document.part.rels.items() if rel.reltype == RT_FONT_TABLE)
    document.part.drop_rel(old)
    document.part.relate_to(table, RT_FONT_TABLE)

    settings = document.settings.element
    # CT_Settings is a sequence: embedTrueTypeFonts and saveSubsetFonts come right after w:zoom here.
    anchor = settings.find(f"{{{W_NS}}}zoom")
    # Word then keeps fonts embedded when it saves the file again, but only the letters used (saving the
    # whole of Nikosh and its Latin font made a re-saved report 1.8 MB); system fonts stay out (no
    # w:embedSystemFonts).
    flags = parse_xml(f'<w:x xmlns:w="{W_NS}"><w:embedTrueTypeFonts/><w:saveSubsetFonts/></w:x>')
    for flag in reversed(list(flags)):
        if anchor is not None:
            anchor.addnext(flag)
        else:
            settings.insert(0, flag)
