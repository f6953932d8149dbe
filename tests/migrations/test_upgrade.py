"""Upgrading a database made by the previous release keeps every row: a database is built at the first
migration (0001), filled with rows in every table by plain SQL of that schema, upgraded the way the app
does at start, and compared column by column; columns added since hold their defaults, and the app
reads the upgraded data (a month's figures come out as computed by hand).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import inspect
from sqlmodel import Session, select

from tracker.db.engine import alembic_config, current_revision, head_revision, make_engine, migrate
from tracker.io.autobackup import automatic_backups, upgrade
from tracker.ledger.models import Client, Gig, Payment
from tracker.reports.month import month_summary

CREATED = "2026-01-05 10:00:00.000000"
ROWS: dict[str, list[dict[str, Any]]] = {  # the 0001 schema, every table, parents first
    "checklist_item": [
        {"id": 1, "key": "computer", "done": 1, "done_on": "2026-01-02", "note": "ল্যাপটপ"},
        {"id": 2, "key": "internet", "done": 0, "done_on": None, "note": ""},
    ],
    "client": [
        {"id": 1, "name": "নদী ডিজাইন", "platform": "Upwork", "country": "Bangladesh", "payment_verified": 1,
         "notes": "line 1\nline 2, \"quoted\"", "archived": 0, "created_at": CREATED},
        {"id": 2, "name": "=HYPERLINK(\"x\")", "platform": "direct", "country": "", "payment_verified": 0,
         "notes": "\\N is not null", "archived": 1, "created_at": CREATED},
    ],
    "expense": [
        {"id": 1, "spent_on": "2026-01-10", "month": "2026-01", "category": "internet", "currency": "BDT",
         "amount_minor": 150000, "rate": "1", "amount_home_minor": 150000, "source": "manual",
         "external_ref": None, "note": "", "created_at": CREATED},
        {"id": 2, "spent_on": "2026-01-11", "month": "2026-01", "category": "connects", "currency": "USD",
         "amount_minor": 600, "rate": "120", "amount_home_minor": 72000, "source": "upwork",
         "external_ref": "701", "note": "40 Connects", "created_at": CREATED},
    ],
    "goal": [{"id": 1, "valid_from": "2026-01", "target_minor": 10000000, "created_at": CREATED}],
    "setting": [{"key": "home_currency", "value": "BDT"}, {"key": "language", "value": "bn"},
                {"key": "fee_percent.Upwork", "value": "10"}],
    "skill": [{"id": 1, "name": "Logo design", "category": "graphic design", "stage": "earning",
               "note": "", "created_at": CREATED}],
    "gig": [{"id": 1, "title": "Logo for নদী", "client_id": 1, "skill_id": 1, "platform": "Upwork",
             "pricing": "fixed", "price_minor": 25000, "currency": "USD", "minutes_worked": 300,
             "status": "paid", "started_on": "2026-01-02", "due_on": "2026-01-09",
             "delivered_on": "2026-01-08", "closed_on": "2026-01-12", "decline_reason": "", "note": "",
             "created_at": CREATED}],
    "learning_session": [{"id": 1, "skill_id": 1, "learned_on": "2026-01-01", "minutes": 90, "note": ""}],
    "mentor_review": [{"id": 1, "skill_id": 1, "reviewed_on": "2026-01-03", "reviewer": "Karim",
                       "verdict": "ready", "notes": ""}],
    "payment": [
        {"id": 1, "paid_on": "2026-01-12", "month": "2026-01", "kind": "payment", "client_id": 1, "gig_id": 1,
         "platform": "Upwork", "currency": "USD", "gross_minor": 25000, "platform_fee_minor": 2500,
         "transfer_fee_minor": 0, "rate": "122.5", "gross_home_minor": 3062500, "fees_home_minor": 306250,
         "net_home_minor": 2756250, "status": "cleared", "source": "upwork", "external_ref": "700",
         "note": "Milestone 1", "created_at": CREATED},
        {"id": 2, "paid_on": "2026-01-20", "month": "2026-01", "kind": "payment", "client_id": None,
         "gig_id": None, "platform": None, "currency": "BDT", "gross_minor": 500000, "platform_fee_minor": 0,
         "transfer_fee_minor": 0, "rate": "1", "gross_home_minor": 500000, "fees_home_minor": 0,
         "net_home_minor": 500000, "status": "pending", "source": "manual", "external_ref": None,
         "note": "", "created_at": CREATED},
    ],
}
NEW_DEFAULTS = {("client", "asks_upfront"): 0, ("client", "demo"): 0, ("gig", "demo"): 0,
                ("skill", "demo"): 0, ("learning_session", "demo"): 0, ("mentor_review", "demo"): 0}


def table_rows(path: Path, table: str) -> list[dict[str, Any]]:
    """Return a table's rows as stored, as dicts, by rowid (read with plain sqlite3)."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
    finally:
        connection.close()


