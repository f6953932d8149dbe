"""Where a database's automatic backups are and what they are called (tracker.io.autobackup takes them)."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from tracker.db.config import load_config

REASONS = ("daily", "before-migration", "before-restore")
PREFIX = "tracker-backup-"
NAME = re.compile(r"^tracker-backup-(?:(?P<db>.+?)-)?(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?(?:-(?P<reason>"
                  + "|".join(REASONS) + r"))?\.(?P<ext>db|zip)$")


class Found(NamedTuple):
    """One automatic backup file found in a folder: when it was taken, its number that second, why."""

    taken_at: datetime
    number: int
    reason: str
    path: Path


def backups_folder(file: Path | None) -> Path:
    """Return the folder of the automatic backups of a SQLite file (None: any other database)."""
    if os.environ.get("TRACKER_DATA_DIR") or file is None:
        return load_config().data_dir / "backups"
    return file.parent / "backups"


def database_name(file: Path | None, database: str | None) -> str:
    """Return the name a database's backups start with ('tracker' for tracker.db)."""
    name = file.stem if file is not None else (database or "database")
    return re.sub(r"[^A-Za-z0-9_.]+", "-", name).strip("-.") or "database"


def found_backups(folder: Path, name: str) -> list[Found]:
    """Return the automatic backups of the database called `name` in a folder, in no order."""
    found = []
    for path in folder.glob(f"{PREFIX}*") if folder.is_dir() else ():
        match = NAME.match(path.name)
        if match and match["db"] in (name, None) and path.is_file():  # None: named before 2026-11
            taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(Found(taken, int(match["n"] or 1), match["reason"] or "before-restore", path))
    return found
