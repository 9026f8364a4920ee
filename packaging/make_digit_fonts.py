"""Make the "Egov Digits" fonts of the Word export's page numbers: resources/fonts/EgovDigits-*.ttf.

    python packaging/make_digit_fonts.py

One file per bundled Bangla face (export.fonts.digits_font: its Bengali digits only, mapped from the ASCII
digits). Made here and shipped, not at export time: cutting them took ≈ 150 ms of the first export in a
process (fontTools' subsetter). tests/export/test_docx_report.py checks the shipped files are what this
makes, so a changed font or maker cannot go unnoticed.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from egov_desktop.export.fonts import BANGLA_FACES, digits_file, digits_font  # noqa: E402

FONTS = ROOT / "resources" / "fonts"


def main() -> int:
    for name in BANGLA_FACES:
        out = FONTS / digits_file(name)
        out.write_bytes(digits_font((FONTS / name).read_bytes()))
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
