"""Start the desktop program: `egov-desktop [--db PATH] [--demo] [--lang bn|en]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton, \
    QVBoxLayout, QWidget

from egov_desktop.core.i18n import LANGUAGES, N_, _
from egov_desktop.gui import fonts
from egov_desktop.gui.i18n_qt import SETTING_LANGUAGE, SETTING_LATIN_DIGITS, state as language_state
from egov_desktop.paths import APP_NAME, default_db_path, resource_path


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. -platform, -style)."""
    from egov_desktop.cli import commands_line
    from egov_desktop.store.dialect import database_target

    parser = argparse.ArgumentParser(prog="egov-desktop", description=_("Action plans and progress reports"),
                                     epilog=commands_line())
    parser.add_argument("--db", type=database_target, default=None,
                        help=_("the database file, or the office's server: postgresql://USER@HOST[:PORT]/DBNAME"))
    parser.add_argument("--demo", action="store_true", help=_("open a demo database with two sample plans"))
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=_("language of the program"))
    # For the packaged build's smoke test (packaging/smoke_test.py): quit by itself after SECONDS.
    parser.add_argument("--quit-after", type=float, default=None, metavar="SECONDS", help=argparse.SUPPRESS)
    return parser.parse_known_args(argv)


def application(qt_args: list[str] | None = None) -> QApplication:
    """The QApplication with our names, fonts and language bridge (reused if one exists)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *(qt_args or [])])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons", "egov-desktop.png"))))  # drawn by packaging/make_icon.py
    fonts.install(app)
    return app


def _bool(value) -> bool:
    # QSettings returns "true"/"false" strings from INI files and bools elsewhere.
    return value in (True, "true", "1", 1)


def apply_saved_language(settings: QSettings, override: str | None = None) -> None:
    lang = override or settings.value(SETTING_LANGUAGE, "bn")
    language_state().set_language(lang if lang in LANGUAGES else "bn",
                                  latin_digits=_bool(settings.value(SETTING_LATIN_DIGITS, False)))


def open_store(path: Path, demo: bool, ask=None, ask_restore=None, ask_read_only=None, ask_in_use=None,
               officer: str | None = None):
    """Open (or create) the database; None when the user gave up.

    A missing database on a first run is the moment to offer the demo, so a
    newcomer sees two real plans at once; `--demo` adds the demo plans without
    asking, to a new file or next to what is there (it never overwrites). A
    damaged file can be swapped for its newest good backup, and a database
    another copy is writing to can still be opened read-only, or taken over when
    the lock names another computer that may have crashed: the user decides.
    `officer`, the name given at the first start, is kept in the database before anything is written to it.
    """
    from egov_desktop.store.service import Store

    if demo or (not path.exists() and (ask or (lambda p: ask_first_start(p)[0] == "demo"))(path)):
        from egov_desktop.store.demo import create_demo  # it writes: the rooms and SQLAlchemy come with it

        return create_demo(path, officer)
    store = Store.open_with_recovery(path, ask_restore or _ask_restore, ask_read_only or _ask_read_only,
                                     ask_in_use or ask_take_over)
    if store is not None and officer and not store.readonly:
        from egov_desktop.store.reading import OFFICER_NAME

        store.set_setting(OFFICER_NAME, officer)
    return store


def _yes(title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(None, title, text, buttons) == QMessageBox.StandardButton.Yes


def _ask_restore(exc) -> bool:
    return _yes(_("The database cannot be used"), exc.render() + "\n\n" + _("Restore the newest good backup now?"))


def _ask_read_only(exc) -> bool:
    return _yes(_("The database cannot be changed now"), exc.render() + "\n\n" + _("Open it read-only?"))


def ask_take_over(exc) -> str | None:
    """Another computer's lock that cannot be checked from here: "take_over", "read_only" or None (cancel)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("The database is in use on another computer"), exc.render())
    box.setInformativeText(_("Take it over only if that computer is switched off or the program there has "
                             "stopped: two computers writing to one database can lose changes."))
    take_over = box.addButton(_("Take over"), QMessageBox.ButtonRole.AcceptRole)
    take_over.setObjectName("takeOver")
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.ActionRole)
    read_only.setObjectName("readOnly")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)  # the safe choice for a quick Enter
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "take_over" if clicked == take_over else "read_only" if clicked == read_only else None


# The first start's choices, in the order offered: what the buttons do, not where the file goes.
FIRST_START = (("demo", N_("Start with the demo")), ("new", N_("Make a new plan")), ("file", N_("Bring in from a file")),
               ("server", N_("Office server")))


