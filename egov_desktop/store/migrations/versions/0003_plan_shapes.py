"""The shapes of the NIS, GRS, Citizen's Charter and RTI plans (exchange format 1.1, issue 9).

New nullable JSON columns, empty on every existing row: such a row means what it meant before
(no quarter targets, no target dates, no settings beyond x-scoring), so no data moves.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 16:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_COLUMNS = {
    'plan': ('scoring',),
    'indicator': ('quarter_targets', 'target_dates', 'previous_actuals'),
    'entry': ('dates', 'period_value', 'numerator', 'denominator'),
}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.add_column(sa.Column(column, sa.Text(), nullable=True))


def downgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column)
