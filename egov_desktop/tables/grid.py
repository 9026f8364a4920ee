"""A table as offices send it, read from an .xlsx sheet or a .docx table into one neutral grid.

Both readers give rows of `Cell`s over the same rectangular layout: a merged range repeats its
top-left content in every position it covers (marked `merged`), so that a column can be read row by
row whatever the file merged. Every cell knows where it is in the file's own terms (`Sheet1!E5`,
`table 1, row 5, column 5`), so that a finding can send the officer to it.

Excel: formulas are never evaluated; their values as Excel last saved them are read. Hidden sheets
are passed over when looking for the plan table; hidden rows are read and reported.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from egov_desktop.core.i18n import MessageError, Msg, N_
from egov_desktop.core.text import clean_text

# A plan table has tens, at most a few thousand rows; beyond this it is not a plan table, and reading
# it whole would only exhaust the PC.
MAX_ROWS = 20_000
MAX_COLUMNS = 80


class TableFileError(MessageError):
    """The file cannot be read as a table file (exit 2): `msg` says why, in Bangla or English."""


@dataclass(frozen=True)
class Cell:
    text: str  # as shown (NFC, trimmed); for a number, its digits as Excel keeps them
    value: Any  # the typed value: int/float/datetime for Excel numbers and dates, else the text
    where: str  # "Sheet1!E5" or "table 1, row 5, column 5"
    merged: bool = False  # a copy of a merged range's top-left cell, not content of its own
    number_format: str | None = None  # Excel's format code ("0.00%"), None for Word


@dataclass
class Grid:
    name: str  # the sheet's name, or "table N"
    rows: list[list[Cell]]
    hidden_rows: list[int] = field(default_factory=list)  # 0-based indexes of rows hidden in Excel
    # Word: the paragraphs between the previous table (or the start) and this one: the title lines.
    title_lines: list[str] = field(default_factory=list)
    number: int | None = None  # Word: the table's number in the document (from 1); None for a sheet

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # Zero-width spaces are layout hints some programs insert (after "/"): never the officer's text.
    return clean_text(str(value)).replace("\u200b", "").strip()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _too_many(kind: str, count: int, limit: int) -> TableFileError:
    if kind == "rows":
        return TableFileError(Msg(N_("The table has more than {limit} rows ({count}); a plan table is never "
                                     "this long. Save the plan's rows alone in a file and import that."),
                                  {"limit": limit, "count": count}))
    return TableFileError(Msg(N_("The table has more than {limit} columns ({count}); this is not a plan table."),
                              {"limit": limit, "count": count}))


# ---------------------------------------------------------------- Excel

def read_xlsx(package, sheet: str | None = None) -> list[Grid]:
    """Every visible sheet (or the one named) of a vetted workbook (`load_package`) as a grid."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    _count_rows(package)
    try:
        book = openpyxl.load_workbook(io.BytesIO(_repack(package)), data_only=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, AttributeError, IndexError, OSError,
            EOFError, zipfile.BadZipFile) as exc:
        raise TableFileError(Msg(N_("The file cannot be read as an Excel workbook (.xlsx): {reason}"),
                                 {"reason": str(exc) or type(exc).__name__})) from None
    if sheet is not None and sheet not in book.sheetnames:
        raise TableFileError(Msg(N_("The workbook has no sheet named {name}; its sheets: {names}."),
                                 {"name": sheet, "names": ", ".join(book.sheetnames)}))
    grids = []
    for ws in book.worksheets:
        if sheet is not None and ws.title != sheet:
            continue
        if sheet is None and ws.sheet_state != "visible":
            continue
        grids.append(sheet_grid(ws))
    return grids


def _count_rows(package: dict[str, bytes]) -> None:
    """Refuse a sheet of more than MAX_ROWS rows before building its cells (a 100,000-row sheet would take
    openpyxl gigabytes to load whole): its rows are counted in the sheet's XML."""
    for name, data in package.items():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            rows = data.count(b"<row ") + data.count(b"<row>")
            if rows > MAX_ROWS:
                raise _too_many("rows", rows, MAX_ROWS)


def sheet_grid(ws) -> Grid:
    """An openpyxl worksheet as a grid (merged ranges repeated, hidden rows noted)."""
    merged_from: dict[tuple[int, int], tuple[int, int]] = {}
    for rng in ws.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    merged_from[(r, c)] = (rng.min_row, rng.min_col)
    n_rows, n_cols = ws.max_row or 0, ws.max_column or 0
    if n_cols > MAX_COLUMNS:
        raise _too_many("columns", n_cols, MAX_COLUMNS)
    rows, hidden = [], []
    texts: dict[tuple[int, int], str] = {}  # a merged range's text, made once
    for r in range(1, n_rows + 1):
        if ws.row_dimensions[r].hidden:
            hidden.append(r - 1)
        row = []
        for c in range(1, n_cols + 1):
            src = merged_from.get((r, c), (r, c))
            cell = ws.cell(*src)
            value = cell.value
            text = texts.get(src)
            if text is None:
                text = texts[src] = _text(value)
            if isinstance(value, str):
                value = text
            row.append(Cell(text, value, f"{ws.title}!{_column_letter(c - 1)}{r}",
                            merged=src != (r, c), number_format=cell.number_format))
        rows.append(row)
    return Grid(ws.title, rows, hidden)


# ---------------------------------------------------------------- Word

