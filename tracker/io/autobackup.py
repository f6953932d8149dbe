"""Automatic backups: before a restore, before a migration, and once a day on the first start.

Where: `backups/` beside a SQLite database file (data/backups for data/tracker.db), or under
TRACKER_DATA_DIR when that is set (and for a database that is not a file). Names say the database,
the time and the reason: `tracker-backup-tracker-20261122-091500-daily.db` for data/tracker.db.

The app and the command line open the database with `open_database`: a copy before a migration
changes its schema, the upgrade, then the day's backup.

- Once a day and before a migration, a SQLite database is copied with SQLite's online backup: exact,
  quick (a fifth of a second for 30 MB), and restorable by this or a later version of the app, which
  upgrades the copy after putting it back. Other databases get the backup zip once a day, and no
  backup before a migration (a zip can only be made of the newest schema).
- Before a restore replaces data, the data is saved as the backup zip (tracker.io.backup), which the
  Data page and `restore` take back.

The newest `backups_to_keep` (a setting, default 10) are kept; older automatic backups of the same
database are deleted. Backups taken by hand (a download, `python -m tracker backup`) are not touched.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from tracker.db.contents import is_empty
from tracker.db.engine import current_revision, get_engine, migrate, revisions, up_to_date
from tracker.io import backup_names as names
from tracker.io.backup import NotEmpty, RestoreResult, backup_bytes, restore_backup
from tracker.io.backup_names import NAME, PREFIX, REASONS
from tracker.ledger import clock
from tracker.ledger.errors import InvalidInput
from tracker.services.settings import backups_to_keep

DEFAULT_KEEP = 10
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AutoBackup:
    """One automatic backup file: when it was taken, why, and its size in bytes."""

    path: Path
    taken_at: datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        """Return the file's name (what the Data page and the CLI refer to)."""
        return self.path.name


def sqlite_file(engine: Engine) -> Path | None:
    """Return the database file of a SQLite engine, or None (another database, or in memory)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:" or "mode=memory" in database:
        return None
    return Path(database)


def backups_folder(engine: Engine) -> Path:
    """Return the folder that holds this database's automatic backups."""
    return names.backups_folder(sqlite_file(engine))


def database_name(engine: Engine) -> str:
    """Return the name backups of this database start with ('tracker' for tracker.db)."""
    return names.database_name(sqlite_file(engine), engine.url.database)


def automatic_backups(engine: Engine) -> list[AutoBackup]:
    """Return this database's automatic backups, newest first."""
    found = sorted(names.found_backups(backups_folder(engine), database_name(engine)),
                   key=lambda f: (f.taken_at, f.number), reverse=True)
    return [AutoBackup(path=f.path, taken_at=f.taken_at, reason=f.reason, size=f.path.stat().st_size)
            for f in found]


def list_backups(session: Session) -> list[AutoBackup]:
    """Return the automatic backups of the session's database, newest first (for the Data page)."""
    return automatic_backups(session.get_bind())  # type: ignore[arg-type]


def backups_place(session: Session) -> Path:
    """Return the folder of the session's database's automatic backups (for the Data page)."""
    return backups_folder(session.get_bind())  # type: ignore[arg-type]


def new_path(engine: Engine, reason: str, extension: str) -> Path:
    """Return a new, unused file name for a backup taken now."""
    folder = backups_folder(engine)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{PREFIX}{database_name(engine)}-{clock.now():%Y%m%d-%H%M%S}"
    taken = [NAME.match(p.name) for p in folder.glob(f"{stem}-*")]
    last = max((int(m["n"] or 1) for m in taken if m), default=0)  # numbered on: names sort in time order
    return folder / (f"{stem}-{last + 1}-{reason}.{extension}" if last else f"{stem}-{reason}.{extension}")


def save_backup(engine: Engine, reason: str) -> Path:
    """Take an automatic backup now (a SQLite copy, or a zip if `reason` is a restore or not SQLite)."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason for a backup: {reason}")
    if sqlite_file(engine) is None or reason == "before-restore":
        path = new_path(engine, reason, "zip")
        with Session(engine) as session:
            path.write_bytes(backup_bytes(session))
    else:
        path = new_path(engine, reason, "db")
        copy_database(engine, path)
    prune(engine)
    return path


def copy_database(engine: Engine, target: Path) -> None:
    """Copy a SQLite database into a new file with SQLite's online backup (consistent while in use)."""
    partial = target.with_suffix(".partial")
    source = engine.raw_connection()
    try:
        copy = sqlite3.connect(partial)
        try:
            source.driver_connection.backup(copy)  # type: ignore[union-attr]
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            copy.close()
    finally:
        source.close()
    partial.replace(target)  # a backup is either complete or not there


