"""Plan tables as offices keep them in Excel and Word: reading them in (grid.py, recognise.py)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.rules import WARNING, Finding
from egov_desktop.tables.grid import Grid, TableFileError, read_tables
from egov_desktop.tables.recognise import NoPlanTable, Overrides, Recognised, find_tables, recognise

__all__ = ["read_plan_table", "TableFileError", "Overrides", "Recognised", "Grid"]


def read_plan_table(path: Path, sheet: str | None = None, table: int | None = None,
                    overrides: Overrides | None = None) -> Recognised:
    """The plan table of an .xlsx/.docx file as a plan document with findings. Raises TableFileError when
    the file cannot be read or holds no plan table (the first one found is read; others are named)."""
    grids = read_tables(Path(path), sheet=sheet, table=table)
    found = find_tables(grids)
    if not found:
        raise TableFileError(Msg(N_("No plan table was found in the file (no column headed "
                                    "\"কর্মসম্পাদন সূচক\").")))
    grid, header = found[0]
    try:
        result = recognise(grid, header, overrides)
    except NoPlanTable:
        raise TableFileError(Msg(N_("The plan table in the file has no indicator rows."))) from None
    others = [g.name for g, _h in found[1:]]
    if others:
        option = "--sheet" if grid.number is None else "--table"
        result.findings.insert(0, Finding(grid.name, "other_tables", WARNING, Msg(
            N_("{name} was read; the file has more plan tables: {others} (choose one with {option})"),
            {"name": grid.name, "others": ", ".join(others), "option": option})))
    return result
