"""The Gigs page: the pipeline by status, the list, add, move along (S4, S11), edit and delete."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from tracker.db.engine import open_session
from tracker.ledger.models import Gig, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import SkillInput, create_skill

Open = Callable[[str], AppTest]
S4_REASON = "The work is against my principles"


def w(elements: Any, pattern: str) -> Any:
    """Return the one widget whose key matches the pattern ('#' stands for a form's generation)."""
    regex = re.compile(re.escape(pattern).replace("\\#", r"\d+"))
    found = [e for e in elements if e.key and regex.fullmatch(e.key)]
    assert len(found) == 1, [e.key for e in elements]
    return found[0]


def gigs() -> list[dict[str, Any]]:
    """Return every gig as stored, oldest first."""
    with open_session() as s:
        return [g.model_dump(exclude={"created_at"}) for g in s.exec(select(Gig).order_by(Gig.id)).all()]


def payments() -> list[tuple[int, int | None]]:
    """Return (id, gig id) of every payment."""
    with open_session() as s:
        return [(p.id, p.gig_id) for p in s.exec(select(Payment).order_by(Payment.id)).all()]


def no_trouble(at: AppTest) -> None:
    """Assert the page ran without an exception or an error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def summary(at: AppTest) -> dict[str, tuple[int, str]]:
    """Return the pipeline table as status → (gigs, agreed value)."""
    table = at.dataframe[0].value
    return {s: (n, v) for s, n, v in zip(table["status"], table["gigs"], table["value"], strict=True)}


def add_gig(at: AppTest, **typed: Any) -> AppTest:
    """Type into the add form (field name → value) and press Add gig."""
    kinds = {"title": "text_input", "price": "text_input", "hours": "text_input", "reason": "text_input",
             "note": "text_area", "client": "selectbox", "skill": "selectbox", "platform": "selectbox",
             "pricing": "selectbox", "status": "selectbox", "currency": "selectbox",
             "started": "date_input", "due": "date_input", "delivered": "date_input",
             "closed": "date_input"}
    for name, value in typed.items():
        widget = w(getattr(at, kinds[name]), f"gig_add_#.{name}")
        widget.input(value) if kinds[name] in ("text_input", "text_area") else widget.set_value(value)
    return at.button[0].click().run()


def test_empty_database_shows_an_empty_pipeline(open_page: Open) -> None:
    at = open_page("gigs")
    no_trouble(at)
    assert at.title[0].value == "Gigs"
    assert summary(at) == {s: (0, "—") for s in ("lead", "proposal sent", "active", "delivered", "paid",
                                                 "lost", "declined", "cancelled")}
    assert "No gigs here yet" in at.info[0].value
    assert "(S11)" in at.caption[0].value


def test_filled_database_lists_the_gig(open_page: Open, filled: Session) -> None:
    at = open_page("gigs")
    no_trouble(at)
    assert summary(at)["paid"] == (1, "$250.00")
    row = at.dataframe[1].value.iloc[0]
    assert (row["title"], row["client"], row["skill"], row["status"], row["value"]) == (
        "Logo for Acme", "Acme Ltd", "Logo design", "paid", "$250.00")


def test_summary_sums_each_currency_apart(open_page: Open, session: Session) -> None:
    for price, currency in (("300", "USD"), ("5000", "BDT"), ("0.50", "USD")):
        create_gig(session=session, data=GigInput(title="G", price=price, currency=currency,
                                                  status="active"))
    create_gig(session=session, data=GigInput(title="H", pricing="hourly", price="12.50",
                                              hours_worked="1.5", status="lead"))
    at = open_page("gigs")
    assert summary(at)["active"] == (3, "$300.50 + ৳5,000.00")
    assert summary(at)["lead"] == (1, "$18.75")  # 12.50 × 1.5 hours


def test_list_filters_by_status_newest_first(open_page: Open, session: Session) -> None:
    for title, status in (("First", "active"), ("Second", "lead"), ("Third", "active")):
        create_gig(session=session, data=GigInput(title=title, status=status))
    at = open_page("gigs")
    assert list(at.dataframe[1].value["title"]) == ["Third", "Second", "First"]
    at.selectbox(key="gig_filter").set_value("active").run()
    assert list(at.dataframe[1].value["title"]) == ["Third", "First"]
    at.selectbox(key="gig_filter").set_value("lost").run()
    assert len(at.dataframe) == 1 and "No gigs here yet" in at.info[0].value


def test_add_stores_exactly_what_was_typed(open_page: Open, session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="Bakery")).id
    skill = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design")).id
    at = add_gig(open_page("gigs"), title=" Logo for a bakery ", client=client, skill=skill,
                 platform="Fiverr", pricing="hourly", status="active", price="12.50", currency="EUR",
                 hours="1.5", started=date(2026, 8, 1), due=date(2026, 8, 10),
                 delivered=date(2026, 8, 9), note="first gig")
    no_trouble(at)
    assert at.success[0].value == "Added Logo for a bakery."
    assert gigs() == [{
        "id": 1, "title": "Logo for a bakery", "client_id": client, "skill_id": skill,
        "platform": "Fiverr", "pricing": "hourly", "price_minor": 1250, "currency": "EUR",
        "minutes_worked": 90, "status": "active", "started_on": date(2026, 8, 1),
        "due_on": date(2026, 8, 10), "delivered_on": date(2026, 8, 9), "closed_on": None,
        "decline_reason": "", "note": "first gig", "demo": False}]
    assert w(at.text_input, "gig_add_#.title").value == "", "the form starts empty again"


def test_add_with_only_a_title_stores_a_lead(open_page: Open) -> None:
    at = add_gig(open_page("gigs"), title="Maybe a website")
    no_trouble(at)
    stored = gigs()[0]
    assert (stored["status"], stored["price_minor"], stored["currency"], stored["client_id"]) == (
        "lead", 0, "USD", None)


@pytest.mark.parametrize(("platform", "stored"), [(None, "Upwork"), ("Fiverr", "Fiverr")])
def test_platform_follows_the_client_unless_chosen(open_page: Open, session: Session, platform: str | None,
                                                  stored: str) -> None:
    client = create_client(session=session, data=ClientInput(name="Acme", platform="Upwork")).id
    typed = {"title": "Landing page", "client": client} | ({"platform": platform} if platform else {})
    no_trouble(add_gig(open_page("gigs"), **typed))
    assert gigs()[0]["platform"] == stored


def test_without_a_client_the_platform_is_direct(open_page: Open) -> None:
    no_trouble(add_gig(open_page("gigs"), title="Flyer"))
    assert gigs()[0]["platform"] == "direct"


@pytest.mark.parametrize(("typed", "message"), [
    ({"title": "  "}, "Please give the gig title."),
    ({"title": "t" * 301}, "The gig title is too long: at most 300 characters."),
    ({"price": "ten"}, "“ten” is not a number. Type digits, like 1,250.50."),
    ({"price": "-1"}, "The price cannot be negative."),
    ({"price": "9.999"}, "USD amounts have at most 2 decimals; “9.999” has more."),
    ({"hours": "two"}, "“two” is not a number. Type digits, like 1,250.50."),
    ({"hours": "-1"}, "Hours worked must be between 0 and 100,000."),
    ({"status": "declined"}, "Say why you declined this work; it helps you decide next time."),
    ({"started": date(2026, 8, 10), "delivered": date(2026, 8, 9)},
     "The delivery date is before the start date."),
])
def test_bad_gig_shows_a_message_and_stores_nothing(open_page: Open, typed: dict[str, Any],
                                                    message: str) -> None:
    at = add_gig(open_page("gigs"), **{"title": "Logo", **typed})
    assert not at.exception
    assert [e.value for e in at.error] == [message]
    assert gigs() == []


def gig_with_payments(session: Session, count: int = 0, **values: Any) -> int:
    """Store a gig (and `count` payments for it, plus one loose payment); return its id."""
    gig = create_gig(session=session, data=GigInput(**{"title": "Logo", "price": "100", **values})).id
    for _ in range(count):
        create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="50", rate="120",
                                                          gig_id=gig))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-04", gross="5", rate="120"))
    return gig


def move(at: AppTest, gig: int, status: str, hours: str | None = None, reason: str | None = None,
         other: str | None = None) -> AppTest:
    """Choose a new status (and hours, a reason) for the picked gig and press Move gig."""
    w(at.selectbox, f"gig_{gig}_#.move_status").set_value(status).run()
    if hours is not None:
        w(at.text_input, f"gig_{gig}_#.move_hours").input(hours)
    if reason is not None:
        w(at.radio, f"gig_{gig}_#.move_reason").set_value(reason).run()
    if other is not None:
        w(at.text_input, f"gig_{gig}_#.move_other").input(other)
    return w(at.button, f"gig_{gig}_#.move").click().run()


def test_move_to_delivered_fills_today_and_updates_hours(open_page: Open, session: Session,
                                                         frozen_today: date) -> None:
    gig = gig_with_payments(session, status="active", pricing="hourly", hours_worked="1")
    at = open_page("gigs")
    assert w(at.text_input, f"gig_{gig}_#.move_hours").value == "1.00", "pre-filled"
    at = move(at, gig, "delivered", hours="2.25")
    no_trouble(at)
    assert at.success[0].value == "Logo is now: delivered."
    stored = gigs()[0]
    assert (stored["status"], stored["delivered_on"], stored["minutes_worked"]) == (
        "delivered", frozen_today, 135)


def test_declining_without_a_reason_is_refused(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session, status="proposal sent")
    at = move(open_page("gigs"), gig, "declined")
    assert [e.value for e in at.error] == ["Say why you declined this work; it helps you decide next time."]
    assert (gigs()[0]["status"], gigs()[0]["decline_reason"]) == ("proposal sent", "")
    at = move(at, gig, "declined", reason="other", other="  ")
    assert [e.value for e in at.error] == ["Say why you declined this work; it helps you decide next time."]
    assert gigs()[0]["status"] == "proposal sent"


def test_declining_for_ones_principles_is_offered_and_stored(open_page: Open, session: Session,
                                                             frozen_today: date) -> None:
    gig = gig_with_payments(session, status="lead")
    at = open_page("gigs")
    w(at.selectbox, f"gig_{gig}_#.move_status").set_value("declined").run()
    assert "Source point S4" in at.info[0].value and "right" in at.info[0].value
    assert w(at.radio, f"gig_{gig}_#.move_reason").options[0] == S4_REASON
    at = move(at, gig, "declined", reason="principles")
    no_trouble(at)
    stored = gigs()[0]
    assert (stored["status"], stored["decline_reason"], stored["closed_on"]) == (
        "declined", "principles", frozen_today), "the code is stored, not the words"
    assert list(at.dataframe[-1].value["reason"]) == [S4_REASON]


def test_declining_with_another_reason_stores_the_text(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session, status="lead")
    at = move(open_page("gigs"), gig, "declined", reason="other", other="They want it for free")
    no_trouble(at)
    assert gigs()[0]["decline_reason"] == "They want it for free"


def test_edit_is_pre_filled_and_stores_the_changes(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session, status="active", started_on="2026-08-01")
    at = open_page("gigs")
    assert w(at.text_input, f"gig_{gig}_#.edit.price").value == "100.00"
    assert w(at.date_input, f"gig_{gig}_#.edit.started").value == date(2026, 8, 1)
    w(at.text_input, f"gig_{gig}_#.edit.title").input("Logo and card")
    w(at.text_input, f"gig_{gig}_#.edit.price").input("1,250.50")
    w(at.selectbox, f"gig_{gig}_#.edit.currency").set_value("BDT")
    at.button(key=f"gig_{gig}_0.edit_save").click().run()
    no_trouble(at)
    assert at.success[0].value == "Saved Logo and card."
    stored = gigs()[0]
    assert (stored["title"], stored["price_minor"], stored["currency"], stored["started_on"]) == (
        "Logo and card", 125050, "BDT", date(2026, 8, 1))
    assert w(at.text_input, f"gig_{gig}_#.edit.title").value == "Logo and card"


def test_edit_shows_a_declined_reason_in_words_and_keeps_its_code(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session, status="declined", decline_reason="budget")
    at = open_page("gigs")
    assert w(at.text_input, f"gig_{gig}_#.edit.reason").value == "The budget is too low"
    w(at.text_input, f"gig_{gig}_#.edit.title").input("Logo and card")
    at.button(key=f"gig_{gig}_0.edit_save").click().run()
    no_trouble(at)
    assert (gigs()[0]["title"], gigs()[0]["decline_reason"]) == ("Logo and card", "budget")


def test_edit_refuses_bad_input_and_changes_nothing(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session, status="active")
    before = gigs()
    at = open_page("gigs")
    w(at.text_input, f"gig_{gig}_#.edit.title").input("")
    at.button(key=f"gig_{gig}_0.edit_save").click().run()
    assert [e.value for e in at.error] == ["Please give the gig title."]
    assert gigs() == before


def test_gig_pick_lists_newest_first(open_page: Open, session: Session) -> None:
    for title in ("Old", "New"):
        create_gig(session=session, data=GigInput(title=title))
    assert w(open_page("gigs").selectbox, "gig_pick_#").options == ["#2 New · — · lead", "#1 Old · — · lead"]


def delete(at: AppTest, gig: int, how: str | None = None) -> AppTest:
    """Tick 'yes' (and choose what happens to payments) and press Delete."""
    if how is not None:
        w(at.radio, f"gig_{gig}_#.payments").set_value(how)
    w(at.checkbox, f"gig_{gig}_#.remove_sure").check().run()
    return w(at.button, f"gig_{gig}_#.remove_delete").click().run()


def test_delete_without_payments(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session)
    at = open_page("gigs")
    assert not at.radio, "no question about payments"
    at = delete(at, gig)
    no_trouble(at)
    assert at.success[0].value == "Deleted Logo."
    assert gigs() == []


def test_delete_keeping_payments_unlinks_them(open_page: Open, session: Session) -> None:
    gig = gig_with_payments(session, 2)
    at = open_page("gigs")
    assert w(at.radio, f"gig_{gig}_#.payments").label == (
        "This gig has 2 payments. What should happen to them?")
    at = delete(at, gig, "keep")
    no_trouble(at)
    assert gigs() == []
    assert payments() == [(1, None), (2, None), (3, None)]


def test_delete_with_payments_removes_them_too(open_page: Open, session: Session) -> None:
    other = gig_with_payments(session, 1)
    gig = gig_with_payments(session, 2)
    at = open_page("gigs")
    at = delete(at, gig, "delete")
    no_trouble(at)
    assert [g["id"] for g in gigs()] == [other]
    assert payments() == [(1, other), (2, None), (5, None)]