def keep_count(engine: Engine) -> int:
    """Return how many automatic backups to keep: the `backups_to_keep` setting, else 10."""
    try:
        with Session(engine) as session:
            return backups_to_keep(session)
    except DBAPIError:  # a database without the settings table yet
        return DEFAULT_KEEP


def prune(engine: Engine) -> list[Path]:
    """Delete the automatic backups beyond the newest `backups_to_keep`; return the files deleted."""
    old = [b.path for b in automatic_backups(engine)[keep_count(engine):]]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def backup_before_migration(engine: Engine) -> Path | None:
    """Copy a SQLite database that holds data before its schema changes; return the copy (None: none)."""
    if sqlite_file(engine) is None or is_empty(engine):
        return None
    return save_backup(engine, "before-migration")


def daily_backup(engine: Engine, today: date | None = None) -> Path | None:
    """Back up a database with data unless an automatic backup of it was taken today; return the file."""
    day = today or clock.today()
    if any(b.taken_at.date() == day for b in automatic_backups(engine)) or is_empty(engine):
        return None
    try:
        return save_backup(engine, "daily")
    except OSError as err:  # a full disk must not stop the app from starting; the next start tries again
        log.warning("The daily backup could not be written: %s", err)
        return None


def upgrade(engine: Engine) -> None:
    """Bring the schema up to the newest migration, copying a database that holds data first."""
    if not up_to_date(engine) and current_revision(engine) is not None:
        backup_before_migration(engine)
    migrate(engine)


def prepare(engine: Engine) -> None:
    """Make a newly opened database ready: upgraded (copied first when it changes), the day's backup taken."""
    upgrade(engine)
    daily_backup(engine)


def open_database(db_url: str | None = None) -> Engine:
    """Return the app's engine for a URL (TRACKER_DB_URL or data/tracker.db), made ready once per process."""
    return get_engine(db_url, opening=prepare)


def open_session(db_url: str | None = None) -> Session:
    """Return a new session on the app's database (see `open_database`); use it in a `with` block."""
    return Session(open_database(db_url), expire_on_commit=False)


def restore_automatic_backup(*, session: Session, name: str) -> RestoreResult:
    """Put back one of the automatic backups by file name; what is there now is saved first."""
    engine: Engine = session.get_bind()  # type: ignore[assignment]
    chosen = next((b for b in automatic_backups(engine) if b.name == name), None)
    if chosen is None:
        raise InvalidInput("There is no automatic backup called “{name}” (any more).", field="backup",
                           name=name)
    return restore_file(session=session, path=chosen.path, replace=True)


def restore_copy(engine: Engine, path: Path) -> RestoreResult:
    """Replace a SQLite database with a copy taken earlier, then upgrade it; return what it holds."""
    check_copy(path)
    saved_to = save_backup(engine, "before-restore") if not is_empty(engine) else None
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    target = engine.raw_connection()
    try:
        source.backup(target.driver_connection)  # type: ignore[arg-type]
    finally:
        target.close()
        source.close()
    migrate(engine)
    with engine.connect() as connection:
        counts = {t: connection.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one()
                  for t in inspect(connection).get_table_names() if t != "alembic_version"}
    return RestoreResult(counts=counts, saved_to=saved_to)


def check_copy(path: Path) -> None:
    """Refuse a file that is not an intact database of this app (damaged, or from elsewhere)."""
    try:
        copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            intact = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            revision = copy.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            copy.close()
    except sqlite3.DatabaseError:
        intact, revision = False, None
    if not intact or revision is None or revision[0] not in revisions():
        raise InvalidInput("The backup {file} is damaged or not a database of this app.", field="backup",
                           file=path.name)


def restore_file(*, session: Session, path: Path, replace: bool = False) -> RestoreResult:
    """Put back a backup zip, or a database copy (.db) taken automatically; refuse to replace unasked."""
    if path.suffix != ".db":
        return restore_backup(session=session, data=path.read_bytes(), replace=replace)
    if not replace and not is_empty(session):
        raise NotEmpty("This database already holds data. Restoring replaces all of it; confirm that "
                       "you want that (what is there is backed up first).", field="backup")
    session.rollback()  # let go of the database before the copy replaces it
    return restore_copy(session.get_bind(), path)  # type: ignore[arg-type]
