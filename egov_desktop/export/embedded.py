"""The exchange document carried inside an exported .docx or .xlsx, invisible to the reader.

Another office's program reads the report exactly from it, without parsing the table, and can tell
whether it still matches a signed revision (the report's digest travels in the document). It is an
Office custom XML part (`customXml/itemN.xml`, related from the main part, with its itemProps), which
Word and Excel keep when they save the file. Beside the document it holds the fingerprint of the plan
table's text as exported: a file whose table was edited by hand afterwards no longer matches it, and is
then read from its table (egov_desktop/tables) with a warning.

The payload is base64 of the exchange JSON inside one element: officers' text may hold anything, "]]>"
included, and base64 needs no escaping.
"""
from __future__ import annotations

import base64
import hashlib
import io
import re
import uuid
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

NS = "urn:egov-desktop:exchange"
_ITEM_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_RT_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_RT_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
# A plan with its report is tens of kilobytes; a payload this large is not ours to decode.
MAX_PAYLOAD = 20 * 1024 * 1024


@dataclass(frozen=True)
class Embedded:
    document_json: str  # the exchange document: the plan with the exported report
    period: str
    table: str  # fingerprint of the plan table's text as exported ("" when the file has no table)


def fingerprint(rows: list[list[str]]) -> str:
    """What a hand edit of the table changes: the text of its cells, row by row."""
    h = hashlib.sha256()
    for row in rows:
        h.update("\x1f".join(row).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()


def payload(document_json: str, period: str, table: str) -> bytes:
    # A lone surrogate cannot be in UTF-8 (nor in the store, which cleans text): "?" if one came this far.
    data = base64.b64encode(document_json.encode("utf-8", "replace")).decode("ascii")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<egov xmlns="{NS}" version="1" period={quoteattr(period)} table={quoteattr(table)}>'
            f"{data}</egov>").encode("utf-8")


def _item_props() -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<ds:datastoreItem ds:itemID="{' + str(uuid.uuid4()).upper() + '}" '
            'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
            f'<ds:schemaRefs><ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>').encode("utf-8")


def add_to_docx(document, data: bytes) -> None:
    """Relate the payload to a python-docx Document's main part, before it is saved."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = document.part.package
    n = 1 + sum(1 for p in package.iter_parts() if str(p.partname).startswith("/customXml/item")
                and not str(p.partname).startswith("/customXml/itemProps"))
    item = Part(PackURI(f"/customXml/item{n}.xml"), "application/xml", data, package)
    props = Part(PackURI(f"/customXml/itemProps{n}.xml"), _ITEM_PROPS_CT, _item_props(), package)
    item.relate_to(props, _RT_PROPS)
    document.part.relate_to(item, _RT_CUSTOM_XML)


def add_to_xlsx(xlsx: bytes, data: bytes) -> bytes:
    """The workbook (as saved by openpyxl) with the payload added as a custom XML part of the workbook."""
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    names = set(src.namelist())
    n = 1
    while f"customXml/item{n}.xml" in names:
        n += 1
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", (
                    f'<Override PartName="/customXml/itemProps{n}.xml" ContentType="{_ITEM_PROPS_CT}"/>'
                    + ("" if b'Extension="xml"' in body else
                       '<Default Extension="xml" ContentType="application/xml"/>') + "</Types>").encode())
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdEgov{n}" Type="{_RT_CUSTOM_XML}" '
                    f'Target="../customXml/item{n}.xml"/></Relationships>').encode())
            dst.writestr(info, body)
        dst.writestr(f"customXml/item{n}.xml", data)
        dst.writestr(f"customXml/itemProps{n}.xml", _item_props())
        dst.writestr(f"customXml/_rels/item{n}.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_RT_PROPS}" Target="itemProps{n}.xml"/></Relationships>').encode())
    return out.getvalue()


_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?egov\b([^>]*)>([A-Za-z0-9+/=\s]*)</(?:[A-Za-z_][\w.-]*:)?egov\s*>")


def _attr(attrs: bytes, name: bytes) -> str:
    m = re.search(rb"\b" + name + rb"\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", attrs)
    return (m.group(1) or m.group(2) or b"").decode("ascii", "replace") if m else ""


def parse(data: bytes) -> Embedded | None:
    """Our payload, or None for any other custom XML part. Read with a pattern, not an XML parser, so that
    no entity or DTD in a crafted file can reach one; quoting, attribute order and a namespace prefix, as
    another program may rewrite them, do not matter."""
    if len(data) > MAX_PAYLOAD:
        return None
    m = _ELEMENT.search(data)
    if m is None or NS.encode() not in m.group(1):
        return None
    try:
        text = base64.b64decode(b"".join(m.group(2).split()), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    return Embedded(text, _attr(m.group(1), b"period"), _attr(m.group(1), b"table"))


def report_only(doc, period: str):
    """The plan with the one report exported (the rest of the year's reports stay home)."""
    import copy

    out = copy.copy(doc)
    out.reports = [r for r in doc.reports if r.period == period]
    return out


def table_rows(grids) -> list[list[str]]:
    """The cell texts of the plan table among `grids` (egov_desktop.tables.grid), or [] when none."""
    from egov_desktop.tables.recognise import find_tables

    found = find_tables(grids)
    return [[c.text for c in row] for row in found[0][0].rows] if found else []


def document_json(doc, period: str) -> str:
    """The exchange document a file carries: the plan with its `period` report."""
    from egov_desktop.core import exchange

    return exchange.dumps(report_only(doc, period))


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_tables_fingerprint(body) -> str:
    """The fingerprint of a Word body's tables, read straight from the XML (each cell's text, row by row):
    cheap at export, and the same whether python-docx built the element or read it from a file."""
    rows = [["".join(t.text or "" for t in tc.iter(_W + "t")) for tc in tr.iter(_W + "tc")]
            for tbl in body.iter(_W + "tbl") for tr in tbl.iter(_W + "tr")]
    return fingerprint(rows) if rows else ""


def embed_in_docx(document, doc, period: str) -> None:
    """Carry the plan and its `period` report in a python-docx Document about to be saved."""
    add_to_docx(document, payload(document_json(doc, period), period,
                                  docx_tables_fingerprint(document.element.body)))


def find(parts: dict[str, bytes]) -> Embedded | None:
    """Our payload among a package's custom XML parts (name -> bytes), if it carries one."""
    for name in sorted(parts):
        if re.fullmatch(r"customXml/item[0-9]+\.xml", name):
            found = parse(parts[name])
            if found is not None:
                return found
    return None
