"""The Word file that leaves the office: the forwarding memo (A4 portrait) and the report (A4 landscape).

Layout follows DOMAIN.md §5 and the seed documents. Fonts, sizes and bold live in
the document defaults and styles (Bangla as a complex script: w:cs, w:szCs, w:bCs,
w:lang w:bidi), never on runs. The bundled OFL Bangla font is embedded (fonts.py).
A signed-off report carries its revision and verification code in the footer and
in a custom document property that `egov-desktop verify` reads back.
"""
from __future__ import annotations

import copy
import dataclasses
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import quoteattr

from egov_desktop.core.digits import localize_digits
from egov_desktop.core.files import write_atomic
from egov_desktop.core.i18n import MessageError, Msg, N_, current_language, gettext_for
from egov_desktop.core.model import Memo, Office, PlanDocument, Report, Signatory
from egov_desktop.export import embedded, ooxml
from egov_desktop.export.fonts import DIGITS, NIKOSH, embed_fonts, latin_font
from egov_desktop.export.ooxml import Cell, para

PARTS = ("memo", "report")
PROPERTY_NAME = "egov-desktop"
# The store setting (Store.get_setting/set_setting, per plan or for all) holding ExportSettings.to_dict().
SETTINGS_KEY = "export_docx"
SIGNED_STATUSES = ("signed_off", "submitted")

# A4 in twips (1/1440 inch).
_A4_SHORT, _A4_LONG = 11906, 16838
_MEMO_MARGINS = dict(top=1134, right=1134, bottom=1134, left=1417)  # 2 cm, 2.5 cm on the binding side
_REPORT_MARGIN = 567  # 1 cm all round: the landscape table needs the width



class ExportError(MessageError):
    """The export cannot be made as asked; `msg` says why in either language."""


@dataclass
class ExportSettings:
    """The export's choices; those marked [assumed] in DOMAIN.md are settings here."""

    # "both": Bangla date over Gregorian ("২৬ পৌষ ১৪২৮ বঙ্গাব্দ" / "১০ জানুয়ারি ২০২২ খ্রিস্টাব্দ");
    # "gregorian": the one-line "১০/০১/২০২২ খ্রি." of seed 000.
    date_style: str = "both"
    # Number the memo's body paragraphs from the second on: "০২।", "০৩।".
    number_paragraphs: bool = True
    # Add "(জ্যেষ্ঠতার ক্রমানুসারে নয়)" after the copies heading.
    not_by_seniority: bool = False
    # Percent and score columns and the total row in the report table.
    include_score: bool = True
    # The attention line: "label" ("দৃষ্টি আকর্ষণ: X") or "short" ("[দৃ: আ: X]").
    attention_style: str = "label"
    # Label language; None: the program's current language.
    lang: str | None = None
    body_size: float = 12.0
    table_size: float = 9.0

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ExportSettings":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def saved_settings(store, plan_key: int | None = None) -> ExportSettings:
    """The export settings kept in the database (Store.set_setting(SETTINGS_KEY, settings.to_dict(),
    plan_key=...)): the plan's own, else the ones for all plans, else the defaults."""
    saved = (plan_key is not None and store.get_setting(SETTINGS_KEY, plan_key=plan_key)) or \
        store.get_setting(SETTINGS_KEY) or {}
    return ExportSettings.from_dict(saved)


# ------------------------------------------------------------------ labels

def _t(lang: str, msgid: str, **params) -> str:
    """Translate and fill placeholders as given (no digit localization: e-mail addresses keep theirs)."""
    text = gettext_for(lang, msgid)
    return text.format(**params) if params else text


def _num(lang: str, n: int, width: int = 1) -> str:
    return localize_digits(f"{n:0{width}d}", lang)


def _ordinal(lang: str, n: int, width: int = 1) -> str:
    """"০২।" / "02.": how paragraphs and copies are numbered."""
    return _t(lang, N_("{number}."), number=_num(lang, n, width))


def _sentence(text: str, lang: str) -> str:
    """A copy line ends with the danda in Bangla, as in the seed."""
    text = text.rstrip()
    return text + "।" if lang == "bn" and text and text[-1] not in "।.?!:" else text


# ------------------------------------------------------------------ styles

