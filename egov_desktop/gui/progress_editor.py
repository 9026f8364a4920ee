"""Progress entry for one period: achievements typed to their unit, with the score updating live."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel

from egov_desktop.core.i18n import Msg, N_, current_language
from egov_desktop.core.periods import period_name
from egov_desktop.gui.grid import GridEditor
from egov_desktop.gui.models import ProgressModel

# Column widths in average characters: wide for the texts people read and write, narrow for numbers.
_WIDTHS = {"title": 30, "unit": 7, "value": 12, "own": 10, "narrative": 34, "evidence": 18,
           "remarks": 14, "previous": 16, "not_applicable": 9, "percent": 9, "score": 7}


_SIGNED_OFF = N_("signed off: reopen the report to change it")
_SUBMITTED = N_("submitted: reopen the report to change it")


class ProgressEditor(GridEditor):
    WIDTHS = _WIDTHS
    score_changed = Signal(object)  # core.scoring.ReportScore

    def __init__(self, store, plan_key: int, period: str, undo_stack: QUndoStack, parent=None):
        super().__init__(ProgressModel(store, plan_key, period, undo_stack), parent)
        self.model.setParent(self)
        self.period = period
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fff3cd; padding: 4px; }")
        self.layout_.insertWidget(0, self.banner)
        self.model.changed.connect(self._update_banner)
        self.model.scored.connect(lambda: self.score_changed.emit(self.model.score))
        self._update_banner()

    @property
    def score(self):
        return self.model.score

    def attach_score(self, summary) -> None:
        """Keep a ScoreSummary showing this report's score."""
        summary.set_score(self.model.document.plan, self.model.score)
        self.score_changed.connect(lambda score: summary.set_score(self.model.document.plan, score))

    def retranslate(self) -> None:
        super().retranslate()
        self._update_banner()

    def _update_banner(self) -> None:
        # Only a signed-off (or submitted) report needs saying why nothing can be typed; the window names the period.
        lang = current_language()
        self.banner.setVisible(self.model.locked)
        why = _SUBMITTED if self.model.report.status == "submitted" else _SIGNED_OFF
        self.banner.setText(period_name(self.period, lang) + " — " + Msg(why).render(lang))
