"""Alembic environment: migrates the engine tracker/db.py hands over, or TRACKER_DB_URL."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import tracker.ledger.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from tracker.db.config import load_config
from tracker.db.engine import make_engine

target_metadata = SQLModel.metadata


def run_migrations() -> None:
    """Run the migrations on one connection, in batch mode so SQLite can alter tables."""
    engine = context.config.attributes.get("engine") or make_engine(load_config().db_url)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True, compare_type=True)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations()
