"""Automatic backups: once a day on the first start, before a migration, before a restore; the newest
`backups_to_keep` kept; each one restorable (a copy taken before a migration is upgraded when put back).
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from sqlmodel import Session, func, select

from tests.databases import ON_POSTGRES, sqlite_only
from tracker.cli.main import main
from tracker.db.engine import (
    alembic_config,
    current_revision,
    forget_engines,
    get_engine,
    head_revision,
    make_engine,
)
from tracker.io.autobackup import (
    automatic_backups,
    backups_folder,
    daily_backup,
    open_database,
    open_session,
    restore_automatic_backup,
    save_backup,
    upgrade,
)
from tracker.io.backup import restore_backup
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import get_setting, set_setting


@pytest.fixture(autouse=True)
def beside_the_database(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let backups go where they go without TRACKER_DATA_DIR: beside the database file."""
    monkeypatch.delenv("TRACKER_DATA_DIR", raising=False)


@pytest.fixture
def filled(session: Session) -> Session:
    """Store a client and a payment."""
    client = create_client(session=session, data=ClientInput(name="নদী ডিজাইন"))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="250.00", rate="122.50",
                                                      client_id=client.id))
    return session


def names(session: Session) -> list[str]:
    """Return the clients' names, by id."""
    return [c.name for c in session.exec(select(Client).order_by(Client.id))]


def old_database(path: Path, rows: bool = True) -> str:
    """Return the URL of a database at the first migration (0001), with a client and a setting."""
    from alembic import command

    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0001")
    if rows:
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO client (id, name, platform, country, payment_verified, notes, archived, "
                "created_at) VALUES (1, 'Old client', 'Upwork', '', 0, '', 0, '2026-01-01 00:00:00.000000')"))
            connection.execute(text("INSERT INTO setting (key, value) VALUES ('backups_to_keep', '3')"))
    engine.dispose()
    return f"sqlite:///{path}"


@sqlite_only
def test_the_first_start_of_a_day_copies_a_database_with_data(filled: Session, db_url: str, tmp_path: Path,
                                                              frozen_today: date) -> None:
    forget_engines()
    engine = open_database(db_url)
    [daily] = automatic_backups(engine)
    assert daily.reason == "daily" and daily.path.parent == tmp_path / "backups"
    assert daily.name.startswith("tracker-backup-tracker-") and daily.name.endswith("-daily.db")
    copy = sqlite3.connect(daily.path)
    assert copy.execute("SELECT name FROM client").fetchall() == [("নদী ডিজাইন",)]
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file, nothing beside it
    copy.close()
    forget_engines()
    open_database(db_url)  # a second start on the same day
    assert len(automatic_backups(engine)) == 1
    assert daily.taken_at.date() == frozen_today, "named by the app's clock"
    assert daily_backup(engine, today=frozen_today + timedelta(days=1)) is not None
    assert len(automatic_backups(engine)) == 2


def test_an_empty_database_is_not_backed_up(db_url: str) -> None:
    forget_engines()
    assert automatic_backups(open_database(db_url)) == []
    assert daily_backup(open_database(db_url)) is None


def test_only_the_newest_backups_are_kept(filled: Session, tmp_path: Path) -> None:
    set_setting(session=filled, key="backups_to_keep", value="3")
    engine = filled.get_bind()
    mine = tmp_path / "backups" / "my-own-backup.zip"
    mine.parent.mkdir()
    mine.write_bytes(b"kept by hand")
    other = tmp_path / "backups" / "tracker-backup-other-20200101-000000-daily.db"
    other.write_bytes(b"another database's")
    made = [save_backup(engine, reason) for reason in ("daily", "before-restore", "daily", "before-migration",
                                                       "daily")]
    assert [b.path for b in automatic_backups(engine)] == made[:1:-1]
    assert mine.exists() and other.exists()


@pytest.mark.parametrize(("typed", "stored"), [("5", "5"), ("৭", "7"), (" 12 ", "12")])
def test_how_many_backups_to_keep_is_a_setting(session: Session, typed: str, stored: str) -> None:
    assert get_setting(session, "backups_to_keep") == "10"
    set_setting(session=session, key="backups_to_keep", value=typed)
    assert get_setting(session, "backups_to_keep") == stored


@pytest.mark.parametrize("typed", ["0", "-1", "abc", "1001", ""])
def test_a_count_of_backups_that_makes_no_sense_is_refused(session: Session, typed: str) -> None:
    with pytest.raises(InvalidInput, match="Keep from 1 to 1000"):
        set_setting(session=session, key="backups_to_keep", value=typed)


