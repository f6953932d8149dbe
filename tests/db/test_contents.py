"""The one "is it empty": through a session, a connection or an engine; all tables or some; any schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine
from sqlmodel import Session

from tracker.db.contents import is_empty
from tracker.ledger.models import Client, Expense, Payment, Setting
from tracker.services.clients import ClientInput, create_client
from tracker.services.settings import set_setting


def test_a_new_database_is_empty_every_way_it_is_asked(session: Session) -> None:
    engine = session.get_bind()
    with engine.connect() as connection:  # type: ignore[union-attr]
        assert is_empty(session) and is_empty(engine) and is_empty(connection)  # type: ignore[arg-type]
    assert is_empty(session, (Payment, Expense)) and is_empty(session, ["client"])


def test_one_row_anywhere_makes_it_hold_data(session: Session) -> None:
    set_setting(session=session, key="language", value="bn")
    assert not is_empty(session) and not is_empty(session.get_bind())  # type: ignore[arg-type]
    assert is_empty(session, (Payment, Expense, Client)), "only the tables asked about count"
    assert not is_empty(session, (Setting,))
    create_client(session=session, data=ClientInput(name="Acme"))
    assert not is_empty(session, (Payment, Client))


def test_a_database_of_any_schema_is_asked_by_its_own_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
        connection.execute("CREATE TABLE retired (id INTEGER)")
    connection.close()
    engine = create_engine(f"sqlite:///{path}")
    assert is_empty(engine), "the version row is not data"
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO retired VALUES (1)")
    connection.close()
    assert not is_empty(engine)
    engine.dispose()
