"""The Log work page: three forms store exactly what was typed, refuse bad input visibly, and the
latest entries can be changed and deleted."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pytest
from sqlmodel import Session, func, select
from streamlit.testing.v1 import AppTest

from tracker.db.engine import open_session
from tracker.ledger.models import Expense, Gig, Payment
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.settings import set_setting
from tracker.services.skills import SkillInput, create_skill

Open = Callable[[str], AppTest]
DAY = date(2026, 8, 3)


def field(elements: Sequence[Any], form: str, name: str) -> Any:
    """Return the one widget named `name` in a form whose key starts with `form` (any generation)."""
    found = [e for e in elements if e.key and e.key.startswith(form + "_") and e.key.endswith("_" + name)]
    assert len(found) == 1, [e.key for e in found]
    return found[0]


def fill(at: AppTest, form: str, day: date | None = DAY, **texts: str) -> AppTest:
    """Type into a form's text fields (and its date), press its save button, and run the page."""
    if day is not None:
        field(at.date_input, form, "date").set_value(day)
    for name, text in texts.items():
        field(at.text_input, form, name).input(text)
    return field(at.button, form, "save").click().run()


def rows(model: type) -> list[Any]:
    """Return every row of a table, read with a new session, in id order."""
    with open_session() as s:
        return list(s.exec(select(model).order_by(model.id)).all())


def count(model: type) -> int:
    """Return how many rows a table holds."""
    with open_session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


