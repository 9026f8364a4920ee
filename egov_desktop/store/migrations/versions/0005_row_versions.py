"""Row versions, for officers editing at once on the office's server (issue 12): every editable row
carries a version that each change moves on, so an edit made on a value someone else has since
changed is refused instead of silently overwriting it. Existing rows start at version 1.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# Frozen here as at this revision: the tables whose rows an officer edits.
_TABLES = ('office', 'plan', 'level', 'area', 'activity', 'indicator', 'report', 'entry', 'memo', 'setting')


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    for table in reversed(_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
