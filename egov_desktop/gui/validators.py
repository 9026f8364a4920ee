"""Keystroke validation of grid cells, backed by the core parsers.

`parse_cell` is the one place a cell's text becomes a value: the editor's
validator calls it on every keystroke and the model calls it again before
saving (so a paste or a focus-out cannot slip an invalid value past it).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator

from egov_desktop.core.digits import nfc
from egov_desktop.core.i18n import MessageError, Msg, N_
from egov_desktop.core.values import ParseError, is_intermediate, parse_value

# Kinds of cells (the model's KIND role).
TEXT, VALUE, NUMBER, CHOICE, CHECK, COMPUTED = "text", "value", "number", "choice", "check", "computed"


class CellError(MessageError, ValueError):
    """The text of a cell cannot be saved; `msg` says why, in either language."""


def parse_cell(kind: str, unit: str | None, text: str, required: bool = False):
    """The value to save for `text` typed into a cell of this kind. Blank means "no value" (None)."""
    text = nfc(text).strip()
    if not text:
        if required:
            raise CellError(Msg(N_("this cell cannot be left empty")))
        return None
    if kind == TEXT:
        return text
    try:
        if kind == VALUE:
            return parse_value(text, unit)
        if kind == NUMBER:
            return parse_value(text, "number")
    except ParseError as exc:
        raise CellError(exc.msg) from exc
    raise ValueError(f"cells of kind {kind!r} are not typed in")


def could_become_valid(kind: str, unit: str | None, text: str) -> bool:
    """True while the text is an unfinished but possible value ("১৬/০", "56.")."""
    return is_intermediate(nfc(text).strip(), unit if kind == VALUE else "number")


class CellValidator(QValidator):
    """Never refuses a keystroke (people must be able to type their way through a wrong value),
    but only accepts text that parses, so Tab and Enter cannot commit an invalid value.

    `checked(message)` fires whenever the verdict changes: "" when the text is fine or still
    unfinished, otherwise the reason in the current language."""

    checked = Signal(str)

    def __init__(self, kind: str, unit: str | None, required: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self.kind, self.unit, self.required = kind, unit, required
        self._last: str | None = None

    def verdict(self, text: str) -> tuple[QValidator.State, str]:
        try:
            parse_cell(self.kind, self.unit, text, self.required)
        except CellError as exc:
            if text.strip() and could_become_valid(self.kind, self.unit, text):
                return QValidator.State.Intermediate, ""
            return QValidator.State.Intermediate, exc.render()
        return QValidator.State.Acceptable, ""

    def reason(self, text: str) -> str:
        """Why `text` cannot be saved as it stands, unfinished or not ("" if it can)."""
        try:
            parse_cell(self.kind, self.unit, text, self.required)
        except CellError as exc:
            return exc.render()
        return ""

    def validate(self, text: str, pos: int):
        state, message = self.verdict(text)
        if message != self._last:
            self._last = message
            self.checked.emit(message)
        return state, text, pos
