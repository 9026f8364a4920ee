"""The bundled Bangla font is the one Qt uses, and it shapes conjuncts."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from PySide6.QtGui import QFontInfo, QRawFont, QTextLayout
from PySide6.QtWidgets import QLabel

from egov_desktop.gui import fonts

CONJUNCTS = "ন্য ক্ষ ত্র"


def _shaped(text: str, font) -> tuple[list[int], list[str]]:
    """Glyph indexes after shaping, and the families of the fonts that drew them."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return [g for r in runs for g in r.glyphIndexes()], [r.rawFont().familyName() for r in runs]


def test_bundled_families_are_registered(qapp):
    assert {"Noto Sans Bengali", "Noto Sans", "Noto Serif Bengali"} <= set(fonts.register_fonts())


def test_a_bangla_label_uses_the_bundled_family_and_shapes_conjuncts(qtbot, qapp):
    fonts.install(qapp)
    label = QLabel("ন্যূনতম ক্ষেত্র")
    qtbot.addWidget(label)
    assert QFontInfo(label.font()).family() == "Noto Sans Bengali"
    assert label.font().pointSizeF() >= fonts.MIN_POINT_SIZE

    raw = QRawFont.fromFont(label.font())
    for conjunct in CONJUNCTS.split():
        glyphs, families = _shaped(conjunct, label.font())
        assert families == ["Noto Sans Bengali"]
        # Three code points (consonant, virama, consonant) are three glyphs in the cmap;
        # shaping replaces them with the conjunct form, which the cmap does not reach.
        cmap = list(raw.glyphIndexesForString(conjunct))
        assert len(cmap) == 3
        assert len(glyphs) <= 2 and glyphs != cmap, conjunct


def test_bangla_renders_on_a_pc_without_any_bangla_font(tmp_path):
    """With fontconfig seeing no system fonts at all, the bundled ones still draw and shape Bangla."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path}/cache</cachedir></fontconfig>')
    script = textwrap.dedent("""
        import json
        from PySide6.QtGui import QFontDatabase, QFontInfo, QTextLayout
        from PySide6.QtWidgets import QApplication, QLabel
        from egov_desktop.gui import fonts
        app = QApplication([])
        before = "Noto Sans Bengali" in QFontDatabase.families()
        fonts.install(app)
        label = QLabel("ক্ষ")
        layout = QTextLayout("ক্ষ", label.font())
        layout.beginLayout(); layout.createLine(); layout.endLayout()
        runs = layout.glyphRuns()
        print(json.dumps({"before": before, "family": QFontInfo(label.font()).family(),
                          "runs": [[r.rawFont().familyName(), len(r.glyphIndexes())] for r in runs]}))
    """)
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["before"] is False, "the system's Bangla font leaked into the test"
    assert result["family"] == "Noto Sans Bengali"
    assert result["runs"] == [["Noto Sans Bengali", 1]]
