"""The goal outlook as of today, and the month report that the CLI prints (JSON contract).

The work is done in tracker.month_figures (plain SQL, shared with `report`'s quick path); these are
the session-taking readers the Dashboard caches.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from tracker import month_figures as figures
from tracker.db import session_rows
from tracker.forecast import Forecast
from tracker.month_figures import REPORT_MONEY as REPORT_MONEY
from tracker.months import MonthNet


def goal_outlook(session: Session, today: date) -> Forecast:
    """Return the forecast from the recent months with money up to the current one."""
    return outlook_and_history(session, today)[0]


def outlook_and_history(session: Session, today: date) -> tuple[Forecast, list[MonthNet]]:
    """Return the forecast and the months its chart shows (tracker.month_figures.outlook_and_history)."""
    return figures.outlook_and_history(session_rows(session), today)


def month_report(session: Session, month: str, today: date) -> dict[str, object]:
    """Return the month's figures as the JSON contract of `report --json` describes them."""
    return figures.month_report(session_rows(session), month, today)
