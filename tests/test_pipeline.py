"""Tests for tracker.reports.pipeline: what clients paid and owe, the pipeline by status, and choices.

Expected values are worked out by hand in the comments. "Today" is 2026-09-01 unless a test says
otherwise, so "more than 14 days ago" means delivered on 2026-08-17 or before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session

from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Gig
from tracker.reports import choices, pipeline
from tracker.reports.choices import Choice
from tracker.reports.pipeline import PaymentTotals, StatusTotal
from tracker.services.clients import ClientInput, archive_client, create_client, delete_client
from tracker.services.gigs import GigInput, create_gig, delete_gig, move_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

TODAY = date(2026, 9, 1)


@dataclass
class Book:
    """The ids of the worked example's records."""

    acme: int
    bakery: int
    corner: int
    gigs: dict[str, int]


def gig(session: Session, title: str, **values: Any) -> int:
    """Store a gig and return its id."""
    return create_gig(session=session, data=GigInput(title=title, **values)).id


def pay(session: Session, **values: Any) -> None:
    """Store a payment."""
    create_payment(session=session, data=PaymentInput(**values))


@pytest.fixture
def book(session: Session) -> Book:
    """Three clients, ten gigs in four currencies, and payments of every kind (see comments)."""
    acme = create_client(session=session, data=ClientInput(name="Acme")).id
    bakery = create_client(session=session, data=ClientInput(name="bakery")).id
    corner = create_client(session=session, data=ClientInput(name="Corner")).id
    g = {
        "active": gig(session, "Site", client_id=acme, price="300", status="active"),
        "late_bdt": gig(session, "Banner", client_id=acme, price="5000", currency="BDT",
                        status="delivered", delivered_on="2026-08-17"),          # 15 days: overdue
        "hourly": gig(session, "Fixes", client_id=acme, pricing="hourly", price="12.50",
                      hours_worked="0.33", status="delivered", delivered_on="2026-08-18"),  # 14 days
        "paid_for": gig(session, "Logo", client_id=acme, price="100", status="delivered",
                        delivered_on="2026-07-01"),                              # has a payment
        "lead": gig(session, "Maybe", client_id=acme, price="999", status="lead"),
        "paid": gig(session, "Card", client_id=acme, price="50", status="paid"),
        "undated": gig(session, "Flyer", client_id=acme, price="70", status="delivered"),
        "no_client": gig(session, "Own", price="40", status="delivered", delivered_on="2026-07-01"),
        "late_eur": gig(session, "Menu", client_id=bakery, price="80", currency="EUR",
                        status="delivered", delivered_on="2026-08-01"),
        "bakery_active": gig(session, "Poster", client_id=bakery, price="20", status="active"),
        "declined": gig(session, "Casino", client_id=bakery, price="60", status="declined",
                        decline_reason="principles"),
    }
    # Acme, cleared: 250 − 25 at 122.50 = 30,625.00 − 3,062.50 = 27,562.50; ৳5,000.00 on 08-10;
    # a refund of $10 at 120 = −1,200.00 on 08-20. Pending $100 (for "paid_for") is not counted.
    pay(session, paid_on="2026-08-03", gross="250", platform_fee="25", rate="122.50", client_id=acme)
    pay(session, paid_on="2026-08-10", gross="5000", currency="BDT", client_id=acme)
    pay(session, paid_on="2026-08-20", gross="10", rate="120", kind="refund", client_id=acme)
    pay(session, paid_on="2026-09-01", gross="100", rate="120", status="pending", gig_id=g["paid_for"])
    return Book(acme, bakery, corner, g)


def test_payment_totals_count_cleared_money_and_the_last_real_payment(session: Session,
                                                                       book: Book) -> None:
    """27,562.50 + 5,000.00 − 1,200.00 = 31,362.50; the refund and the pending one are not payments."""
    assert pipeline.payment_totals_by_client(session) == {
        book.acme: PaymentTotals(payments=3, net_home_minor=3136250, last_paid_on=date(2026, 8, 10))}


