"""The score at a glance: the total, each area, and a bar per indicator coloured by the level reached.

Painted with QPainter so it needs nothing beyond Qt, and redrawn from a
`ReportScore` (core/scoring.py) whenever the progress grid changes.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from egov_desktop.core.i18n import Msg, N_, _, current_language
from egov_desktop.core.digits import localize_digits
from egov_desktop.core.model import Level, Plan
from egov_desktop.core.scoring import IndicatorScore, ReportScore
from egov_desktop.core.values import format_number, format_percent
from egov_desktop.gui.i18n_qt import show_digits
from egov_desktop.gui.models import digits_language

# By the percent a level stands for (DOMAIN.md §2), so a colour means the same in every template:
# deep green for অসাধারণ (100) fading to orange for চলতি মানের নিম্নে (60).
LEVEL_COLOURS = ((100, QColor("#1b7f3b")), (90, QColor("#43a047")), (80, QColor("#9ccc65")),
                 (70, QColor("#f0b429")), (0, QColor("#ef8c3a")))
BELOW_ALL = QColor("#d64545")  # no level reached
NOT_APPLICABLE = QColor("#b0b7c3")
TRACK = QColor("#e8ebf0")


def level_colour(score: IndicatorScore, levels: list[Level]) -> QColor:
    """The colour of the level an indicator reached. Proportional indicators have no level of their own:
    they get the best level whose percent they earned."""
    if score.not_applicable:
        return NOT_APPLICABLE
    if score.level_index is not None:
        reached = levels[score.level_index].percent
    else:
        reached = max((lvl.percent for lvl in levels if 0 < lvl.percent <= score.percent), default=None)
        if reached is None:
            return BELOW_ALL
    return next(colour for floor, colour in LEVEL_COLOURS if reached >= floor)


class ScoreSummary(QWidget):
    PAD = 8
    BAR_HEIGHT = 14

    def __init__(self, parent=None):
        super().__init__(parent)
        self._plan: Plan | None = None
        self._score: ReportScore | None = None
        self._bar_rects: list[tuple[QRectF, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setMouseTracking(True)

    def set_score(self, plan: Plan, score: ReportScore) -> None:
        self._plan, self._score = plan, score
        self.updateGeometry()
        self.update()

    @property
    def score(self) -> ReportScore | None:
        return self._score

    def total_text(self) -> str:
        s = self._score
        if s is None:
            return ""
        lang = current_language()
        return show_digits(Msg(N_("Marks obtained {total} / {out_of} ({percent})"), {
            "total": format_number(s.total, lang), "out_of": format_number(s.out_of, lang),
            "percent": format_percent(s.percent, lang)}).render(lang))

    def area_lines(self) -> list[str]:
        """One line per area with a title (flat plans have none worth repeating per indicator)."""
        if self._score is None or self._plan is None or self._plan.is_flat:
            return []
        lang = current_language()
        return [show_digits(Msg(N_("Area {code}: {total} / {out_of}"), {
            "code": a.code, "total": format_number(a.total, lang), "out_of": format_number(a.out_of, lang)}).render(lang))
            for a in self._score.areas.values()]

    def bar_colours(self) -> dict[str, QColor]:
        """The colour of each indicator's bar, by code (what the painting uses)."""
        if self._score is None:
            return {}
        return {s.code: level_colour(s, self._plan.levels) for s in self._score.indicators}

    # ------------------------------------------------------------- painting

    def _line_height(self) -> int:
        return max(QFontMetrics(self.font()).height(), self.BAR_HEIGHT) + 4

    def sizeHint(self) -> QSize:
        rows = 1 + len(self.area_lines()) + (len(self._score.indicators) if self._score else 0)
        return QSize(320, self.PAD * 2 + rows * self._line_height() + 6)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.PAD * 2 + self._line_height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._bar_rects = []
        if self._score is None:
            return
        lang = digits_language()
        line = self._line_height()
        width = self.width() - 2 * self.PAD
        y = self.PAD
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(self.PAD, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.total_text())
        y += line + 6
        painter.setFont(self.font())
        for text in self.area_lines():
            painter.drawText(QRectF(self.PAD, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            y += line
        metrics = QFontMetrics(self.font())
        codes = [localize_digits(s.code, lang) for s in self._score.indicators]
        label_w = max((metrics.horizontalAdvance(c) for c in codes), default=0) + 8
        tail_w = metrics.horizontalAdvance(format_number(88.88, lang) + " / " + format_number(88, lang)) + 8
        bar_w = max(40, width - label_w - tail_w)
        exposed = QRectF(event.rect())
        for s, code in zip(self._score.indicators, codes):
            row = QRectF(self.PAD, y, width, line)
            self._bar_rects.append((row, s.code))
            y += line
            if not row.intersects(exposed):
                continue  # scrolled away: a long plan only paints what shows
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(self.PAD, row.top(), label_w, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, code)
            track = QRectF(self.PAD + label_w, row.top() + (line - self.BAR_HEIGHT) / 2, bar_w, self.BAR_HEIGHT)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, 3, 3)
            colour = level_colour(s, self._plan.levels)
            filled = QRectF(track)
            filled.setWidth(bar_w * (1.0 if s.not_applicable else s.percent / 100.0))
            painter.setBrush(colour)
            painter.drawRoundedRect(filled, 3, 3)
            if not s.not_applicable and s.percent == 0:
                # Nothing reached: an outline in the "below" colour, so an empty bar still says something.
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(track, 3, 3)
            painter.setPen(self.palette().text().color())
            tail = _("n/a") if s.not_applicable else f"{format_number(s.score, lang)} / {format_number(s.weight, lang)}"
            painter.drawText(QRectF(track.right() + 8, row.top(), tail_w, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tail)
        painter.end()

    def _tooltip(self, code: str) -> str:
        s = self._score.indicator(code)
        lang = digits_language()
        if s.not_applicable:
            return _("not applicable")
        if s.level_index is None or self._plan is None:
            level = _("no level reached")
        else:
            level = self._plan.levels[s.level_index].label
        return f"{localize_digits(code, lang)}: {format_percent(s.percent, lang)} ({level})"

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip and self._score is not None:
            pos = QPointF(event.pos())
            for rect, code in self._bar_rects:
                if rect.contains(pos):
                    QToolTip.showText(event.globalPos(), self._tooltip(code), self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)
