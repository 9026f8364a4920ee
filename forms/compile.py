"""Compile the Qt Designer forms into egov_desktop/gui/forms/ui_*.py.

Run after editing a .ui file: `.venv/bin/python forms/compile.py` (or `make forms`);
tests/gui/test_app_forms.py fails when a compiled module is stale.

Compiled modules start faster than QUiLoader and need no QtUiTools at run time.
Texts in the .ui files are the English msgids: uic is told to wrap them in the
catalog's `_()`, so `make messages` extracts them and `retranslateUi()` switches
the language live.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

FORMS = Path(__file__).resolve().parent
TARGET = FORMS.parent / "egov_desktop" / "gui" / "forms"
IMPORT = "from egov_desktop.core.i18n import _\n"


def uic() -> str:
    """pyside6-uic beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    return str(beside) if beside.exists() else "pyside6-uic"


def compile_form(ui: Path) -> str:
    code = subprocess.run(
        [uic(), "--idbased", "--tr", "_", str(ui)],
        check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout
    # uic writes the .ui path and its own version into the header: keep the output independent
    # of the checkout and of the exact Qt release, so the freshness test checks what matters.
    code = code.replace(str(ui), ui.name)
    code = re.sub(r"(## Created by: Qt User Interface Compiler) version [0-9.]+", r"\1", code)
    head, sep, rest = code.partition("\nclass ")
    return head.rstrip("\n") + "\n" + IMPORT + "\n" + sep.lstrip("\n") + rest if sep else code


def targets() -> dict[Path, Path]:
    return {ui: TARGET / f"ui_{ui.stem}.py" for ui in sorted(FORMS.glob("*.ui"))}


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    init = TARGET / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from forms/*.ui by forms/compile.py: do not edit."""\n', encoding="utf-8")
    for ui, py in targets().items():
        py.write_text(compile_form(ui), encoding="utf-8")
        print(f"{ui.name} -> {py.relative_to(FORMS.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
