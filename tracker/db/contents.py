"""Whether the database (or some of its tables) holds any row: the one answer to "is it empty".

It is asked through a session (the Dashboard's first start, a restore, the home currency) or through a
plain connection before the schema is migrated (the automatic backups), so it names tables as they are
in the database and reads no model: any schema version can be asked.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, exists, inspect, select, table
from sqlmodel import Session, SQLModel

VERSION_TABLE = "alembic_version"


def is_empty(bind: Engine | Connection | Session, tables: Iterable[type[SQLModel] | str] = ()) -> bool:
    """Return True if none of the tables (none named: every table there is) holds a row."""
    if isinstance(bind, Engine):
        with bind.connect() as connection:
            return is_empty(connection, tables)
    names = [t if isinstance(t, str) else t.__tablename__ for t in tables]  # type: ignore[attr-defined]
    if not names:
        connection = bind.connection() if isinstance(bind, Session) else bind
        names = [n for n in inspect(connection).get_table_names() if n != VERSION_TABLE]
    return not any(bind.execute(select(exists().select_from(table(name)))).scalar() for name in names)
