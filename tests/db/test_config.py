"""tracker/db/config.py: where the database is, and how its address may be shown."""

from __future__ import annotations

import pytest

from tracker.db.config import PROJECT_ROOT, load_config, shown_url


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql+psycopg://tracker:s3cret-Pass@db.example.com:5432/tracker",
     "postgresql+psycopg://tracker:***@db.example.com:5432/tracker"),
    ("postgresql+psycopg://tracker@localhost/tracker", "postgresql+psycopg://tracker@localhost/tracker"),
    ("sqlite:////home/me/freelance.db", "sqlite:////home/me/freelance.db"),
])
def test_a_shown_address_never_holds_the_password(url: str, shown: str) -> None:
    assert shown_url(url) == shown
    assert "s3cret" not in shown_url(url)


def test_the_default_database_is_in_the_projects_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRACKER_DB_URL", raising=False)
    monkeypatch.delenv("TRACKER_DATA_DIR", raising=False)
    config = load_config()
    assert config.db_url == f"sqlite:///{PROJECT_ROOT / 'data' / 'tracker.db'}"
    assert config.data_dir == PROJECT_ROOT / "data"
