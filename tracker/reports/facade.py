"""Every read a person sees, behind one object (fava's FavaLedger): `Reports(session).month_pace(...)`.

Each method is the one way to a figure: it calls the one function (in the module of its concern) that
runs the query. A page reaches any figure in two hops: `state.read(Reports.month_pace, month, today)` ->
`Reports.month_pace` -> `tracker.reports.month.month_pace` (its SQL). Everything returned is a frozen
dataclass or plain typed rows: no language, no formatted text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from tracker.ledger.models import LearningSession, MentorReview, Skill
from tracker.ledger.months import MonthNet, MonthSummary
from tracker.reports import choices as _choices
from tracker.reports import entries as _entries
from tracker.reports import forecast as _forecast
from tracker.reports import learning as _learning
from tracker.reports import month as _month
from tracker.reports import owed as _owed
from tracker.reports import pipeline as _pipeline
from tracker.reports import sources as _sources
from tracker.reports import tables as _tables
from tracker.reports.choices import Choice, DayChoice, GigChoice
from tracker.reports.entries import ExpenseRow, PaymentRow
from tracker.reports.forecast import GoalOutlook, MonthReport
from tracker.reports.learning import LearningAndRates, LearningRow, ReviewRow, SkillRow
from tracker.reports.month import MonthPace
from tracker.reports.owed import ClientRow, Owed
from tracker.reports.pipeline import GigRow, StatusTotal
from tracker.reports.sources import Sources
from tracker.services.clients import ClientInput
from tracker.services.expenses import ExpenseInput
from tracker.services.gigs import GigInput
from tracker.services.payments import PaymentInput


@dataclass(frozen=True)
class Reports:
    """The readers of one session's books; each method returns what one function computes."""

    session: Session

    # tracker.reports.month
    def month_summary(self, month: str) -> MonthSummary:
        """Return the month's figures: cleared gross and fees, expenses, pending, the goal."""
        return _month.month_summary(self.session, month)

    def month_pace(self, month: str, today: date) -> MonthPace:
        """Return the month's summary with days left (today included) and the run-rate projection."""
        return _month.month_pace(self.session, month, today)

    def monthly_net(self, first: str, last: str) -> list[MonthNet]:
        """Return net income per month from first to last (months without money are 0), with goals."""
        return _month.monthly_net(self.session, first, last)

    def daily_net(self, month: str) -> list[tuple[date, int]]:
        """Return each day of the month that had cleared payments or expenses, with its net."""
        return _month.daily_net(self.session, month)

    def months_with_payments(self) -> list[str]:
        """Return the 'YYYY-MM' months that have payments, newest first."""
        return _month.months_with_payments(self.session)

    def income_streak(self, current_month: str) -> int:
        """Return how many months in a row had cleared income, ending this month or the last one."""
        return _month.income_streak(self.session, current_month)

    # tracker.reports.forecast
    def outlook_and_history(self, today: date) -> GoalOutlook:
        """Return the forecast and each month from the first one it used to the current one."""
        return _forecast.outlook_and_history(self.session, today)

    def month_report(self, month: str, today: date) -> MonthReport:
        """Return the month's summary and the outlook as of today."""
        return _forecast.month_report(self.session, month, today)

    # tracker.reports.sources
    def income_sources(self, first: str, last: str) -> Sources:
        """Return the range's income by category, platform and top client, and the largest client's share."""
        return _sources.income_sources(self.session, first, last)

    # tracker.reports.pipeline
    def totals_by_status(self) -> list[StatusTotal]:
        """Return every pipeline status in order, with its gig count and agreed value per currency."""
        return _pipeline.totals_by_status(self.session)

    def pipeline_counts(self) -> dict[str, int]:
        """Return how many gigs are in each status (every status listed, 0 where none)."""
        return _pipeline.pipeline_counts(self.session)

    def gigs(self, status: str | None = None, limit: int = _pipeline.LIST_LIMIT) -> list[GigRow]:
        """Return the newest gigs (of one status, or all) with client, skill and agreed value."""
        return _pipeline.gigs(self.session, status, limit)

    def gig_input(self, gig_id: int) -> GigInput | None:
        """Return the input that would store a gig again (to pre-fill a form), or None if it is gone."""
        return _pipeline.gig_input(self.session, gig_id)

    def client_input(self, client_id: int) -> ClientInput | None:
        """Return the input that would store a client again (to pre-fill a form), or None if it is gone."""
        return _pipeline.client_input(self.session, client_id)

    # tracker.reports.owed
    def clients_overview(self, today: date) -> list[ClientRow]:
        """Return every client (archived last, by name) with lifetime net, open and overdue amounts."""
        return _owed.clients_overview(self.session, today)

    def money_owed(self, today: date) -> list[Owed]:
        """Return delivered gigs without a payment, oldest delivery first, with days overdue."""
        return _owed.money_owed(self.session, today)

    # tracker.reports.learning
    def skill_categories(self) -> list[str]:
        """Return the article's kinds of work (S12), then the person's own, without repeats."""
        return _learning.skill_categories(self.session)

    def skills_overview(self) -> list[SkillRow]:
        """Return every skill with minutes learned, last learning day, reviews and the latest verdict."""
        return _learning.skills_overview(self.session)

    def recent_learning(self, limit: int = 20) -> list[LearningRow]:
        """Return the newest learning sessions with their skill's name."""
        return _learning.recent_learning(self.session, limit)

    def recent_reviews(self, limit: int = 20) -> list[ReviewRow]:
        """Return the newest mentor reviews with their skill's name."""
        return _learning.recent_reviews(self.session, limit)

    def skill(self, skill_id: int) -> Skill | None:
        """Return one skill (for pre-filling its edit form)."""
        return _learning.skill(self.session, skill_id)

    def learning(self, session_id: int) -> LearningSession | None:
        """Return one learning session (for pre-filling its edit form)."""
        return _learning.learning(self.session, session_id)

    def review(self, review_id: int) -> MentorReview | None:
        """Return one mentor review (for pre-filling its edit form)."""
        return _learning.review(self.session, review_id)

    def learning_and_rates(self) -> LearningAndRates:
        """Return learning against earning and the hourly rates, summing each gig's payments only once."""
        return _learning.learning_and_rates(self.session)

    def learning_days(self, today: date, days: int = 30) -> int:
        """Return on how many of the last `days` days (today included) some learning was logged."""
        return _learning.learning_days(self.session, today, days)

    # tracker.reports.choices
    def gig_choices(self, current: int | None = None, limit: int = _choices.CHOICE_LIMIT) -> list[GigChoice]:
        """Return gigs to pick from, newest first, with `current` kept."""
        return _choices.gig_choices(self.session, current, limit)

    def skill_choices(self, current: int | None = None, limit: int = _choices.CHOICE_LIMIT) -> list[Choice]:
        """Return skills to pick from, newest first, with `current` kept even when older."""
        return _choices.skill_choices(self.session, current, limit)

    def client_choices(self, current: int | None = None, archived: bool = False,
                       limit: int = _choices.CHOICE_LIMIT) -> list[Choice]:
        """Return clients to pick from, newest first; archived ones only if asked, `current` kept."""
        return _choices.client_choices(self.session, current, archived, limit)

    def learning_choices(self) -> list[DayChoice]:
        """Return learning sessions to pick from, newest first; the detail is the minutes."""
        return _choices.learning_choices(self.session)

    def review_choices(self) -> list[DayChoice]:
        """Return mentor reviews to pick from, newest first; the detail is the reviewer."""
        return _choices.review_choices(self.session)

    # tracker.reports.entries
    def recent_payments(self, limit: int = 20) -> list[PaymentRow]:
        """Return the newest payments (by date, then id), with client and gig names."""
        return _entries.recent_payments(self.session, limit)

    def recent_expenses(self, limit: int = 20) -> list[ExpenseRow]:
        """Return the newest expenses (by date, then id)."""
        return _entries.recent_expenses(self.session, limit)

    def last_rate(self, currency: str) -> Decimal | None:
        """Return the rate of the latest payment or expense in a currency (by date, then id); None if none."""
        return _entries.last_rate(self.session, currency)

    def payment_input(self, payment_id: int | None) -> PaymentInput | None:
        """Return the input that would store a payment again (to pre-fill its edit form); None if gone."""
        return _entries.payment_input(self.session, payment_id)

    def expense_input(self, expense_id: int | None) -> ExpenseInput | None:
        """Return the input that would store an expense again (to pre-fill its edit form); None if gone."""
        return _entries.expense_input(self.session, expense_id)

    # tracker.reports.tables
    def record_counts(self) -> dict[str, int]:
        """Return how many rows each table holds, by table name."""
        return _tables.record_counts(self.session)


def reader_subject(reader: Callable[..., Any], session: Session) -> Reports | Session:
    """Return what a reader is called on: `Reports(session)` for a facade method, else the session
    (a service's or a guidance rule's reader)."""
    return Reports(session) if getattr(Reports, reader.__name__, None) is reader else session
