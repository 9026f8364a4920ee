"""Keystroke validation of grid cells, backed by the core parsers.

`parse_cell` is the one place a cell's text becomes a value: the editor's
validator calls it on every keystroke and the model calls it again before
saving (so a paste or a focus-out cannot slip an invalid value past it).

Achievements are stored year-to-date. Where the quarters add up (aggregation
"sum") the cell knows the previous quarter's year-to-date (its `base`), and a
figure typed with a plus ("+২") is this quarter's own: it is added to the base.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QValidator

from egov_desktop.core.digits import nfc
from egov_desktop.core.i18n import MessageError, Msg, N_, current_language
from egov_desktop.core.periods import FiscalYear, period_name
from egov_desktop.core.rules import date_outside_year
from egov_desktop.core.values import ParseError, format_value, is_intermediate, parse_value

# Kinds of cells (the model's KIND role).
TEXT, VALUE, NUMBER, CHOICE, CHECK, COMPUTED = "text", "value", "number", "choice", "check", "computed"


class CellError(MessageError, ValueError):
    """The text of a cell cannot be saved; `msg` says why, in either language."""


PLUS = "+"


def parse_cell(kind: str, unit: str | None, text: str, required: bool = False, base: int | float | None = None):
    """The value to save for `text` typed into a cell of this kind. Blank means "no value" (None).
    With a `base` (the previous quarter's year-to-date), "+২" means the base plus ২."""
    text = nfc(text).strip()
    if not text:
        if required:
            raise CellError(Msg(N_("this cell cannot be left empty")))
        return None
    if kind == TEXT:
        return text
    try:
        if kind == VALUE:
            if base is not None and text.startswith(PLUS):
                return _added(base, parse_value(text[1:].strip(), unit), unit)
            return parse_value(text, unit)
        if kind == NUMBER:
            return parse_value(text, "number")
    except ParseError as exc:
        raise CellError(exc.msg) from exc
    raise ValueError(f"cells of kind {kind!r} are not typed in")


def _added(base: int | float, part: int | float, unit: str):
    total = base + part
    if isinstance(total, float):
        total = round(total, 9)  # 0.1 + 0.2 is 0.3 here, as the user means
    if unit == "percent" and total > 100:
        raise CellError(Msg(N_("with the {base} before it, the year-to-date would be {total}, over 100%"),
                            {"base": format_value(base, unit, "en"), "total": format_value(total, unit, "en")}))
    return total


def could_become_valid(kind: str, unit: str | None, text: str, base: int | float | None = None) -> bool:
    """True while the text is an unfinished but possible value ("১৬/০", "56.", "+")."""
    text = nfc(text).strip()
    if base is not None and kind == VALUE and text.startswith(PLUS):
        part = text[1:].strip()
        try:
            parse_value(part, unit)
        except ParseError:
            return is_intermediate(part, unit)
        return False  # a whole figure that makes the sum too big: more digits only make it bigger
    return is_intermediate(text, unit if kind == VALUE else "number")


class CellValidator(QValidator):
    """Never refuses a keystroke (people must be able to type their way through a wrong value),
    but only accepts text that parses, so Tab and Enter cannot commit an invalid value.

    `checked(message)` fires whenever the verdict changes: "" when the text is fine or still
    unfinished, otherwise the reason in the current language. `explained(text)` says what a
    "+" figure will save ("" for any other text).

    `base` is (the previous quarter's year-to-date, that period) for cells that take "+" figures.

    `warned(message)` fires whenever the warning about a valid text changes ("" when none): a date outside
    `fiscal_year` ("2023-24"), except up to `late_until` (a year-end report's memo is dated after the year)."""

    checked = Signal(str)
    explained = Signal(str)
    warned = Signal(str)

    def __init__(self, kind: str, unit: str | None, required: bool = False, parent: QObject | None = None,
                 base: tuple[int | float, str] | None = None, fiscal_year: str | None = None,
                 late_until: dt.date | None = None):
        super().__init__(parent)
        self.kind, self.unit, self.required = kind, unit, required
        self.base, self.base_period = base if base is not None else (None, None)
        self.fiscal_year = FiscalYear.parse(fiscal_year) if fiscal_year else None
        self.late_until = late_until
        self._last: str | None = None
        self._last_explained = ""
        self._last_warning = ""

    def _parse(self, text: str):
        return parse_cell(self.kind, self.unit, text, self.required, self.base)

    def verdict(self, text: str) -> tuple[QValidator.State, str]:
        try:
            self._parse(text)
        except CellError as exc:
            if text.strip() and could_become_valid(self.kind, self.unit, text, self.base):
                return QValidator.State.Intermediate, ""
            return QValidator.State.Intermediate, exc.render()
        return QValidator.State.Acceptable, ""

    def reason(self, text: str) -> str:
        """Why `text` cannot be saved as it stands, unfinished or not ("" if it can)."""
        try:
            self._parse(text)
        except CellError as exc:
            return exc.render()
        return ""

    def warning(self, text: str) -> str:
        """What to mark on a text that can be saved ("" if nothing): a date outside the fiscal year."""
        if self.fiscal_year is None:
            return ""
        try:
            value = self._parse(text)
        except CellError:
            return ""
        if not isinstance(value, dt.date) or self.late_until and self.fiscal_year.end < value <= self.late_until:
            return ""
        msg = date_outside_year(value, self.fiscal_year)
        return msg.render(current_language()) if msg else ""

    def explain(self, text: str) -> str:
        """For a valid "+" figure: the previous year-to-date, this quarter's part and the sum that is saved."""
        text = nfc(text).strip()
        if self.base is None or not text.startswith(PLUS):
            return ""
        try:
            total = self._parse(text)
        except CellError:
            return ""
        lang = current_language()
        return Msg(N_("{before} up to {period} + {part} this quarter = {total} from the start of the year "
                      "(saved as the achievement)"),
                   {"before": format_value(self.base, self.unit, "en"), "period": period_name(self.base_period, lang),
                    "part": format_value(parse_value(text[1:].strip(), self.unit), self.unit, "en"),
                    "total": format_value(total, self.unit, "en")}).render(lang)

    def validate(self, text: str, pos: int):
        state, message = self.verdict(text)
        if message != self._last:
            self._last = message
            self.checked.emit(message)
        explanation = self.explain(text) if state == QValidator.State.Acceptable else ""
        if explanation != self._last_explained:
            self._last_explained = explanation
            self.explained.emit(explanation)
        warning = self.warning(text) if state == QValidator.State.Acceptable else ""
        if warning != self._last_warning:
            self._last_warning = warning
            self.warned.emit(warning)
        return state, text, pos
