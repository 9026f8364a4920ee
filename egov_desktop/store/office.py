"""The office profile (the letterhead, signatories, memo defaults, e-mail addresses, memo-number
prefixes) and the settings (JSON values for one plan, one fiscal year or everything; reading them is
reading.py's)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from egov_desktop.core import fields as check
from egov_desktop.core.i18n import Msg, N_
from egov_desktop.core.model import Office
from egov_desktop.store.reading import read_office, setting_row
from egov_desktop.store.tables import TABLES
from egov_desktop.store.work import Change, UnitOfWork, Work, no_office, raise_

_PROFILE_LISTS = ("signatories", "default_recipients", "default_copies", "recipient_emails", "copy_emails",
                  "memo_prefixes")


class Offices:
    def __init__(self, uow: UnitOfWork, reads):
        self.uow = uow
        self.reads = reads  # reading.Reads

    def get_office(self, office_key: int) -> Office:
        return read_office(self._office_row(office_key))

    def _office_row(self, office_key: int) -> dict:
        return self.reads.read_row("office", office_key) or raise_(no_office())

    def office_of(self, plan_key: int) -> int:
        return self.reads.plan_row(plan_key)["office_id"]

    def find_office(self, name: str) -> int | None:
        """The office of that name (the newest, if several), or None."""
        o = TABLES["office"]
        with self.uow.read() as conn:
            return conn.execute(select(func.max(o.c.id)).where(o.c.name == name)).scalar_one()

    def current_office(self) -> int | None:
        """This database's office: the one of the most recently edited plan (the audit log says which),
        else the newest office row; None when there is none yet."""
        p, o, a = TABLES["plan"], TABLES["office"], TABLES["audit"]
        with self.uow.read() as conn:
            edited = conn.execute(
                select(p.c.office_id).join(a, a.c.plan_id == p.c.id).order_by(a.c.id.desc()).limit(1)
            ).scalar_one_or_none()
            return edited if edited is not None else conn.execute(select(func.max(o.c.id))).scalar_one()

    def office_profile(self, office_key: int) -> dict[str, Any]:
        """signatories, default_recipients, default_attention, default_copies, default_copies_purpose,
        recipient_emails and copy_emails (the e-mail draft's To and Cc), memo_prefixes, and
        standard_paragraphs (how a new memo's body starts)."""
        row = self._office_row(office_key)
        profile = {k: (row[k] or []) if k in _PROFILE_LISTS else row[k]
                   for k in _PROFILE_LISTS + ("default_attention", "default_copies_purpose")}
        with self.reads.db.read() as conn:  # a setting row, read as reading.py reads (on a file, no engine)
            profile["standard_paragraphs"] = standard_paragraphs(conn, office_key)
        return profile

    def set_office_field(self, office_key: int, field_name: str, value: Any) -> Change:
        """An office header field (name, tier, government, parent, unit, address, website, email, phone)
        or a profile field (see office_profile)."""
        value = check.check_field(check.OFFICE, field_name, value)

        def body(w: Work) -> None:
            if w.tx.row("office", office_key) is None:
                raise no_office()
            if field_name == "standard_paragraphs":  # kept as a setting of the office: no column of its own
                _write_setting(w, _standard_key(office_key), value, None, None)
                return
            w.set("set_office_field", "office", office_key, {field_name: value}, None, field_name)

        return self.uow.run(Msg(N_("Change the office")), body)

    def next_memo_number(self, office_key: int, file: str) -> str | None:
        """The next memo number of a file: its prefix and the next letter serial, e.g. "...২১.৯৬"."""
        return next_number(self.office_profile(office_key)["memo_prefixes"], file)


def next_number(prefixes: list[dict], file: str | None = None) -> str | None:
    """The next memo number of a file among an office's memo series (`memo_prefixes`), the first series when
    `file` is None: its prefix and the next letter serial. None when there is no such series. Writing the
    number (progress._bump_serial) moves the series on."""
    from egov_desktop.core.digits import to_bangla_digits

    for p in prefixes:
        if file is None or p["file"] == file:
            return f"{p['prefix']}.{to_bangla_digits(str(p['last_serial'] + 1))}"
    return None


class Settings:
    def __init__(self, uow: UnitOfWork):
        self.uow = uow

    def set_setting(self, key: str, value: Any, plan_key: int | None = None, fiscal_year: str | None = None) -> Change:
        """A JSON value for one plan, one fiscal year, or everything (e.g. "deadlines": {"Q1": "2023-10-15"})."""

        return self.uow.run(Msg(N_("Change the setting {key}"), {"key": key}),
                            lambda w: _write_setting(w, key, value, plan_key, fiscal_year))


def _write_setting(w: Work, key: str, value: Any, plan_key: int | None, fiscal_year: str | None) -> None:
    row = setting_row(w.tx.conn, key, plan_key, fiscal_year)
    if row is None:
        sid = w.tx.insert("setting", {"plan_id": plan_key, "fiscal_year": fiscal_year, "key": key, "value": value})
        old = None
    else:
        sid, old = row["id"], row["value"]
        w.tx.update("setting", sid, {"value": value})
    w.audit("set_setting", "setting", sid, plan_key, field=key, old=old, new=value)


def _standard_key(office_key: int) -> str:
    return f"office/{office_key}/standard_paragraphs"


def standard_paragraphs(conn, office_key: int) -> list[str]:
    """The office's standard memo paragraphs: as it wrote them, else the program's (in Bangla, as memos are)."""
    from egov_desktop.core.i18n import gettext_for
    from egov_desktop.core.model import STANDARD_PARAGRAPHS

    row = setting_row(conn, _standard_key(office_key), None, None)
    return list(row["value"]) if row is not None else [gettext_for("bn", p) for p in STANDARD_PARAGRAPHS]
