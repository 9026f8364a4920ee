"""The SQLite schema as SQLAlchemy Core tables.

Numbers that the exchange format keeps as written (weights, percents, targets,
values) are stored as JSON so an int stays an int and a float a float: the round
trip file -> database -> file is exact. Dates inside those values are ISO text.
`extras` columns keep the exchange format's "x-" keys. Every table keeps its ids
for ever (AUTOINCREMENT): an undo re-inserts a row under its old id, and the GUI
holds ids as keys. Plain Core rather than an ORM: the store works on tables and
rows, and SQLModel's pydantic cost a fifth of a second at every start (13.6).
"""
from __future__ import annotations

import json

from sqlalchemy import (Boolean, Column, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text,
                        TypeDecorator, UniqueConstraint)

# Named constraints, so Alembic batch migrations on SQLite can find and drop them.
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})


class JSONText(TypeDecorator):
    """JSON in a TEXT column. (A column declared JSON gets SQLite's NUMERIC affinity, which turns
    the text "10.0" into the integer 10: the float would come back as an int.)"""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)


# The tables whose rows an officer edits: each row carries a version that every change moves on, so an
# edit made on a value someone else has changed since is refused (journal.Tx.update_many, issue 12).
VERSIONED = frozenset(("office", "plan", "level", "area", "activity", "indicator", "report", "entry", "memo",
                       "setting", "subordinate", "collected"))


def _table(name: str, *columns, unique: tuple[str, ...] = ()) -> Table:
    args = [Column("id", Integer, primary_key=True), *columns]
    if name in VERSIONED:
        args.append(Column("version", Integer, nullable=False, server_default="1"))
    if unique:
        args.append(UniqueConstraint(*unique))
    return Table(name, metadata, *args, sqlite_autoincrement=True)


def _text(name: str, nullable: bool = True, **kw) -> Column:
    return Column(name, String, nullable=nullable, **kw)


def _json(name: str, nullable: bool = True) -> Column:
    return Column(name, JSONText(), nullable=nullable)


def _parent(table: str, nullable: bool = False) -> Column:
    return Column(f"{table}_id", Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable, index=True)


def _position() -> Column:
    return Column("position", Integer, nullable=False)


# An office and its profile (defaults for memos, memo-number prefixes per file).
_table(
    "office",
    _text("name", False), _text("tier", False),
    *(_text(f) for f in ("government", "parent", "unit", "address", "website", "email", "phone")),
    _json("extras"),
    # Profile: [{"name", "designation", "phone", "email"}], the first is the default.
    _json("signatories"), _json("default_recipients"), _text("default_attention"), _json("default_copies"),
    _text("default_copies_purpose"),
    # The e-mail draft's To and Cc: lists of addresses (the lines above are what the memo prints).
    _json("recipient_emails"), _json("copy_emails"),
    # [{"file": "...", "prefix": "৫১.০০.০০০০.২৫০.২৫.০০৬.২১", "last_serial": 95}]
    _json("memo_prefixes"),
)
_table(
    "plan",
    Column("office_id", Integer, ForeignKey("office.id"), nullable=False, index=True),
    _text("kind", False), _text("title", False), _text("fiscal_year", False),
    _json("total_weight", False),
    # Format 1.1's plan.scoring (the scoring settings as named keys); null when the file had none.
    _json("scoring"),
    _json("extras"),
    # The exchange document's own fields, kept for a lossless round trip.
    _text("doc_notes"), _json("doc_extras"),
    _text("created_at", False),
    unique=("fiscal_year", "kind"),
)
_table("level", _parent("plan"), _position(), _text("ident", False), _text("label", False),
       _json("percent", False), _json("extras"))