def read_docx(package: dict[str, bytes], table: int | None = None) -> list[Grid]:
    """Every table of a vetted Word document (`load_package`), or table N counted from 1, as a grid."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(_repack(package)))
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, OSError, zipfile.BadZipFile) as exc:
        raise TableFileError(Msg(N_("The file cannot be read as a Word document (.docx): {reason}"),
                                 {"reason": str(exc) or type(exc).__name__})) from None
    # The body in order: each table with the paragraphs above it (its title lines).
    tables, lines = [], []
    for el in document.element.body.iterchildren():
        if el.tag.endswith("}tbl"):
            tables.append((Table(el, document), lines))
            lines = []
        elif el.tag.endswith("}p"):
            text = _text(Paragraph(el, document).text)
            if text:
                lines.append(text)
    if table is not None and not 1 <= table <= len(tables):
        raise TableFileError(Msg(N_("The document has no table {n}; it has {count}."),
                                 {"n": table, "count": len(tables)}))
    grids = []
    for n, (t, above) in enumerate(tables, start=1):
        if table is not None and n != table:
            continue
        grid = word_grid(t, n)
        grid.title_lines = above
        grids.append(grid)
    return grids


def word_grid(t, n: int) -> Grid:
    """A python-docx table (the document's n-th, from 1) as a grid."""
    if len(t.rows) > MAX_ROWS:
        raise _too_many("rows", len(t.rows), MAX_ROWS)
    rows: list[list[Cell]] = []
    above: list[Any] = []  # the <w:tc> at each column of the previous row: a repeat below is a vertical merge
    for r, row in enumerate(t.rows, start=1):
        cells = [None] * row.grid_cols_before + list(row.cells) + [None] * row.grid_cols_after
        if len(cells) > MAX_COLUMNS:
            raise _too_many("columns", len(cells), MAX_COLUMNS)
        out, tcs = [], []
        for c, cell in enumerate(cells, start=1):
            tc = cell._tc if cell is not None else None
            merged = tc is not None and ((c > 1 and tcs[-1] is tc) or (c - 1 < len(above) and above[c - 1] is tc))
            text = _text("\n".join(p.text for p in cell.paragraphs)) if cell is not None else ""
            out.append(Cell(text, text, f"table {n}, row {r}, column {c}", merged=merged))
            tcs.append(tc)
        rows.append(out)
        above = tcs
    return Grid(f"table {n}", rows, number=n)


# All the parts of one .docx/.xlsx unpacked: far more than any plan's file (fonts embedded), far less than memory.
PACKAGE_LIMIT = 100 * 1024 * 1024


def load_package(path: Path) -> dict[str, bytes]:
    """The parts of an .xlsx or .docx, read through the guarded reader (core/guarded.py: regular files only,
    sizes and zip bombs bounded, encrypted parts refused) and checked for DTDs (where XML entity attacks
    live), before openpyxl or python-docx sees a byte. Older formats get a clear message."""
    from egov_desktop.core import guarded

    suffix = path.suffix.lower()
    if suffix in (".xls", ".doc"):
        modern = ".xlsx" if suffix == ".xls" else ".docx"
        raise TableFileError(Msg(N_("{ext} files (Office 97-2003) cannot be read: open it in Excel or Word and "
                                    "save it as {modern} first."), {"ext": suffix, "modern": modern}))
    try:
        head = guarded.read_head(path, 8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            # An OLE file: a .xls/.doc under another name, or a password-protected (encrypted) workbook.
            raise TableFileError(Msg(N_("The file is password-protected or in the old Office 97-2003 format: "
                                        "remove the password (or save it as .xlsx/.docx) and try again.")))
        if not head.startswith(b"PK"):
            raise TableFileError(Msg(N_("The file is not an Excel (.xlsx) or Word (.docx) file.")))
        parts, total = {}, 0
        with guarded.open_zip(path) as z:
            for name in z.names():
                if name.endswith("/"):
                    continue
                data = z.read(name)
                total += len(data)
                if total > PACKAGE_LIMIT:
                    raise guarded.Unreadable(Msg(N_("the file unpacks to more than {size} MB"),
                                                 {"size": PACKAGE_LIMIT // (1024 * 1024)}))
                if name.endswith((".xml", ".rels")) and _doctype(data):
                    raise guarded.Unreadable(Msg(N_("a part of the file ({name}) declares a DTD or entities, "
                                                    "which are not accepted"), {"name": name}))
                parts[name] = data
    except guarded.Unreadable as exc:
        raise TableFileError(exc.msg) from None
    return parts


def _doctype(xml: bytes) -> bool:
    """Whether an XML part declares a DOCTYPE (before its first element, where one must stand)."""
    root = re.search(rb"<[A-Za-z_]", xml)
    return b"<!doctype" in xml[:root.start() if root else len(xml)].lower()


def _repack(parts: dict[str, bytes]) -> bytes:
    """The vetted parts as a zip again (stored), for openpyxl and python-docx, which open zips themselves."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def grids_of(path: Path, parts: dict[str, bytes], sheet: str | None = None, table: int | None = None) -> list[Grid]:
    """The grids of a vetted package, as its name says it is Word or Excel."""
    suffix = path.suffix.lower()
    if suffix == ".docx" or suffix not in (".xlsx", ".xlsm") and "word/document.xml" in parts:
        return read_docx(parts, table)
    if suffix in (".xlsx", ".xlsm") or "xl/workbook.xml" in parts:
        return read_xlsx(parts, sheet)
    raise TableFileError(Msg(N_("Only .xlsx and .docx files can be read as tables.")))


def read_tables(path: Path, sheet: str | None = None, table: int | None = None) -> list[Grid]:
    """The grids of an .xlsx or .docx file."""
    return grids_of(path, load_package(path), sheet, table)


def excel_date(value: Any) -> dt.date | None:
    """An Excel cell that holds a date (a datetime in openpyxl), as a date."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return None
