"""The office's server as the window's database: where it is (the first start's "অফিসের সার্ভার"), the
password when the server asks for one, and the choice remembered for the next start.

Only the address is remembered (host, port, database, user as a postgresql:// URL without a password):
libpq reads the standard password file (.pgpass, PGPASSFILE) itself, and a password typed in the dialog
lives in this process's memory only. A server that cannot be used is said with the store's own Bangla
message (down, wrong password, no such database, another program's database, a newer schema), in the
dialog, where the officer can correct the address and try again.
"""
from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit, \
    QVBoxLayout

from egov_desktop.core.digits import to_latin_digits
from egov_desktop.core.i18n import Msg, N_, _
from egov_desktop.store.errors import StoreError

# The server chosen at a first start: the next start opens it directly.
SETTING_SERVER = "database/server"
DEFAULT_PORT = 5432


def server_url(host: str, port: int, database: str, user: str) -> str:
    host = f"[{host}]" if ":" in host else host  # an IPv6 address
    return f"postgresql://{quote(user, safe='')}@{host}:{port}/{quote(database, safe='')}"


def remembered_server(settings: QSettings) -> str | None:
    from egov_desktop.store.dialect import is_server

    url = settings.value(SETTING_SERVER)
    return url if is_server(url) else None


def remember_server(settings: QSettings, url: str) -> None:
    from egov_desktop.store.dialect import shown

    settings.setValue(SETTING_SERVER, shown(url))  # never a password, even one written into a --db URL
    settings.sync()


def password_asker(parent, user: str):
    """What the store calls when the server refuses the login: a password box; None when cancelled."""
    def ask() -> str | None:
        QApplication.restoreOverrideCursor()
        text, ok = QInputDialog.getText(parent, _("The office's database server"),
                                        Msg(N_("Password of {user} on the database server: "), {"user": user}).render(),
                                        QLineEdit.EchoMode.Password)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        return text if ok and text else None
    return ask


def open_server(url: str, parent=None):
    """The store on the server at `url`, asking for the password if the server wants one; StoreError with
    the reason when it cannot be used."""
    from sqlalchemy.engine import make_url

    from egov_desktop.store.service import Store

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return Store.open(url, ask_password=password_asker(parent, make_url(url).username or "?"))
    finally:
        QApplication.restoreOverrideCursor()


class ServerDialog(QDialog):
    """The server's address, tried on Connect; `store` is the open store once accepted. `url` fills the
    fields in (the remembered server) and `problem` says why it could not be opened."""

    def __init__(self, url: str | None = None, problem: str | None = None, parent=None):
        super().__init__(parent)
        import getpass
        import html  # here, in the dialog: its table of entities is ≈ 1.5 ms of the start otherwise

        self.setWindowTitle(_("The office's database server"))
        self.store = None
        self.chosen: str | None = None  # the URL connected to
        about = QLabel(_("Where is the office's database? The office's IT person can tell you these."), self)
        about.setWordWrap(True)
        self.host, self.port, self.database, self.user = (QLineEdit(self) for _i in range(4))
        self.port.setPlaceholderText(str(DEFAULT_PORT))
        self.user.setText(getpass.getuser())
        if url:
            self._fill(url)
        form = QFormLayout()
        form.addRow(_("Server (name or address):"), self.host)
        form.addRow(_("Port:"), self.port)
        form.addRow(_("Database:"), self.database)
        form.addRow(_("Your user name on the server:"), self.user)
        password = QLabel("<small>" + html.escape(_(
            "The password is read from the PostgreSQL password file (.pgpass), or asked for when the server "
            "wants it. The program never stores it.")) + "</small>", self)
        password.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.say(problem)
        buttons = QDialogButtonBox(self)
        self.connect_button = buttons.addButton(_("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.try_connect)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(password)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        (self.host if not self.host.text() else self.connect_button).setFocus()

    def _fill(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        parts = make_url(url)
        self.host.setText(parts.host or "")
        self.port.setText(str(parts.port) if parts.port else "")
        self.database.setText(parts.database or "")
        self.user.setText(parts.username or "")

    def say(self, problem: str | None) -> None:
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        self.adjustSize()  # room for the message, the fields kept at their height

    def url(self) -> str | None:
        """The address typed, or None after saying what is missing or wrong."""
        host, database, user = (w.text().strip() for w in (self.host, self.database, self.user))
        port_text = to_latin_digits(self.port.text().strip()) or str(DEFAULT_PORT)
        if not (host and database and user):
            self.say(_("Fill in the server, the database and your user name."))
            return None
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            self.say(_("The port is a number from 1 to 65535."))
            return None
        return server_url(host, int(port_text), database, user)

    def try_connect(self) -> None:
        url = self.url()
        if url is None:
            return
        self.say(None)
        try:
            self.store = open_server(url, self)
        except StoreError as exc:
            self.say(exc.render())
            return
        self.chosen = url
        self.accept()
