"""Backup and restore: the whole database as one CSV per table in a zip, with a manifest.

Every table of the models is saved with all its columns (ids included) as stored: NULL as \\N
(text starting with a backslash gets one more), booleans true/false, dates and times ISO; lines end
with CR LF, so that text holding a CR is quoted (backups written before, with LF line ends, are read
with LF as their only line end: their unquoted lone CRs are text). The manifest names the app, the
schema revision, and each file's columns, row count and SHA-256.
A restore checks all of that before it writes; then, in one transaction, it deletes every row
(children first) and inserts the backup's (parents first), so ids and links stay as they were.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Integer, Table, TypeDecorator, select, text
from sqlmodel import Session

from tracker.db.contents import is_empty
from tracker.db.engine import current_revision, head_revision
from tracker.io.csv import csv_file, lines_end_with_lf_alone
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import tables_in_order as tables
from tracker.ledger.models import utc_now
from tracker.services.common import writing

APP = "freelance-tracker"
FORMAT = 1
NULL = "\\N"
MANIFEST = "manifest.json"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # one table's CSV; ten busy years of payments are about 50 MB
# What zipfile and zlib raise for a damaged or unusual zip (a wrong checksum, cut short, encrypted).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError)


def encode(value: Any) -> str:
    """Return a stored value as backup text (see the module docstring)."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return "\\" + value if value.startswith("\\") else value
    return str(value)


def decode(text_value: str, column: Column[Any]) -> Any:
    """Return the stored value for backup text in a column; raise ValueError if it cannot be."""
    if text_value == NULL:
        return None
    kind = column.type.impl_instance if isinstance(column.type, TypeDecorator) else column.type
    if isinstance(kind, Boolean):
        if text_value not in ("true", "false"):
            raise ValueError(f"“{text_value}” is not true or false")
        return text_value == "true"
    if isinstance(kind, Integer):
        return int(text_value)
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(text_value)
    if isinstance(kind, Date):
        return date.fromisoformat(text_value)
    return text_value[1:] if text_value.startswith("\\") else text_value


def table_csv(session: Session, table: Table) -> tuple[bytes, int]:
    """Return (CSV bytes, row count) of one table's stored rows, by primary key."""
    rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
    stored = zip(*rows, strict=True) if rows else [()] * len(table.columns)
    columns = {c.name: [encode(v) for v in values] for c, values in zip(table.columns, stored, strict=True)}
    return csv_file(columns, byte_order_mark=False), len(rows)


def backup_bytes(session: Session) -> bytes:
    """Return the whole database as a backup zip's bytes."""
    entries: dict[str, Any] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in tables():
            data, count = table_csv(session, table)
            archive.writestr(f"{table.name}.csv", data)
            entries[table.name] = {"file": f"{table.name}.csv", "rows": count,
                                   "sha256": hashlib.sha256(data).hexdigest(),
                                   "columns": [c.name for c in table.columns]}
        manifest = {"app": APP, "format": FORMAT,
                    "schema_revision": current_revision(session.get_bind()),  # type: ignore[arg-type]
                    "created_at": utc_now().isoformat(), "tables": entries}
        archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
    return buffer.getvalue()


def save_automatic_backup(session: Session) -> Path:
    """Write a backup zip of the database among its automatic backups (tracker.io.autobackup); return it."""
    from tracker.io.autobackup import save_backup  # it builds on this module

    return save_backup(session.get_bind(), "before-restore")  # type: ignore[arg-type]


class NotEmpty(InvalidInput):
    """The database holds data and replacing it was not confirmed."""


@dataclass(frozen=True)
class RestoreResult:
    """What a restore put back, per table, and where the backup of the replaced data went."""

    counts: dict[str, int]
    saved_to: Path | None


