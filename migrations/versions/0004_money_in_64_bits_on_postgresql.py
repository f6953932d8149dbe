"""money in 64 bits on PostgreSQL

Amounts are integer minor units up to 10**15 (tracker.ledger.money.MAX_MINOR). PostgreSQL's INTEGER stops at
2,147,483,647, so every money column becomes BIGINT there. SQLite's INTEGER already holds 64 bits:
nothing changes on SQLite (no table is copied).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 00:10:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

MONEY_COLUMNS = {
    'gig': ['price_minor'],
    'payment': ['gross_minor', 'platform_fee_minor', 'transfer_fee_minor', 'gross_home_minor',
                'fees_home_minor', 'net_home_minor'],
    'expense': ['amount_minor', 'amount_home_minor'],
    'goal': ['target_minor'],
}


def _change(to: sa.types.TypeEngine, before: sa.types.TypeEngine) -> None:
    """Change every money column's type on PostgreSQL (SQLite needs nothing)."""
    if op.get_bind().dialect.name == 'sqlite':
        return
    for table, columns in MONEY_COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=to, existing_type=before, existing_nullable=False)


def upgrade() -> None:
    """Upgrade schema."""
    _change(sa.BigInteger(), sa.Integer())


def downgrade() -> None:
    """Downgrade schema."""
    _change(sa.Integer(), sa.BigInteger())