class FirstStartDialog(QDialog):
    """What to do first, as four buttons, and the officer's name for the history (asked here, so even the
    demo's import is in their name); the database's place is said last, in small print. `choice` is "demo",
    "new", "file" or "server" (the office's shared database, gui/server.py) once one is pressed, None after
    Cancel."""

    def __init__(self, path: Path, parent=None):
        import html  # here, at the first start only: its table of entities is ≈ 1.5 ms of every start otherwise

        super().__init__(parent)
        self.setWindowTitle(_("Welcome"))
        self.choice: str | None = None
        question = QLabel("<b>" + html.escape(_("How would you like to start?")) + "</b>", self)
        about = QLabel(_("The demo holds two sample plans with their reports, to look around and try things. A new "
                         "plan starts from a template or blank; an exchange file brings in a plan kept elsewhere."), self)
        about.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(_("e.g. Rahima Khatun"))
        name_label = QLabel(_("Your name (who made each change, in the history):"), self)
        name_label.setBuddy(self.name)
        buttons = QDialogButtonBox(self)
        self.buttons: dict[str, QPushButton] = {}
        for choice, label in FIRST_START:
            button = buttons.addButton(_(label), QDialogButtonBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda _checked=False, c=choice: self._choose(c))
            self.buttons[choice] = button
        self.buttons["demo"].setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.rejected.connect(self.reject)
        self.where = QLabel("<small>" + html.escape(_("Your work will be kept in {path}").format(path=path))
                            + "</small>", self)
        self.where.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (question, about, name_label, self.name, buttons, self.where):
            layout.addWidget(widget)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @property
    def officer(self) -> str | None:
        return " ".join(self.name.text().split()) or None


def ask_first_start(path: Path) -> tuple[str | None, str | None]:
    """(how to start: "demo", "new", "file" or "server", None to leave, nothing made; the officer's name or None)."""
    dialog = FirstStartDialog(path)
    dialog.exec()
    return dialog.choice, dialog.officer


def _open_server(window, url: str):
    """The server's store; when it cannot be used, the reason in the server dialog, where the officer can
    correct the address and try again. None when they give up."""
    from egov_desktop.gui import server
    from egov_desktop.store.errors import StoreError

    try:
        return server.open_server(url, window)
    except StoreError as exc:
        dialog = server.ServerDialog(url, exc.render(), window)
        return dialog.store if dialog.exec() else None


class _AfterFirstPaint(QObject):
    """Calls `callback` once, as soon as `window` has been painted for the first time."""

    def __init__(self, window, callback) -> None:
        super().__init__(window)
        self._window, self._callback = window, callback
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and isinstance(obj, QWidget) and obj.window() is self._window:
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def run_gui(argv: list[str] | None = None) -> int:
    """The window is shown first and the database opened right after its first paint: importing and
    opening the store takes most of the start-up, and a window that is there at once reads as fast."""
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    app = application(qt_args)
    settings = QSettings()
    apply_saved_language(settings, args.lang)

    from egov_desktop.gui.main_window import MainWindow

    window = MainWindow(None, settings)

    def load() -> None:
        from egov_desktop.store.errors import StoreError

        from egov_desktop.gui import server
        from egov_desktop.store.dialect import is_server

        path = args.db or server.remembered_server(settings) or default_db_path()
        if is_server(path):
            store = _open_server(window, path)
            if store is None:
                app.exit(1)
                return
            if args.db is None:
                server.remember_server(settings, store.path)
            window.set_store(store)
            return
        first, officer = (None, None) if args.demo or path.exists() else ask_first_start(path)
        if first is None and not args.demo and not path.exists():
            app.exit(1)  # left at the first question: no database made
            return
        if first == "server":
            dialog = server.ServerDialog(parent=window)
            if not dialog.exec():
                app.exit(1)
                return
            server.remember_server(settings, dialog.chosen)
            window.set_store(dialog.store)
            return
        try:
            store = open_store(path, args.demo, ask=lambda _path: first == "demo", officer=officer)
        except StoreError as exc:
            QMessageBox.critical(window, _("The database cannot be opened"), exc.render())
            app.exit(2)
            return
        if store is None:  # the user declined to restore or to open read-only
            app.exit(1)
            return
        window.set_store(store)
        # After the load returns: each opens a dialog of its own.
        if first == "new":
            QTimer.singleShot(0, window.new_plan)
        elif first == "file":
            QTimer.singleShot(0, window.import_file)

    _AfterFirstPaint(window, load)
    window.show()
    if args.quit_after is not None:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    try:
        return app.exec()
    finally:
        # The window's store: a restore from a backup replaces the one opened here.
        store = window.store
        # The window goes before its store is closed. Nothing else frees it (the slots it connects to its own
        # widgets' signals hold it, from Qt's side, where the garbage collector does not look): left alive, it
        # would read the closed store at the next language change, an error PySide crashes on in a changeEvent.
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if store is not None:
            store.close()