def test_open_is_active_or_delivered_work_without_a_payment(session: Session, book: Book) -> None:
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
        session: Session, book: Book, today: date, acme: Any, bakery: Any) -> None:
    expected = {cid: value for cid, value in ((book.acme, acme), (book.bakery, bakery)) if value}
    assert pipeline.overdue_by_client(session, today) == expected


def test_overdue_days_is_fourteen() -> None:
    assert pipeline.OVERDUE_DAYS == 14


def test_clients_overview_lists_every_client_with_money_as_text(session: Session, book: Book) -> None:
    archive_client(session=session, client_id=book.corner)
    table = pipeline.clients_overview(session, TODAY)
    assert list(table.columns) == pipeline.CLIENT_COLUMNS
    rows = table.set_index("name").to_dict("index")
    assert list(table["name"]) == ["Acme", "bakery", "Corner"]  # archived last, names ignoring case
    assert {k: rows["Acme"][k] for k in ("payments", "net_home", "open", "overdue", "last_payment")} == {
        "payments": 3, "net_home": "31362.50", "open": "$374.17 + ৳5,000.00",
        "overdue": "৳5,000.00", "last_payment": date(2026, 8, 10)}
    assert {k: rows["bakery"][k] for k in ("net_home", "open", "overdue", "last_payment")} == {
        "net_home": "0.00", "open": "€80.00 + $20.00", "overdue": "€80.00", "last_payment": None}
    assert (rows["Corner"]["open"], rows["Corner"]["archived"]) == ("—", True)


def test_clients_overview_in_bengali_uses_bengali_digits(session: Session, book: Book) -> None:
    table = pipeline.clients_overview(session, TODAY, "bn")
    assert table.loc[table["name"] == "Acme", "overdue"].item() == "৳৫,০০০.০০"


def test_clients_overview_of_an_empty_database(session: Session) -> None:
    table = pipeline.clients_overview(session, TODAY)
    assert table.empty and list(table.columns) == pipeline.CLIENT_COLUMNS


def test_totals_by_status_count_and_sum_per_currency(session: Session, book: Book) -> None:
    """Delivered: ৳5,000 + $4.17 + $100 + $70 + $40 (no client) + €80."""
    assert pipeline.totals_by_status(session) == [
        StatusTotal("lead", 1, (("USD", 99900),)),
        StatusTotal("proposal sent", 0, ()),
        StatusTotal("active", 2, (("USD", 32000),)),
        StatusTotal("delivered", 6, (("EUR", 8000), ("USD", 21417), ("BDT", 500000))),
        StatusTotal("paid", 1, (("USD", 5000),)),
        StatusTotal("lost", 0, ()),
        StatusTotal("declined", 1, (("USD", 6000),)),
        StatusTotal("cancelled", 0, ()),
    ]


@pytest.mark.parametrize(("price", "hours", "value"), [
    ("0.01", "0.5", 1),       # 1 cent × 30 min / 60 = 0.5 → 1 (half up)
    ("0.01", "0.48", 0),      # 1 × 29 / 60 = 0.48 → 0 (0.48 h is 28.8 → 29 minutes)
    ("12.50", "1.5", 1875),   # 1250 × 90 / 60
    ("30", "0", 0),           # nothing worked yet
])
def test_hourly_value_is_price_times_hours_rounded_once(session: Session, price: str, hours: str,
                                                        value: int) -> None:
    gig(session, "Hourly", pricing="hourly", price=price, hours_worked=hours, status="active")
    expected = (("USD", value),) if value else ()
    assert pipeline.totals_by_status(session)[2] == StatusTotal("active", 1, expected)


def test_ordered_puts_the_home_currency_last_and_drops_zeros() -> None:
    assert pipeline.ordered({"BDT": 5, "USD": 3, "EUR": 0, "AUD": 1}, "BDT") == (
        ("AUD", 1), ("USD", 3), ("BDT", 5))
    assert pipeline.ordered({"BDT": 5, "USD": 3}, "USD") == (("BDT", 5), ("USD", 3))


