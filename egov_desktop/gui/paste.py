"""Pasting a block copied from Excel or Word (tab-separated text) into a grid.

The pasted columns go onto the cells that can be typed into, from the current
one rightwards: a read-only or computed column (targets, "this period's part")
is stepped over, not filled, as a block copied from Excel holds only what
people type. Each cell is checked exactly like typed input; the valid ones are saved
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
    skipped: int = 0  # cells left over: below the last row or right of the last editable column

    def message(self) -> Msg:
        return Msg(N_("Pasted {applied} cells; {refused} refused, {skipped} skipped"),
                   {"applied": len(self.applied), "refused": len(self.refused), "skipped": self.skipped})


def paste_block(model, top_left: QModelIndex, text: str) -> PasteResult:
    """Paste `text` with its first cell at `top_left`."""
    result = PasteResult()
    edits = []
    rows = parse_block(text)
    texts = {}  # (row, column) -> the text pasted there, to show a refused one in its cell
    for i, cells in enumerate(rows):
        row = top_left.row() + i
        targets = [index for c in range(top_left.column(), model.columnCount())
                   if model.is_tab_stop(index := model.index(row, c))] if row < model.rowCount() else []
        result.skipped += max(len(cells) - len(targets), 0)
        for index, cell_text in zip(targets, cells):
            texts[index.row(), index.column()] = cell_text
            try:
                edits.append((index, model.parse(index, cell_text)))
            except CellError as exc:
                result.refused.append((index, exc.render()))
    if edits and model.apply_many(edits, Msg(N_("Paste {count} cells"), {"count": len(edits)})):
        result.applied = [index for index, _value in edits]
    # Marked after the save, which clears earlier marks on the cells it wrote.
    for index, reason in result.refused:
        model.refuse(index, texts[index.row(), index.column()], reason)
    model.status.emit(result.message().render())
    return result
