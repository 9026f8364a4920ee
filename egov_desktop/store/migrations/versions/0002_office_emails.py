"""The office profile's e-mail addresses: recipients (the draft's To) and copies (Cc).

Recipients start as the addresses written in the default recipient lines, which is
where the e-mail draft used to find them, so a draft after the upgrade goes to the
same people. Copy addresses start empty: drafts never had a Cc before.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 00:50:00
"""
import json
import re

import sqlalchemy as sa
from alembic import op

# Frozen here as they were at this revision, not imported from the program: a migration must do
# tomorrow what it did the day it was written, whatever becomes of egov_desktop.core.emails.
ADDRESS = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recipient_emails', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('copy_emails', sa.Text(), nullable=True))
    conn = op.get_bind()
    for office_id, lines in conn.execute(sa.text("SELECT id, default_recipients FROM office")).all():
        found = _addresses_in(json.loads(lines)) if lines else []
        if found:
            conn.execute(sa.text("UPDATE office SET recipient_emails = :v WHERE id = :id"),
                         {"v": json.dumps(found, ensure_ascii=False), "id": office_id})


def downgrade() -> None:
    with op.batch_alter_table('office', schema=None) as batch_op:
        batch_op.drop_column('copy_emails')
        batch_op.drop_column('recipient_emails')


def _addresses_in(lines: list) -> list[str]:
    """E-mail addresses written anywhere in the lines, in order, each once."""
    found: list[str] = []
    for line in lines:
        found += [a for a in ADDRESS.findall(line or "") if a not in found]
    return found
