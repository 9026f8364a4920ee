"""The report as an Excel workbook (.xlsx), in the Word table's layout (report_table.SHEET_LAYOUTS).

Numbers stay numbers and dates dates, so Excel can add and sort them; they are shown with Bangla digits
through the Bengali number format offices' own sheets use (`[$-5000445]`: digits of system 05, Bengali,
locale 0445). An achievement's narrative, which Word writes under the figure, gets a column of its own
here. Areas and activities are merged down their rows, the two header rows repeat on every printed page,
A4 landscape, fitted to the page's width. The plan and report travel inside the file (export/embedded.py),
so that import-table reads it back exactly.
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from egov_desktop.core.files import write_atomic
from egov_desktop.core.i18n import Msg, N_, current_language, gettext_for
from egov_desktop.core.model import DateWindow, PlanDocument
from egov_desktop.export import embedded
from egov_desktop.export.docx_report import ExportError, ExportSettings, report_title_text, seal_digest
from egov_desktop.export.fonts import NIKOSH

BANGLA_DIGITS = "[$-5000445]"
FORMATS = {"int": "0", "decimal": "0.##", "percent": "0.00%", "date": "dd/mm/yyyy"}
_SHADE = "E7E6E6"


def _format(kind: str, lang: str) -> str:
    return (BANGLA_DIGITS if lang == "bn" else "") + FORMATS[kind]


def build_workbook(doc: PlanDocument, period: str, font: str = NIKOSH, settings: ExportSettings | None = None):
    """The openpyxl Workbook of the report of `period` (not saved)."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from egov_desktop.export import report_table as rt

    settings = settings or ExportSettings()
    lang = settings.lang or current_language()
    report = doc.report(period)
    if report is None:
        from egov_desktop.core.periods import period_name

        raise ExportError(Msg(N_("There is no {period} report in this plan."), {"period": period_name(period)}))
    seal_digest(doc, report)  # a signed report whose content no longer matches its seal is refused
    _ctx, columns, rows = rt.layout(doc.plan, report, lang, settings.include_score, doc.reports, sheet=True)
    # The spreadsheet's columns: each layout column, and a column for its detail (the narrative) after it.
    sheet_cols: list[tuple[rt.Column, bool]] = []
    for col in columns:
        sheet_cols.append((col, False))
        if col.detail is not None:
            sheet_cols.append((col, True))

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "প্রতিবেদন" if lang == "bn" else "Report"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=font, size=11), Font(name=font, size=11, bold=True)
    wrap, centre = Alignment(wrap_text=True, vertical="top"), Alignment(wrap_text=True, horizontal="center",
                                                                        vertical="center")
    shade = PatternFill("solid", fgColor=_SHADE)
    width = len(sheet_cols)

    # Title lines: the office's header, then the report's title, each merged across the table.
    lines = [line for line in (doc.office.government, doc.office.parent if doc.office.parent != doc.office.name
                               else None, doc.office.name, doc.office.unit) if line]
    lines.append(report_title_text(doc, period, lang))
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line).font = bold if i == len(lines) else plain
        ws.cell(i, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
    top = len(lines) + 1

    # Two header rows: a group header spans its columns; the others are merged down over both.
    c = 1
    while c <= width:
        col, is_detail = sheet_cols[c - 1]
        if col.group is None or is_detail:
            ws.cell(top, c, col.detail_header if is_detail else col.header)
            ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
            c += 1
            continue
        span = 1
        while c + span <= width and sheet_cols[c + span - 1][0].group == col.group and not sheet_cols[c + span - 1][1]:
            span += 1
        ws.cell(top, c, col.group)
        if span > 1:
            ws.merge_cells(start_row=top, start_column=c, end_row=top, end_column=c + span - 1)
        for k in range(span):
            sub = sheet_cols[c + k - 1][0]
            ws.cell(top + 1, c + k, "\n".join(t for t in (sub.header, sub.header_note) if t))
        c += span
    for r in (top, top + 1):
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.font, cell.alignment, cell.border, cell.fill = bold, centre, border, shade

    first = top + 2
    for i, row in enumerate(rows):
        r = first + i
        for c, (col, is_detail) in enumerate(sheet_cols, start=1):
            cell = ws.cell(r, c)
            if is_detail:
                cell.value = col.detail(row)
            elif col.value is not None:
                _put(cell, col.value(row), col, row, lang)
            else:
                cell.value = _text(col, row)
            cell.font, cell.border = plain, border
            cell.alignment = centre if cell.number_format != "General" else wrap
    # Areas and activities merged down their rows, as in Word (Excel repeats no merged text on a new page).
    for c, (col, is_detail) in enumerate(sheet_cols, start=1):
        if col.merge is None or is_detail:
            continue
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or col.merge(rows[i]) != col.merge(rows[start]):
                if i - start > 1:
                    ws.merge_cells(start_row=first + start, start_column=c, end_row=first + i - 1, end_column=c)
                start = i
    if _ctx.score:
        r = first + len(rows)
        total = _ctx.score
        ws.cell(r, 1, gettext_for(lang, N_("Total")))
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width - 2)
        ws.cell(r, width - 1, total.percent / 100).number_format = _format("percent", lang)
        ws.cell(r, width, total.total).number_format = _format("decimal", lang)
        for c in range(1, width + 1):
            ws.cell(r, c).font, ws.cell(r, c).border = bold, border

    widths = []
    for c in range(1, width + 1):
        texts = [str(ws.cell(r, c).value) for r in range(top, first + len(rows)) if ws.cell(r, c).value is not None]
        widths.append(_width(texts, ws.cell(first, c).number_format != "General"))
        ws.column_dimensions[get_column_letter(c)].width = widths[-1]
    # Excel and LibreOffice do not grow a row for wrapped text they did not lay out themselves: each row gets
    # the height of its tallest cell, estimated from its text and its column's width.
    for r in range(top, first + len(rows)):
        lines = max((_lines(str(ws.cell(r, c).value), widths[c - 1]) for c in range(1, width + 1)
                     if ws.cell(r, c).value is not None and not isinstance(ws.cell(r, c).value, (int, float))),
                    default=1)
        ws.row_dimensions[r].height = max(1, lines) * 15 + 3
    ws.print_title_rows = f"{top}:{top + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.freeze_panes = ws.cell(first, 1)
    wb.properties.title = report_title_text(doc, period, lang)[:255]
    wb.properties.creator = (doc.office.name or "egov-desktop")[:255]
    return wb


