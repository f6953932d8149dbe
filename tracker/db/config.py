"""Settings from the environment: where the database is. One object, read when asked."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_URL = "sqlite:///data/tracker.db"


@dataclass(frozen=True)
class Config:
    """Where the app keeps its data."""

    db_url: str
    data_dir: Path


def resolve_db_url(url: str) -> str:
    """Return the URL with a relative SQLite path made absolute against the project folder."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and ":memory:" not in url:
        return prefix + str(PROJECT_ROOT / url[len(prefix):])
    return url


def load_config(db_url: str | None = None) -> Config:
    """Return the configuration: an explicit URL, else TRACKER_DB_URL, else data/tracker.db."""
    url = resolve_db_url(db_url or os.environ.get("TRACKER_DB_URL") or DEFAULT_DB_URL)
    data_dir = Path(os.environ.get("TRACKER_DATA_DIR") or PROJECT_ROOT / "data")
    return Config(db_url=url, data_dir=data_dir)


def shown_url(url: str) -> str:
    """Return a database URL as it may be shown on a page or in a log: any password hidden (***)."""
    from sqlalchemy.engine.url import make_url

    return make_url(url).render_as_string(hide_password=True)
