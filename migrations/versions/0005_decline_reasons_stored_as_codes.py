"""decline reasons stored as codes

The Gigs page stored a declined gig's reason as the words shown, in the interface language, so the
stored data depended on the language. Reasons offered by the page are now codes (tracker.ledger.models
.DeclineReason) shown translated; this turns the stored English and Bengali words into their codes.
A person's own words stay as they wrote them. Downgrading turns codes back into the English words.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:30:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# code: (the English words, the Bengali words) as the page stored them up to 0004
WORDS = {
    'principles': ('The work is against my principles', 'কাজটি আমার নীতির বিরুদ্ধে'),
    'budget': ('The budget is too low', 'বাজেট খুব কম'),
    'skill': ('I do not have the skill for it yet', 'এই কাজের দক্ষতা আমার এখনও নেই'),
    'trust': ('The client does not look trustworthy', 'ক্লায়েন্টকে বিশ্বাসযোগ্য মনে হচ্ছে না'),
    'time': ('I have no time for it now', 'এখন আমার সময় নেই'),
}
GIG = sa.table('gig', sa.column('decline_reason', sa.String))


def upgrade() -> None:
    """Store each offered reason as its code."""
    for code, words in WORDS.items():
        op.execute(GIG.update().where(GIG.c.decline_reason.in_(words)).values(decline_reason=code))


def downgrade() -> None:
    """Store each code as the English words again."""
    for code, (english, _bengali) in WORDS.items():
        op.execute(GIG.update().where(GIG.c.decline_reason == code).values(decline_reason=english))
