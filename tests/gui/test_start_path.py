"""What the program does before its first frame (issue 13.6): the plan is read once for both grids, the report's grid
(on the Progress tab, not shown) is not built, and nothing that only a later action needs (SQLAlchemy, which the
first write loads; migrations, Word, Excel, XML, the catalog tools, the server driver) is imported."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from egov_desktop.core.exchange import load
from tests.conftest import MODMR
from egov_desktop.gui.session import Summary
from tests.gui.shell import make_window

# Imported by edits, menu actions, commands or upgrades only. Each costs a start-up tenths of a second.
NOT_ON_THE_START_PATH = ("sqlalchemy", "alembic", "babel", "docx", "openpyxl", "lxml", "psycopg")
# Standard modules that signatures, evidence files and dialogs need, a few milliseconds each (hashlib loads OpenSSL).
NOT_ON_THE_START_PATH += ("hashlib", "html", "socket", "_strptime")

_CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from egov_desktop.gui.app import run_gui
    from egov_desktop.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])

    def look():
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].plan_editor is None:
            QTimer.singleShot(10, look)
            return
        window = windows[0]
        print(json.dumps({"rows": window.plan_editor.model.rowCount(), "report_grids": len(window.progress_editors),
                          "modules": sorted(sys.modules)}))
        app.exit(0)

    QTimer.singleShot(0, look)
    sys.exit(run_gui(["--db", sys.argv[1]]))
""")


def test_opening_the_window_on_a_plan_imports_none_of_the_heavy_libraries(tmp_path):
    from egov_desktop.store.service import Store

    db = tmp_path / "egov.sqlite"
    with Store.open(db) as store:
        store.import_document(load(MODMR))
    # The window's own settings (QSettings) go to tmp_path, never the developer's.
    env = os.environ | {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _CHILD, str(db)], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["rows"] > 10  # the plan is on screen
    assert shown["report_grids"] == 0  # built when the Progress tab is shown (or an action needs the report)
    loaded = {name.partition(".")[0] for name in shown["modules"]}
    assert "egov_desktop" in loaded and "PySide6" in loaded  # the test looks at the real program
    assert sorted(loaded & set(NOT_ON_THE_START_PATH)) == []


def test_opening_a_plan_reads_it_once_for_the_plan_and_the_progress_grid(qtbot, store, settings):
    key = store.import_document(load(MODMR)).key
    reads = []
    real = store.get_document
    store.get_document = lambda plan_key: reads.append(plan_key) or real(plan_key)
    window = make_window(qtbot, store, settings, select=None)
    assert window.plan_key == key and window.progress_editors == {}
    window.ui.tabs.setCurrentWidget(window.ui.progressTab)
    assert window.progress_editor() is window.progress_stack.currentWidget() is not None
    assert reads == [key]
    # Each grid has a document of its own: an edit applied in place by one is not the other's.
    assert window.plan_editor.model.document is not window.progress_editor().model.document
    assert window.plan_editor.model.document.plan == window.progress_editor().model.document.plan


def test_the_report_menu_follows_the_report_before_its_grid_is_built(qtbot, store, settings):
    """The Report menu's actions are there on the Plan tab: they follow the report's state, read with the plan, without
    building its grid; the Progress tab builds it, with its score and state line; a change does not."""
    from egov_desktop.core.model import Signatory

    doc = load(MODMR)
    key = store.import_document(doc).key
    store.sign_off(key, "H1", Signatory(name="মোঃ আব্দুল করিম", designation="উপসচিব"))
    window = make_window(qtbot, store, settings, select=None)
    ui = window.ui
    assert window.period == "H1" and window.progress_editors == {}
    assert not ui.actionSignOff.isEnabled() and ui.actionMarkSubmitted.isEnabled() and ui.actionReopen.isEnabled()
    ui.tabs.setCurrentWidget(ui.progressTab)
    editor = window.progress_editors["H1"]
    assert editor.model.locked and ui.reportState.text().startswith("স্বাক্ষরিত (সংস্করণ ১)")
    assert window.score_summary.score is editor.score
    # The plan opened again, on the Plan tab: its report's grid waits again. A reopen (on the server, by another
    # officer) is told: the menu follows it (the plans' list has the report's status) and the grid still waits; built,
    # it reads the report as it is now (the document read at the opening is from before the change).
    ui.tabs.setCurrentWidget(ui.planTab)
    window.open_plan(None)
    window.open_plan(key)
    assert window.progress_editors == {} and ui.actionReopen.isEnabled()
    store.reopen(key, "H1", "ভুল সংশোধন")
    window.session.announce(Summary(progress=True), clear_undo=True)
    assert ui.actionSignOff.isEnabled() and not ui.actionReopen.isEnabled() and not ui.actionMarkSubmitted.isEnabled()
    assert window.progress_editors == {}
    ui.tabs.setCurrentWidget(ui.progressTab)
    assert not window.progress_editors["H1"].model.locked and ui.reportState.text().startswith("খসড়া")