def _styles_xml(font: str, settings: ExportSettings, text_width_memo: int) -> tuple[str, list[str]]:
    """Document defaults and the export's paragraph styles: the one place fonts, sizes and bold are set."""
    latin, font = quoteattr(latin_font(font)), quoteattr(font)
    body, cell = round(settings.body_size * 2), round(settings.table_size * 2)
    bold = "<w:b/><w:bCs/>"

    def size(half_points: int) -> str:
        return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'

    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii={latin} w:hAnsi={latin} w:eastAsia={font} w:cs={font}/>'
        f'{size(body)}<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="bn-BD"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    )

    def style(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal") -> str:
        return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'<w:basedOn w:val="{based}"/><w:qFormat/>'
                f"{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}</w:style>")

    sign_indent = text_width_memo * 11 // 20
    styles = [
        style("EgovHeader", "Egov Header", '<w:jc w:val="center"/>'),
        style("EgovTitle", "Egov Title", '<w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/>', bold),
        style("EgovPlain", "Egov Plain"),
        style("EgovRight", "Egov Right", '<w:jc w:val="right"/>'),
        style("EgovSubject", "Egov Subject", '<w:spacing w:before="240" w:after="120"/><w:jc w:val="both"/>',
              bold),
        style("EgovBody", "Egov Body",
              '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:ind w:firstLine="720"/>'
              '<w:jc w:val="both"/>'),
        style("EgovSpaced", "Egov Spaced", '<w:spacing w:before="240"/>'),
        style("EgovSignature", "Egov Signature", f'<w:ind w:left="{sign_indent}"/><w:jc w:val="center"/>'),
        style("EgovSignSpace", "Egov Signature Space",
              f'<w:spacing w:before="600"/><w:ind w:left="{sign_indent}"/><w:jc w:val="center"/>'),
        style("EgovEnd", "Egov End", '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>',
              size(2)),
        style("EgovListItem", "Egov List Item", '<w:ind w:left="720" w:hanging="360"/><w:jc w:val="both"/>'),
        style("EgovCell", "Egov Cell", "", size(cell)),
        style("EgovCellCenter", "Egov Cell Centre", '<w:jc w:val="center"/>', "", based="EgovCell"),
        style("EgovCellHead", "Egov Cell Head", '<w:jc w:val="center"/>', bold, based="EgovCell"),
        style("EgovFooterText", "Egov Footer", '<w:jc w:val="center"/>', size(max(cell - 2, 14))),
    ]
    return defaults, styles


def _apply_styles(document, font: str, settings: ExportSettings, text_width_memo: int) -> None:
    from docx.oxml.parser import parse_xml

    root = document.styles.element
    defaults, styles = _styles_xml(font, settings, text_width_memo)
    ns = f'xmlns:w="{ooxml.W_NS}"'
    old = root.find(f"{{{ooxml.W_NS}}}docDefaults")
    old.addprevious(parse_xml(defaults.replace("<w:docDefaults>", f"<w:docDefaults {ns}>", 1)))
    root.remove(old)
    root.extend(parse_xml(f"<w:styles {ns}>{''.join(styles)}</w:styles>"))


# ------------------------------------------------------------------ sections

def _sect_pr(landscape: bool, footer: bool = False) -> str:
    if landscape:
        w, h, orient = _A4_LONG, _A4_SHORT, ' w:orient="landscape"'
        m = dict(top=_REPORT_MARGIN, right=_REPORT_MARGIN, bottom=_REPORT_MARGIN, left=_REPORT_MARGIN)
    else:
        w, h, orient, m = _A4_SHORT, _A4_LONG, "", _MEMO_MARGINS
    # The footer (page numbers) sits this far from the page's edge, inside the bottom margin.
    footer = 284 if landscape else 454
    return (f'<w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{orient}/>'
            f'<w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" w:left="{m["left"]}" '
            f'w:header="567" w:footer="{footer}" w:gutter="0"/></w:sectPr>')


def _text_width(landscape: bool) -> int:
    if landscape:
        return _A4_LONG - 2 * _REPORT_MARGIN
    return _A4_SHORT - _MEMO_MARGINS["left"] - _MEMO_MARGINS["right"]


# ------------------------------------------------------------------ memo

def _header_lines(doc: PlanDocument) -> list[str]:
    return office_lines(doc.office)


def office_lines(o: Office) -> list[str]:
    """The office's letterhead, a line each (the consolidated report prints the upper office's so too)."""
    return [line for line in (o.government, o.parent, o.name, o.unit, o.address, o.website) if line]


def _header_block(doc: PlanDocument) -> list[str]:
    return [para(line, "EgovHeader") for line in _header_lines(doc)]


def _date_lines(memo_date, lang: str, settings: ExportSettings) -> list[str]:
    from egov_desktop.core.values import format_date, format_date_long

    if settings.date_style == "gregorian":
        return [_t(lang, N_("{date} C.E."), date=format_date(memo_date, lang))]
    from egov_desktop.core.bangabda import format_bangla

    return [format_bangla(memo_date, lang), _t(lang, N_("{date} CE"), date=format_date_long(memo_date, lang))]


@dataclass
class Block:
    """One piece of the memo: a paragraph in a style, or (style None) the number-and-date line.

    The Word file and the e-mail body are both made from these, so they say the same.
    """

    text: str
    style: str | None = "EgovPlain"
    label: str = ""
    dates: tuple[str, ...] = ()


