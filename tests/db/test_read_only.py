"""The read-only engine creates nothing and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tracker.db.read_only import read_only_engine


def test_no_file_no_engine(tmp_path: Path) -> None:
    assert read_only_engine(f"sqlite:///{tmp_path / 'none.db'}") is None
    assert read_only_engine("sqlite://") is None
    assert not list(tmp_path.iterdir())


def test_an_existing_file_is_read_but_never_written(db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's read-only mode; PostgreSQL's engine reads in read-only transactions")
    engine = read_only_engine(db_url)
    assert engine is not None
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM setting")).scalar() == 0
        with pytest.raises(OperationalError, match="readonly"):
            connection.execute(text("INSERT INTO setting (key, value) VALUES ('language', 'bn')"))
    engine.dispose()
