"""PostgreSQL and SQLite give the same figures: one busy history, built the same way in both, read back.

Runs in `make test-pg` (TRACKER_TEST_POSTGRES=1), where the test database is on PostgreSQL: the same
history (benchmarks/data.py, small sizes, fixed seed: four currencies, refunds, fees, pending money,
every gig status) is built there and in a SQLite file, and every figure the app shows must be equal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from tests import databases
from tracker.db.config import PROJECT_ROOT
from tracker.db.engine import make_engine
from tracker.ledger.months import add_months
from tracker.reports import month as month_figures
from tracker.reports import owed, sources
from tracker.reports.facade import Reports

pytestmark = pytest.mark.skipif(not databases.ON_POSTGRES,
                                reason="compares PostgreSQL with SQLite: runs in `make test-pg`")

SIZES = dict(clients=30, gigs=300, payments=1_500, expenses=150, skills=6, learning=150, import_rows=10,
             seed=11)


def history(url: str) -> None:
    """Fill the (empty, or not yet migrated) database at url with the benchmark's history, small."""
    import sys

    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    import data  # benchmarks/data.py

    engine = make_engine(url)
    data.fill_database(engine, data.Sizes(**SIZES), data.today_month())
    engine.dispose()


def figures(url: str, today: date) -> dict[str, Any]:
    """Return every figure the Dashboard, Clients, Gigs pages and the report show, by name."""
    month = today.strftime("%Y-%m")
    first = add_months(month, -11)
    readers: dict[str, Callable[[Reports], Any]] = {
        "month_summary": lambda r: r.month_summary(month),
        "month_pace": lambda r: r.month_pace(month, today),
        "monthly_net": lambda r: r.monthly_net(add_months(month, -120), month),
        "daily_net": lambda r: r.daily_net(month),
        "first_month": lambda r: month_figures.first_month_with_money(r.session),
        "report": lambda r: r.month_report(month, today),
        "outlook": lambda r: r.outlook_and_history(today),
        "by_category": lambda r: sources.income_by_category(r.session, first, month),
        "by_platform": lambda r: sources.income_by_platform(r.session, first, month),
        "by_client": lambda r: sources.income_by_client(r.session, first, month),
        "sources": lambda r: r.income_sources(first, month),
        "learning_and_rates": Reports.learning_and_rates,
        "pipeline": Reports.pipeline_counts,
        "streak": lambda r: r.income_streak(month),
        "learning_days": lambda r: r.learning_days(today),
        "owed": lambda r: r.money_owed(today),
        "status_totals": Reports.totals_by_status,
        "payment_totals": lambda r: owed.payment_totals_by_client(r.session),
        "open": lambda r: owed.open_by_client(r.session),
        "overdue": lambda r: owed.overdue_by_client(r.session, today),
        "clients": lambda r: r.clients_overview(today),
        "months_with_payments": Reports.months_with_payments,
    }
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return {name: read(Reports(session)) for name, read in readers.items()}
    finally:
        engine.dispose()


def test_every_figure_is_the_same_on_postgresql_and_sqlite(db_url: str, tmp_path: Path) -> None:
    assert db_url.startswith("postgresql")
    sqlite_url = f"sqlite:///{tmp_path / 'same.db'}"
    history(db_url)
    history(sqlite_url)
    today = date.today()
    on_postgres, on_sqlite = figures(db_url, today), figures(sqlite_url, today)
    assert on_postgres["month_summary"] == on_sqlite["month_summary"]
    different = [name for name in on_sqlite if on_postgres[name] != on_sqlite[name]]
    assert different == [], {name: (on_postgres[name], on_sqlite[name]) for name in different[:3]}
    assert len(on_sqlite["monthly_net"]) >= 100 and any(m.net_minor for m in on_sqlite["monthly_net"])
    assert on_sqlite["owed"] and on_sqlite["by_client"] and on_sqlite["learning_and_rates"].skills
