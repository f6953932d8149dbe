"""`python -m tracker demo [--remove]`: load the demo profile, or remove it (registered in cli.py)."""

from __future__ import annotations

import click

from tracker.cli.language import _, reason
from tracker.demo.profile import load_demo, remove_demo
from tracker.io.autobackup import open_session
from tracker.ledger.errors import InvalidInput


@click.command("demo")
@click.option("--remove", is_flag=True, help="Remove the demo records; your own records stay.")
@click.pass_obj
def demo(db_url: str, remove: bool) -> None:
    """Load six months of a newcomer's demo journey, marked "(demo)", or remove it again."""
    with open_session(db_url) as session:
        try:
            counts = remove_demo(session) if remove else load_demo(session)
        except InvalidInput as err:
            raise click.ClickException(reason(err)) from None
    if not any(counts.values()):
        click.echo(_("There is no demo data."))
        return
    what = ", ".join(f"{count} {table}" for table, count in counts.items() if count)
    done = _("Removed the demo data: {what}.") if remove else _("Loaded the demo data: {what}.")
    click.echo(done.format(what=what))
