"""The first schema: offices, plans, levels, areas, activities, indicators, reports,
entries, memos, sign-offs, settings and the audit log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 00:00:22.218231
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(), nullable=False),
    sa.Column('user', sa.String(), nullable=False),
    sa.Column('operation', sa.String(), nullable=False),
    sa.Column('entity', sa.String(), nullable=False),
    sa.Column('entity_key', sa.Integer(), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('period', sa.String(), nullable=True),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('indicator_code', sa.String(), nullable=True),
    sa.Column('field', sa.String(), nullable=True),
    sa.Column('old', sa.String(), nullable=True),
    sa.Column('new', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_plan_id'), ['plan_id'], unique=False)

    op.create_table('office',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('tier', sa.String(), nullable=False),
    sa.Column('government', sa.String(), nullable=True),
    sa.Column('parent', sa.String(), nullable=True),
    sa.Column('unit', sa.String(), nullable=True),
    sa.Column('address', sa.String(), nullable=True),
    sa.Column('website', sa.String(), nullable=True),
    sa.Column('email', sa.String(), nullable=True),
    sa.Column('phone', sa.String(), nullable=True),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.Column('signatories', sa.Text(), nullable=True),
    sa.Column('default_recipients', sa.Text(), nullable=True),
    sa.Column('default_attention', sa.String(), nullable=True),
    sa.Column('default_copies', sa.Text(), nullable=True),
    sa.Column('default_copies_purpose', sa.String(), nullable=True),
    sa.Column('memo_prefixes', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_office')),
    sqlite_autoincrement=True
    )
    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('office_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('fiscal_year', sa.String(), nullable=False),
    sa.Column('total_weight', sa.Text(), nullable=False),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.Column('doc_notes', sa.String(), nullable=True),
    sa.Column('doc_extras', sa.Text(), nullable=True),
    sa.Column('created_at', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['office_id'], ['office.id'], name=op.f('fk_plan_office_id_office')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan')),
    sa.UniqueConstraint('fiscal_year', 'kind', name=op.f('uq_plan_fiscal_year_kind')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_office_id'), ['office_id'], unique=False)

    op.create_table('area',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('weight', sa.Text(), nullable=True),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_area_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_area')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('area', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_area_plan_id'), ['plan_id'], unique=False)

    op.create_table('level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('ident', sa.String(), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('percent', sa.Text(), nullable=False),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_level_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_level')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('level', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_level_plan_id'), ['plan_id'], unique=False)

    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=True),
    sa.Column('signoff_name', sa.String(), nullable=True),
    sa.Column('signoff_designation', sa.String(), nullable=True),
    sa.Column('signoff_at', sa.String(), nullable=True),
    sa.Column('signoff_digest', sa.String(), nullable=True),
    sa.Column('signoff_extras', sa.Text(), nullable=True),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_report_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('plan_id', 'period', name=op.f('uq_report_plan_id_period')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_plan_id'), ['plan_id'], unique=False)

    op.create_table('setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('fiscal_year', sa.String(), nullable=True),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_setting_plan_id_plan'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_setting_plan_id'), ['plan_id'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['area_id'], ['area.id'], name=op.f('fk_activity_area_id_area'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_area_id'), ['area_id'], unique=False)

    op.create_table('memo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(), nullable=True),
    sa.Column('date', sa.String(), nullable=True),
    sa.Column('subject', sa.String(), nullable=True),
    sa.Column('reference', sa.String(), nullable=True),
    sa.Column('body', sa.Text(), nullable=True),
    sa.Column('attachment', sa.String(), nullable=True),
    sa.Column('signatory_name', sa.String(), nullable=True),
    sa.Column('signatory_designation', sa.String(), nullable=True),
    sa.Column('signatory_phone', sa.String(), nullable=True),
    sa.Column('signatory_email', sa.String(), nullable=True),
    sa.Column('signatory_extras', sa.Text(), nullable=True),
    sa.Column('recipient', sa.Text(), nullable=True),
    sa.Column('attention', sa.String(), nullable=True),
    sa.Column('copies', sa.Text(), nullable=True),
    sa.Column('copies_purpose', sa.String(), nullable=True),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_memo_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_memo')),
    sa.UniqueConstraint('report_id', name=op.f('uq_memo_report_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('memo', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_memo_report_id'), ['report_id'], unique=False)

    op.create_table('signoff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('designation', sa.String(), nullable=False),
    sa.Column('signed_at', sa.String(), nullable=False),
    sa.Column('signed_by', sa.String(), nullable=True),
    sa.Column('digest', sa.String(), nullable=False),
    sa.Column('snapshot', sa.String(), nullable=False),
    sa.Column('reopened_at', sa.String(), nullable=True),
    sa.Column('reopened_by', sa.String(), nullable=True),
    sa.Column('reopen_reason', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_signoff_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signoff')),
    sa.UniqueConstraint('report_id', 'revision', name=op.f('uq_signoff_report_id_revision')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('signoff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_signoff_report_id'), ['report_id'], unique=False)

    op.create_table('indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('unit', sa.String(), nullable=False),
    sa.Column('weight', sa.Text(), nullable=False),
    sa.Column('targets', sa.Text(), nullable=False),
    sa.Column('scoring', sa.String(), nullable=True),
    sa.Column('aggregation', sa.String(), nullable=True),
    sa.Column('evidence', sa.String(), nullable=True),
    sa.Column('responsible', sa.String(), nullable=True),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_indicator_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_activity_id'), ['activity_id'], unique=False)

    op.create_table('entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('narrative', sa.String(), nullable=True),
    sa.Column('evidence', sa.String(), nullable=True),
    sa.Column('remarks', sa.String(), nullable=True),
    sa.Column('extras', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_entry_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_entry_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entry')),
    sa.UniqueConstraint('report_id', 'indicator_id', name=op.f('uq_entry_report_id_indicator_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entry_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_entry_report_id'), ['report_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entry_report_id'))
        batch_op.drop_index(batch_op.f('ix_entry_indicator_id'))

    op.drop_table('entry')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_activity_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('signoff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signoff_report_id'))

    op.drop_table('signoff')
    with op.batch_alter_table('memo', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_memo_report_id'))

    op.drop_table('memo')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_area_id'))

    op.drop_table('activity')
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_setting_plan_id'))

    op.drop_table('setting')
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_plan_id'))

    op.drop_table('report')
    with op.batch_alter_table('level', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_level_plan_id'))

    op.drop_table('level')
    with op.batch_alter_table('area', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_area_plan_id'))

    op.drop_table('area')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_office_id'))

    op.drop_table('plan')
    op.drop_table('office')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_plan_id'))
        batch_op.drop_index(batch_op.f('ix_audit_at'))

    op.drop_table('audit')