@pytest.mark.parametrize(("amounts", "text"), [
    ((("USD", 30000), ("BDT", 500000)), "$300.00 + ৳5,000.00"),
    ((("BDT", 10000000),), "৳1,00,000.00"),
    ((("JPY", 5000), ("USD", -150)), "¥5,000 + -$1.50"),
    ((), "—"),
])
def test_amounts_text(amounts: pipeline.Amounts, text: str) -> None:
    assert pipeline.amounts_text(amounts) == text


def test_gigs_table_newest_first_and_filtered(session: Session, book: Book) -> None:
    every = pipeline.gigs_table(session)
    assert list(every["id"]) == sorted(book.gigs.values(), reverse=True)
    delivered = pipeline.gigs_table(session, "delivered")
    assert list(delivered["title"]) == ["Menu", "Own", "Flyer", "Logo", "Fixes", "Banner"]
    fixes = delivered.set_index("title").loc["Fixes"]
    assert (fixes["client"], fixes["pricing"], fixes["price"], fixes["hours"], fixes["value"]) == (
        "Acme", "hourly", "$12.50", "0.33", "$4.17")
    assert delivered.set_index("title").loc["Own", "client"] == ""
    assert list(pipeline.gigs_table(session, "declined")["reason"]) == ["The work is against my principles"]
    assert list(pipeline.gigs_table(session, None, 2)["title"]) == ["Casino", "Poster"]
    assert pipeline.gigs_table(session, "lost").empty


def test_gig_choices_newest_first_limited_keeping_the_current(session: Session, book: Book) -> None:
    listed = choices.gig_choices(session)
    assert [c.id for c in listed] == sorted(book.gigs.values(), reverse=True)
    assert listed[0] == Choice(book.gigs["declined"], f"#{book.gigs['declined']} Casino · bakery · declined")
    no_client = next(c for c in listed if c.id == book.gigs["no_client"])
    assert no_client.label.endswith("Own · — · delivered")
    first = book.gigs["active"]
    assert [c.id for c in choices.gig_choices(session, None, "en", 2)] == [book.gigs["declined"],
                                                                            book.gigs["bakery_active"]]
    assert [c.id for c in choices.gig_choices(session, first, "en", 2)][-1] == first


def test_skill_choices_newest_first_limited_keeping_the_current(session: Session) -> None:
    ids = [create_skill(session=session, data=SkillInput(name=n, category="editing")).id
           for n in ("Old", "Middle", "New")]
    assert choices.skill_choices(session) == [Choice(ids[2], "New"), Choice(ids[1], "Middle"),
                                               Choice(ids[0], "Old")]
    assert [c.id for c in choices.skill_choices(session, None, 2)] == [ids[2], ids[1]]
    assert [c.id for c in choices.skill_choices(session, ids[0], 2)] == [ids[2], ids[1], ids[0]]
    assert [c.id for c in choices.skill_choices(session, ids[1], 2)] == [ids[2], ids[1]]


def test_client_choices_hide_archived_unless_asked_or_current(session: Session, book: Book) -> None:
    archive_client(session=session, client_id=book.bakery)
    assert choices.client_choices(session) == [Choice(book.corner, "Corner"), Choice(book.acme, "Acme")]
    assert [c.id for c in choices.client_choices(session, None, True)] == [book.corner, book.bakery,
                                                                           book.acme]
    assert [c.id for c in choices.client_choices(session, book.bakery)] == [book.corner, book.acme,
                                                                            book.bakery]
    assert [c.id for c in choices.client_choices(session, book.acme, False, 1)] == [book.corner,
                                                                                    book.acme]