def test_a_migration_of_a_database_with_data_copies_it_first(tmp_path: Path) -> None:
    url = old_database(tmp_path / "old.db")
    engine = make_engine(url)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    [before] = automatic_backups(engine)
    assert before.reason == "before-migration" and before.name.startswith("tracker-backup-old-")
    copy = sqlite3.connect(before.path)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT name FROM client").fetchall() == [("Old client",)]
    copy.close()
    engine.dispose()


def test_a_migration_of_an_empty_or_new_database_takes_no_backup(tmp_path: Path) -> None:
    for url in (old_database(tmp_path / "empty_old.db", rows=False), f"sqlite:///{tmp_path / 'new.db'}"):
        engine = make_engine(url)
        upgrade(engine)
        assert automatic_backups(engine) == []
        engine.dispose()


def test_the_cli_migrate_command_backs_up_before_it_upgrades(tmp_path: Path) -> None:
    url = old_database(tmp_path / "cli.db")
    result = CliRunner().invoke(main, ["--db", url, "migrate"])
    assert result.exit_code == 0, result.output
    assert [b.reason for b in automatic_backups(get_engine(url))] == ["before-migration"]
    forget_engines()


@sqlite_only
def test_a_daily_copy_is_restored_from_its_name(filled: Session, tmp_path: Path) -> None:
    engine = filled.get_bind()
    daily = save_backup(engine, "daily")
    create_client(session=filled, data=ClientInput(name="Added after the backup"))
    result = restore_automatic_backup(session=filled, name=daily.name)
    assert names(filled) == ["নদী ডিজাইন"] and result.counts["client"] == 1 and result.counts["payment"] == 1
    assert result.saved_to is not None and result.saved_to.suffix == ".zip"  # what was there, saved first
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    with open_session(f"sqlite:///{tmp_path / 'again.db'}") as again:
        restore_backup(session=again, data=result.saved_to.read_bytes())
        assert names(again) == ["নদী ডিজাইন", "Added after the backup"]


def test_a_copy_taken_before_a_migration_is_upgraded_when_restored(tmp_path: Path) -> None:
    url = old_database(tmp_path / "tracker.db")
    with open_session(url) as session:  # migrates, copying the old database first (as the app opens it)
        [before] = automatic_backups(session.get_bind())
        create_client(session=session, data=ClientInput(name="New client"))
        restore_automatic_backup(session=session, name=before.name)
        assert current_revision(session.get_bind()) == head_revision()
        assert names(session) == ["Old client"]
        assert session.exec(select(Client.asks_upfront)).all() == [False]
    forget_engines()


@sqlite_only
def test_unknown_or_damaged_backups_are_refused_and_change_nothing(filled: Session, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="no automatic backup called"):
        restore_automatic_backup(session=filled, name="../tracker.db")
    damaged = backups_folder(filled.get_bind()) / "tracker-backup-tracker-20260101-000000-daily.db"
    damaged.parent.mkdir(exist_ok=True)
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(InvalidInput, match="damaged or not a database of this app"):
        restore_automatic_backup(session=filled, name=damaged.name)
    assert names(filled) == ["নদী ডিজাইন"]
    assert filled.exec(select(func.count()).select_from(Payment)).one() == 1


def test_the_cli_restores_a_copy_only_with_replace(filled: Session, db_url: str) -> None:
    daily = save_backup(filled.get_bind(), "daily")
    create_client(session=filled, data=ClientInput(name="Added after the backup"))
    refused = CliRunner().invoke(main, ["--db", db_url, "restore", str(daily)])
    assert refused.exit_code == 1 and "--replace" in refused.stderr
    done = CliRunner().invoke(main, ["--db", db_url, "restore", str(daily), "--replace"])
    assert done.exit_code == 0, done.output
    assert "saved in" in done.stdout
    assert names(filled) == ["নদী ডিজাইন"]


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL's automatic backups: runs in `make test-pg`")
def test_on_postgresql_the_daily_backup_is_a_zip_that_restores(filled: Session, db_url: str,
                                                               tmp_path: Path) -> None:
    forget_engines()
    engine = open_database(db_url)  # the first start of the day
    [daily] = automatic_backups(engine)
    assert daily.reason == "daily" and daily.path.parent == tmp_path / "backups"
    assert daily.name.endswith("-daily.zip")
    with open_session(db_url) as session:
        create_client(session=session, data=ClientInput(name="Added after the backup"))
        result = restore_automatic_backup(session=session, name=daily.name)
        assert names(session) == ["নদী ডিজাইন"] and result.counts["payment"] == 1
        added = create_client(session=session, data=ClientInput(name="After the restore"))
        assert added.id > 1, "the id sequence moved past the restored ids"
    with pytest.raises(InvalidInput, match="no automatic backup called"):
        restore_automatic_backup(session=filled, name="../tracker.db")
