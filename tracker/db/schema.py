"""Which schema revision is the newest, known without loading SQLAlchemy or Alembic."""

from __future__ import annotations

# The newest migration in migrations/versions. A new migration must change it too (the tests check that
# it is Alembic's head): a database at this revision is taken as up to date without loading Alembic.
HEAD_REVISION = "0005"
VERSION_TABLE = "alembic_version"
