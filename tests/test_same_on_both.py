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
from tracker.reports import breakdowns, outlook, pipeline, tables
from tracker.reports import month as reports

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
    first = reports.add_months(month, -11)
    readers: dict[str, Callable[[Session], Any]] = {
        "month_summary": lambda s: reports.month_summary(s, month),
        "month_pace": lambda s: reports.month_pace(s, month, today),
        "monthly_net": lambda s: reports.monthly_net(s, reports.add_months(month, -120), month),
        "daily_net": lambda s: reports.daily_net(s, month),
        "first_month": reports.first_month_with_money,
        "report": lambda s: outlook.month_report(s, month, today),
        "outlook": lambda s: outlook.goal_outlook(s, today),
        "by_category": lambda s: breakdowns.income_by_category(s, first, month),
        "by_platform": lambda s: breakdowns.income_by_platform(s, first, month),
        "by_client": lambda s: breakdowns.income_by_client(s, first, month),
        "largest_client": lambda s: breakdowns.largest_client_share(s, first, month),
        "learning": breakdowns.learning_against_earning,
        "rates_by_skill": lambda s: breakdowns.hourly_rates(s, "skill"),
        "rates_by_client": lambda s: breakdowns.hourly_rates(s, "client"),
        "pipeline": breakdowns.pipeline_counts,
        "streak": lambda s: breakdowns.income_streak(s, month),
        "learning_days": lambda s: breakdowns.learning_days(s, today),
        "owed": lambda s: breakdowns.money_owed(s, today),
        "status_totals": pipeline.totals_by_status,
        "payment_totals": pipeline.payment_totals_by_client,
        "open": pipeline.open_by_client,
        "overdue": lambda s: pipeline.overdue_by_client(s, today),
        "months_with_payments": tables.months_with_payments,
    }
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return {name: read(session) for name, read in readers.items()}
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
    assert on_sqlite["owed"] and on_sqlite["by_client"] and on_sqlite["learning"]
