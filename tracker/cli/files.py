"""Command-line data in and out: `export`, `backup`, `restore` and `import` (registered in tracker.cli.main).

Exit codes: 0 done, 1 refused input (the reason on stderr, in plain words), 2 a usage mistake.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import click

from tracker.cli.language import _, ngettext, reason
from tracker.db.engine import run_write
from tracker.io.autobackup import open_session, restore_file
from tracker.io.backup import NotEmpty, backup_bytes
from tracker.io.csvread import MAX_IMPORT_BYTES, too_large
from tracker.io.importer import ImportResult, import_rows, summary_line
from tracker.io.importers import CHOICES
from tracker.io.importers.mapped import FIELDS, Mapping, load_mapping, make_mapping, save_mapping
from tracker.io.plan import ImportOptions, ImportPlan, plan_import
from tracker.io.tables_csv import write_export
from tracker.ledger.errors import InvalidInput

SHOWN_REFUSALS = 20
DAY = click.DateTime(["%Y-%m-%d"])


def fail(message: str) -> NoReturn:
    """Print a refusal (already in the command's language) on stderr and stop with exit code 1."""
    click.echo(_("Error: {reason}").format(reason=message), err=True)
    sys.exit(1)


def pairs(values: tuple[str, ...], option: str) -> tuple[tuple[str, str], ...]:
    """Return NAME=VALUE options as pairs, or stop with a usage error."""
    result = []
    for value in values:
        name, sep, rest = value.partition("=")
        if not sep or not name.strip() or not rest.strip():
            raise click.BadParameter(_("“{value}” should look like NAME=VALUE.").format(value=value),
                                     param_hint=option)
        result.append((name.strip(), rest.strip()))
    return tuple(result)


@click.command("export")
@click.option("--out", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the CSV files into (created if missing).")
@click.option("--from", "start", type=DAY, default=None, help="First day to include, YYYY-MM-DD.")
@click.option("--to", "end", type=DAY, default=None, help="Last day to include, YYYY-MM-DD.")
@click.pass_obj
def export_command(db_url: str, folder: Path, start: datetime | None, end: datetime | None) -> None:
    """Write one CSV per table, payments_detailed.csv and monthly_summary.csv."""
    with open_session(db_url) as session:
        paths = write_export(session, folder, start.date() if start else None, end.date() if end else None)
    click.echo(_("Wrote {count} files to {folder}").format(count=len(paths), folder=folder))


@click.command("backup")
@click.option("--out", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The backup zip to write.")
@click.pass_obj
def backup_command(db_url: str, target: Path) -> None:
    """Save the whole database as a zip of CSV files with a manifest."""
    with open_session(db_url) as session:
        data = backup_bytes(session)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    click.echo(_("Backup written to {file}").format(file=target))


@click.command("restore")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--replace", is_flag=True, help="Replace the data in a database that is not empty "
              "(a backup of it is saved first).")
@click.pass_obj
def restore_command(db_url: str, source: Path, replace: bool) -> None:
    """Put back a backup zip, or an automatic backup (.db): into an empty database, or with --replace."""
    with open_session(db_url) as session:
        try:
            result = run_write(lambda: restore_file(session=session, path=source, replace=replace))
        except NotEmpty:
            fail(_("This database already holds data. Run again with --replace to replace all of it "
                   "(a backup of what is there is saved first)."))
        except InvalidInput as err:
            fail(reason(err))
    if result.saved_to is not None:
        click.echo(_("The data that was there is saved in {file}").format(file=result.saved_to))
    click.echo(_("Restored {rows} rows in {tables} tables.").format(rows=sum(result.counts.values()),
                                                                     tables=len(result.counts)))


@click.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="The statement's format; auto reads it from the header.")
@click.option("--rate", "rates", multiple=True, metavar="CUR=RATE",
              help="Home-currency rate for a currency, like USD=121.50 (repeat for more).")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]), default=None,
              help="Day first (dmy) or month first (mdy), when the file does not show it.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Import the good rows even if some are refused.")
@click.option("--mapping", "mapping_name", default=None, help="A saved mapping to use (mapped format).")
@click.option("--map", "columns", multiple=True, metavar="FIELD=COLUMN",
              help=f"For --format mapped: which column holds a field ({', '.join(FIELDS)}).")
