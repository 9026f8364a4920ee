"""Helpers for the main-window and dialog tests (gui-shell): a demo database, window, modal answers."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture
def demo(tmp_path):
    """A demo database (the two reference plans with their reports), open."""
    from egov_desktop.store.demo import create_demo

    store = create_demo(tmp_path / "demo.sqlite")
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path) -> QSettings:
    """Per-test UI settings in an INI file, never the developer's own."""
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, store, settings, select: str | None = "2023-24/egov_innovation"):
    from egov_desktop.gui.app import application
    from egov_desktop.gui.main_window import S_PLAN, MainWindow

    application()  # what run_gui does first: fonts registered and set, names
    if select:
        settings.setValue(S_PLAN, select)
    window = MainWindow(store, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def when_modal(callback, timeout_ms: int = 5000) -> None:
    """Run `callback(dialog)` once the next modal dialog is showing (exec() blocks the test)."""
    waited = [0]

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None and waited[0] < timeout_ms:
            waited[0] += 10
            QTimer.singleShot(10, poll)
        elif dialog is not None:
            try:
                callback(dialog)
            except BaseException:
                # A failed check must not leave the dialog's exec() waiting forever: close it and fail.
                dialog.reject()
                raise

    QTimer.singleShot(0, poll)
