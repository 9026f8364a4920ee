"""Evidence files (issue 11.2): the files themselves, once per content, and their links to entries.

Two new tables; no existing row changes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 17:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'evidence_file',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('sha256', sa.String(), nullable=False),
        sa.Column('media_type', sa.String(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_file')),
        sa.UniqueConstraint('sha256', name=op.f('uq_evidence_file_sha256')),
        sqlite_autoincrement=True,
    )
    op.create_table(
        'entry_evidence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('file_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['entry_id'], ['entry.id'], name=op.f('fk_entry_evidence_entry_id_entry'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['file_id'], ['evidence_file.id'], name=op.f('fk_entry_evidence_file_id_evidence_file')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_entry_evidence')),
        sa.UniqueConstraint('entry_id', 'name', name=op.f('uq_entry_evidence_entry_id_name')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('entry_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_evidence_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_evidence_file_id'), ['file_id'], unique=False)


def downgrade() -> None:
    op.drop_table('entry_evidence')
    op.drop_table('evidence_file')
