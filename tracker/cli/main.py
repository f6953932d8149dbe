"""The command line: `python -m tracker [--db URL] COMMAND`.

`migrate` and `report` live here; the other commands live in their own modules and are imported only
when one of them is run or listed (`--help`), so that `report` starts without loading pandas and the
importers. `report` reads through the one facade (tracker.reports.facade.Reports) as the app does.
"""

from __future__ import annotations

import importlib
import json
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import click

from tracker.cli.language import _, choose_language, language, reason
from tracker.db.config import load_config
from tracker.i18n import LANGUAGES, N_
from tracker.ledger import clock
from tracker.ledger.errors import InvalidInput
from tracker.ledger.months import month_of, parse_month

if TYPE_CHECKING:
    from tracker.reports.forecast import MonthReport

# Commands defined elsewhere: name -> "module:attribute".
LAZY_COMMANDS = {
    "demo": "tracker.cli.demo:demo",  # python -m tracker demo [--remove]
    "export": "tracker.cli.files:export_command",
    "backup": "tracker.cli.files:backup_command",
    "restore": "tracker.cli.files:restore_command",
    "import": "tracker.cli.files:import_command",
}


class LazyGroup(click.Group):
    """A command group that imports a command's module the first time the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return every command's name, those not imported yet included, in alphabetical order."""
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return the command, importing its module first if it lives elsewhere."""
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module, attribute = LAZY_COMMANDS[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup)
@click.option("--db", "db_url", envvar="TRACKER_DB_URL", default=None,
              help="Database URL (default: sqlite:///data/tracker.db in the project).")
@click.option("--lang", "language", envvar="TRACKER_LANG", type=click.Choice(LANGUAGES), default=None,
              help="Language of the messages: bn (Bengali) or en (English). Default: the one chosen in "
                   "the app's Settings, else English.")
@click.pass_context
def main(ctx: click.Context, db_url: str | None, language: str | None) -> None:
    """Freelance earnings and goal tracker."""
    ctx.obj = load_config(db_url).db_url
    choose_language(language)


@main.command()
@click.pass_obj
def migrate(db_url: str) -> None:
    """Create or upgrade the database schema to the newest version."""
    from tracker.db.engine import current_revision
    from tracker.io.autobackup import open_database

    engine = open_database(db_url)
    click.echo(_("Database ready at schema {revision}: {address}").format(
        revision=current_revision(engine), address=repr(engine.url)))


@main.command("check-access")
@click.option("--address", default="127.0.0.1", show_default=True,
              help="The address the app will be served on (make run HOST=...).")
def check_access(address: str) -> None:
    """Say how people get into the app on this address; fail when it needs a password and has none."""
    from tracker.access import decide, read_secrets

    rule = decide(address, read_secrets())
    if rule.way == "refused":
        raise click.ClickException(rule.reason)
    click.echo({"open": f"Serving on {address}: only this computer can open the app.",
                "password": f"Serving on {address}: the app asks for the password (.streamlit/secrets.toml).",
                "login": f"Serving on {address}: the app asks people to sign in (OpenID Connect)."}[rule.way])


@main.command()
@click.option("--month", default=None, help="The month to report, YYYY-MM (default: this month).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
              help="Pretend today is this day (for scripts and tests).")
@click.pass_obj
def report(db_url: str, month: str | None, as_json: bool, as_of: datetime | None) -> None:
    """Print a month's net income against the goal, and when the goal is reached at this pace."""
    today = as_of.date() if as_of else clock.today()
    try:
        chosen = parse_month(month) if month else month_of(today)
    except InvalidInput as err:
        raise click.BadParameter(reason(err), param_hint="--month") from None
    from tracker.io.autobackup import open_session
    from tracker.reports.facade import Reports

    with open_session(db_url) as session:
        month_report = Reports(session).month_report(chosen, today)
    if as_json:
        click.echo(json.dumps(report_json(month_report), default=_json_number, ensure_ascii=False))
        return
    for label, text in readable_report(month_report):
        click.echo(f"{label:<20}{text}")


REPORT_MONEY = ("goal", "net", "gross", "fees", "expenses", "pending")
REPORT_LABELS = {"goal": N_("Goal"), "net": N_("Net"), "gross": N_("Gross"), "fees": N_("Fees"),
                 "expenses": N_("Expenses"), "pending": N_("Pending")}
OUTLOOK_WORDS = {"need more data": N_("need more data"), "reached": N_("reached"),
                 "on track": N_("on track"), "not at this pace": N_("not at this pace")}


def _amounts(report: MonthReport) -> dict[str, int]:
    """Return the report's amounts in minor units of the home currency, by their JSON names."""
    s = report.summary
    return {"goal": s.goal_minor, "net": s.net_minor, "gross": s.gross_minor, "fees": s.fees_minor,
            "expenses": s.expenses_minor, "pending": s.pending_minor}


def report_json(report: MonthReport) -> dict[str, object]:
    """Return the month's figures as the JSON contract of `report --json` describes them."""
    from tracker.ledger.money import amount_text

    s, minor = report.summary, _amounts(report)
    return {
        "month": s.month,
        "currency": s.currency,
        **{name: amount_text(minor[name], s.currency) for name in REPORT_MONEY},
        "progress": s.progress.quantize(Decimal("0.000001")),
        "goal_reached_month": report.forecast.goal_month,
        "outlook": report.forecast.outlook.value,
    }


def readable_report(report: MonthReport) -> list[tuple[str, str]]:
    """Return the report's lines for people, in the command's language: taka in lakh, progress in %."""
    from tracker.present import Present

    s, minor = report.summary, _amounts(report)
    present = Present(language=language(), bengali_digits=False, home_currency=s.currency)
    lines = [(_("Month"), s.month)]
    for name in REPORT_MONEY:
        lines.append((_(REPORT_LABELS[name]), present.money(minor[name])))
    lines.append((_("Progress"), present.percent(s.progress.quantize(Decimal("0.000001")))))
    outlook = report.forecast.outlook.value
    reached = report.forecast.goal_month or _(OUTLOOK_WORDS.get(outlook, outlook))
    lines.append((_("Goal reached"), str(reached)))
    return lines


def _json_number(value: object) -> object:
    """Return a Decimal ratio as a JSON number (it is not money)."""
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")

