"""Payments CSV: exact money, ISO dates, UTF-8 with BOM, formulas made harmless."""

from __future__ import annotations

from sqlmodel import Session

from tests.io.helpers import rows_of
from tracker.io.csv import harmless
from tracker.io.export import PAYMENT_COLUMNS, payments_csv
from tracker.services.clients import ClientInput, create_client
from tracker.services.payments import PaymentInput, create_payment


def test_empty_database_exports_the_header(session: Session) -> None:
    data = payments_csv(session)
    assert data.decode("utf-8-sig").strip() == ",".join(PAYMENT_COLUMNS)


def test_payment_exports_exact_amounts_and_names(session: Session) -> None:
    client = create_client(session=session, data=ClientInput(name="রহিম ট্রেডার্স", platform="Upwork"))
    create_payment(session=session, data=PaymentInput(
        paid_on="2026-08-03", gross="250.00", currency="USD", platform_fee="25", rate="122.50",
        client_id=client.id, note="=HYPERLINK(\"x\")"))
    [row] = rows_of(payments_csv(session))
    assert row["date"] == "2026-08-03"
    assert row["client"] == "রহিম ট্রেডার্স"
    assert row["platform"] == "Upwork"
    assert (row["gross"], row["platform_fee"], row["rate"]) == ("250.00", "25.00", "122.5")
    assert (row["gross_home"], row["fees_home"], row["net_home"]) == ("30625.00", "3062.50", "27562.50")
    assert row["note"] == "'=HYPERLINK(\"x\")"


def test_harmless_only_touches_formula_starts() -> None:
    assert harmless("=1+1") == "'=1+1"
    assert harmless("@SUM") == "'@SUM"
    assert harmless("-5") == "'-5"
    assert harmless("Acme") == "Acme"
    assert harmless(None) == ""
