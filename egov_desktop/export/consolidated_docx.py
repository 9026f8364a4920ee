"""The consolidated report as Word: what an upper office forwards of its subordinate offices' reports of one
plan kind and period (issue 11.5). Layout and why: docs/CONSOLIDATION.md.

A4 landscape, the office's header and a title, then a summary table (an office per row: status, sent, received,
marks obtained, out of, percent), then the details: an office per row with the indicators as columns when
they fit (at most MATRIX_MAX indicators, as GRS, CC and RTI have), else indicator-wise, each indicator a
heading row with the offices under it (e-Gov, NIS: 13 to 17 indicators would be columns too narrow to
read). The Word machinery is docx_report's: styles set once (Bangla as a complex script), Bangla digits,
the embedded font, page numbers in the footer, header rows repeated on every page.
"""
from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from pathlib import Path

from egov_desktop.core.consolidate import (STATUS_NAMES, SUMMARY_COLUMNS, Cell as MatrixCell, Column, Consolidation,
                                           OfficeRow, When, day_of)
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.files import write_atomic
from egov_desktop.core.i18n import N_, current_language, gettext_for
from egov_desktop.core.model import PLAN_KIND_NAMES, Office
from egov_desktop.core.values import format_date, format_number, format_percent, format_value
from egov_desktop.export import docx_report as dr
from egov_desktop.export import ooxml
from egov_desktop.export.fonts import NIKOSH, embed_fonts
from egov_desktop.export.ooxml import Cell, para
from egov_desktop.export.report_table import CENTRE, HEAD

# More indicators than this are laid out indicator-wise: each takes two columns in the matrix, and beside
# serial, office, total and status columns six are as many as A4 landscape shows at a readable width.
MATRIX_MAX = 6


@dataclass
class Heading:
    """Who consolidates what: the upper office's header lines, the plan kind and fiscal year."""

    office: str
    office_lines: list[str]
    kind: str
    fiscal_year: str


def heading_of(office: Office, kind: str, fiscal_year: str) -> Heading:
    """The heading of `office`'s consolidation of a plan kind and year: its letterhead as its own report's."""
    return Heading(office.name, dr.office_lines(office), kind, fiscal_year)


def title(heading: Heading, period: str, lang: str) -> str:
    from egov_desktop.core.periods import report_title_phrase

    kind = gettext_for(lang, PLAN_KIND_NAMES.get(heading.kind, PLAN_KIND_NAMES["other"]))
    return gettext_for(lang, N_("{kind} {fiscal_year}: consolidated {phrase} report of the subordinate offices")).format(
        kind=kind, fiscal_year=localize_digits(heading.fiscal_year, lang),
        phrase=report_title_phrase(heading.fiscal_year, period, lang))


def day_text(when: When | None, lang: str) -> str:
    """A row's sent or received day (the office's own day), or "—"."""
    return "—" if when is None else format_date(day_of(when), lang)


def cell_value(col: Column, cell: MatrixCell | None, lang: str) -> str:
    """An achievement as its unit shows it; "প্রযোজ্য নয়" when not applicable; "—" where there is none."""
    if cell is None:
        return "—"
    if cell.not_applicable:
        return gettext_for(lang, N_("not applicable"))
    if cell.dates:
        return format_value(list(cell.dates), "dates", lang)
    return format_value(cell.value, col.unit, lang) or "—"


def score_text(cell: MatrixCell | None, lang: str) -> str:
    if cell is None or cell.not_applicable or not cell.scorable:
        return "—"
    return format_number(cell.score, lang)


def _t(lang: str, msgid: str) -> str:
    return gettext_for(lang, msgid)


def _total(row: OfficeRow, lang: str) -> tuple[str, str, str]:
    if row.total is None:
        return "—", "—", "—"
    return (format_number(row.total, lang), format_number(row.out_of or 0, lang),
            format_percent(row.percent or 0, lang))


