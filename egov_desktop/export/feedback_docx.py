"""Feedback memos to subordinate offices (issue 11.6), as Word files: from a consolidation (core.consolidate), a
memo to each subordinate office, or one to all, in the memo layout of DOMAIN.md §5.

A memo to one office says when its report came (or that it did not, or came late), its score out of the total,
and then a table of the indicators below target or without evidence: code and title, target, achievement,
marks, and what is wrong. A memo to all has a table of the offices instead: status, score, the codes below
target, the codes without evidence. The memo is the forwarding memo's (docx_report.memo_blocks: letterhead,
number and date in both calendars, subject, numbered paragraphs, signature, addressee), the styles, Bangla
digits and the bundled font too; its number is the next of the office's memo series, taken when the memo is
recorded (Store.record_feedback).

Writing and recording them together is egov_desktop/feedback.py's `send_feedback` (export knows no store).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from egov_desktop.core.consolidate import STATUS_NAMES, Consolidation, OfficeRow
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.feedback import Attention, all_paragraphs, attention, office_paragraphs, subject
from egov_desktop.core.files import write_atomic
from egov_desktop.core.i18n import N_, current_language, gettext_for
from egov_desktop.core.model import PLAN_KIND_NAMES, Memo, Office, Plan, PlanDocument, Report
from egov_desktop.core.values import format_number
from egov_desktop.export import docx_report as dr
from egov_desktop.export import ooxml
from egov_desktop.export.consolidated_docx import cell_value
from egov_desktop.export.fonts import NIKOSH, embed_fonts
from egov_desktop.export.ooxml import Cell
from egov_desktop.export.report_table import CENTRE, HEAD, _target_text

# The memo's tables are in the body's width, a point larger than the report's (a letter is read, not scanned).
TABLE_SIZE = 10.0


@dataclass(frozen=True)
class _Letterhead:
    """What memo_blocks reads of a plan document: the office, for the letterhead."""

    office: Office


def _t(lang: str, msgid: str) -> str:
    return gettext_for(lang, msgid)


def _widths(shares: list[int]) -> list[int]:
    width = dr._text_width(False)
    out = [width * s // sum(shares) for s in shares]
    out[-1] += width - sum(out)
    return out


def _code(code: str, lang: str) -> str:
    return f"[{localize_digits(code, lang)}]"


def _remark(item: Attention, lang: str) -> str:
    parts = []
    if item.below_target:
        parts.append(_t(lang, N_("target not met")))
    if item.evidence_missing:
        parts.append(_t(lang, N_("evidence not received")))
    return "; ".join(parts)


def indicators_table(items: Sequence[Attention], lang: str) -> str:
    """The indicators an office's memo names: code and title, target, achievement, marks of weight, remark."""
    head = [Cell(_t(lang, t), HEAD) for t in (N_("No."), N_("Indicator"), N_("Target"), N_("Achievement"),
                                               N_("Marks obtained"), N_("Remarks"))]
    rows = [head]
    for i, item in enumerate(items, start=1):
        cell, col = item.cell, item.column
        target = _target_text(item.indicator, lang) if item.indicator is not None else "—"
        if item.due is not None:  # compared with what was due by the period's end: that, and the year's
            target = gettext_for(lang, N_("{due} (annual: {annual})")).format(due=_target_text(item.due, lang),
                                                                               annual=target)
        marks = "—" if not cell.scorable or cell.not_applicable else \
            f"{format_number(cell.score, lang)} / {format_number(cell.weight, lang)}"
        rows.append([Cell(localize_digits(str(i), lang), CENTRE), Cell(f"{_code(col.code, lang)} {col.title}"),
                     Cell(target, CENTRE), Cell(cell_value(col, cell, lang), CENTRE), Cell(marks, CENTRE),
                     Cell(_remark(item, lang))])
    return ooxml.table(_widths([6, 33, 15, 13, 12, 21]), rows, header_rows=1) + ooxml.para()


def offices_table(cons: Consolidation, lang: str) -> str:
    """One memo to all: an office per row, its status, score, the codes below target and without evidence."""
    head = [Cell(_t(lang, t), HEAD) for t in (N_("No."), N_("Office"), N_("Status"), N_("Marks obtained"),
                                               N_("Indicators below target"), N_("Evidence not received"))]
    rows = [head]
    for i, row in enumerate(cons.rows, start=1):
        items = attention(cons, row)
        below = ", ".join(localize_digits(a.column.code, lang) for a in items if a.below_target)
        missing = ", ".join(localize_digits(a.column.code, lang) for a in items if a.evidence_missing)
        score = "—" if row.total is None else \
            f"{format_number(row.total, lang)} / {format_number(row.out_of or 0, lang)}"
        rows.append([Cell(localize_digits(str(i), lang), CENTRE), Cell(row.office),
                     Cell(_t(lang, STATUS_NAMES[row.status]), CENTRE), Cell(score, CENTRE),
                     Cell(below if row.total is not None else "—", CENTRE),
                     Cell(missing if row.total is not None else "—", CENTRE)])
    return ooxml.table(_widths([6, 32, 12, 14, 18, 18]), rows, header_rows=1) + ooxml.para()