def restore_backup(*, session: Session, data: bytes, replace: bool = False) -> RestoreResult:
    """Check a backup, then replace every row with its rows in one transaction; return what it did."""
    rows = read_backup(data)
    saved_to = None
    if not is_empty(session):
        if not replace:
            raise NotEmpty("This database already holds data. Restoring replaces all of it; "
                               "confirm that you want that (what is there is backed up first).",
                               field="backup")
        saved_to = save_automatic_backup(session)
    with writing(session):
        for table in reversed(tables()):
            session.execute(table.delete())
        for table in tables():
            if rows[table.name]:
                session.execute(table.insert(), rows[table.name])
        reset_sequences(session)
    return RestoreResult(counts={name: len(r) for name, r in rows.items()}, saved_to=saved_to)


def reset_sequences(session: Session) -> None:
    """On PostgreSQL, move each id sequence past the restored ids (SQLite needs nothing)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables():
        if "id" in table.columns and isinstance(table.columns["id"].type, Integer):
            session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                 f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))


def read_backup(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """Return each table's rows from a backup zip, or refuse a damaged or foreign file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except DAMAGED:
        raise InvalidInput("This file is not a backup of this app: it is not a zip file.",
                           field="backup") from None
    try:
        with archive:
            manifest = read_manifest(archive)
            return {table.name: table_rows(archive, table, manifest["tables"][table.name])
                    for table in tables()}
    except DAMAGED as err:  # the zip's own structure or compressed data is broken
        raise InvalidInput("The backup is damaged: it cannot be read ({detail}).", field="backup",
                           detail=str(err) or type(err).__name__) from None


def member(archive: zipfile.ZipFile, name: str) -> bytes:
    """Return one file of the zip, reading no more than MAX_MEMBER_BYTES (a zip may claim anything)."""
    with archive.open(name) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise InvalidInput("The backup is damaged: {file} is larger than any backup of this app.",
                           field="backup", file=name)
    return data


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """Return the checked manifest; refuse a foreign zip or a backup from another schema version."""
    try:
        manifest = json.loads(member(archive, MANIFEST))
        if not isinstance(manifest, dict) or manifest.get("app") != APP:
            raise ValueError
    except InvalidInput:
        raise
    except (KeyError, ValueError):
        raise InvalidInput("This zip file is not a backup made by this app.", field="backup") from None
    head = head_revision()
    if manifest.get("format") != FORMAT or manifest.get("schema_revision") != head:
        raise InvalidInput("This backup is from database version {found}, but this app is at version "
                           "{head}. Restore it with the version of the app that made it.",
                           field="backup", found=manifest.get("schema_revision"), head=head)
    wanted = {t.name for t in tables()}
    if not isinstance(manifest.get("tables"), dict) or set(manifest["tables"]) != wanted:
        raise InvalidInput("The backup is damaged: its list of tables is not this app's.",
                           field="backup")
    return manifest


def table_rows(archive: zipfile.ZipFile, table: Table, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Return one table's rows from the zip after checking checksum, columns and row count."""
    name = f"{table.name}.csv"
    try:
        data = member(archive, name)
    except KeyError:
        raise InvalidInput("The backup is damaged: {file} is missing.", field="backup",
                           file=name) from None
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise InvalidInput("The backup is damaged: {file} does not match its checksum.",
                           field="backup", file=name)
    import pandas as pd

    columns = [c.name for c in table.columns]
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False,
                            encoding="utf-8", **line_end_of(data))
        if list(frame.columns) != columns or entry.get("columns") != columns:
            raise ValueError("its columns are not this app's")
        if len(frame) != entry.get("rows"):
            raise ValueError("its number of rows is not the one the manifest lists")
        return [{c.name: decode(v, c) for c, v in zip(table.columns, cells, strict=True)}
                for cells in frame.to_numpy(dtype=object).tolist()]
    except (ValueError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise InvalidInput("The backup is damaged: {file} cannot be read ({detail}).", field="backup",
                           file=name, detail=str(err)) from None


def line_end_of(data: bytes) -> dict[str, str]:
    """Return read_csv's option for a table file's line ends: LF alone for a backup written before CR LF.

    Read with LF as the only line end, that file's unquoted lone CRs stay part of their texts.
    """
    return {"lineterminator": "\n"} if lines_end_with_lf_alone(data) else {}
