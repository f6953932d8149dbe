"""The whole export: one CSV per table, the flat payments file and a monthly summary.

Each table is read once (tracker.io.columns); payments_detailed.csv is made from the payment,
client, gig and skill tables' exported columns (tracker.io.export), and every file is written by
the one CSV writer (tracker.io.csv).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import Session, SQLModel

from tracker.io.collector import collector_paused
from tracker.io.columns import table_columns
from tracker.io.csv import csv_file
from tracker.io.export import date_order, detailed_columns, summary_columns
from tracker.ledger.models import tables_in_order as tables
from tracker.services.settings import home_currency

Progress = Callable[[float], None]


def export_files(session: Session, start: date | None = None, end: date | None = None,
                 progress: Progress | None = None) -> dict[str, bytes]:
    """Return every export file by name: one per table, payments_detailed.csv, monthly_summary.csv.

    `progress`, if given, is told the share done (0 to 1) after each file.
    """
    home, steps = home_currency(session), len(tables()) + 2
    files, read = {}, {}
    with collector_paused():  # hundreds of thousands of cells that all live until the end
        for done, table in enumerate(tables(), start=1):
            read[table.name] = table_columns(session, table, home, start, end)
            files[f"{table.name}.csv"] = csv_file(read[table.name])
            tell(progress, done / steps)
        files["payments_detailed.csv"] = csv_file(detailed_columns(
            read["payment"], read["client"], read["gig"], read["skill"]), order=date_order(read["payment"]))
        tell(progress, (steps - 1) / steps)
        files["monthly_summary.csv"] = csv_file(summary_columns(session, start, end))
        tell(progress, 1.0)
    return files


def tell(progress: Progress | None, done: float) -> None:
    """Tell the progress function the share done, if there is one."""
    if progress is not None:
        progress(done)


def export_zip(session: Session, start: date | None = None, end: date | None = None,
               progress: Progress | None = None) -> bytes:
    """Return every export file in one zip (the Data page's download of everything)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in export_files(session, start, end, progress).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_export(session: Session, folder: Path, start: date | None = None,
                 end: date | None = None) -> list[Path]:
    """Write the export files into a folder (created if missing); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in export_files(session, start, end).items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def table_names() -> list[str]:
    """Return the name of every table, parents first."""
    return [t.name for t in tables()]


def table_csv(session: Session, name: str, start: date | None = None, end: date | None = None) -> bytes:
    """Return one table (by name) as a CSV file's bytes."""
    table = SQLModel.metadata.tables[name]
    return csv_file(table_columns(session, table, home_currency(session), start, end))
