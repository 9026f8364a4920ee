"""The score summary: total and areas in Bangla, bars painted in the colour of the level reached."""
from __future__ import annotations

from egov_desktop.core import scoring
from egov_desktop.core.exchange import load
from egov_desktop.gui.score_view import BELOW_ALL, LEVEL_COLOURS, NOT_APPLICABLE, ScoreSummary
from tests.conftest import MODMR, PIB

COLOUR = dict(LEVEL_COLOURS)


def _summary(qtbot, path, period):
    doc = load(path)
    widget = ScoreSummary()
    qtbot.addWidget(widget)
    widget.set_score(doc.plan, scoring.score_report(doc.plan, doc.report(period)))
    widget.resize(widget.sizeHint().expandedTo(widget.minimumSizeHint()))
    return doc, widget


def test_total_and_colours_of_the_pib_first_quarter(qtbot):
    _doc, widget = _summary(qtbot, PIB, "Q1")
    assert widget.total_text() == "প্রাপ্ত নম্বর ৮.৪ / ৪৩ (১৯.৫৩%)"
    assert widget.area_lines() == []  # a flat plan: the bars say it all
    colours = widget.bar_colours()
    assert colours["2.1.1"] == COLOUR[70]  # 1 of 4/3/2/1: the fourth level, চলতি মান (70 %)
    assert colours["4.1.1"] == BELOW_ALL  # 56.98 % is below every target
    assert colours["6.1.1"] == NOT_APPLICABLE


def test_bars_are_painted_in_their_level_colour(qtbot):
    _doc, widget = _summary(qtbot, PIB, "Q1")
    image = widget.grab().toImage()
    painted = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(0, image.height(), 2)}
    for colour in (COLOUR[70], NOT_APPLICABLE, BELOW_ALL):
        assert colour.name() in painted
    # No indicator reached অসাধারণ, so its deep green is nowhere.
    assert COLOUR[100].name() not in painted


def test_areas_are_listed_for_plans_with_areas(qtbot):
    doc, widget = _summary(qtbot, MODMR, load(MODMR).reports[0].period)
    score = widget.score
    lines = widget.area_lines()
    assert len(lines) == len(doc.plan.areas) == 2
    assert lines[0].startswith("ক্ষেত্র ১: ")
    assert widget.total_text().startswith("প্রাপ্ত নম্বর ")
    assert abs(sum(a.total for a in score.areas.values()) - score.total) < 1e-9
    colours = widget.bar_colours()
    # MoDMR has three levels (100, 80, 60): reaching চলতি মান (60 %) is orange as in any template.
    at_60 = [s.code for s in score.indicators if s.level_index == 2]
    assert at_60 and all(colours[c] == COLOUR[0] for c in at_60)
    # A proportional indicator takes the colour of the level its percent reaches.
    proportional = {i.code for i in doc.plan.indicators() if i.effective_scoring == "proportional"}
    for s in score.indicators:
        if s.code in proportional and not s.not_applicable:
            assert colours[s.code] == (BELOW_ALL if s.percent < 60 else COLOUR[100] if s.percent >= 100
                                       else COLOUR[80] if s.percent >= 80 else COLOUR[0]), s.code

