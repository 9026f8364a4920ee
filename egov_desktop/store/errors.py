"""Errors the store raises. Each carries a `Msg`, so it can be shown in Bangla or English."""
from __future__ import annotations

from egov_desktop.core.fields import FieldError
from egov_desktop.core.i18n import MessageError, Msg


class StoreError(MessageError):
    """`where`, when set, names the place in the document (an exchange key path), as ExchangeError does."""


class ReportLocked(StoreError):
    """The report (or the plan under a signed report) is signed off: reopen it first."""


class InvalidValue(StoreError, FieldError):
    """A value of the wrong type or out of range for its field (the store's face of the core's FieldError)."""


class SignOffRefused(StoreError):
    """The report still has errors; `findings` lists them (egov_desktop.core.rules.Finding)."""

    def __init__(self, msg: Msg, findings: list):
        super().__init__(msg)
        self.findings = findings


class StaleEdit(StoreError):
    """Someone else changed the row after this program last read it (on the office's server): the edit
    was refused rather than overwrite theirs. The message names who and when."""