def _signature_blocks(signatory: Signatory | None, dated, lang: str, contacts: bool = True) -> list[Block]:
    """The signature: space to sign, the date under it, name, designation (and contacts in the memo)."""
    from egov_desktop.core.values import format_date

    s = signatory or Signatory()
    lines = [Block(format_date(dated, lang) if dated else "", "EgovSignSpace")]
    lines += [Block(text, "EgovSignature") for text in (s.name, s.designation) if text]
    if contacts and s.phone:
        lines.append(Block(_t(lang, N_("Phone: {phone}"), phone=localize_digits(s.phone, lang)), "EgovSignature"))
    if contacts and s.email:
        lines.append(Block(_t(lang, N_("Email: {email}"), email=s.email), "EgovSignature"))
    return lines


def _signed_on(report: Report):
    if report.signoff and report.status in SIGNED_STATUSES:
        return report.signoff.signed_at.date()
    return None


def memo_blocks(doc: PlanDocument, report: Report, lang: str, settings: ExportSettings) -> list[Block]:
    """The forwarding memo, top to bottom, as DOMAIN.md §5 lays it out."""
    memo = report.memo
    out = [Block(line, "EgovHeader") for line in _header_lines(doc)]
    out.append(Block(""))
    out.append(Block(_t(lang, N_("Memo No. {number}"), number=localize_digits(memo.number or "", lang)), None,
                     _t(lang, N_("Date:")), tuple(_date_lines(memo.date, lang, settings)) if memo.date else ("",)))
    if memo.subject:
        out.append(Block(_t(lang, N_("Subject: {subject}"), subject=memo.subject), "EgovSubject"))
    if memo.reference:
        out.append(Block(_t(lang, N_("Reference: {reference}"), reference=memo.reference), "EgovPlain"))
    for i, text in enumerate(memo.body):
        if i and settings.number_paragraphs:
            text = f"{_ordinal(lang, i + 1, width=2)} {text}"
        out.append(Block(text, "EgovBody"))
    if memo.attachment:
        out.append(Block(_t(lang, N_("Attachment: {attachment}"), attachment=memo.attachment), "EgovSpaced"))
    # The letter is signed on its own date (the sign-off may be days before it is sent, or not yet done).
    out += _signature_blocks(memo.signatory, memo.date, lang)
    if memo.recipient:
        out.append(Block("\n".join(memo.recipient), "EgovSpaced"))
    if memo.attention:
        out.append(Block(attention_line(memo.attention, lang, settings), "EgovPlain"))
    if memo.copies:
        heading = (_t(lang, N_("Copies: ({purpose})"), purpose=memo.copies_purpose) if memo.copies_purpose
                   else _t(lang, N_("Copies:")))
        if settings.not_by_seniority:
            heading += " " + _t(lang, N_("(not in order of seniority)"))
        out.append(Block(heading, "EgovSpaced"))
        out += [Block(f"{_ordinal(lang, i)}\t{_sentence(copy, lang)}", "EgovListItem")
                for i, copy in enumerate(memo.copies, start=1)]
    return out


# An attention line the officer wrote with its label already, as offices do: "[দৃ: আ: ...]", "দৃষ্টি আকর্ষণ: ...".
_LABELLED_ATTENTION = re.compile(r"^\s*[\[(]?\s*(দৃ\s*[:ঃ]|দৃষ্টি\s+আকর্ষণ|attn\b|attention\b)", re.IGNORECASE)


def attention_line(attention: str, lang: str, settings: ExportSettings) -> str:
    """The attention line: as written when it carries its own label, else labelled in the settings' style
    ("দৃষ্টি আকর্ষণ: X", or the short "[দৃ: আ: X]" of many offices' letters)."""
    if _LABELLED_ATTENTION.match(attention):
        return attention.strip()
    if settings.attention_style == "short":
        return _t(lang, N_("[Attn: {attention}]"), attention=attention.strip())
    return _t(lang, N_("Attention: {attention}"), attention=attention.strip())


def _number_and_date_xml(block: Block, width: int) -> str:
    """স্মারক নং on the left, the date on the right: a borderless table keeps both on their lines in any reader."""
    date_w = width * 33 // 100
    label_w = width * 9 // 100
    widths = [width - label_w - date_w, label_w, date_w]
    number, label, dates = block.text, block.label, block.dates
    if len(dates) == 1:
        rows = [[Cell(number, "EgovPlain"), Cell(label, "EgovRight"), Cell(dates[0], "EgovPlain")]]
    else:
        # The Bangla date over the Gregorian with a rule between, "তারিখ:" beside both (Secretariat form).
        rows = [[Cell(number, "EgovPlain", vmerge="restart", middle=True),
                 Cell(label, "EgovRight", vmerge="restart", middle=True), Cell(dates[0], "EgovPlain", rule=True)],
                [Cell("", "EgovPlain", vmerge="continue"), Cell("", "EgovRight", vmerge="continue"),
                 Cell(dates[1], "EgovPlain")]]
    return ooxml.table(widths, rows, borders=False)


