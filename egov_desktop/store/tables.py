"""The SQLite schema as SQLModel tables.

Numbers that the exchange format keeps as written (weights, percents, targets,
values) are stored as JSON so an int stays an int and a float a float: the round
trip file -> database -> file is exact. Dates inside those values are ISO text.
`extras` columns keep the exchange format's "x-" keys. Every table keeps its ids
for ever (AUTOINCREMENT): an undo re-inserts a row under its old id, and the GUI
holds ids as keys.
"""
from __future__ import annotations

import json
from typing import Any, Optional

from sqlalchemy import Column, ForeignKey, Integer, MetaData, Text, TypeDecorator, UniqueConstraint
from sqlmodel import Field, SQLModel

# Named constraints, so Alembic batch migrations on SQLite can find and drop them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata

_AUTO = {"sqlite_autoincrement": True}


class JSONText(TypeDecorator):
    """JSON in a TEXT column. (A column declared JSON gets SQLite's NUMERIC affinity, which turns
    the text "10.0" into the integer 10: the float would come back as an int.)"""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(JSONText(), nullable=nullable))


def _parent(table: str, nullable: bool = False) -> Any:
    return Field(
        default=None,
        sa_column=Column(Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable, index=True),
    )


class OfficeRow(SQLModel, table=True):
    """An office and its profile (defaults for memos, memo-number prefixes per file)."""

    __tablename__ = "office"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    tier: str
    government: Optional[str] = None
    parent: Optional[str] = None
    unit: Optional[str] = None
    address: Optional[str] = None
    website: Optional[str] = None
    email: Optional[str] = None
    phone: Optional[str] = None
    extras: Any = _json()
    # Profile: [{"name", "designation", "phone", "email"}], the first is the default.
    signatories: Any = _json()
    default_recipients: Any = _json()
    default_attention: Optional[str] = None
    default_copies: Any = _json()
    default_copies_purpose: Optional[str] = None
    # The e-mail draft's To and Cc: lists of addresses (the lines above are what the memo prints).
    recipient_emails: Any = _json()
    copy_emails: Any = _json()
    # [{"file": "...", "prefix": "৫১.০০.০০০০.২৫০.২৫.০০৬.২১", "last_serial": 95}]
    memo_prefixes: Any = _json()


class PlanRow(SQLModel, table=True):
    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("fiscal_year", "kind"), _AUTO)
    id: Optional[int] = Field(default=None, primary_key=True)
    office_id: Optional[int] = Field(default=None, sa_column=Column(Integer, ForeignKey("office.id"), nullable=False, index=True))
    kind: str
    title: str
    fiscal_year: str
    total_weight: Any = _json(nullable=False)
    # Format 1.1's plan.scoring (the scoring settings as named keys); null when the file had none.
    scoring: Any = _json()
    extras: Any = _json()
    # The exchange document's own fields, kept for a lossless round trip.
    doc_notes: Optional[str] = None
    doc_extras: Any = _json()
    created_at: str


class LevelRow(SQLModel, table=True):
    __tablename__ = "level"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    plan_id: Optional[int] = _parent("plan")
    position: int
    ident: str
    label: str
    percent: Any = _json(nullable=False)
    extras: Any = _json()


class AreaRow(SQLModel, table=True):
    __tablename__ = "area"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    plan_id: Optional[int] = _parent("plan")
    position: int
    code: str
    title: Optional[str] = None
    weight: Any = _json()
    extras: Any = _json()


class ActivityRow(SQLModel, table=True):
    __tablename__ = "activity"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    area_id: Optional[int] = _parent("area")
    position: int
    code: str
    title: str
    extras: Any = _json()


class IndicatorRow(SQLModel, table=True):
    __tablename__ = "indicator"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    activity_id: Optional[int] = _parent("activity")
    position: int
    code: str
    title: str
    unit: str
    weight: Any = _json(nullable=False)
    # One JSON value per plan level, in level order (ISO text for dates, null for "--").
    targets: Any = _json(nullable=False)
    scoring: Optional[str] = None
    aggregation: Optional[str] = None
    evidence: Optional[str] = None
    responsible: Optional[str] = None
    # Format 1.1 (JSON lists as in the exchange file, null when not given): Q1..Q4 targets, several
    # dated targets (a date or {"from", "to"} each), the two previous years' actuals.
    quarter_targets: Any = _json()
    target_dates: Any = _json()
    previous_actuals: Any = _json()
    extras: Any = _json()


