"""A picture of the main window with the PIB plan, saved under the test's tmp dir for people to look at."""
from __future__ import annotations

from PySide6.QtGui import QColor, QFontInfo, QImage

from tests.gui.shell import make_window


def _distinct_colours(image: QImage, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_screenshot_of_the_main_window_with_the_pib_plan(qtbot, demo, settings, tmp_path):
    window = make_window(qtbot, demo, settings)
    window.resize(1280, 760)
    shots = {}
    for name, tab in (("plan", window.ui.planTab), ("progress", window.ui.progressTab)):
        window.ui.tabs.setCurrentWidget(tab)
        qtbot.wait(50)  # let the layout settle before grabbing
        path = tmp_path / f"main-{name}.png"
        assert window.grab().save(str(path))
        shots[name] = QImage(str(path))
    print(f"\nscreenshots: {tmp_path}/main-plan.png, main-progress.png")

    for image in shots.values():
        assert image.width() >= 1280 and image.height() >= 700
        assert _distinct_colours(image) > 20  # drawn content, not a blank window
    assert shots["plan"] != shots["progress"]
    # The Bangla in the window is drawn with the bundled font, the one registered at start.
    for widget in (window.ui.fiscalYearLabel, window.plan_editor.view, window.progress_editor().view,
                   window.problems.view):
        assert QFontInfo(widget.font()).family() == "Noto Sans Bengali", widget
    # The score bars are painted in colour on the progress tab.
    assert any(QColor(shots["progress"].pixel(x, y)).saturation() > 80
               for x in range(0, 1280, 5) for y in range(0, 700, 5))