def _memo_xml(doc: PlanDocument, report: Report, lang: str, settings: ExportSettings,
              after_body: dict[int, str] | None = None) -> list[str]:
    """The memo's paragraphs; `after_body`: XML (a feedback memo's table) to stand after the n-th body
    paragraph (1 for the first)."""
    width = _text_width(False)
    out, body = [], 0
    for b in memo_blocks(doc, report, lang, settings):
        out.append(_number_and_date_xml(b, width) if b.style is None else para(b.text, b.style))
        if b.style == "EgovBody":
            body += 1
            out += [after_body[body]] if after_body and body in after_body else []
    return out


def memo_text(doc: PlanDocument, period: str, settings: ExportSettings | None = None) -> str:
    """The memo as plain text (the e-mail body): the same lines as the Word file."""
    settings = settings or ExportSettings()
    lang = settings.lang or current_language()
    report = doc.report(period)
    lines = []
    for b in memo_blocks(doc, report, lang, settings):
        if b.style is None:
            lines.append(f"{b.text}    {b.label} {b.dates[0]}".rstrip())
            lines += [f"{' ' * (len(b.text) + 4 + len(b.label))} {d}" for d in b.dates[1:]]
        elif b.style == "EgovSignSpace":
            lines += ["", b.text] if b.text else [""]
        else:
            if b.style in ("EgovSpaced", "EgovSubject", "EgovBody"):
                lines.append("")
            lines.append(b.text.replace("\t", " "))
    return "\n".join(lines).strip("\n") + "\n"


# ------------------------------------------------------------------ report

def _report_table(doc: PlanDocument, report: Report, lang: str, settings: ExportSettings, font: str,
                  above: list[tuple[str, str]]) -> tuple[str, float]:
    """The report's table in the layout of the plan's kind (report_table.LAYOUTS), and its font size;
    `above` are the (text, style) paragraphs over it on its first page, for where the pages will break."""
    from egov_desktop.core.values import format_number, format_percent
    from egov_desktop.export import report_table as rt

    ctx, columns, rows = rt.layout(doc.plan, report, lang, settings.include_score, doc.reports)
    score = ctx.score
    body, owners = rt.body_rows(ctx, columns, rows)
    total_row, bold = [], {}
    if score:
        # The plan's score under the score column (অর্জিত মান), its percent before it.
        at = next(c for c, col in enumerate(columns) if col.totals)
        total_row = [Cell(_t(lang, N_("Total")), rt.HEAD, span=at - 1),
                     Cell(format_percent(score.percent, lang), rt.HEAD),
                     Cell(_t(lang, N_("{total} of {out_of}"), total=format_number(score.total, lang),
                             out_of=format_number(score.out_of, lang)), rt.HEAD)]
        total_row += [Cell("", rt.HEAD) for _ in columns[at + 1:]]
        bold = {at - 1: [total_row[1].text], at: [total_row[2].text]}
    size = rt.fit_size(columns, body, _text_width(True), font, settings.table_size, bold)
    cells, heads = rt.Measure(font, size), rt.Measure(font, size, bold=True)
    widths = rt.fit_widths(columns, body, _text_width(True), cells, heads, bold)

    # Where the pages will break: the page less the repeated header rows, and on the first page less the
    # office's lines and the title too.
    def lines(measure, texts, width):
        return sum(measure.lines(t, width - rt._PAD) for t in texts if t)

    tall = max((lines(heads, [c.header], w) for c, w in zip(columns, widths) if c.group is None), default=1)
    below = max((lines(heads, [c.header, c.header_note], w) for c, w in zip(columns, widths) if c.group),
                default=0)
    header_height = (max(tall, below + 1) if below else tall) * heads.line + 2 * rt._ROW_EXTRA
    numbered = lang if ctx.numbered else None
    if numbered:
        header_height += heads.line + rt._ROW_EXTRA
    page = _A4_SHORT - 2 * _REPORT_MARGIN
    body_size, title_size = rt.Measure(font, settings.body_size), rt.Measure(font, settings.body_size, bold=True)
    top = sum((title_size if style == "EgovTitle" else body_size).line * max(1, lines(
        title_size if style == "EgovTitle" else body_size, [text], _text_width(True))) for text, style in above)
    top += 240  # the title's spacing before and after
    starts = rt.page_starts(rt.row_heights(columns, body, widths, cells, owners), page - header_height - top,
                            page - header_height)
    rt.merge_cells(columns, owners, body, starts)

    heading = rt.header_rows(columns, numbered)
    table_rows = heading + body + ([total_row] if total_row else [])
    # A header merged down over both header rows gives the second one no height of its own (LibreOffice
    # clips it on the repeated pages): the second row is made tall enough for it. Body rows may break
    # across pages: keeping each whole left up to a quarter page empty.
    return ooxml.table(widths, table_rows, header_rows=len(heading), cant_split=False,
                       header_height=round(max(tall - 1, below, 1) * heads.line)), size


