"""The bundled fonts and the family list every widget uses.

Qt's own fallback for Bangla picks whatever the system offers first; on
English-language Windows that is "Shonar Bangla", which breaks conjuncts. So the
OFL fonts in resources/fonts are registered at start and named explicitly, with
the known-good system fonts after them.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from egov_desktop.paths import resource_path

BUNDLED_FILES = (
    "NotoSansBengali-Regular.ttf",
    "NotoSansBengali-Bold.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSerifBengali-Regular.ttf",
    "NotoSerifBengali-Bold.ttf",
)
# Bangla first so that Bangla text never reaches a system fallback; Nirmala UI and
# Vrinda are the Windows fonts that shape Bangla correctly if ours ever fail to load.
UI_FAMILIES = ["Noto Sans Bengali", "Noto Sans", "Nirmala UI", "Vrinda", "Segoe UI", "DejaVu Sans"]
# Bangla below 10 pt loses its vowel signs on ordinary screens.
MIN_POINT_SIZE = 10


def register_fonts() -> list[str]:
    """Add the bundled font files to Qt's database; the families they provide."""
    families: list[str] = []
    for name in BUNDLED_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    return families


def ui_font(point_size: float | None = None) -> QFont:
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    font.setPointSizeF(point_size or MIN_POINT_SIZE)
    return font


def install(app: QApplication) -> list[str]:
    """Register the fonts and make the family list the application's default font."""
    families = register_fonts()
    app.setFont(ui_font(max(app.font().pointSizeF(), MIN_POINT_SIZE)))
    return families