def _put(cell, value, col, row, lang: str) -> None:
    """A typed value with its Bangla-digit format; a target's date window as its text."""
    from egov_desktop.export.report_table import PercentValue

    if isinstance(value, DateWindow) or isinstance(value, str):
        cell.value = value if isinstance(value, str) else _text(col, row)
        return
    if value is None:
        # Nothing achieved yet (its narrative has a column of its own), or a level left blank ("-").
        cell.value = None if col.detail is not None else _text(col, row) or None
        return
    if isinstance(value, PercentValue):
        # 56.98 for 56.98%: kept as the fraction that Excel's % format shows so.
        cell.value, cell.number_format = float(value) / 100, _format("percent", lang)
    elif isinstance(value, dt.date):
        cell.value, cell.number_format = value, _format("date", lang)
    else:
        whole = float(value).is_integer()
        cell.value = int(value) if whole else value
        cell.number_format = _format("int" if whole else "decimal", lang)


def _text(col, row) -> str:
    """The Word cell's text in one cell: its paragraphs (a target level's lines: the indicator's, an alternative
    indicator's) a line each."""
    text = col.cell(row).text
    return text if isinstance(text, str) else "\n".join(t for t in text if t)


def _width(texts: list[str], typed: bool) -> float:
    """A column's width in characters: its longest word at least, its longest line at most (within limits)."""
    if typed:
        return 11
    words = max((len(w) for t in texts for w in t.split()), default=4)
    longest = max((len(line) for t in texts for line in t.split("\n")), default=4)
    return float(min(max(words + 2, min(longest, 28)), 45))


def _lines(text: str, width: float) -> int:
    """Lines a text takes wrapped in a column `width` characters wide (Bangla letters count about one each)."""
    room = max(width - 1, 1)
    return sum(max(1, -(-len(line) // int(room))) for line in text.split("\n"))


def export_xlsx(doc: PlanDocument, period: str, out_path, font: str = NIKOSH,
                settings: ExportSettings | None = None) -> Path:
    """Write the report of `period` as .xlsx to `out_path` (atomically); returns the path written."""
    from egov_desktop.tables.grid import sheet_grid

    wb = build_workbook(doc, period, font, settings)
    buf = io.BytesIO()
    wb.save(buf)
    rows = embedded.table_rows([sheet_grid(wb.active)])
    data = embedded.add_to_xlsx(buf.getvalue(), embedded.payload(
        embedded.document_json(doc, period), period, embedded.fingerprint(rows) if rows else ""))
    return write_atomic(Path(out_path), data)