def _report_xml(doc: PlanDocument, report: Report, lang: str, settings: ExportSettings,
                font: str) -> tuple[list[str], float]:
    """The report's paragraphs and table, and the table's font size (see report_table.fit_size)."""
    above = [(line, "EgovHeader") for line in _header_lines(doc)]
    above.append((report_title_text(doc, report.period, lang), "EgovTitle"))
    out = [para(text, style) for text, style in above]
    table, size = _report_table(doc, report, lang, settings, font, above)
    out.append(table)
    # Who signed the report off; before that, the memo's signatory (who will).
    if _signed_on(report):
        signatory = Signatory(report.signoff.name, report.signoff.designation)
    else:
        signatory = report.memo.signatory if report.memo else None
    dated = report.memo.date if report.memo and report.memo.date else _signed_on(report)
    signature = _signature_blocks(signatory, dated, lang, contacts=False)
    if any(b.text for b in signature):
        out += [para(b.text, b.style) for b in signature]
    else:
        # Nothing to sign under: only the paragraph Word wants after a table, too small to spill onto a page of
        # its own (an empty signature space did, after a table ending at the foot of a page).
        out.append(para("", "EgovEnd"))
    out += _evidence_annex(doc, report, lang)
    return out, size


def _evidence_annex(doc: PlanDocument, report: Report, lang: str) -> list[str]:
    """After the report, the list of its evidence files (indicator code, file name, type, size), when it has
    any: what the upper office should find attached."""
    from egov_desktop.core.evidence import TYPE_NAMES, attached
    from egov_desktop.core.values import format_number
    from egov_desktop.export import report_table as rt

    rows = []
    for entry in report.entries:
        for f in attached(entry):
            size = f.get("size") if isinstance(f.get("size"), int) else 0
            rows.append([Cell(localize_digits(entry.indicator, lang), rt.CENTRE), Cell(f["name"]),
                         Cell(TYPE_NAMES.get(f.get("type"), str(f.get("type") or "")), rt.CENTRE),
                         Cell(_t(lang, N_("{size} KB"), size=format_number(max(1, -(-size // 1024)), lang)),
                              rt.CENTRE)])
    if not rows:
        return []
    head = [Cell(_t(lang, text), rt.HEAD) for text in
            (N_("Indicator"), N_("Evidence file"), N_("Type"), N_("Size"))]
    width = _text_width(True)
    widths = [width * 12 // 100, width * 58 // 100, width * 16 // 100]
    widths.append(width - sum(widths))
    return [para(_t(lang, N_("List of evidence files")), "EgovTitle"), ooxml.table(widths, [head] + rows, header_rows=1)]


# ------------------------------------------------------------------ the file

def seal_digest(doc: PlanDocument, report: Report) -> str | None:
    """The digest the export vouches for: only a signed-off report whose content still matches it."""
    if report.status not in SIGNED_STATUSES or report.signoff is None:
        return None
    from egov_desktop.core.digest import report_digest

    digest = report_digest(doc, report.period)
    if digest != report.signoff.digest:
        raise ExportError(Msg(N_("The report was changed after it was signed off.")))
    return digest


def _custom_properties(document, meta: dict) -> None:
    """Store what `verify` needs as a custom document property (File > Properties > Custom in Word)."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from xml.sax.saxutils import escape

    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{PROPERTY_NAME}">'
           f"<vt:lpwstr>{escape(json.dumps(meta, ensure_ascii=False, sort_keys=True))}</vt:lpwstr></property>"
           "</Properties>")
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), CONTENT_TYPE.OFC_CUSTOM_PROPERTIES, xml.encode("utf-8"), package)
    package.relate_to(part, RELATIONSHIP_TYPE.CUSTOM_PROPERTIES)


def _footer(document, lang: str, seal: str | None) -> None:
    """Every page's footer: "পৃষ্ঠা ১/৩" (Word's PAGE and NUMPAGES fields), under the seal of a signed
    report. The memo's section sets it; the report's inherits it.

    The numbers are fields, so Word and LibreOffice count the pages themselves; both write them in Latin
    digits. OOXML has no Bengali number format (w:pgNumType's w:fmt, a field's \\* switch), and LibreOffice
    (7.4) maps none of its 62 w:fmt values nor any switch to its native numbering, the one way it draws
    Bengali digits (an .odt's page style can ask for it; its .docx export loses it). Its digit shaping by
    language is a setting of the reader's program (Tools > Options > Complex Text Layout > Numerals), not
    of the file. So in Bangla the results are set in the embedded "Egov Digits" font (fonts.DIGITS), whose
    0-9 are the Bangla face's ০-৯: drawn Bangla, though a copy of the text or a search finds "1"."""
    from docx.oxml.parser import parse_xml

    footer = document.sections[0].footer
    footer.is_linked_to_previous = False
    # Digits as the language shows them (core.digits.localize_digits): Bangla for "bn".
    digits = f'<w:rFonts w:ascii="{DIGITS}" w:hAnsi="{DIGITS}" w:cs="{DIGITS}" w:eastAsia="{DIGITS}"/>' \
        if lang == "bn" else ""
    fields = {"\x00": ooxml.field("PAGE", "1", digits), "\x01": ooxml.field("NUMPAGES", "1", digits)}
    label = _t(lang, N_("Page {page}/{pages}"), page="\x00", pages="\x01")
    numbers = "".join(fields.get(piece) or ooxml.runs(piece) for piece in re.split("([\x00\x01])", label))
    lines = [para(seal, "EgovFooterText")] if seal else []
    lines.append(f'<w:p><w:pPr><w:pStyle w:val="EgovFooterText"/></w:pPr>{numbers}</w:p>')
    root = footer._element
    for p in list(root):
        root.remove(p)
    root.extend(parse_xml(f'<w:ftr xmlns:w="{ooxml.W_NS}">{"".join(lines)}</w:ftr>'))
    # Word would carry the footer on into the report's section; LibreOffice does not: name it there too.
    reference = document.sections[0]._sectPr.find(f"{{{ooxml.W_NS}}}footerReference")
    for section in document.sections[1:]:
        section._sectPr.insert(0, copy.deepcopy(reference))


def _period(period: str) -> str:
    from egov_desktop.core.periods import period_name

    return period_name(period, current_language())


def build_document(doc: PlanDocument, period: str, parts: Iterable[str] = PARTS, font: str = NIKOSH,
                   settings: ExportSettings | None = None, embed: bool = True):
    """The python-docx Document of the export (not saved). `embed=False` leaves the fonts out (for verify)."""
    settings = settings or ExportSettings()
    lang = settings.lang or current_language()
    parts = [p for p in PARTS if p in set(parts)]
    report = doc.report(period)
    if report is None:
        raise ExportError(Msg(N_("There is no {period} report in this plan."), {"period": _period(period)}))
    if "memo" in parts and report.memo is None:
        # Dropping the memo silently would send a report without its letter: say so, and what to do.
        raise ExportError(Msg(N_("The {period} report has no forwarding memo. Write the memo first, or export "
                                 "the report alone."), {"period": _period(period)}))
    digest = seal_digest(doc, report)

    import docx

    document = docx.Document()
    xml: list[str] = []
    table_size = settings.table_size
    if "memo" in parts:
        xml += _memo_xml(doc, report, lang, settings)
        if "report" in parts:  # the memo's section ends here, in its last paragraph
            xml.append(f"<w:p><w:pPr>{_sect_pr(False)}</w:pPr></w:p>")
    if "report" in parts:
        report_xml, table_size = _report_xml(doc, report, lang, settings, font)
        xml += report_xml
    _apply_styles(document, font, dataclasses.replace(settings, table_size=table_size), _text_width(False))
    xml.append(_sect_pr("report" in parts))
    root = document.element
    root.replace(root.body, ooxml.body("".join(xml)))

    meta = {"format": 1, "fiscal_year": doc.plan.fiscal_year, "kind": doc.plan.kind, "office": doc.office.name,
            "period": period, "parts": parts, "settings": dict(settings.to_dict(), lang=lang)}
    seal = None
    if digest:
        from egov_desktop.core.digest import verification_code

        meta.update(digest=digest, revision=report.revision or 1)
        seal = _t(lang, N_("Revision {revision} · verification code {code}"),
                  revision=_num(lang, report.revision or 1), code=verification_code(digest))
    _footer(document, lang, seal)
    _custom_properties(document, meta)
    ooxml.file_properties(document, _cut(report_title_text(doc, period, lang), ooxml.PROPERTY_CHARS, len, "…"),
                          _cut(doc.office.name, ooxml.PROPERTY_CHARS, len, "…"))
    if embed:
        embed_fonts(document, font)
    return document


def build_all_plans(docs: list[PlanDocument], period: str, parts: Iterable[str] = PARTS, font: str = NIKOSH,
                    settings: ExportSettings | None = None, embed: bool = True, memo: Memo | None = None):
    """One Document with the `period` report of every governance plan in `docs` (issue 9): the forwarding
    `memo` (the office's for all plans, core.apa.all_plans_memo), its attachment naming the annexes, then each
    plan's report in its own landscape section, in annex order (সংযোজনী ৪–৮), each starting on a new page."""
    from egov_desktop.core.apa import in_annex_order
    from egov_desktop.core.kinds import KIND_DEFAULTS

    settings = settings or ExportSettings()
    lang = settings.lang or current_language()
    parts = [p for p in PARTS if p in set(parts)]
    plans = in_annex_order(docs, period)
    if not plans:
        raise ExportError(Msg(N_("No plan of this year has a {period} report."), {"period": _period(period)}))
    import docx

    document = docx.Document()
    xml: list[str] = []
    if "memo" in parts:
        if memo is None:
            raise ExportError(Msg(N_("The memo of all plans is not written. Write it first, or export the "
                                     "reports alone.")))
        annexes = "; ".join(_t(lang, N_("Annex {number}: {title}"), number=_num(lang, KIND_DEFAULTS[d.plan.kind].annex),
                                  title=d.plan.title) for d in plans)
        first = plans[0]
        memo = dataclasses.replace(memo, attachment=annexes)
        xml += _memo_xml(first, Report(period, memo=memo), lang, settings)
        xml.append(f"<w:p><w:pPr>{_sect_pr(False)}</w:pPr></w:p>")
    sizes = []
    if "report" in parts:
        for i, doc in enumerate(plans):
            if i:  # the previous plan's section ends here: the next one starts on a new page
                xml.append(f"<w:p><w:pPr>{_sect_pr(True)}</w:pPr></w:p>")
            report_xml, size = _report_xml(doc, doc.report(period), lang, settings, font)
            xml += report_xml
            sizes.append(size)
    table_size = min(sizes, default=settings.table_size)
    _apply_styles(document, font, dataclasses.replace(settings, table_size=table_size), _text_width(False))
    xml.append(_sect_pr("report" in parts))
    root = document.element
    root.replace(root.body, ooxml.body("".join(xml)))
    first = plans[0]
    _footer(document, lang, None)
    _custom_properties(document, {"format": 1, "fiscal_year": first.plan.fiscal_year, "kind": "all_plans",
                                  "office": first.office.name, "period": period, "parts": parts,
                                  "settings": dict(settings.to_dict(), lang=lang)})
    title = _t(lang, N_("The governance action plans {fiscal_year}: {period}"),
               fiscal_year=localize_digits(first.plan.fiscal_year, lang), period=_period(period))
    ooxml.file_properties(document, _cut(title, ooxml.PROPERTY_CHARS, len, "…"),
                          _cut(first.office.name, ooxml.PROPERTY_CHARS, len, "…"))
    if embed:
        embed_fonts(document, font)
    return document


def export_all_plans(docs: list[PlanDocument], period: str, out_path, parts: Iterable[str] = PARTS,
                     font: str = NIKOSH, settings: ExportSettings | None = None, memo: Memo | None = None) -> Path:
    """Write build_all_plans' document to `out_path`; returns the path written."""
    buf = io.BytesIO()
    build_all_plans(docs, period, parts, font, settings, memo=memo).save(buf)
    return write_atomic(Path(out_path), buf.getvalue())


def report_title_text(doc: PlanDocument, period: str, lang: str | None = None) -> str:
    from egov_desktop.core.periods import report_title

    return report_title(doc.plan.title, doc.plan.fiscal_year, period, lang or current_language())


def docx_bytes(doc: PlanDocument, period: str, parts: Iterable[str] = PARTS, font: str = NIKOSH,
               settings: ExportSettings | None = None) -> bytes:
    """The .docx of the memo and/or report of `period`, carrying its plan and report."""
    document = build_document(doc, period, parts, font, settings)
    # The plan and report travel inside the file, for the upper office's program to read exactly.
    embedded.embed_in_docx(document, doc, period)
    buf = io.BytesIO()
    # Saved in memory first: python-docx writing a file straight onto a full disk leaves a half-closed
    # ZipFile that prints "Exception ignored in ZipFile.__del__" at exit.
    document.save(buf)
    return buf.getvalue()


def export_docx(doc: PlanDocument, period: str, out_path, parts: Iterable[str] = PARTS, font: str = NIKOSH,
                settings: ExportSettings | None = None) -> Path:
    """Write the memo and/or report of `period` to `out_path`; returns the path written."""
    return write_atomic(Path(out_path), docx_bytes(doc, period, parts, font, settings))


_FORBIDDEN = str.maketrans({c: " " for c in '\\/:*?"<>|'})


def default_file_name(doc: PlanDocument, period: str | None = None, lang: str | None = None,
                      suffix: str = ".docx") -> str:
    """"<office> - <plan> <FY> - <period>.docx" (no period for the whole plan, e.g. ".plan.json"): every file
    the program suggests for a plan of any kind is named here. Safe on Windows, and short enough for Linux's
    255-byte names (Bangla takes 3 bytes a letter). When too long, the office goes by its acronym
    ("... (পিআইবি)" -> "পিআইবি"), then office and title are cut at a word: every part still shows."""
    from egov_desktop.core.periods import FiscalYear, period_name

    lang = lang or current_language()
    fy = FiscalYear.parse(doc.plan.fiscal_year).label(lang)
    office, title, when = (" ".join(t.translate(_FORBIDDEN).split())
                           for t in (doc.office.name, doc.plan.title, period_name(period, lang) if period else ""))

    def name(office: str, title: str) -> str:
        return " - ".join(p for p in (office, f"{title} {fy}".strip(), when) if p) + suffix

    if len(name(office, title).encode("utf-8")) <= _NAME_BYTES:
        return name(office, title)
    acronym = re.fullmatch(r".*\(([^()]+)\)", office)
    office = acronym.group(1).strip() if acronym else office
    if len(name(office, title).encode("utf-8")) <= _NAME_BYTES:
        return name(office, title)
    room = _NAME_BYTES - len(name("o", "t").encode("utf-8")) + 2  # bytes for office and title together
    # The office says whose file it is, so it gets the larger share; the title what is left.
    office = _cut(office, max(room - len(title.encode("utf-8")), room * 2 // 3))
    return name(office, _cut(title, room - len(office.encode("utf-8"))))


def all_plans_file_name(doc: PlanDocument, period: str, lang: str | None = None) -> str:
    """The name suggested for the all-plans file of `doc`'s office, year and period."""
    lang = lang or current_language()
    plans = dataclasses.replace(doc.plan, title=gettext_for(lang, N_("Governance and reform action plans")))
    return default_file_name(dataclasses.replace(doc, plan=plans), period, lang)


_NAME_BYTES = 240  # 255 less room for the temporary suffix


def _cut(text: str, limit: int, size=lambda t: len(t.encode("utf-8")), mark: str = "") -> str:
    """`text` in at most `limit` (UTF-8 bytes, or as `size` measures), cut after a whole word when one fits;
    `mark` ("…") ends a text that was cut."""
    if size(text) <= limit:
        return text
    limit -= size(mark)
    words = text.split(" ")
    while len(words) > 1 and size(" ".join(words)) > limit:
        words.pop()
    text = " ".join(words)
    while size(text) > limit:
        text = text[:-1]
    return text.rstrip(" ,;:-") + mark


# ------------------------------------------------------------------ reading back

def read_metadata(path) -> dict | None:
    """The export's custom property from a .docx (a path, or a GuardedZip already open); None if the file has
    none (not ours, or edited away into something that is no longer one). Raises guarded.Unreadable when the
    file cannot be read."""
    from egov_desktop.core.guarded import GuardedZip, open_zip, parse_xml

    z = path if isinstance(path, GuardedZip) else open_zip(path)
    try:
        if not z.has("docProps/custom.xml"):
            return None
        root = parse_xml(z.read("docProps/custom.xml", limit=1024 * 1024), "docProps/custom.xml")
    finally:
        if z is not path:
            z.close()
    for prop in root:
        if prop.get("name") == PROPERTY_NAME and len(prop):
            try:
                meta = json.loads(prop[0].text or "{}")
            except ValueError:
                return None
            return meta if isinstance(meta, dict) else None
    return None


def body_texts(document_xml: bytes | None = None, element=None) -> list[str]:
    """The text of every paragraph in the body and footers, in order: what a reader of the file sees,
    less what fields show (page numbers: each program counts and stores them its own way)."""
    from egov_desktop.core.guarded import parse_xml

    root = element if element is not None else parse_xml(document_xml)
    w = f"{{{ooxml.W_NS}}}"
    texts = []
    for p in root.iter(f"{w}p"):
        depth, out = 0, []
        for node in p.iter(f"{w}t", f"{w}tab", f"{w}br", f"{w}fldChar"):
            if node.tag == f"{w}fldChar":
                kind = node.get(f"{w}fldCharType")
                depth += 1 if kind == "begin" else -1 if kind == "end" and depth else 0
            elif not depth and not any(a.tag == f"{w}fldSimple" for a in node.iterancestors()):
                out.append(node.text or "" if node.tag == f"{w}t" else "\t" if node.tag == f"{w}tab" else "\n")
        texts.append("".join(out))
    return texts
