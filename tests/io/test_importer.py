"""The importer (tracker/io/importer.py): the driver-level insert stores what SQLAlchemy stores."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, SQLModel, func, select

from tests.databases import sqlite_only
from tracker.io import importer
from tracker.io.importer import import_rows
from tracker.io.plan import ImportOptions, plan_import
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Payment
from tracker.services.payments import PaymentInput, create_payment


def statement() -> bytes:
    """Return a small Upwork statement with a fee row, a new team, awkward text and an expense."""
    rows = [["Date", "Transaction ID", "Transaction Type", "Transaction Summary", "Team", "Freelancer",
             "Ref ID", "Amount $"],
            ["Aug 10, 2026", "9001", "Hourly", "Invoice, week 32", "Acme Ltd", "Rahim", "9001", "1,200.00"],
            ["Aug 10, 2026", "9002", "Service Fee", "Service Fee for Hourly - Ref ID 9001", "Acme Ltd",
             "Rahim", "9001", "-120.00"],
            ["Aug 12, 2026", "9003", "Fixed-price", '=logo "v2"', "New Team", "Rahim", "9003", "300.00"],
            ["Aug 14, 2026", "9004", "Connects", "Connects purchase", "", "Rahim", "9004", "-6.00"]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def stored(session: Session) -> list[tuple]:
    """Return every payment and expense as stored, with each value's SQLite type."""
    rows = []
    for table in ("payment", "expense", "client"):
        columns = [c.name for c in SQLModel.metadata.tables[table].columns if c.name != "created_at"]
        listed = ", ".join(f"{c}, typeof({c})" for c in columns)
        rows.extend(session.execute(text(f"SELECT {listed} FROM {table} ORDER BY id")).all())
    return rows


@sqlite_only
def test_the_driver_insert_stores_what_sqlalchemy_stores(session: Session,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    options = ImportOptions(rates=(("USD", "121.5"),))
    import_rows(session=session, plan=plan_import(session, statement(), options))
    fast = stored(session)
    for table in ("payment", "expense", "client"):
        session.execute(text(f"DELETE FROM {table}"))
    session.commit()
    monkeypatch.setattr(importer, "driver_insert", lambda *args: None)
    import_rows(session=session, plan=plan_import(session, statement(), options))
    assert stored(session) == fast and len(fast) == 5


DATA = Path(__file__).parents[1] / "data"
USD = (("USD", "120"),)
pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py


def cache_size(session: Session) -> int:
    """Return the connection's SQLite page cache size (PRAGMA cache_size)."""
    return int(session.connection().execute(text("PRAGMA cache_size")).scalar_one())


def test_the_page_cache_is_put_back_after_an_import(session: Session,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("a SQLite setting")
    before = cache_size(session)
    seen = []
    real = importer._insert

    def spy(*args: object) -> None:
        seen.append(cache_size(session))
        real(*args)  # type: ignore[arg-type]
    monkeypatch.setattr(importer, "_insert", spy)
    plan = plan_import(session, (DATA / "upwork_new.csv").read_bytes(), ImportOptions(rates=USD))
    import_rows(session=session, plan=plan)
    assert seen and all(size == -importer.ROOMY_CACHE_KIB for size in seen)
    assert cache_size(session) == before

    def broken(*_args: object) -> None:
        raise InvalidInput("The disk is full.")
    monkeypatch.setattr(importer, "_insert", broken)
    again = plan_import(session, (DATA / "upwork_old.csv").read_bytes(), ImportOptions(rates=USD))
    stored = session.exec(select(func.count()).select_from(Payment)).one()
    with pytest.raises(InvalidInput, match="disk is full"):
        import_rows(session=session, plan=again)
    assert cache_size(session) == before
    assert session.exec(select(func.count()).select_from(Payment)).one() == stored


def test_imported_days_and_times_are_stored_as_a_form_stores_them(session: Session) -> None:
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("SQLite keeps days and times as text")
    import_rows(session=session, plan=plan_import(session, (DATA / "upwork_new.csv").read_bytes(),
                                                  ImportOptions(rates=USD)))
    by_form = create_payment(session=session, data=PaymentInput(paid_on="2026-09-03", gross="5", rate="120"))
    rows = session.connection().execute(text("SELECT id, paid_on, created_at FROM payment")).all()
    form = next(r for r in rows if r.id == by_form.id)
    for row in rows:
        assert len(row.paid_on) == len(form.paid_on) == 10 and row.paid_on[4] == "-"
        assert len(row.created_at) == len(form.created_at)  # the same text form, day and time