def test_inputs_for_forms(session: Session, book: Book) -> None:
    data = pipeline.gig_input(session, book.gigs["hourly"])
    assert data is not None
    assert (data.title, data.pricing, str(data.price), str(data.hours_worked), data.delivered_on) == (
        "Fixes", "hourly", "12.50", "0.33", date(2026, 8, 18))
    client = pipeline.client_input(session, book.acme)
    assert client is not None and client.name == "Acme"
    assert pipeline.gig_input(session, 999) is None
    assert pipeline.client_input(session, 999) is None


# The service steps the pages use: moving a gig along, archiving, and deletes that name what went.

def reread(session: Session, model: type[Any], record_id: int) -> Any:
    """Return a record as the database holds it."""
    session.expire_all()
    return session.get(model, record_id)


def test_move_to_delivered_fills_an_empty_delivery_day_only(session: Session) -> None:
    first = gig(session, "A", status="active", started_on="2026-08-01")
    second = gig(session, "B", status="active", delivered_on="2026-08-20")
    move_gig(session=session, gig_id=first, status="delivered", hours_worked="2.5", today=TODAY)
    move_gig(session=session, gig_id=second, status="Delivered", today=TODAY)
    a, b = reread(session, Gig, first), reread(session, Gig, second)
    assert (a.status, a.delivered_on, a.minutes_worked, a.closed_on) == ("delivered", TODAY, 150, None)
    assert (b.status, b.delivered_on) == ("delivered", date(2026, 8, 20))


def test_move_to_a_closing_status_fills_the_closing_day(session: Session) -> None:
    done = gig(session, "A", status="delivered", closed_on="2026-08-30")
    lost = gig(session, "B", status="proposal sent")
    move_gig(session=session, gig_id=done, status="paid", today=TODAY)
    move_gig(session=session, gig_id=lost, status="lost", today=TODAY)
    assert reread(session, Gig, done).closed_on == date(2026, 8, 30)
    assert reread(session, Gig, lost).closed_on == TODAY


def test_move_to_declined_needs_a_reason_and_leaving_declined_clears_it(session: Session) -> None:
    g = gig(session, "Casino site", status="lead", price="500")
    with pytest.raises(InvalidInput, match="Say why you declined"):
        move_gig(session=session, gig_id=g, status="declined", reason="  ", today=TODAY)
    assert reread(session, Gig, g).status == "lead"
    move_gig(session=session, gig_id=g, status="declined",
             reason="The work is against my principles", today=TODAY)
    stored = reread(session, Gig, g)
    assert (stored.status, stored.decline_reason, stored.closed_on, stored.price_minor) == (
        "declined", "The work is against my principles", TODAY, 50000)
    move_gig(session=session, gig_id=g, status="lead", reason="ignored", today=TODAY)
    assert (reread(session, Gig, g).status, reread(session, Gig, g).decline_reason) == ("lead", "")


@pytest.mark.parametrize(("status", "hours"), [("won", None), ("active", "-1"), ("active", "two")])
def test_bad_move_changes_nothing(session: Session, status: str, hours: str | None) -> None:
    g = gig(session, "A", status="lead", hours_worked="1")
    before = reread(session, Gig, g).model_dump()
    with pytest.raises(InvalidInput):
        move_gig(session=session, gig_id=g, status=status, hours_worked=hours, today=TODAY)
    assert reread(session, Gig, g).model_dump() == before


def test_archive_keeps_everything_else_and_can_be_undone(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Acme", country="USA", notes="n"))
    archive_client(session=session, client_id=c.id)
    stored = reread(session, Client, c.id)
    assert (stored.archived, stored.name, stored.country, stored.notes) == (True, "Acme", "USA", "n")
    archive_client(session=session, client_id=c.id, archived=False)
    assert reread(session, Client, c.id).archived is False
    with pytest.raises(InvalidInput):
        archive_client(session=session, client_id=999)


def test_deletes_return_what_they_deleted(session: Session) -> None:
    c = create_client(session=session, data=ClientInput(name="Acme"))
    g = gig(session, "Logo")
    assert delete_client(session=session, client_id=c.id) == "Acme"
    assert delete_gig(session=session, gig_id=g) == "Logo"
