"""Shared GUI fixtures: a fresh SQLite store per test in tmp_path, and typing helpers.

Qt's test library cannot synthesise non-ASCII keys (QTest.keyClicks asserts on
them), so Bangla is typed as key events carrying the character, which is what
an input method delivers to a QLineEdit.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from egov_desktop.core.exchange import load
from tests.conftest import MODMR, PIB


@pytest.fixture(autouse=True)
def windows_deleted(qapp):
    """No window outlives its test. pytest-qt closes the test's windows and asks for their deletion (deleteLater),
    which only an event loop carries out, and none did: a main window stayed alive on its closed store, answered a
    later test's language change by reading it, and PySide crashed on the error (SIGSEGV)."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def store(tmp_path):
    from egov_desktop.store.service import Store

    s = Store.open(tmp_path / "egov.sqlite")
    yield s
    s.close()


@pytest.fixture
def pib_key(store) -> int:
    return store.import_document(load(PIB)).key


@pytest.fixture
def modmr_key(store) -> int:
    return store.import_document(load(MODMR)).key


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


@pytest.fixture
def user_settings(tmp_path):
    """run_gui uses the default QSettings: point the user scope at tmp_path for the test."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    yield tmp_path / "config"


@pytest.fixture
def undo_stack(qapp):
    return QUndoStack()


@pytest.fixture
def session(store, undo_stack):
    """The GUI session on the test's store and undo stack (one per test: its grids see each other's changes)."""
    from egov_desktop.gui.session import Session

    return Session(store, undo_stack)


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` into `widget` key by key, Bangla included."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def show(qtbot, widget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1400, 700)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def open_editor(editor, index):
    """Open the real cell editor of `index` the way a user does, and return it (it has focus)."""
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    widget = QApplication.focusWidget()
    assert widget is not None and widget is not editor.view
    return widget


def with_undo_shortcuts(editor, undo_stack):
    """What the main window does: the editor in a window whose Ctrl+Z / Ctrl+Y drive the shared undo stack."""
    window = QWidget()
    QHBoxLayout(window).addWidget(editor)
    for action, keys in ((undo_stack.createUndoAction(window), QKeySequence.StandardKey.Undo),
                         (undo_stack.createRedoAction(window), QKeySequence.StandardKey.Redo)):
        action.setShortcut(keys)
        window.addAction(action)
    return window


class Opened(QObject):
    """Qt's own hook for file URLs: what the program asks the desktop to open, without opening it."""

    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened(qapp):
    catcher = Opened()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("file")