@pytest.fixture
def old_database(tmp_path: Path) -> Path:
    """Return a database file at revision 0001 with the rows above in every table."""
    path = tmp_path / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    connection = sqlite3.connect(path)
    with connection:
        for table, rows in ROWS.items():
            for row in rows:
                connection.execute(f'INSERT INTO "{table}" ({", ".join(row)}) VALUES '
                                   f'({", ".join("?" * len(row))})', list(row.values()))
    connection.close()
    return path


def test_every_table_of_the_first_release_is_filled(old_database: Path) -> None:
    engine = make_engine(f"sqlite:///{old_database}")
    tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    engine.dispose()
    assert tables == set(ROWS)
    assert all(table_rows(old_database, t) == ROWS[t] for t in ROWS)


def test_upgrading_keeps_every_row_and_fills_new_columns_with_their_defaults(old_database: Path) -> None:
    engine = make_engine(f"sqlite:///{old_database}")
    assert current_revision(engine) == "0001"
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    assert [b.reason for b in automatic_backups(engine)] == ["before-migration"]
    engine.dispose()
    for table, before in ROWS.items():
        after = table_rows(old_database, table)
        assert [{k: row[k] for k in before[0]} for row in after] == before, table
        added = set(after[0]) - set(before[0])
        for column in added:
            expected = NEW_DEFAULTS.get((table, column))
            assert expected is not None, f"{table}.{column} is new since 0001: add its expected default"
            assert {row[column] for row in after} == {expected}, (table, column)
    connection = sqlite3.connect(old_database)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    connection.close()


def test_the_app_reads_the_upgraded_data(old_database: Path) -> None:
    engine = make_engine(f"sqlite:///{old_database}")
    migrate(engine)
    with Session(engine) as session:
        assert [(c.name, c.asks_upfront, c.demo) for c in session.exec(select(Client))] == [
            ("নদী ডিজাইন", False, False), ("=HYPERLINK(\"x\")", False, False)]
        assert session.exec(select(Gig.title)).one() == "Logo for নদী"
        assert session.exec(select(Payment.rate).where(Payment.id == 1)).one() == "122.5"
        january = month_summary(session, "2026-01")
        # cleared: 27,562.50 net; expenses: 1,500.00 + 720.00; pending 5,000.00 apart
        assert (january.net_minor, january.pending_minor) == (2756250 - 150000 - 72000, 500000)
    engine.dispose()


def test_0005_stores_decline_reasons_as_codes_whatever_the_language_was(tmp_path: Path) -> None:
    path = tmp_path / "tracker.db"
    engine = make_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0004")
    reasons = ["The work is against my principles", "কাজটি আমার নীতির বিরুদ্ধে", "বাজেট খুব কম",
               "I do not have the skill for it yet", "ক্লায়েন্টকে বিশ্বাসযোগ্য মনে হচ্ছে না",
               "I have no time for it now", "They want it for free", ""]
    with sqlite3.connect(path) as connection:
        for number, reason in enumerate(reasons, start=1):
            row = {**ROWS["gig"][0], "id": number, "client_id": None, "skill_id": None, "demo": 0,
                   "status": "declined" if reason else "lead", "decline_reason": reason}
            connection.execute(f'INSERT INTO gig ({", ".join(row)}) VALUES ({", ".join("?" * len(row))})',
                               list(row.values()))
    connection.close()
    migrate(engine)
    assert current_revision(engine) == "0005"
    assert [r["decline_reason"] for r in table_rows(path, "gig")] == [
        "principles", "principles", "budget", "skill", "trust", "time", "They want it for free", ""]
    command.downgrade(alembic_config(engine), "0004")
    assert [r["decline_reason"] for r in table_rows(path, "gig")][:3] == [
        "The work is against my principles", "The work is against my principles", "The budget is too low"]
    engine.dispose()
