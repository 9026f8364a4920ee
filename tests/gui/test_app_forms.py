"""The compiled forms match their .ui sources, and their texts go through the catalog."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _compiler():
    spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "forms" / "compile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compiled_forms_are_fresh():
    compiler = _compiler()
    targets = compiler.targets()
    assert targets, "no .ui files found"
    stale = [py.name for ui, py in targets.items()
             if not py.exists() or py.read_text(encoding="utf-8") != compiler.compile_form(ui)]
    assert stale == [], f"run `.venv/bin/python forms/compile.py`: {stale} are stale"


def test_form_texts_are_catalog_messages():
    """uic wraps every translatable text in `_()`, which is what `make messages` extracts."""
    source = (ROOT / "egov_desktop/gui/forms/ui_office_dialog.py").read_text(encoding="utf-8")
    assert "from egov_desktop.core.i18n import _" in source
    assert '_(u"Office name:")' in source
    assert "QCoreApplication.translate" not in source
