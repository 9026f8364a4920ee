"""Plan tables as offices keep them in Excel and Word: reading them in (grid.py, recognise.py)."""
from __future__ import annotations

from pathlib import Path

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.rules import WARNING, Finding
from egov_desktop.tables.grid import Grid, TableFileError, grids_of, load_package
from egov_desktop.tables.recognise import NoPlanTable, Overrides, Recognised, find_tables, recognise

__all__ = ["read_plan_table", "TableFileError", "Overrides", "Recognised", "Grid"]


def read_plan_table(path: Path, sheet: str | None = None, table: int | None = None,
                    overrides: Overrides | None = None) -> Recognised:
    """The plan of an .xlsx/.docx file as a plan document with findings. A file exported by this program
    carries its plan and report (export/embedded.py): read exactly from that while its table is as
    exported; else (another office's file, or a table edited by hand) read from the table, each cell that
    cannot be read a finding. Raises TableFileError when the file cannot be read or holds no plan table."""
    from egov_desktop.export import embedded

    path = Path(path)
    parts = load_package(path)
    grids = grids_of(path, parts, sheet=sheet, table=table)
    carried = embedded.find(parts)
    if carried is not None and overrides is None:
        result = _from_carried(carried, grids, parts)
        if result is not None:
            return result
    found = find_tables(grids)
    if not found:
        raise TableFileError(Msg(N_("No plan table was found in the file (no column headed "
                                    "\"কর্মসম্পাদন সূচক\").")))
    grid, header = found[0]
    try:
        result = recognise(grid, header, overrides)
    except NoPlanTable:
        raise TableFileError(Msg(N_("The plan table in the file has no indicator rows."))) from None
    result.tables = found
    if carried is not None and overrides is None:
        result.findings.insert(0, Finding(grid.name, "table_edited", WARNING, Msg(N_(
            "the file was exported by this program, but its table was changed afterwards: it was read from the "
            "table, not from the plan the file carries"))))
    others = [g.name for g, _h in found[1:]]
    if others:
        option = "--sheet" if grid.number is None else "--table"
        result.findings.insert(0, Finding(grid.name, "other_tables", WARNING, Msg(
            N_("{name} was read; the file has more plan tables: {others} (choose one with {option})"),
            {"name": grid.name, "others": ", ".join(others), "option": option})))
    return result


def _from_carried(carried, grids: list[Grid], parts: dict[str, bytes]) -> Recognised | None:
    """The carried plan while the file's table is as exported; None (read the table) when it was edited."""
    from egov_desktop.core import exchange, guarded
    from egov_desktop.export import embedded

    found = find_tables(grids)
    if "word/document.xml" in parts:
        try:
            table = embedded.docx_tables_fingerprint(guarded.parse_xml(parts["word/document.xml"], "word/document.xml"))
        except guarded.Unreadable:
            return None
    else:
        rows = embedded.table_rows(grids)
        table = embedded.fingerprint(rows) if rows else ""
    if table != carried.table:
        return None
    try:
        doc = exchange.loads(carried.document_json)
    except exchange.ExchangeError:
        return None
    grid = found[0][0] if found else (grids[0] if grids else Grid("", []))
    return Recognised(grid, doc, [], [], [], {}, carried=True)
