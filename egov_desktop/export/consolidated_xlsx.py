"""The consolidated report as an Excel workbook: one sheet, an office per row, each indicator's achievement,
percent and marks as typed columns (Excel sorts and filters them; an AutoFilter is set), the office's total,
out of, percent, status and the dates it was sent and received. A sheet has no page width to respect, so it is
always the matrix (docs/CONSOLIDATION.md). Numbers keep Bangla digits through the Bengali number format of
xlsx_report."""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from egov_desktop.core.consolidate import STATUS_NAMES, SUMMARY_COLUMNS, Consolidation, day_of
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.files import write_atomic
from egov_desktop.core.i18n import N_, current_language, gettext_for
from egov_desktop.core.model import DateWindow, is_number
from egov_desktop.export.consolidated_docx import Heading, cell_value, title
from egov_desktop.export.fonts import NIKOSH
from egov_desktop.export.xlsx_report import _SHADE, _format


def build_workbook(cons: Consolidation, heading: Heading, font: str = NIKOSH, lang: str | None = None):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    lang = lang or current_language()
    t = lambda msgid: gettext_for(lang, msgid)  # noqa: E731
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = t(N_("Consolidated"))[:31]
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    plain, bold = Font(name=font, size=11), Font(name=font, size=11, bold=True)
    centre = Alignment(wrap_text=True, horizontal="center", vertical="center")
    shade = PatternFill("solid", fgColor=_SHADE)

    lead = [t(c) for c in SUMMARY_COLUMNS]
    per = [t(N_("Achievement")), t(N_("Percent")), t(N_("Marks obtained"))]
    width = len(lead) + len(per) * len(cons.columns)
    lines = [*heading.office_lines, title(heading, cons.period, lang)]
    for i, line in enumerate(lines, start=1):
        ws.cell(i, 1, line).font = bold if i == len(lines) else plain
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=max(width, 1))
    top = len(lines) + 1
    for c, text in enumerate(lead, start=1):
        ws.cell(top, c, text)
        ws.merge_cells(start_row=top, start_column=c, end_row=top + 1, end_column=c)
    for k, col in enumerate(cons.columns):
        c = len(lead) + 1 + k * len(per)
        ws.cell(top, c, f"[{localize_digits(col.code, lang)}] {col.title}")
        ws.merge_cells(start_row=top, start_column=c, end_row=top, end_column=c + len(per) - 1)
        for j, text in enumerate(per):
            ws.cell(top + 1, c + j, text)
    for r in (top, top + 1):
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.font, cell.alignment, cell.border, cell.fill = bold, centre, border, shade

    def put(r: int, c: int, value, kind: str | None = None) -> None:
        cell = ws.cell(r, c)
        if isinstance(value, DateWindow):
            value = value.end
        cell.value = value
        if kind:
            cell.number_format = _format(kind, lang)
        elif isinstance(value, dt.date):
            cell.number_format = _format("date", lang)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            cell.number_format = _format("int" if float(value).is_integer() else "decimal", lang)
        cell.font, cell.border = plain, border

    first = top + 2
    for i, row in enumerate(cons.rows):
        r = first + i
        put(r, 1, i + 1)
        put(r, 2, row.office)
        put(r, 3, t(STATUS_NAMES[row.status]))
        put(r, 4, None if row.sent is None else day_of(row.sent))
        put(r, 5, None if row.received is None else day_of(row.received))
        put(r, 6, row.total)
        put(r, 7, row.out_of)
        put(r, 8, None if row.percent is None else row.percent / 100, "percent")
        for k, col in enumerate(cons.columns):
            c = len(lead) + 1 + k * len(per)
            cell = row.cells.get(k)
            if cell is None:
                continue
            if cell.not_applicable:
                put(r, c, t(N_("not applicable")))
                continue
            if cell.dates:
                put(r, c, cell_value(col, cell, lang))
            elif col.unit == "percent" and is_number(cell.value):
                put(r, c, cell.value / 100, "percent")
            else:
                put(r, c, cell.value)
            if cell.scorable:
                put(r, c + 1, cell.percent / 100, "percent")
                put(r, c + 2, cell.score)
    last = first + len(cons.rows) - 1
    ws.auto_filter.ref = f"A{top + 1}:{get_column_letter(width)}{max(last, top + 1)}"
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 40
    for c in range(3, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 13
    ws.print_title_rows = f"{top}:{top + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.freeze_panes = ws.cell(first, 3)
    wb.properties.title = title(heading, cons.period, lang)[:255]
    wb.properties.creator = heading.office[:255] or "egov-desktop"
    return wb


def export_xlsx(cons: Consolidation, heading: Heading, out_path, font: str = NIKOSH, lang: str | None = None) -> Path:
    buf = io.BytesIO()
    build_workbook(cons, heading, font, lang).save(buf)
    return write_atomic(Path(out_path), buf.getvalue())
