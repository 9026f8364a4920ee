"""WordprocessingML written as text: paragraphs, cells and tables for the export.

Building the body as one XML string and parsing it once is many times faster
than python-docx's object API (which looks up styles and walks the tree cell by
cell), and it lets every formatting decision live in the styles: runs carry
text only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Characters XML 1.0 cannot carry (text from the store is cleaned already; this is the last guard).
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Left and right cell margin in twips (the table's w:tblCellMar): text gets the cell's width less these.
CELL_MARGIN = 57


def runs(text: str) -> str:
    """Text as runs: line ends (also Windows' and old Mac's) become line breaks, tabs become tabs."""
    out = []
    text = _INVALID.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:r><w:br/></w:r>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                out.append("<w:r><w:tab/></w:r>")
            if piece:
                out.append(f'<w:r><w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
    return "".join(out)


def para(text: str = "", style: str | None = None, ppr: str = "") -> str:
    """One paragraph in `style`; `ppr` adds direct paragraph properties (kept for layout, never fonts)."""
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{runs(text)}</w:p>"


def field(instruction: str, shown: str, rpr: str = "") -> str:
    """A field Word and LibreOffice compute (PAGE, NUMPAGES), with `shown` as its last result; `rpr` the
    result's run properties (its font)."""
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:fldSimple w:instr=" {escape(instruction)} "><w:r>{props}<w:t>{escape(shown)}</w:t></w:r></w:fldSimple>'


@dataclass
class Cell:
    """A table cell: its paragraphs' texts, and how it merges."""

    text: str | list[str] = ""
    style: str = "EgovCell"
    span: int = 1
    # "restart" opens a vertical merge, "continue" joins the cell above.
    vmerge: str | None = None
    shade: str | None = None
    # Centre the text vertically (header cells always are).
    middle: bool = False
    # A rule under the cell (the line between the two dates of a memo).
    rule: bool = False

    def xml(self, width: int) -> str:
        props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
        if self.span > 1:
            props.append(f'<w:gridSpan w:val="{self.span}"/>')
        if self.vmerge == "restart":
            props.append('<w:vMerge w:val="restart"/>')
        elif self.vmerge == "continue":
            props.append("<w:vMerge/>")
        if self.rule:
            props.append('<w:tcBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tcBorders>')
        if self.shade:
            props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{self.shade}"/>')
        if self.middle or self.style == "EgovCellHead":
            props.append('<w:vAlign w:val="center"/>')
        texts = [] if self.vmerge == "continue" else ([self.text] if isinstance(self.text, str) else self.text)
        body = "".join(para(t, self.style) for t in texts) or para("", self.style)
        return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{body}</w:tc>"


def table(widths: list[int], rows: list[list[Cell]], header_rows: int = 0, borders: bool = True,
          cant_split: bool = True, header_height: int = 0) -> str:
    """A fixed-layout table on the grid `widths` (twips); the first `header_rows` repeat on every page.

    `header_height` is the least height of the second header row (the first when there is one): a header
    merged down over the first two rows gets no height of its own, and LibreOffice clips it on the
    repeated pages.
    """
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    edges = "".join(f'<w:{e} w:val="{"single" if borders else "nil"}" w:sz="4" w:space="0" w:color="auto"/>'
                    for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out = [
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{edges}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
        '</w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"
    ]
    for r, row in enumerate(rows):
        trpr = "<w:cantSplit/>" if cant_split or r < header_rows else ""
        if header_height and r == min(1, header_rows - 1):
            trpr += f'<w:trHeight w:val="{header_height}" w:hRule="atLeast"/>'
        trpr += "<w:tblHeader/>" if r < header_rows else ""
        out.append(f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}")
        col = 0
        for cell in row:
            out.append(cell.xml(sum(widths[col : col + cell.span])))
            col += cell.span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def body(xml: str):
    """Parse body-level XML (paragraphs, tables, the final sectPr) into a w:body element.

    Replace the document's body with it whole: moving thousands of children one by one
    into another tree costs lxml ~40 times more than the parse itself.
    """
    from docx.oxml.parser import parse_xml

    return parse_xml(f'<w:body xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:body>')


# Word and python-docx refuse longer core properties (title, author).
PROPERTY_CHARS = 255
_RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_RT_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"


def file_properties(document, title: str, author: str) -> None:
    """What File > Properties shows: our title and office, made now by egov-desktop.

    python-docx's template brings a 2013 date, "generated by python-docx", "Microsoft Macintosh Word",
    a blank thumbnail and Word 2010's stylesWithEffects copy of the styles: all replaced or dropped.
    `title` and `author` must fit PROPERTY_CHARS.
    """
    import datetime as dt

    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = now
    props.comments = props.subject = props.keywords = props.category = ""
    props.revision = 1
    package = document.part.package
    for rels in (package.rels, document.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in (_RT_THUMBNAIL, _RT_STYLES_WITH_EFFECTS, _RT_APP):
                rels.pop(rid)
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Application>egov-desktop</Application><Company>{escape(author)}</Company></Properties>")
    package.relate_to(Part(PackURI("/docProps/app.xml"), _CT_APP, app.encode("utf-8"), package), _RT_APP)
    settings = document.settings.element
    for name in ("savePreviewPicture",):  # Word would save a thumbnail of the first page with the file
        for node in settings.findall(f"{{{W_NS}}}{name}"):
            settings.remove(node)
