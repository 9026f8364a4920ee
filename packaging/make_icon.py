"""Draw the program icon with the bundled Bangla font: resources/icons/egov-desktop.ico (+ .png).

    python packaging/make_icon.py

The .ico holds images from 16 to 256 px (32-bit bitmaps up to 64 px, PNG above,
as Windows' own icons do), so Explorer, the Start menu, the taskbar and the
installer get a sharp picture at every size. Drawn, not shipped as a bitmap, so it can be changed here.
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)
GREEN = "#006a4e"  # the green of the Bangladesh flag


def render(size: int):
    """The icon drawn at `size` px, as a QImage (ARGB32)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(GREEN))
    r = size * 0.18
    p.drawRoundedRect(QRectF(0, 0, size, size), r, r)
    font = QFont("Noto Sans Bengali")
    font.setBold(True)
    font.setPixelSize(100)
    # "ই" of ই-গভর্ন্যান্স, centred on its drawn outline (Bangla fonts' line metrics are far taller
    # than the letter), filling 70 % of the height.
    glyph = QPainterPath()
    glyph.addText(0, 0, font, "ই")
    box = glyph.boundingRect()
    scale = size * 0.70 / box.height()
    p.translate(size / 2, size / 2)
    p.scale(scale, scale)
    p.translate(-box.center())
    p.setBrush(QColor("white"))
    p.drawPath(glyph)
    p.end()
    return image


def png(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return bytes(data)


def dib(image) -> bytes:
    """A 32-bit BMP icon image (header, BGRA rows bottom-up, empty AND mask): what every Windows
    icon reader takes; PNG inside .ico is only read for the large sizes by some (older Inno Setup)."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    bits, stride = bytes(image.constBits()), image.bytesPerLine()
    rows = [bits[y * stride:y * stride + size * 4] for y in range(size)]  # ARGB32 is BGRA in memory (little-endian)
    mask = bytes(((size + 31) // 32) * 4 * size)
    return header + b"".join(reversed(rows)) + mask


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image; 256 is written as 0."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in images.items():
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return head + entries + payload


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need an application)
    QFontDatabase.addApplicationFont(str(ROOT / "resources" / "fonts" / "NotoSansBengali-Bold.ttf"))
    drawn = {size: render(size) for size in SIZES}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "egov-desktop.ico").write_bytes(ico({s: png(i) if s >= 128 else dib(i) for s, i in drawn.items()}))
    (OUT / "egov-desktop.png").write_bytes(png(drawn[256]))
    print(OUT / "egov-desktop.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
