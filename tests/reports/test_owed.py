"""Tests for tracker.reports.owed: what clients paid, what is open and overdue, delivered unpaid gigs.

"Today" is 2026-09-01 unless a test says otherwise, so "more than 14 days ago" means delivered on
2026-08-17 or before (the `book` of conftest.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from tracker.reports import owed as pipeline
from tracker.reports.owed import ClientRow, PaymentTotals
from tracker.services.clients import ClientInput, archive_client, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment

TODAY = date(2026, 9, 1)


def test_payment_totals_count_cleared_money_and_the_last_real_payment(session: Session,
                                                                       book: Any) -> None:
    """27,562.50 + 5,000.00 − 1,200.00 = 31,362.50; the refund and the pending one are not payments."""
    assert pipeline.payment_totals_by_client(session) == {
        book.acme: PaymentTotals(payments=3, net_home_minor=3136250, last_paid_on=date(2026, 8, 10))}


def test_open_is_active_or_delivered_work_without_a_payment(session: Session, book: Any) -> None:
    """Acme: $300 + $4.17 (12.50 × 20 min = 4.1666 → 4.17) + $70 = $374.17, and ৳5,000."""
    assert pipeline.open_by_client(session) == {
        book.acme: (("USD", 37417), ("BDT", 500000)),
        book.bakery: (("EUR", 8000), ("USD", 2000)),
    }


@pytest.mark.parametrize(("today", "acme", "bakery"), [
    (date(2026, 9, 1), (("BDT", 500000),), (("EUR", 8000),)),   # 08-17 is 15 days back
    (date(2026, 8, 31), None, (("EUR", 8000),)),                # 08-17 is exactly 14 days back
    (date(2026, 8, 16), None, (("EUR", 8000),)),                # 08-01 is 15 days back
    (date(2026, 8, 15), None, None),                            # 08-01 is exactly 14 days back
    (date(2026, 8, 14), None, None),
])
def test_overdue_is_delivered_unpaid_work_more_than_14_days_old(
        session: Session, book: Any, today: date, acme: Any, bakery: Any) -> None:
    expected = {cid: value for cid, value in ((book.acme, acme), (book.bakery, bakery)) if value}
    assert pipeline.overdue_by_client(session, today) == expected


def test_overdue_days_is_fourteen() -> None:
    assert pipeline.OVERDUE_DAYS == 14


def test_clients_overview_lists_every_client(session: Session, book: Any) -> None:
    archive_client(session=session, client_id=book.corner)
    rows = {row.name: row for row in pipeline.clients_overview(session, TODAY)}
    assert list(rows) == ["Acme", "bakery", "Corner"]  # archived last, names ignoring case
    acme = rows["Acme"]
    assert (acme.payments, acme.net_home_minor, acme.open, acme.overdue, acme.last_payment) == (
        3, 3136250, (("USD", 37417), ("BDT", 500000)), (("BDT", 500000),), date(2026, 8, 10))
    bakery = rows["bakery"]
    assert (bakery.net_home_minor, bakery.open, bakery.overdue, bakery.last_payment) == (
        0, (("EUR", 8000), ("USD", 2000)), (("EUR", 8000),), None)
    assert (rows["Corner"].open, rows["Corner"].archived) == ((), True)
    assert isinstance(acme, ClientRow)


def test_clients_overview_of_an_empty_database(session: Session) -> None:
    assert pipeline.clients_overview(session, TODAY) == []


def test_money_owed_lists_delivered_unpaid_gigs_oldest_first(session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme")).id

    def delivered(title: str, day: str | None, **kw: object) -> int:
        data = GigInput(title=title, client_id=acme, status="delivered", delivered_on=day, **kw)
        return create_gig(session=session, data=data).id

    delivered("Recent", "2026-11-15", price="100")
    delivered("Old", "2026-10-01", price="300")
    hourly = delivered("Hourly", "2026-10-20", pricing="hourly", price="12.50", hours_worked="3.5")
    paid = delivered("Paid already", "2026-09-01", price="50")
    create_payment(session=session, data=PaymentInput(paid_on="2026-09-10", gross="50", rate="120",
                                                      gig_id=paid))
    owed = pipeline.money_owed(session, date(2026, 11, 21))
    assert [(o.title, o.amount_minor, o.days_since_delivery, o.days_overdue) for o in owed] == [
        ("Old", 30000, 51, 37), ("Hourly", 4375, 32, 18), ("Recent", 10000, 6, 0)]
    assert owed[1].gig_id == hourly and owed[0].client == "Acme"
