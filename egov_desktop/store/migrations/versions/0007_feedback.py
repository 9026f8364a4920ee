"""Feedback memos to subordinate offices (issue 11.6): one row per memo sent (to one subordinate office, or one to
all of them), with its plan kind, fiscal year and period, number, date and file. One new table; no existing row
changes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 03:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'feedback',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('office_id', sa.Integer(), nullable=False),
        sa.Column('subordinate_id', sa.Integer(), nullable=True),
        sa.Column('recipient', sa.String(), nullable=True),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('fiscal_year', sa.String(), nullable=False),
        sa.Column('period', sa.String(), nullable=False),
        sa.Column('number', sa.String(), nullable=True),
        sa.Column('memo_date', sa.String(), nullable=False),
        sa.Column('file_name', sa.String(), nullable=False),
        sa.Column('created_at', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_feedback_office_id_office'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['subordinate_id'], ['subordinate.id'],
                                name=op.f('fk_feedback_subordinate_id_subordinate')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index('ix_feedback_kind_fiscal_year', ['kind', 'fiscal_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_office_id'), ['office_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_subordinate_id'), ['subordinate_id'], unique=False)


def downgrade() -> None:
    op.drop_table('feedback')
