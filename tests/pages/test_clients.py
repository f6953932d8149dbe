"""The Clients page: the list with what each client paid and owes, add, edit, delete or archive."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import Session, select
from streamlit.testing.v1 import AppTest

from tracker.db.engine import open_session
from tracker.ledger.models import Client
from tracker.services.clients import ClientInput, create_client
from tracker.services.gigs import GigInput, create_gig
from tracker.services.payments import PaymentInput, create_payment

Open = Callable[[str], AppTest]


def w(elements: Any, pattern: str) -> Any:
    """Return the one widget whose key matches the pattern ('#' stands for a form's generation)."""
    regex = re.compile(re.escape(pattern).replace("\\#", r"\d+"))
    found = [e for e in elements if e.key and regex.fullmatch(e.key)]
    assert len(found) == 1, [e.key for e in elements]
    return found[0]


def clients() -> list[dict[str, Any]]:
    """Return every client as stored, oldest first."""
    with open_session() as s:
        return [c.model_dump(exclude={"id", "created_at"})
                for c in s.exec(select(Client).order_by(Client.id)).all()]


def client_id(name: str) -> int:
    """Return the id of the client with that name."""
    with open_session() as s:
        return s.exec(select(Client.id).where(Client.name == name)).one()


def no_trouble(at: AppTest) -> None:
    """Assert the page ran without an exception or an error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def add(at: AppTest, name: str, platform: str = "direct", country: str = "", verified: bool = False,
        notes: str = "") -> AppTest:
    """Fill in the add form and press Add client."""
    w(at.text_input, "client_#.name").input(name)
    w(at.selectbox, "client_#.platform").set_value(platform)
    w(at.text_input, "client_#.country").input(country)
    w(at.checkbox, "client_#.verified").set_value(verified)
    w(at.text_area, "client_#.notes").input(notes)
    return at.button[0].click().run()


STORED = {"name": "Bright Web", "platform": "Fiverr", "country": "Bangladesh", "payment_verified": True,
          "notes": "Found on Fiverr; checked their reviews.", "archived": False, "asks_upfront": False,
          "demo": False}


def test_empty_database_invites_the_first_client(open_page: Open) -> None:
    at = open_page("clients")
    no_trouble(at)
    assert at.title[0].value == "Clients"
    assert "No clients yet" in at.info[0].value
    assert not at.dataframe
    assert "(S18)" in at.caption[0].value


def test_add_stores_exactly_what_was_typed(open_page: Open) -> None:
    at = add(open_page("clients"), " Bright Web ", "Fiverr", "Bangladesh", True,
             "Found on Fiverr; checked their reviews.")
    no_trouble(at)
    assert at.success[0].value == "Added Bright Web."
    assert clients() == [STORED]
    assert w(at.text_input, "client_#.name").value == "", "the form starts empty again"
    assert list(at.dataframe[0].value["name"]) == ["Bright Web"]


@pytest.mark.parametrize(("typed", "message"), [
    ({"name": "  "}, "Please give the client name."),
    ({"name": "acme ltd"}, "A client called “acme ltd” exists already."),
    ({"name": "n" * 201}, "The client name is too long: at most 200 characters."),
    ({"name": "New", "country": "c" * 81}, "The country is too long: at most 80 characters."),
    ({"name": "New", "notes": "x" * 4001}, "The notes is too long: at most 4000 characters."),
])
def test_bad_client_shows_a_message_and_stores_nothing(open_page: Open, session: Session,
                                                       typed: dict[str, str], message: str) -> None:
    create_client(session=session, data=ClientInput(name="Acme Ltd"))
    at = add(open_page("clients"), **typed)
    assert not at.exception
    assert [e.value for e in at.error] == [message]
    assert [c["name"] for c in clients()] == ["Acme Ltd"]


def test_list_shows_paid_open_and_overdue_money(open_page: Open, filled: Session,
                                                 frozen_today: date) -> None:
    acme = client_id("Acme Ltd")
    late = frozen_today - timedelta(days=15)
    create_gig(session=filled, data=GigInput(title="Site", client_id=acme, price="300", status="active"))
    create_gig(session=filled, data=GigInput(title="Banner", client_id=acme, price="5000", currency="BDT",
                                             status="delivered", delivered_on=late))
    create_client(session=filled, data=ClientInput(name="Bakery"))
    at = open_page("clients")
    no_trouble(at)
    rows = at.dataframe[0].value.set_index("name")
    assert list(rows.index) == ["Acme Ltd", "Bakery"]
    assert rows.loc["Acme Ltd", ["net_home", "open", "overdue", "last_payment"]].tolist() == [
        "27562.50", "$300.00 + ৳5,000.00", "৳5,000.00", date(2026, 8, 3)]
    assert rows.loc["Bakery", ["net_home", "open", "overdue"]].tolist() == ["0.00", "—", "—"]
    assert "more than 14 days ago" in at.warning[0].value and "(S18)" in at.warning[0].value
    assert any("more than 14 days ago" in c.value for c in at.caption)


def test_edit_picks_newest_first_and_stores_the_changes(open_page: Open, session: Session) -> None:
    for name in ("Old Co", "Acme Ltd"):
        create_client(session=session, data=ClientInput(name=name, platform="Upwork", country="USA"))
    at = open_page("clients")
    pick = w(at.selectbox, "client_pick_#")
    assert pick.options == ["Acme Ltd", "Old Co"]
    pick.set_value(client_id("Old Co")).run()
    assert w(at.text_input, "client_edit_#_#.name").value == "Old Co", "pre-filled"
    assert w(at.text_input, "client_edit_#_#.country").value == "USA"
    w(at.text_input, "client_edit_#_#.name").input("Bright Web")
    w(at.selectbox, "client_edit_#_#.platform").set_value("Fiverr")
    w(at.text_input, "client_edit_#_#.country").input("Bangladesh")
    w(at.checkbox, "client_edit_#_#.verified").check()
    w(at.text_area, "client_edit_#_#.notes").input("Found on Fiverr; checked their reviews.")
    at.button(key=f"client_edit_{client_id('Old Co')}_0_save").click().run()
    no_trouble(at)
    assert at.success[0].value == "Saved Bright Web."
    assert clients()[0] == STORED
    assert w(at.selectbox, "client_pick_#").value == client_id("Bright Web"), "still chosen"


def test_edit_refuses_another_clients_name(open_page: Open, session: Session) -> None:
    create_client(session=session, data=ClientInput(name="Acme Ltd"))
    create_client(session=session, data=ClientInput(name="Bakery"))
    at = open_page("clients")
    w(at.text_input, "client_edit_#_#.name").input("ACME LTD")
    at.button(key=f"client_edit_{client_id('Bakery')}_0_save").click().run()
    assert [e.value for e in at.error] == ["A client called “ACME LTD” exists already."]
    assert [c["name"] for c in clients()] == ["Acme Ltd", "Bakery"]


def test_delete_is_refused_while_gigs_point_at_it_then_archive_works(open_page: Open,
                                                                     session: Session) -> None:
    acme = create_client(session=session, data=ClientInput(name="Acme Ltd")).id
    create_gig(session=session, data=GigInput(title="Logo", client_id=acme))
    create_payment(session=session, data=PaymentInput(paid_on="2026-08-03", gross="10", rate="120",
                                                      client_id=acme))
    at = open_page("clients")
    assert not [b for b in at.button if b.key == f"client_{acme}_archive"], "offered only when refused"
    at.checkbox(key=f"client_{acme}_sure").check().run()
    at.button(key=f"client_{acme}_delete").click().run()
    assert [e.value for e in at.error] == [
        "Acme Ltd still has 1 gigs and 1 payments. Archive the client instead, or delete those first."]
    assert clients()[0]["archived"] is False
    at.button(key=f"client_{acme}_archive").click().run()
    no_trouble(at)
    assert at.success[0].value == "Archived Acme Ltd."
    assert clients()[0]["archived"] is True
    assert at.dataframe[0].value["archived"].tolist() == [True]
    assert w(at.checkbox, "client_edit_#_#.archived").value is True


def test_archived_client_can_be_brought_back(open_page: Open, session: Session) -> None:
    create_client(session=session, data=ClientInput(name="Acme Ltd", archived=True))
    at = open_page("clients")
    w(at.checkbox, "client_edit_#_#.archived").uncheck()
    at.button(key=f"client_edit_{client_id('Acme Ltd')}_0_save").click().run()
    no_trouble(at)
    assert clients()[0]["archived"] is False


def test_delete_without_links_removes_the_client(open_page: Open, session: Session) -> None:
    create_client(session=session, data=ClientInput(name="Keep"))
    gone = create_client(session=session, data=ClientInput(name="Gone")).id
    at = open_page("clients")
    assert at.button(key=f"client_{gone}_delete").disabled, "not without the tick"
    at.checkbox(key=f"client_{gone}_sure").check().run()
    at.button(key=f"client_{gone}_delete").click().run()
    no_trouble(at)
    assert at.success[0].value == "Deleted Gone."
    assert [c["name"] for c in clients()] == ["Keep"]
    assert w(at.selectbox, "client_pick_#").options == ["Keep"]