@click.option("--currency", default="USD", show_default=True,
              help="Mapped format: the currency when no column says.")
@click.option("--platform", default="other", show_default=True, help="Mapped format: the platform.")
@click.option("--save-mapping", "save_as", default=None, help="Save the --map columns under this name.")
@click.pass_obj
def import_command(db_url: str, source: Path, fmt: str, rates: tuple[str, ...], date_order: str | None,
                   dry_run: bool, skip_invalid: bool, mapping_name: str | None, columns: tuple[str, ...],
                   currency: str, platform: str, save_as: str | None) -> None:
    """Import a statement: the tracker's CSV, Upwork, Payoneer, PayPal, or any file with --map."""
    options = ImportOptions(format=fmt, rates=pairs(rates, "--rate"), date_order=date_order,
                            mapping=chosen_mapping(mapping_name, columns, currency, platform, save_as))
    if source.stat().st_size > MAX_IMPORT_BYTES:
        fail(reason(too_large(source.stat().st_size)))
    with open_session(db_url) as session:
        try:
            plan = plan_import(session, source.read_bytes(), options)
            stop_unless_ready(plan)
            report_refusals(plan)
            if dry_run or (plan.refused and not skip_invalid):
                finish_without_writing(plan, dry_run, skip_invalid)
            result = run_write(lambda: import_rows(session=session, plan=plan, skip_invalid=skip_invalid))
        except InvalidInput as err:
            fail(reason(err))
    report(result)


def chosen_mapping(name: str | None, columns: tuple[str, ...], currency: str, platform: str,
                   save_as: str | None) -> Mapping | None:
    """Return the mapping from --mapping or --map (saved with --save-mapping), or None."""
    try:
        if columns:
            mapping = make_mapping(save_as or name or "mapped", dict(pairs(columns, "--map")),
                                   currency=currency, platform=platform)
            if save_as:
                click.echo(_("Mapping saved to {file}").format(file=save_mapping(mapping)))
            return mapping
        return load_mapping(name) if name else None
    except InvalidInput as err:
        fail(reason(err))


def stop_unless_ready(plan: ImportPlan) -> None:
    """Stop when the file needs a date order or rates that were not given."""
    if plan.date_question is not None:
        fail(plan.date_question.text(_) + " " + _("Give --date-order dmy or --date-order mdy."))
    if plan.missing_rates:
        fail(_("Rows in {currencies} need an exchange rate into {home}. Give one, like --rate "
               "{currency}=121.50.").format(currencies=", ".join(plan.missing_rates), home=plan.home,
                                            currency=plan.missing_rates[0]))


def report_refusals(plan: ImportPlan) -> None:
    """Print each refused row with its number and reason on stderr (the first ones)."""
    for refusal in plan.refused[:SHOWN_REFUSALS]:
        line = _("row {number}: {reason}").format(number=refusal.number, reason=refusal.text(_))
        click.echo(line, err=True)
    if len(plan.refused) > SHOWN_REFUSALS:
        more = len(plan.refused) - SHOWN_REFUSALS
        click.echo(ngettext("... and {count} more refused row", "... and {count} more refused rows", more)
                   .format(count=more), err=True)


def finish_without_writing(plan: ImportPlan, dry_run: bool, skip_invalid: bool) -> NoReturn:
    """Print what would happen, and exit: 1 if rows were refused (and not skipped), else 0."""
    if not dry_run:  # rows were refused and not skipped
        click.echo(summary_line(0, plan.duplicate_rows, len(plan.refused), _))
        fail(_("Nothing was imported, because rows were refused. Fix the file, or give --skip-invalid to "
               "import only the good rows."))
    click.echo(_("Dry run: nothing was written."))
    if plan.transfers:
        click.echo(_("Transfers between your own accounts, not counted: {count}.").format(
            count=len(plan.transfers)))
    click.echo(summary_line(plan.added_rows, plan.duplicate_rows, len(plan.refused), _))
    sys.exit(1 if plan.refused and not skip_invalid else 0)


def report(result: ImportResult) -> None:
    """Print what the import did, ending with the one summary line."""
    if result.transfers:
        click.echo(_("Transfers between your own accounts, not counted: {count}.").format(
            count=result.transfers))
    if result.imported == 0 and result.duplicates:
        click.echo(_("Nothing new: every row was imported before."))
    click.echo(result.summary(_))

