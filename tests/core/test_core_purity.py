import subprocess
import sys


def test_core_imports_neither_qt_nor_sql():
    code = (
        "import pkgutil, importlib, sys, egov_desktop.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('egov_desktop.core.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('PySide6', 'shiboken6', 'sqlalchemy', 'sqlmodel', 'alembic'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
