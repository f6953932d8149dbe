"""`python -m tracker migrate` sets up the database given by --db or TRACKER_DB_URL."""

from __future__ import annotations

from click.testing import CliRunner

from tracker.cli import main
from tracker.db import current_revision, head_revision, make_engine


def test_migrate_with_db_option(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(main, ["--db", url, "migrate"])
    assert result.exit_code == 0, result.output
    assert current_revision(make_engine(url)) == head_revision()


def test_migrate_with_environment_variable(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'env.db'}"
    result = CliRunner().invoke(main, ["migrate"], env={"TRACKER_DB_URL": url})
    assert result.exit_code == 0, result.output
    assert "env.db" in result.output