_table("area", _parent("plan"), _position(), _text("code", False), _text("title"), _json("weight"), _json("extras"))
_table("activity", _parent("area"), _position(), _text("code", False), _text("title", False), _json("extras"))
_table(
    "indicator",
    _parent("activity"), _position(), _text("code", False), _text("title", False), _text("unit", False),
    _json("weight", False),
    # One JSON value per plan level, in level order (ISO text for dates, null for "--").
    _json("targets", False),
    _text("scoring"), _text("aggregation"), _text("evidence"), _text("responsible"),
    # Format 1.1 (JSON lists as in the exchange file, null when not given): Q1..Q4 targets, several
    # dated targets (a date or {"from", "to"} each), the two previous years' actuals.
    _json("quarter_targets"), _json("target_dates"), _json("previous_actuals"),
    _json("extras"),
)
_table(
    "report",
    _parent("plan"), _position(), _text("period", False), _text("status", False, default="draft"),
    Column("revision", Integer),
    # The current sign-off (the exchange format's "signoff"); history is in `signoff`.
    _text("signoff_name"), _text("signoff_designation"), _text("signoff_at"), _text("signoff_digest"),
    _json("signoff_extras"), _json("extras"),
    unique=("plan_id", "period"),
)
_table(
    "entry",
    _parent("report"), _parent("indicator"), _position(), _json("value"),
    Column("not_applicable", Boolean, nullable=False, default=False),
    _text("narrative"), _text("evidence"), _text("remarks"),
    # Format 1.1: the day each target date was met (JSON list), the period's own figure, a percent's counts.
    _json("dates"), _json("period_value"), _json("numerator"), _json("denominator"),
    _json("extras"),
    unique=("report_id", "indicator_id"),
)
_table(
    "memo",
    _parent("report"),
    _text("number"), _text("date"), _text("subject"), _text("reference"), _json("body"), _text("attachment"),
    *(_text(f"signatory_{f}") for f in ("name", "designation", "phone", "email")), _json("signatory_extras"),
    _json("recipient"), _text("attention"), _json("copies"), _text("copies_purpose"), _json("extras"),
    unique=("report_id",),
)
# Every signed revision of a report, with the exchange document as signed.
_table(
    "signoff",
    _parent("report"), Column("revision", Integer, nullable=False),
    _text("name", False), _text("designation", False), _text("signed_at", False), _text("signed_by"),
    _text("digest", False), _text("snapshot", False),
    _text("reopened_at"), _text("reopened_by"), _text("reopen_reason"),
    unique=("report_id", "revision"),
)
# Evidence files (প্রমাণক), stored once per content (the SHA-256 is unique) and linked to entries by name.
_table(
    "evidence_file",
    Column("content", LargeBinary, nullable=False), _text("sha256", False), _text("media_type", False),
    Column("size", Integer, nullable=False),
    unique=("sha256",),
)
_table(
    "entry_evidence",
    _parent("entry"), Column("file_id", Integer, ForeignKey("evidence_file.id"), nullable=False, index=True),
    _text("name", False), _position(),
    unique=("entry_id", "name"),
)
# The office's subordinate offices (issue 11.4): whose reports it collects.
_table(
    "subordinate",
    _parent("office"), _position(), _text("name", False), _text("tier", False), _text("email"), _text("code"),
    unique=("office_id", "name"),
)
# A subordinate office's report as collected: the exchange document (its plan with that one report), kept
# apart from the office's own plans, one per office, plan kind, fiscal year and period.
_table(
    "collected",
    Column("subordinate_id", Integer, ForeignKey("subordinate.id"), nullable=False, index=True),
    _text("kind", False), _text("fiscal_year", False), _text("period", False),
    _text("document", False),  # the exchange JSON as received (core.exchange reads it)
    _text("source_name", False),  # the file's name (no folder)
    _text("source_kind", False),  # json, embedded (.docx/.xlsx data), table (read from its table), package
    _text("received_at", False),  # ISO date-time, UTC
    _text("status", False), Column("revision", Integer), _text("digest"),
    Column("signed", Boolean, nullable=False), Column("verified", Boolean, nullable=False),
    _text("content_sha256", False),  # of the document's canonical JSON: the same report collected twice
    Index("ix_collected_kind_fiscal_year_period", "kind", "fiscal_year", "period"),
    unique=("subordinate_id", "kind", "fiscal_year", "period"),
)
# A collected report's evidence files (from a package), stored once per content with the office's own.
_table(
    "collected_evidence",
    _parent("collected"), Column("file_id", Integer, ForeignKey("evidence_file.id"), nullable=False, index=True),
    _text("indicator", False), _text("name", False), _position(),
    unique=("collected_id", "indicator", "name"),
)
# A feedback memo sent to subordinate offices (issue 11.6), as written: to one subordinate office, or (subordinate
# null) one memo to all; on which plan kind, fiscal year and period of their reports; its number (of the office's
# memo series) and date, and the file written. NIS 1.7's achievement is filled from these.
_table(
    "feedback",
    _parent("office"),
    Column("subordinate_id", Integer, ForeignKey("subordinate.id"), nullable=True, index=True),
    _text("recipient"),  # the subordinate office's name as the memo addressed it (null: all of them)
    _text("kind", False), _text("fiscal_year", False), _text("period", False),
    _text("number"), _text("memo_date", False),  # ISO date
    _text("file_name", False),  # the file's name (no folder)
    _text("created_at", False),  # ISO date-time, UTC
    Index("ix_feedback_kind_fiscal_year", "kind", "fiscal_year"),
)
# A setting for one plan, one fiscal year, or everything (both null), e.g. the deadline table.
_table("setting", _parent("plan", nullable=True), _text("fiscal_year"), _text("key", False), _json("value"))
# Append-only log. No foreign keys: it outlives the rows it talks about.
_table(
    "audit",
    _text("at", False, index=True), _text("user", False), _text("operation", False), _text("entity", False),
    Column("entity_key", Integer), Column("plan_id", Integer, index=True), _text("period"),
    Column("indicator_id", Integer), _text("indicator_code"), _text("field"), _text("old"), _text("new"),
)

TABLES = {t.name: t for t in metadata.sorted_tables}