def _widths(shares: list[int]) -> list[int]:
    width = dr._text_width(True)
    out = [width * s // sum(shares) for s in shares]
    out[-1] += width - sum(out)
    return out


def _summary(cons: Consolidation, lang: str) -> str:
    head = [Cell(_t(lang, t), HEAD) for t in SUMMARY_COLUMNS]
    rows = [head]
    for i, row in enumerate(cons.rows, start=1):
        total, out_of, percent = _total(row, lang)
        rows.append([Cell(localize_digits(str(i), lang), CENTRE), Cell(row.office),
                     Cell(_t(lang, STATUS_NAMES[row.status]), CENTRE), Cell(day_text(row.sent, lang), CENTRE),
                     Cell(day_text(row.received, lang), CENTRE), Cell(total, CENTRE), Cell(out_of, CENTRE), Cell(percent, CENTRE)])
    return ooxml.table(_widths([5, 36, 10, 10, 10, 10, 9, 10]), rows, header_rows=1)


def _column_head(col: Column, lang: str) -> str:
    return f"[{localize_digits(col.code, lang)}] {col.title}"


def _matrix(cons: Consolidation, lang: str) -> str:
    """An office per row, each indicator two columns (achievement, marks) under its code and title."""
    n = len(cons.columns)
    top = [Cell(_t(lang, N_("No.")), HEAD, vmerge="restart"), Cell(_t(lang, N_("Office")), HEAD, vmerge="restart")]
    top += [Cell(_column_head(col, lang), HEAD, span=2) for col in cons.columns]
    top.append(Cell(_t(lang, N_("Marks obtained")), HEAD, vmerge="restart"))
    second = [Cell("", HEAD, vmerge="continue"), Cell("", HEAD, vmerge="continue")]
    for col in cons.columns:
        second += [Cell(_t(lang, N_("Achievement")), HEAD),
                   Cell(_t(lang, N_("Marks ({weight})")).format(weight=format_number(col.weight, lang)), HEAD)]
    second.append(Cell("", HEAD, vmerge="continue"))
    rows = [top, second]
    for i, row in enumerate(cons.rows, start=1):
        line = [Cell(localize_digits(str(i), lang), CENTRE), Cell(row.office)]
        for c, col in enumerate(cons.columns):
            cell = row.cells.get(c)
            line += [Cell(cell_value(col, cell, lang) if row.total is not None else "", CENTRE),
                     Cell(score_text(cell, lang) if row.total is not None else "", CENTRE)]
        total, out_of, _ = _total(row, lang)
        line.append(Cell(f"{total} / {out_of}" if row.total is not None else _t(lang, STATUS_NAMES[row.status]),
                         CENTRE))
        rows.append(line)
    return ooxml.table(_widths([4, 22] + [8] * (2 * n) + [10]), rows, header_rows=2)


def _indicator_wise(cons: Consolidation, lang: str) -> str:
    """Each indicator a heading row (code, title, unit weight), the offices under it with their figures."""
    head = [Cell(_t(lang, t), HEAD) for t in (N_("No."), N_("Office"), N_("Achievement"), N_("Percent"),
                                               N_("Marks obtained"), N_("Evidence"))]
    rows = [head]
    for c, col in enumerate(cons.columns):
        weight = _t(lang, N_("weight {weight}")).format(weight=format_number(col.weight, lang))
        rows.append([Cell(f"{_column_head(col, lang)} ({weight})", "EgovCell", span=6, shade="F2F2F2")])
        for i, row in enumerate(cons.rows, start=1):
            if row.total is None:
                continue
            cell = row.cells.get(c)
            percent = "—" if cell is None or cell.not_applicable or not cell.scorable else format_percent(
                cell.percent, lang)
            evidence = "" if cell is None else _t(lang, N_("missing")) if cell.evidence_missing else ""
            rows.append([Cell(localize_digits(str(i), lang), CENTRE), Cell(row.office),
                         Cell(cell_value(col, cell, lang), CENTRE), Cell(percent, CENTRE),
                         Cell(score_text(cell, lang), CENTRE), Cell(evidence, CENTRE)])
    return ooxml.table(_widths([5, 43, 16, 12, 12, 12]), rows, header_rows=1, cant_split=True)


def build_document(cons: Consolidation, heading: Heading, font: str = NIKOSH, lang: str | None = None,
                   embed: bool = True):
    """The python-docx Document (not saved)."""
    import docx

    lang = lang or current_language()
    settings = dr.ExportSettings(lang=lang)
    name = title(heading, cons.period, lang)
    xml = [para(line, "EgovHeader") for line in heading.office_lines]
    xml.append(para(name, "EgovTitle"))
    counts = {s: localize_digits(str(cons.count(s)), lang) for s in STATUS_NAMES}
    deadline = format_date(cons.deadline, lang) if cons.deadline else "—"
    xml.append(para(_t(lang, N_("Deadline {deadline}: {on_time} on time, {late} late, {missing} not received."))
                    .format(deadline=deadline, on_time=counts["on_time"], late=counts["late"],
                            missing=counts["missing"]), "EgovPlain"))
    xml.append(para(_t(lang, N_("Summary")), "EgovTitle"))
    xml.append(_summary(cons, lang))
    if cons.columns:
        xml.append(para(_t(lang, N_("By indicator")), "EgovTitle"))
        xml.append(_matrix(cons, lang) if len(cons.columns) <= MATRIX_MAX else _indicator_wise(cons, lang))
    xml.append(dr._sect_pr(True))
    document = docx.Document()
    dr._apply_styles(document, font, dataclasses.replace(settings, table_size=9.0), dr._text_width(False))
    root = document.element
    root.replace(root.body, ooxml.body("".join(xml)))
    dr._footer(document, lang, None)
    dr._custom_properties(document, {"format": 1, "consolidated": True, "kind": heading.kind,
                                     "fiscal_year": heading.fiscal_year, "period": cons.period})
    ooxml.file_properties(document, dr._cut(name, ooxml.PROPERTY_CHARS, len, "…"),
                          dr._cut(heading.office, ooxml.PROPERTY_CHARS, len, "…"))
    if embed:
        embed_fonts(document, font)
    return document


def export_docx(cons: Consolidation, heading: Heading, out_path, font: str = NIKOSH,
                lang: str | None = None) -> Path:
    buf = io.BytesIO()
    build_document(cons, heading, font, lang).save(buf)
    return write_atomic(Path(out_path), buf.getvalue())