def no_trouble(at: AppTest) -> None:
    """Assert the page ran without an exception or an error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def pay(session: Session, day: str, rate: str, **changes: Any) -> Payment:
    """Store a $100.00 payment (through the service) and return it."""
    values: dict[str, Any] = {"paid_on": day, "gross": "100", "currency": "USD", "rate": rate}
    return create_payment(session=session, data=PaymentInput(**{**values, **changes}))


# --- the page --------------------------------------------------------------------------------------

def test_three_tabs(open_page: Open) -> None:
    at = open_page("log_work")
    no_trouble(at)
    assert [t.label for t in at.tabs] == ["Payment", "Gig and its payment", "Expense"]
    assert at.title[0].value == "Log work"


# --- payment tab -----------------------------------------------------------------------------------

def test_fee_default_follows_the_platform(open_page: Open) -> None:
    at = open_page("log_work")
    assert at.selectbox(key="payment_platform").value == "Upwork"
    assert field(at.text_input, "payment", "fee").value == "10%"
    at.selectbox(key="payment_platform").set_value("Fiverr").run()
    assert field(at.text_input, "payment", "fee").value == "20%"
    at.selectbox(key="gig_platform").set_value("Fiverr").run()
    assert field(at.text_input, "gig", "fee").value == "20%"
    at.selectbox(key="payment_platform").set_value("direct").run()
    assert field(at.text_input, "payment", "fee").value == "0%"


def test_fee_default_comes_from_settings(open_page: Open, session: Session) -> None:
    set_setting(session=session, key="fee_percent.Upwork", value="12.5")
    assert field(open_page("log_work").text_input, "payment", "fee").value == "12.5%"


def test_choosing_a_client_chooses_its_platform(open_page: Open, session: Session) -> None:
    bright = create_client(session=session, data=ClientInput(name="Bright Web", platform="Fiverr"))
    at = open_page("log_work")
    at.selectbox(key="payment_0_client").set_value(bright.id).run()
    assert at.selectbox(key="payment_platform").value == "Fiverr"
    assert field(at.text_input, "payment", "fee").value == "20%"
    at = fill(at, "payment", gross="50", rate="120")
    no_trouble(at)
    [stored] = rows(Payment)
    assert (stored.client_id, stored.platform, stored.platform_fee_minor) == (bright.id, "Fiverr", 1000)
    assert at.selectbox(key="payment_1_client").value is None  # the next payment starts without a client


def test_rate_default_is_the_last_rate_for_the_currency(open_page: Open, session: Session) -> None:
    pay(session, "2026-08-05", "121.5")
    pay(session, "2026-08-01", "119")
    create_expense(session=session, data=ExpenseInput(spent_on="2026-08-02", amount="10", currency="EUR",
                                                      rate="131"))
    at = open_page("log_work")
    assert field(at.text_input, "payment", "rate").value == "121.5"
    assert field(at.text_input, "gig", "rate").value == "121.5"
    at.selectbox(key="expense_currency").set_value("USD").run()
    assert field(at.text_input, "expense", "rate").value == "121.5"
    at.selectbox(key="payment_currency").set_value("EUR").run()
    assert field(at.text_input, "payment", "rate").value == "131"
    at.selectbox(key="payment_currency").set_value("GBP").run()
    assert field(at.text_input, "payment", "rate").value == ""


def test_payment_stores_exactly_what_was_typed(open_page: Open) -> None:
    """$1,250.50, fee 10% = $125.05, transfer $2.50, at 122.50: gross ৳1,53,186.25,
    fees 127.55 × 122.5 = ৳15,624.875 → ৳15,624.88, net ৳1,37,561.37."""
    at = fill(open_page("log_work"), "payment", gross="1,250.50", transfer="2.50", rate="১২২.৫০",
              note="Logo set")
    no_trouble(at)
    assert at.success[0].value == "Saved: ৳1,37,561.37 net."
    [p] = rows(Payment)
    assert (p.paid_on, p.currency, p.platform, p.kind, p.status) == (
        DAY, "USD", "Upwork", "payment", "cleared")
    assert (p.gross_minor, p.platform_fee_minor, p.transfer_fee_minor, p.rate) == (
        125050, 12505, 250, "122.5")
    assert (p.gross_home_minor, p.fees_home_minor, p.net_home_minor) == (15318625, 1562488, 13756137)
    assert (p.note, p.client_id, p.gig_id) == ("Logo set", None, None)
    assert field(at.text_input, "payment", "gross").value == "", "the form starts empty after a save"


def test_payment_by_taka_received(open_page: Open) -> None:
    """$100.00 − 10% fee = $90.00 became ৳10,950.00: rate 121.6666666667, net exactly ৳10,950.00."""
    at = fill(open_page("log_work"), "payment", gross="100", received="10,950")
    no_trouble(at)
    assert at.success[0].value == "Saved: ৳10,950.00 net."
    [p] = rows(Payment)
    assert (p.rate, p.net_home_minor, p.fees_home_minor, p.gross_home_minor) == (
        "121.6666666667", 1095000, 121667, 1216667)


def test_taka_received_replaces_the_suggested_rate(open_page: Open, session: Session) -> None:
    pay(session, "2026-08-01", "120")
    at = open_page("log_work")
    assert field(at.text_input, "payment", "rate").value == "120"
    at = fill(at, "payment", gross="100", received="10,950")
    no_trouble(at)
    assert rows(Payment)[-1].net_home_minor == 1095000


def test_payment_in_taka_needs_no_rate(open_page: Open) -> None:
    at = open_page("log_work")
    at.selectbox(key="payment_currency").set_value("BDT").run()
    at.selectbox(key="payment_platform").set_value("direct").run()
    assert not [w for w in at.text_input if w.key.endswith(("_rate", "_received")) and
                w.key.startswith("payment_")]
    at = fill(at, "payment", gross="৳5,000")
    no_trouble(at)
    [p] = rows(Payment)
    assert (p.currency, p.platform, p.gross_minor, p.rate, p.net_home_minor) == ("BDT", "direct", 500000, "1",
                                                                                500000)


@pytest.mark.parametrize(("texts", "message"), [
    ({"gross": "abc", "rate": "120"}, "“abc” is not a number"),
    ({"gross": "", "rate": "120"}, "Please give the amount."),
    ({"gross": "250", "fee": "150%", "rate": "120"}, "A platform fee in percent must be from 0% to 100%"),
    ({"gross": "250", "fee": "300", "rate": "120"}, "The fees are more than the amount paid"),
    ({"gross": "250"}, "Give the rate you received for 1 USD in BDT"),
    ({"gross": "250", "rate": "120", "received": "30,000"}, "Give either the rate or the BDT you received"),
    ({"gross": "250", "received": "0"}, "The amount received must be more than zero."),
    ({"gross": "250", "received": "-5"}, "The amount received cannot be negative."),
])
def test_bad_payment_is_refused_next_to_the_form(open_page: Open, texts: dict[str, str],
                                                 message: str) -> None:
    at = fill(open_page("log_work"), "payment", **texts)
    assert not at.exception
    assert message in at.tabs[0].error[0].value
    assert count(Payment) == 0


# --- gig and its payment ---------------------------------------------------------------------------

def test_gig_and_its_payment_in_one_go(open_page: Open, session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme", platform="Upwork"))
    logo = create_skill(session=session, data=SkillInput(name="Logo design", category="graphic design"))
    at = open_page("log_work")
    at.selectbox(key="gig_0_client").set_value(acme.id).run()
    field(at.selectbox, "gig", "skill").set_value(logo.id)
    at = fill(at, "gig", title="Logo for Acme", hours="3.5", gross="250.00", rate="122.50")
    no_trouble(at)
    assert at.success[0].value == "Saved “Logo for Acme” and its payment: ৳27,562.50 net."
    [gig] = rows(Gig)
    [p] = rows(Payment)
    assert (gig.title, gig.status, gig.price_minor, gig.currency, gig.minutes_worked) == (
        "Logo for Acme", "paid", 25000, "USD", 210)
    assert (gig.client_id, gig.skill_id, gig.platform, gig.closed_on) == (acme.id, logo.id, "Upwork", DAY)
    assert (p.gig_id, p.client_id, p.platform, p.paid_on) == (gig.id, acme.id, "Upwork", DAY)
    assert (p.gross_minor, p.platform_fee_minor, p.net_home_minor) == (25000, 2500, 2756250)


def test_gig_status_can_be_delivered(open_page: Open) -> None:
    at = open_page("log_work")
    assert field(at.selectbox, "gig", "status").value == "paid"
    field(at.selectbox, "gig", "status").set_value("delivered")
    no_trouble(fill(at, "gig", title="Half up front", gross="100", rate="120"))
    [gig] = rows(Gig)
    assert (gig.status, gig.closed_on) == ("delivered", None)


@pytest.mark.parametrize(("texts", "message"), [
    ({"title": " ", "gross": "250", "rate": "120"}, "Please give the gig title."),
    ({"title": "Logo", "gross": "250"}, "Give the rate you received"),
    ({"title": "Logo", "gross": "250", "fee": "150%", "rate": "120"}, "from 0% to 100%"),
    ({"title": "Logo", "gross": "250", "rate": "120", "hours": "-1"}, "Hours worked must be between"),
])
def test_bad_gig_or_payment_stores_neither(open_page: Open, texts: dict[str, str], message: str) -> None:
    at = fill(open_page("log_work"), "gig", **texts)
    assert not at.exception
    assert message in at.tabs[1].error[0].value
    assert (count(Gig), count(Payment)) == (0, 0)


# --- expense tab -----------------------------------------------------------------------------------

def test_expense_in_taka(open_page: Open) -> None:
    at = open_page("log_work")
    assert at.selectbox(key="expense_currency").value == "BDT"
    assert not [w for w in at.text_input if w.key.startswith("expense_") and w.key.endswith("_rate")]
    field(at.selectbox, "expense", "category").set_value("internet")
    at = fill(at, "expense", amount="১,২৫০.৫০", note="WiFi")
    no_trouble(at)
    assert at.success[0].value == "Saved: ৳1,250.50 spent."
    [e] = rows(Expense)
    assert (e.spent_on, e.currency, e.amount_minor, e.rate, e.amount_home_minor, e.category, e.note) == (
        DAY, "BDT", 125050, "1", 125050, "internet", "WiFi")


def test_expense_in_dollars_at_the_last_rate(open_page: Open, session: Session) -> None:
    """$15.00 of connects at the last rate 121.5 = ৳1,822.50."""
    pay(session, "2026-08-01", "121.5")
    at = open_page("log_work")
    at.selectbox(key="expense_currency").set_value("USD").run()
    assert field(at.selectbox, "expense", "category").value == "connects"
    no_trouble(fill(at, "expense", amount="15"))
    [e] = rows(Expense)
    assert (e.currency, e.amount_minor, e.rate, e.amount_home_minor, e.category) == (
        "USD", 1500, "121.5", 182250, "connects")


@pytest.mark.parametrize(("currency", "texts", "message"), [
    ("BDT", {"amount": ""}, "Please give the amount."),
    ("BDT", {"amount": "abc"}, "“abc” is not a number"),
    ("BDT", {"amount": "0"}, "The amount must be more than zero."),
    ("USD", {"amount": "15"}, "Give the rate you received for 1 USD"),
    ("USD", {"amount": "15", "rate": "-1"}, "The exchange rate must be more than zero."),
])
def test_bad_expense_is_refused_next_to_the_form(open_page: Open, currency: str, texts: dict[str, str],
                                                 message: str) -> None:
    at = open_page("log_work")
    at.selectbox(key="expense_currency").set_value(currency).run()
    at = fill(at, "expense", **texts)
    assert not at.exception
    assert message in at.tabs[2].error[0].value
    assert count(Expense) == 0


# --- latest entries, change and delete -------------------------------------------------------------

def test_latest_entries_show_money_as_a_person_reads_it(open_page: Open, filled: Session) -> None:
    pay(filled, "2026-08-10", "120")
    at = open_page("log_work")
    no_trouble(at)
    payments, expenses = at.dataframe[0].value, at.dataframe[1].value
    assert list(payments["net_home"]) == ["৳12,000.00", "৳27,562.50"]
    assert list(payments["gross"]) == ["$100.00", "$250.00"]
    assert list(payments["client"]) == ["", "Acme Ltd"]
    assert list(expenses["amount_home"]) == ["৳1,000.00"]
    assert list(expenses["category"]) == ["internet"]


def test_empty_lists_say_so(open_page: Open) -> None:
    at = open_page("log_work")
    assert [i.value for i in at.info] == ["No payments yet. Your first one goes in the form above.",
                                          "No expenses yet."]


def test_change_a_payment(open_page: Open, filled: Session) -> None:
    """$300.00 − $25.00 at 122.50 = ৳33,687.50; the gig link stays."""
    [before] = rows(Payment)
    at = open_page("log_work")
    assert field(at.text_input, "edit_payment", "gross").value == "250.00"
    assert field(at.text_input, "edit_payment", "fee").value == "25.00"
    assert field(at.text_input, "edit_payment", "rate").value == "122.5"
    at = fill(at, "edit_payment", day=None, gross="300", note="second logo")
    no_trouble(at)
    assert at.success[0].value == "The payment is changed."
    [after] = rows(Payment)
    assert (after.id, after.gross_minor, after.platform_fee_minor, after.net_home_minor) == (
        before.id, 30000, 2500, 3368750)
    assert (after.gig_id, after.client_id, after.paid_on, after.note) == (
        before.gig_id, before.client_id, before.paid_on, "second logo")


def test_change_the_older_of_two_payments_by_taka_received(open_page: Open, filled: Session) -> None:
    newer = pay(filled, "2026-08-10", "120")
    [older, _] = rows(Payment)
    at = open_page("log_work")
    pick = at.selectbox(key="edit_payment_0_pick")
    assert pick.options[:2] == ["2026-08-10 · $100.00", "2026-08-03 · $250.00 · Acme Ltd"]
    assert pick.value == newer.id
    pick.set_value(older.id).run()
    at = fill(at, "edit_payment", day=None, rate="", received="27,000")
    no_trouble(at)
    by_id = {p.id: p for p in rows(Payment)}
    assert (by_id[older.id].net_home_minor, by_id[older.id].rate) == (2700000, "120")
    assert by_id[newer.id].net_home_minor == 1200000


def test_bad_change_is_refused_and_changes_nothing(open_page: Open, filled: Session) -> None:
    [before] = rows(Payment)
    at = fill(open_page("log_work"), "edit_payment", day=None, gross="0")
    assert "The amount must be more than zero." in at.error[0].value
    assert rows(Payment)[0].model_dump() == before.model_dump()


def test_delete_a_payment(open_page: Open, filled: Session) -> None:
    at = open_page("log_work")
    assert field(at.button, "edit_payment", "delete").disabled, "no delete before 'yes' is ticked"
    field(at.checkbox, "edit_payment", "sure").check().run()
    field(at.button, "edit_payment", "delete").click().run()
    no_trouble(at)
    assert at.success[0].value == "The payment is deleted."
    assert count(Payment) == 0
    assert count(Gig) == 1


def test_change_an_expense(open_page: Open, filled: Session) -> None:
    [before] = rows(Expense)
    at = open_page("log_work")
    assert field(at.text_input, "edit_expense", "amount").value == "1000.00"
    field(at.selectbox, "edit_expense", "category").set_value("equipment")
    at = fill(at, "edit_expense", day=date(2026, 8, 9), amount="1,500")
    no_trouble(at)
    assert at.success[0].value == "The expense is changed."
    [after] = rows(Expense)
    assert (after.id, after.amount_minor, after.amount_home_minor, after.category, after.spent_on) == (
        before.id, 150000, 150000, "equipment", date(2026, 8, 9))


def test_bad_expense_change_is_refused(open_page: Open, filled: Session) -> None:
    [before] = rows(Expense)
    at = fill(open_page("log_work"), "edit_expense", day=None, amount="-5")
    assert "The amount cannot be negative." in at.error[0].value
    assert rows(Expense)[0].model_dump() == before.model_dump()


def test_delete_an_expense(open_page: Open, filled: Session) -> None:
    at = open_page("log_work")
    field(at.checkbox, "edit_expense", "sure").check().run()
    field(at.button, "edit_expense", "delete").click().run()
    no_trouble(at)
    assert at.success[0].value == "The expense is deleted."
    assert count(Expense) == 0
    assert count(Payment) == 1
