"""The goal outlook as of today, and the month report that the CLI prints (JSON contract).

The work is done in tracker.reports.figures (plain SQL, shared with `report`'s quick path); these are
the session-taking readers the Dashboard caches.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from tracker.db.engine import session_rows
from tracker.ledger.months import MonthNet
from tracker.reports import figures
from tracker.reports.figures import REPORT_MONEY as REPORT_MONEY
from tracker.reports.forecast import Forecast


def goal_outlook(session: Session, today: date) -> Forecast:
    """Return the forecast from the recent months with money up to the current one."""
    return outlook_and_history(session, today)[0]


def outlook_and_history(session: Session, today: date) -> tuple[Forecast, list[MonthNet]]:
    """Return the forecast and the months its chart shows (tracker.reports.figures.outlook_and_history)."""
    return figures.outlook_and_history(session_rows(session), today)


def month_report(session: Session, month: str, today: date) -> dict[str, object]:
    """Return the month's figures as the JSON contract of `report --json` describes them."""
    return figures.month_report(session_rows(session), month, today)