def feedback_memo(profile: dict, kind: str, fiscal_year: str, period: str, memo_date: dt.date,
                  number: str | None, body: list[str], recipient: list[str], lang: str) -> Memo:
    """The memo: from the office profile (signatory), with the feedback's subject, body and addressee; no copies
    or attention line of the office's forwarding letters (those address its own upper office)."""
    from egov_desktop.core.apa import memo_from_profile

    memo = memo_from_profile(profile, subject(kind, fiscal_year, period, lang), memo_date, number)
    return dataclasses.replace(memo, body=body, recipient=recipient, attention=None, copies=[],
                               copies_purpose=None)


def build_document(office: Office, memo: Memo, period: str, tables: dict[int, str], meta: dict,
                   font: str = NIKOSH, lang: str | None = None, embed: bool = True):
    """The python-docx Document of one memo (not saved); `tables`: XML after the n-th body paragraph (each table
    ends with an empty paragraph: the next paragraph's first line would touch the table's last rule)."""
    import docx

    lang = lang or current_language()
    settings = dr.ExportSettings(lang=lang, table_size=TABLE_SIZE)
    xml = dr._memo_xml(_Letterhead(office), Report(period, memo=memo), lang, settings, tables)
    xml.append(dr._sect_pr(False))
    document = docx.Document()
    dr._apply_styles(document, font, settings, dr._text_width(False))
    root = document.element
    root.replace(root.body, ooxml.body("".join(xml)))
    dr._footer(document, lang, None)
    dr._custom_properties(document, {"format": 1, "feedback": True, **meta})
    ooxml.file_properties(document, dr._cut(memo.subject or "", ooxml.PROPERTY_CHARS, len, "…"),
                          dr._cut(office.name, ooxml.PROPERTY_CHARS, len, "…"))
    if embed:
        embed_fonts(document, font)
    return document


def office_memo_document(cons: Consolidation, row: OfficeRow, office: Office, profile: dict, kind: str,
                         fiscal_year: str, memo_date: dt.date, number: str | None, font: str = NIKOSH,
                         lang: str | None = None, embed: bool = True):
    """The feedback memo to the office of `row`."""
    lang = lang or current_language()
    items = attention(cons, row)
    before, after = office_paragraphs(cons, row, kind, fiscal_year, lang, items)
    memo = feedback_memo(profile, kind, fiscal_year, cons.period, memo_date, number, before + after, [row.office],
                         lang)
    tables = {len(before): indicators_table(items, lang)} if after else {}
    meta = {"kind": kind, "fiscal_year": fiscal_year, "period": cons.period, "office": row.office,
            "status": row.status, "total": row.total, "out_of": row.out_of}
    return build_document(office, memo, cons.period, tables, meta, font, lang, embed)


def all_memo_document(cons: Consolidation, office: Office, profile: dict, kind: str, fiscal_year: str,
                      memo_date: dt.date, number: str | None, font: str = NIKOSH, lang: str | None = None,
                      embed: bool = True):
    """One feedback memo to all the offices of the consolidation, with a table of them, distributed to each."""
    lang = lang or current_language()
    before, after = all_paragraphs(cons, kind, fiscal_year, lang)
    recipient = [_t(lang, N_("Distribution:"))] + [f"{dr._ordinal(lang, i)} {row.office}"
                                                   for i, row in enumerate(cons.rows, start=1)]
    memo = feedback_memo(profile, kind, fiscal_year, cons.period, memo_date, number, before + after, recipient,
                         lang)
    meta = {"kind": kind, "fiscal_year": fiscal_year, "period": cons.period, "office": None}
    return build_document(office, memo, cons.period, {len(before): offices_table(cons, lang)}, meta, font, lang,
                          embed)


def save(document, path: Path) -> Path:
    """Write a memo's document to `path` (atomically); returns the path."""
    buf = io.BytesIO()
    document.save(buf)
    return write_atomic(path, buf.getvalue())


# ------------------------------------------------------------------ the file's name

def file_name(kind: str, fiscal_year: str, period: str, office: str | None, lang: str | None = None) -> str:
    """"<office> - ফিডব্যাক - <plan kind> <FY> - <period>.docx" (office: "সকল অধীন দপ্তর" for one to all), safe
    on every system (docx_report.default_file_name)."""
    lang = lang or current_language()
    title = gettext_for(lang, N_("Feedback on the {kind}")).format(
        kind=gettext_for(lang, PLAN_KIND_NAMES.get(kind, PLAN_KIND_NAMES["other"])))
    name = office if office is not None else gettext_for(lang, N_("All subordinate offices"))
    doc = PlanDocument(Office(name, "field"), Plan(kind, title, fiscal_year, 0, []))
    return dr.default_file_name(doc, period, lang)
