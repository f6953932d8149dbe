"""The database: engine with SQLite pragmas, sessions, Alembic migrations at start, busy retries.

The backups taken before a migration and once a day are tracker.io.autobackup's (`open_database`,
which the app and the command line open the database with); this module takes none. A database is
up to date when its `alembic_version` row names Alembic's head revision (read from
migrations/versions, without loading Alembic: a quicker start for the CLI and the app). Writes go
through `run_write`, which tries again a few times when SQLite says another connection is writing,
so that a person never sees "database is locked".
"""

from __future__ import annotations

import ast
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from tracker.db.config import PROJECT_ROOT, load_config
from tracker.ledger.errors import InvalidInput

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

MIGRATIONS = PROJECT_ROOT / "migrations"
VERSION_TABLE = "alembic_version"
BUSY = ("database is locked", "database is busy", "database table is locked")
R = TypeVar("R")
_engines: dict[str, Engine] = {}
_lock = threading.Lock()


def make_engine(url: str) -> Engine:
    """Return a new engine; SQLite gets WAL, foreign keys and a busy timeout on every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """Turn on what SQLite leaves off by default, for each new connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def alembic_config(engine: Engine) -> AlembicConfig:
    """Return an Alembic configuration that migrates this engine's database."""
    from alembic.config import Config as AlembicConfig  # Alembic is loaded only when it is needed

    cfg = AlembicConfig(str(PROJECT_ROOT / "alembic.ini"))
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest migration (a no-op when it is there)."""
    if up_to_date(engine):
        return
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def up_to_date(engine: Engine) -> bool:
    """Return True if the database is at the newest migration (Alembic is not loaded)."""
    return current_revision(engine) == head_revision()


def current_revision(engine: Engine) -> str | None:
    """Return the migration the database is at, or None for an empty database (read as Alembic does)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        stored = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
        if len(stored) <= 1:
            return stored[0] if stored else None
        from alembic.runtime.migration import MigrationContext  # more than one head: Alembic's error

        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """Return the newest migration in migrations/versions: the one no other migration builds on.

    Read from the files' `revision` and `down_revision` assignments without loading Alembic (a quicker
    start); with more than one such migration, Alembic is asked and says what is wrong.
    """
    built, below = set(), set()
    for file in (MIGRATIONS / "versions").glob("*.py"):
        found = _assigned(file)
        built.add(found.get("revision"))
        down = found.get("down_revision")
        below.update(down if isinstance(down, tuple | list) else [down])
    heads = built - below - {None}
    if len(heads) == 1:
        return str(heads.pop())
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(create_engine("sqlite://"))).get_current_head()


def _assigned(file: Path) -> dict[str, object]:
    """Return the literal values a migration file assigns at its top level (revision, down_revision)."""
    values: dict[str, object] = {}
    for node in ast.parse(file.read_text(encoding="utf-8")).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and node.value is not None:  # type: ignore[union-attr]
            try:
                values[target.id] = ast.literal_eval(node.value)  # type: ignore[union-attr]
            except ValueError:
                continue
    return values


def revisions() -> set[str]:
    """Return every migration's revision id."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return {r.revision for r in script.walk_revisions()}


def get_engine(db_url: str | None = None, opening: Callable[[Engine], None] = migrate) -> Engine:
    """Return the engine for a URL (one per URL in this process), made ready by `opening` when first made.

    `opening` is `migrate` unless given (tracker.io.autobackup.open_database also takes the backups).
    """
    url = load_config(db_url).db_url
    with _lock:
        if url not in _engines:
            engine = make_engine(url)
            opening(engine)
            _engines[url] = engine
        return _engines[url]


def is_busy(err: BaseException) -> bool:
    """Return True if the error is SQLite saying that another connection holds the lock."""
    if isinstance(err, OperationalError):
        err = err.orig  # type: ignore[assignment]
    return isinstance(err, sqlite3.OperationalError) and any(word in str(err).lower() for word in BUSY)


def run_write(write: Callable[[], R], *, attempts: int = 5, pause: float = 0.05) -> R:
    """Return write(), run again (waiting longer each time) while the database is busy; then refuse."""
    for attempt in range(1, attempts + 1):
        try:
            return write()
        except (OperationalError, sqlite3.OperationalError) as err:
            if not is_busy(err):
                raise
            if attempt == attempts:
                raise InvalidInput("The database is busy: another program is writing to it. Try again "
                                   "in a moment.") from err
            time.sleep(pause * 2 ** (attempt - 1) * (1 + random.random()))
    raise AssertionError("attempts must be at least 1")


def forget_engines() -> None:
    """Dispose of every cached engine (tests, and after a restore replaces the file)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def open_session(db_url: str | None = None) -> Session:
    """Return a new session on the migrated database; use it in a `with` block."""
    return Session(get_engine(db_url), expire_on_commit=False)
