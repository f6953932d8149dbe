"""The CSV lines SQLite writes (tracker/io/csv_lines.py, tracker/io/payment_lines.py) are the bytes the
Python export writes (issue 8's speed fixes), on a database of awkward text (tests/io/conftest.py).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session

from tests.databases import sqlite_only
from tests.io.exports import python_files, sqlite_files
from tracker.io import csv_lines, payment_lines
from tracker.io.export import PAYMENT_COLUMNS, payments_csv
from tracker.io.tables_csv import export_files
from tracker.ledger.models import Payment
from tracker.services.settings import home_currency


@sqlite_only
@pytest.mark.parametrize("window", [(None, None), (date(2026, 8, 3), date(2026, 9, 5))])
def test_sqlite_writes_the_same_csv_bytes_as_python(awkward: Session, window: tuple) -> None:
    assert sqlite_files(awkward, *window) == python_files(awkward, *window)


@sqlite_only
def test_odd_words_are_made_harmless_and_quoted_too(awkward: Session) -> None:
    """A status or currency that is not a plain word (a hand-edited backup, say) is treated as text."""
    awkward.execute(text("UPDATE payment SET status = '=1+1', rate = '1,5' WHERE id = 3"))
    awkward.commit()
    written = sqlite_files(awkward)
    assert written == python_files(awkward)
    assert b"'=1+1" in written["payment"] and b'"1,5"' in written["payments_detailed"]
    assert b",'=1+1," in written["payments_detailed"]  # the flat file's status is made harmless too


@sqlite_only
@pytest.mark.parametrize("window", [(None, None), (date(2026, 8, 3), date(2026, 8, 9)),
                                    (date(2027, 1, 1), None)])
def test_both_payment_files_from_one_reading_are_the_files_written_on_their_own(awkward: Session,
                                                                               window: tuple) -> None:
    both = payment_lines.both_files(awkward, home_currency(awkward), PAYMENT_COLUMNS, *window)
    python = python_files(awkward, *window)
    assert both == (python["payment"], python["payments_detailed"])


@sqlite_only
def test_a_changed_payment_table_or_odd_dates_write_each_payment_file_on_its_own(
        awkward: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another column layout (a later migration) or dates of mixed types: the files are as before."""
    files = export_files(awkward)
    with monkeypatch.context() as patched:
        patched.setattr(payment_lines, "RUNS", {**payment_lines.RUNS, "made": ()})
        assert payment_lines.both_files(awkward, "BDT", PAYMENT_COLUMNS) is None
        assert export_files(awkward) == files
    awkward.execute(text("UPDATE payment SET paid_on = 20260804 WHERE id = 3"))
    awkward.commit()
    assert payment_lines.both_files(awkward, "BDT", PAYMENT_COLUMNS) is None
    odd = export_files(awkward)
    assert odd["payments_detailed.csv"] == csv_lines.payments_csv(awkward, "BDT", PAYMENT_COLUMNS)
    table = Payment.__table__
    assert odd["payment.csv"] == csv_lines.table_csv(awkward, table, "BDT", table.c.paid_on)


@sqlite_only
def test_a_creation_time_stored_as_a_number_writes_each_payment_file_on_its_own(awkward: Session) -> None:
    """Creation times are written by Python from the stored text; a number there (a hand-made file)
    gives the bytes SQLite writes for it, as before."""
    before = export_files(awkward)
    awkward.execute(text("UPDATE payment SET created_at = 20260801 WHERE id = 2"))
    awkward.commit()
    assert payment_lines.both_files(awkward, "BDT", PAYMENT_COLUMNS) is None
    files = export_files(awkward)
    table = Payment.__table__
    assert files["payment.csv"] == csv_lines.table_csv(awkward, table, "BDT", table.c.paid_on)
    assert files["payments_detailed.csv"] == before["payments_detailed.csv"]
    assert b"2026-08-01T10:00:00+00:00" in files["payment.csv"]  # the whole-second times of even ids


def test_export_files_and_payments_csv_use_the_same_bytes(awkward: Session) -> None:
    files = export_files(awkward)
    assert files["payment.csv"] == python_files(awkward)["payment"]
    assert payments_csv(awkward) == files["payments_detailed.csv"]
