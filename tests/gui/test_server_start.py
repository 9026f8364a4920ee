"""The window on the office's server (issue 12.1): the first start's "অফিসের সার্ভার", the password from the
password file or a box (never in our settings), a server that cannot be used said in Bangla in the dialog, and
the choice remembered so the next start opens the server directly. A real PostgreSQL server (tests/pg_cluster.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from egov_desktop.core.exchange import load
from egov_desktop.gui.app import run_gui
from egov_desktop.gui.server import SETTING_SERVER, ServerDialog
from egov_desktop.store.service import Store
from tests.conftest import PIB
from tests.gui.shell import when_modal


@pytest.fixture
def no_pgpass(tmp_path, monkeypatch):
    """No password file of the developer's: PGPASSFILE points at one the test writes (or none)."""
    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    return pgpass


@pytest.fixture
def first_start(tmp_path, monkeypatch, user_settings):
    """A PC where the program has never run: no database file, no settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


class NoQuestions:
    """While open, any modal dialog is noted and closed: a test's "nothing was asked" (stopped at the block's end,
    so it never answers the next test's dialogs)."""

    def __enter__(self):
        self.asked = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(10)
        return self

    def _look(self):
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            self.asked.append(dialog.windowTitle())
            dialog.reject()

    def __exit__(self, *exc):
        self._timer.stop()


def _fill(dialog: ServerDialog, url: str) -> None:
    from sqlalchemy.engine import make_url

    parts = make_url(url)
    dialog.host.setText(parts.host)
    dialog.port.setText(str(parts.port).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")))  # Bangla digits too
    dialog.database.setText(parts.database)
    dialog.user.setText(parts.username)


def _window_shown(seen: dict):
    """Poll until run_gui's window has its store; note what it shows, then close it."""
    from egov_desktop.gui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or windows[0].store is None or QApplication.activeModalWidget() is not None:
        QTimer.singleShot(10, lambda: _window_shown(seen))
        return
    window = windows[0]
    seen["db"] = window.store.path
    seen["plans"] = [p.fiscal_year for p in window.store.list_plans()]
    seen["officer bar"] = window.officer_bar.isVisible()
    window.close()


def test_first_start_on_the_office_server_then_the_next_start_opens_it_directly(qapp, pg_url, first_start):
    with Store.open(pg_url) as store:
        store.import_document(load(PIB))
    seen: dict = {}

    def server_dialog(dialog):
        assert isinstance(dialog, ServerDialog) and dialog.problem.isHidden()
        _fill(dialog, pg_url)
        dialog.connect_button.click()

    def first(dialog):
        when_modal(server_dialog)
        dialog.buttons["server"].click()

    when_modal(first)
    QTimer.singleShot(0, lambda: _window_shown(seen))
    assert run_gui([]) == 0
    assert seen["db"] == pg_url and seen["plans"] == ["2023-24"]
    # Each officer is their own role on the server: no name is asked for the database.
    assert seen["officer bar"] is False
    assert QSettings().value(SETTING_SERVER) == pg_url
    assert not (first_start / "egov-desktop" / "egov.sqlite").exists()  # no file was made on this PC

    # The next start: no question, the server is opened.
    seen.clear()
    QTimer.singleShot(0, lambda: _window_shown(seen))
    with NoQuestions() as questions:
        assert run_gui([]) == 0
    assert questions.asked == []
    assert seen["db"] == pg_url and seen["plans"] == ["2023-24"]


def test_a_password_is_asked_in_a_box_a_wrong_one_is_said_and_none_is_kept(qapp, clerk, no_pgpass, settings):
    from egov_desktop.gui.server import remember_server

    dialog = ServerDialog(clerk)
    asked = []

    def type_password(password):
        def answer(box):
            assert isinstance(box, QInputDialog)
            asked.append(box.labelText())
            box.setTextValue(password)
            box.accept()
        return answer

    when_modal(type_password("ভুল"))
    dialog.try_connect()
    assert asked == ["ডাটাবেস সার্ভারে clerk-এর পাসওয়ার্ড: "]
    assert dialog.store is None and not dialog.problem.isHidden()
    assert "clerk" in dialog.problem.text() and ".pgpass" in dialog.problem.text()

    when_modal(type_password("সঠিক-pass"))
    dialog.try_connect()
    assert dialog.result() == ServerDialog.DialogCode.Accepted and dialog.store is not None
    try:
        assert dialog.store.on_server and dialog.store.list_plans() == []
        remember_server(settings, dialog.chosen)
    finally:
        dialog.store.close()
    saved = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "clerk@" in saved and "সঠিক" not in saved


def test_the_password_from_the_password_file_is_used_without_asking(qapp, clerk, no_pgpass):
    no_pgpass.write_text("127.0.0.1:*:*:clerk:সঠিক-pass\n", encoding="utf-8")
    no_pgpass.chmod(0o600)
    dialog = ServerDialog(clerk)
    with NoQuestions() as questions:
        dialog.try_connect()
    assert questions.asked == [] and dialog.store is not None
    dialog.store.close()


def _down(pg_cluster, pg_url):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        return f"postgresql://egov@127.0.0.1:{s.getsockname()[1]}/egov"


def _foreign(pg_cluster, pg_url):
    pg_cluster.sql("CREATE TABLE customers (id int)", db=pg_url.rsplit("/", 1)[1])
    return pg_url


def _newer(pg_cluster, pg_url):
    Store.open(pg_url).close()
    pg_cluster.sql("UPDATE alembic_version SET version_num = '9999'", db=pg_url.rsplit("/", 1)[1])
    return pg_url


@pytest.mark.parametrize("server, said", [
    (_down, "পৌঁছানো যাচ্ছে না"),
    (_foreign, "এই প্রোগ্রামের ডাটাবেস নয়"),
    (_newer, "নতুন সংস্করণ"),
])
def test_a_server_that_cannot_be_used_is_said_in_bangla_in_the_dialog(qapp, pg_cluster, pg_url, server, said):
    url = server(pg_cluster, pg_url)
    dialog = ServerDialog(url)
    dialog.try_connect()
    assert dialog.store is None and dialog.result() != ServerDialog.DialogCode.Accepted
    assert said in dialog.problem.text() and not dialog.problem.isHidden()


def test_a_remembered_server_that_is_down_at_start_is_said_and_can_be_left(qapp, pg_cluster, first_start):
    url = _down(pg_cluster, None)
    QSettings().setValue(SETTING_SERVER, url)
    seen = {}

    def look(dialog):
        seen["problem"] = dialog.problem.text()
        seen["host"] = dialog.host.text()
        dialog.reject()

    when_modal(look, timeout_ms=20000)
    assert run_gui([]) == 1
    assert "পৌঁছানো যাচ্ছে না" in seen["problem"] and seen["host"] == "127.0.0.1"
    assert QSettings().value(SETTING_SERVER) == url  # still the office's server next time
