"""The command line: `python -m tracker [--db URL] COMMAND`."""

from __future__ import annotations

import click

from tracker.config import load_config
from tracker.db import current_revision, get_engine


@click.group()
@click.option("--db", "db_url", envvar="TRACKER_DB_URL", default=None,
              help="Database URL (default: sqlite:///data/tracker.db in the project).")
@click.pass_context
def main(ctx: click.Context, db_url: str | None) -> None:
    """Freelance earnings and goal tracker."""
    ctx.obj = load_config(db_url).db_url


@main.command()
@click.pass_obj
def migrate(db_url: str) -> None:
    """Create or upgrade the database schema to the newest version."""
    engine = get_engine(db_url)
    click.echo(f"Database ready at schema {current_revision(engine)}: {engine.url!r}")
