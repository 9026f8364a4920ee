"""Helpers for the main-window and dialog tests (gui-shell): a window, modal answers. (The demo database and
UI settings fixtures are in tests/gui/conftest.py.)"""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def make_window(qtbot, store, settings, select: str | None = "2023-24/egov_innovation"):
    from egov_desktop.gui.app import application
    from egov_desktop.gui.main_window import S_PLAN, MainWindow

    application()  # what run_gui does first: fonts registered and set, names
    if select:
        settings.setValue(S_PLAN, select)
    window = MainWindow(store, settings)
    # A test that fails with refused text in a cell must not leave the closing question waiting for an answer.
    qtbot.addWidget(window, before_close_func=lambda w: [e.model.discard_not_saved() for e in w._editors()])
    window.show()
    qtbot.waitExposed(window)
    return window


def delete_windows() -> None:
    """Delete the main windows left (closed, not deleted): one on a server database that a test dropped would read
    it at its next event (a language change), failing a later test."""
    from PySide6.QtCore import QEvent

    from egov_desktop.gui.main_window import MainWindow

    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


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


def sign_off_answer(window) -> tuple[str, bool]:
    """What the sign-off dialog says when asked (its summary, and whether OK is enabled); it is then cancelled."""
    seen = {}

    def look(dialog):
        seen["text"] = dialog.ui.summary.text()
        seen["ok"] = dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Ok).isEnabled()
        dialog.reject()

    when_modal(look)
    window.ui.actionSignOff.trigger()
    return seen["text"], seen["ok"]
