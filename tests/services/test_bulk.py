"""Bulk services: many records checked like one each, stored all together or not at all."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, func, select

from tests.databases import count
from tracker.ledger.errors import InvalidInput
from tracker.ledger.models import Client, Expense, Gig, LearningSession, Payment, Skill
from tracker.services import bulk
from tracker.services.clients import ClientInput, create_client
from tracker.services.expenses import ExpenseInput, create_expense
from tracker.services.gigs import GigInput
from tracker.services.payments import PaymentInput, create_payment
from tracker.services.skills import LearningInput, SkillInput

STORED = ("paid_on", "month", "kind", "client_id", "gig_id", "platform", "currency", "gross_minor",
          "platform_fee_minor", "transfer_fee_minor", "rate", "gross_home_minor", "fees_home_minor",
          "net_home_minor", "status", "source", "external_ref", "note")


def test_ids_come_back_in_the_order_given_and_values_are_checked(session: Session) -> None:
    ids = bulk.add_clients(session=session, data=[ClientInput(name="  Acme  ", platform="upwork"),
                                                  ClientInput(name="Bright", platform="Fiverr")])
    assert [session.get(Client, i).name for i in ids] == ["Acme", "Bright"]
    assert session.get(Client, ids[0]).platform == "Upwork"


def test_a_name_twice_in_the_list_or_already_stored_is_refused(session: Session) -> None:
    create_client(session=session, data=ClientInput(name="Acme"))
    with pytest.raises(InvalidInput, match="Record 2 was refused"):
        bulk.add_clients(session=session, data=[ClientInput(name="Nadi"), ClientInput(name="nadi ")])
    with pytest.raises(InvalidInput, match="Record 1 was refused: A client called “ACME” exists"):
        bulk.add_clients(session=session, data=[ClientInput(name="ACME")])
    with pytest.raises(InvalidInput, match="Record 2 was refused"):
        bulk.add_skills(session=session, data=[SkillInput(name="Logo", category="design"),
                                               SkillInput(name="LOGO", category="design")])
    assert count(session, Client) == 1 and count(session, Skill) == 0


def test_one_bad_record_stores_nothing(session: Session) -> None:
    [client] = bulk.add_clients(session=session, data=[ClientInput(name="Acme")])
    good = PaymentInput(paid_on="2026-08-03", gross="250", rate="122.50", client_id=client)
    bad = PaymentInput(paid_on="2026-08-04", gross="10", platform_fee="20", rate="122.50")
    with pytest.raises(InvalidInput, match="Record 3 was refused: The fees are more than the amount paid"):
        bulk.add_payments(session=session, data=[good, good.model_copy(), bad])
    with pytest.raises(InvalidInput, match="Record 1 was refused"):
        bulk.add_gigs(session=session, data=[GigInput(title="Logo", client_id=client + 99)])
    assert count(session, Payment) == 0 and count(session, Gig) == 0


def test_a_duplicate_reference_stores_nothing(session: Session) -> None:
    row = PaymentInput(paid_on="2026-08-03", gross="250", rate="122.50", source="upwork", external_ref="7")
    with pytest.raises(InvalidInput, match="duplicate"):
        bulk.add_payments(session=session, data=[row, row.model_copy()])
    assert count(session, Payment) == 0


def test_payments_are_stored_exactly_as_the_one_at_a_time_service_stores_them(session: Session) -> None:
    [client] = bulk.add_clients(session=session, data=[ClientInput(name="Acme", platform="Upwork")])
    [skill] = bulk.add_skills(session=session, data=[SkillInput(name="Logo", category="graphic design")])
    [gig] = bulk.add_gigs(session=session, data=[GigInput(title="Logo", client_id=client, skill_id=skill,
                                                          platform="Upwork", price="250", status="paid")])
    inputs = [PaymentInput(paid_on="2026-08-03", gross="250.00", platform_fee="10%", rate="122.50",
                           gig_id=gig),
              PaymentInput(paid_on="2026-08-05", gross="1,000", currency="BDT", client_id=client,
                           status="pending", note="tip"),
              PaymentInput(paid_on="2026-08-07", gross="50", platform_fee="5", rate="120", kind="refund",
                           gig_id=gig, source="upwork", external_ref="R1")]
    ids = bulk.add_payments(session=session, data=inputs)
    one_by_one = [create_payment(session=session, data=i.model_copy(update={"external_ref": "x" + (
        i.external_ref or str(n))})) for n, i in enumerate(inputs)]
    for stored, expected in zip((session.get(Payment, i) for i in ids), one_by_one, strict=True):
        assert {k: getattr(stored, k) for k in STORED if k != "external_ref"} == \
               {k: getattr(expected, k) for k in STORED if k != "external_ref"}
    assert session.get(Payment, ids[0]).client_id == client  # taken from the gig, as a form does


def test_expenses_and_learning(session: Session) -> None:
    [skill] = bulk.add_skills(session=session, data=[SkillInput(name="Logo", category="graphic design")])
    bulk.add_learning(session=session, data=[
        LearningInput(skill_id=skill, learned_on="2026-08-01", minutes=90),
        LearningInput(skill_id=skill, learned_on=date(2026, 8, 2), minutes="30")])
    dollars = ExpenseInput(spent_on="2026-08-04", amount="12", currency="USD", rate="121.5")
    [expense] = bulk.add_expenses(session=session, data=[dollars])
    again = create_expense(session=session, data=dollars.model_copy())
    stored = session.get(Expense, expense)
    assert (stored.amount_home_minor, stored.rate, stored.month) == (again.amount_home_minor, "121.5",
                                                                     "2026-08")
    assert session.exec(select(func.sum(LearningSession.minutes))).one() == 120
    with pytest.raises(InvalidInput, match="Record 1 was refused"):
        bulk.add_learning(session=session, data=[LearningInput(skill_id=skill, learned_on="2026-08-01",
                                                               minutes=0)])


def test_an_empty_list_stores_nothing(session: Session) -> None:
    assert bulk.add_payments(session=session, data=[]) == []
