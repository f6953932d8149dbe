"""The schema comes from Alembic: an empty database upgrades to head, and head matches the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

from tests.databases import sqlite_only
from tracker.db.engine import HEAD_REVISION, current_revision, get_engine, head_revision, make_engine, migrate
from tracker.ledger.models import Payment

EXPECTED_TABLES = {"skill", "learning_session", "mentor_review", "client", "gig", "payment", "expense",
                   "goal", "setting", "checklist_item", "alembic_version"}


def test_empty_database_upgrades_to_head(tmp_path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()
    assert set(inspect(engine).get_table_names()) == EXPECTED_TABLES
    migrate(engine)  # a second start changes nothing
    assert current_revision(engine) == head_revision()


def test_the_head_revision_constant_is_alembics_head() -> None:
    """A new migration must update tracker.db.schema.HEAD_REVISION too, or a database at the old head would
    be taken as up to date and never upgraded."""
    assert head_revision() == HEAD_REVISION, "set HEAD_REVISION in tracker/schema.py to the newest migration"


def test_head_schema_matches_the_models(db_url: str) -> None:
    engine = get_engine(db_url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []


def test_indexes_for_the_dashboard_exist(db_url: str) -> None:
    indexes = {ix["name"] for ix in inspect(get_engine(db_url)).get_indexes(Payment.__tablename__)}
    assert {"ix_payment_month_status", "ix_payment_client_month", "ix_payment_platform_month",
            "ix_payment_gig"} <= indexes


@sqlite_only
def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(db_url: str) -> None:
    with get_engine(db_url).connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_foreign_keys_are_enforced(db_url: str) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    with get_engine(db_url).begin() as connection, pytest.raises(IntegrityError):
        connection.execute(text(
            "INSERT INTO learning_session (skill_id, learned_on, minutes, note) "
            "VALUES (999, '2026-01-01', 30, '')"))
