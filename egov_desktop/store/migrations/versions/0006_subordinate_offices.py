"""Subordinate offices and their collected reports (issue 11.4): the office's subordinate offices, each
subordinate report as collected (kept apart from the office's own plans), and a collected report's evidence
files (stored in evidence_file, with the office's own). Three new tables; no existing row changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 18:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'subordinate',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('office_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('tier', sa.String(), nullable=False),
        sa.Column('email', sa.String(), nullable=True),
        sa.Column('code', sa.String(), nullable=True),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_subordinate_office_id_office'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_subordinate')),
        sa.UniqueConstraint('office_id', 'name', name=op.f('uq_subordinate_office_id_name')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('subordinate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subordinate_office_id'), ['office_id'], unique=False)
    op.create_table(
        'collected',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('subordinate_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(), nullable=False),
        sa.Column('fiscal_year', sa.String(), nullable=False),
        sa.Column('period', sa.String(), nullable=False),
        sa.Column('document', sa.String(), nullable=False),
        sa.Column('source_name', sa.String(), nullable=False),
        sa.Column('source_kind', sa.String(), nullable=False),
        sa.Column('received_at', sa.String(), nullable=False),
        sa.Column('status', sa.String(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=True),
        sa.Column('digest', sa.String(), nullable=True),
        sa.Column('signed', sa.Boolean(), nullable=False),
        sa.Column('verified', sa.Boolean(), nullable=False),
        sa.Column('content_sha256', sa.String(), nullable=False),
        sa.Column('version', sa.Integer(), server_default='1', nullable=False),
        sa.ForeignKeyConstraint(['subordinate_id'], ['subordinate.id'],
                                name=op.f('fk_collected_subordinate_id_subordinate')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_collected')),
        sa.UniqueConstraint('subordinate_id', 'kind', 'fiscal_year', 'period',
                            name=op.f('uq_collected_subordinate_id_kind_fiscal_year_period')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('collected', schema=None) as batch_op:
        batch_op.create_index('ix_collected_kind_fiscal_year_period', ['kind', 'fiscal_year', 'period'], unique=False)
        batch_op.create_index(batch_op.f('ix_collected_subordinate_id'), ['subordinate_id'], unique=False)
    op.create_table(
        'collected_evidence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('collected_id', sa.Integer(), nullable=False),
        sa.Column('file_id', sa.Integer(), nullable=False),
        sa.Column('indicator', sa.String(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['collected_id'], ['collected.id'],
                                name=op.f('fk_collected_evidence_collected_id_collected'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['file_id'], ['evidence_file.id'],
                                name=op.f('fk_collected_evidence_file_id_evidence_file')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_collected_evidence')),
        sa.UniqueConstraint('collected_id', 'indicator', 'name',
                            name=op.f('uq_collected_evidence_collected_id_indicator_name')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('collected_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_collected_evidence_collected_id'), ['collected_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_collected_evidence_file_id'), ['file_id'], unique=False)


def downgrade() -> None:
    op.drop_table('collected_evidence')
    op.drop_table('collected')
    op.drop_table('subordinate')
