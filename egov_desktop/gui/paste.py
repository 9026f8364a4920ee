"""Pasting a block copied from Excel or Word (tab-separated text) into a grid.

Each cell is checked exactly like typed input; the valid ones are saved
together as one store transaction and one undo step, the invalid ones are
marked in the grid with their reason.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex

from egov_desktop.core.i18n import Msg, N_
from egov_desktop.gui.validators import CellError


def parse_block(text: str) -> list[list[str]]:
    """Rows of cells. Excel quotes a cell holding a line break or a tab, as CSV does."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text:
        return []
    if '"' not in text:
        return [line.split("\t") for line in text.split("\n")]
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t")]


@dataclass
class PasteResult:
    applied: list[QModelIndex] = field(default_factory=list)
    refused: list[tuple[QModelIndex, str]] = field(default_factory=list)
    skipped: int = 0  # cells that fell outside the grid or on a read-only column

    def message(self) -> Msg:
        return Msg(N_("Pasted {applied} cells; {refused} refused, {skipped} skipped"),
                   {"applied": len(self.applied), "refused": len(self.refused), "skipped": self.skipped})


def paste_block(model, top_left: QModelIndex, text: str) -> PasteResult:
    """Paste `text` with its first cell at `top_left`."""
    result = PasteResult()
    edits = []
    rows = parse_block(text)
    for i, cells in enumerate(rows):
        for j, cell_text in enumerate(cells):
            index = model.index(top_left.row() + i, top_left.column() + j)
            if not index.isValid() or not model.is_tab_stop(index):
                result.skipped += 1
                continue
            try:
                edits.append((index, model.parse(index, cell_text)))
            except CellError as exc:
                result.refused.append((index, exc.render()))
    if edits and model.apply_many(edits, Msg(N_("Paste {count} cells"), {"count": len(edits)})):
        result.applied = [index for index, _value in edits]
    # Marked after the save, which clears earlier marks on the cells it wrote.
    for index, reason in result.refused:
        model.refuse(index, rows[index.row() - top_left.row()][index.column() - top_left.column()], reason)
    model.status.emit(result.message().render())
    return result