class ReportRow(SQLModel, table=True):
    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("plan_id", "period"), _AUTO)
    id: Optional[int] = Field(default=None, primary_key=True)
    plan_id: Optional[int] = _parent("plan")
    position: int
    period: str
    status: str = "draft"
    revision: Optional[int] = None
    # The current sign-off (the exchange format's "signoff"); history is in `signoff`.
    signoff_name: Optional[str] = None
    signoff_designation: Optional[str] = None
    signoff_at: Optional[str] = None
    signoff_digest: Optional[str] = None
    signoff_extras: Any = _json()
    extras: Any = _json()


class EntryRow(SQLModel, table=True):
    __tablename__ = "entry"
    __table_args__ = (UniqueConstraint("report_id", "indicator_id"), _AUTO)
    id: Optional[int] = Field(default=None, primary_key=True)
    report_id: Optional[int] = _parent("report")
    indicator_id: Optional[int] = _parent("indicator")
    position: int
    value: Any = _json()
    not_applicable: bool = False
    narrative: Optional[str] = None
    evidence: Optional[str] = None
    remarks: Optional[str] = None
    # Format 1.1: the day each target date was met (JSON list), the period's own figure, a percent's counts.
    dates: Any = _json()
    period_value: Any = _json()
    numerator: Any = _json()
    denominator: Any = _json()
    extras: Any = _json()


class MemoRow(SQLModel, table=True):
    __tablename__ = "memo"
    __table_args__ = (UniqueConstraint("report_id"), _AUTO)
    id: Optional[int] = Field(default=None, primary_key=True)
    report_id: Optional[int] = _parent("report")
    number: Optional[str] = None
    date: Optional[str] = None
    subject: Optional[str] = None
    reference: Optional[str] = None
    body: Any = _json()
    attachment: Optional[str] = None
    signatory_name: Optional[str] = None
    signatory_designation: Optional[str] = None
    signatory_phone: Optional[str] = None
    signatory_email: Optional[str] = None
    signatory_extras: Any = _json()
    recipient: Any = _json()
    attention: Optional[str] = None
    copies: Any = _json()
    copies_purpose: Optional[str] = None
    extras: Any = _json()


class SignoffRow(SQLModel, table=True):
    """Every signed revision of a report, with the exchange document as signed."""

    __tablename__ = "signoff"
    __table_args__ = (UniqueConstraint("report_id", "revision"), _AUTO)
    id: Optional[int] = Field(default=None, primary_key=True)
    report_id: Optional[int] = _parent("report")
    revision: int
    name: str
    designation: str
    signed_at: str
    signed_by: Optional[str] = None
    digest: str
    snapshot: str
    reopened_at: Optional[str] = None
    reopened_by: Optional[str] = None
    reopen_reason: Optional[str] = None


class SettingRow(SQLModel, table=True):
    """A setting for one plan, one fiscal year, or everything (both null), e.g. the deadline table."""

    __tablename__ = "setting"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    plan_id: Optional[int] = _parent("plan", nullable=True)
    fiscal_year: Optional[str] = None
    key: str
    value: Any = _json()


class AuditRow(SQLModel, table=True):
    """Append-only log. No foreign keys: it outlives the rows it talks about."""

    __tablename__ = "audit"
    __table_args__ = _AUTO
    id: Optional[int] = Field(default=None, primary_key=True)
    at: str = Field(index=True)
    user: str
    operation: str
    entity: str
    entity_key: Optional[int] = None
    plan_id: Optional[int] = Field(default=None, index=True)
    period: Optional[str] = None
    indicator_id: Optional[int] = None
    indicator_code: Optional[str] = None
    field: Optional[str] = None
    old: Optional[str] = None
    new: Optional[str] = None


TABLES = {t.name: t for t in metadata.sorted_tables}
