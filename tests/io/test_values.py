"""A statement row's stored values (tracker/io/values.py) are those of the same payment typed in a form."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session

from tests.strategies import EXAMPLES, outcome
from tracker.io.rows import ImportRow, RowKind
from tracker.io.values import row_values
from tracker.ledger.money import from_minor
from tracker.services.payments import PaymentInput, payment_values

pytestmark = pytest.mark.usefixtures("data_dir")  # tests/conftest.py
MINOR = st.one_of(st.integers(-3, 10**6), st.sampled_from([0, 10**15, 10**15 + 1, -(10**15) - 1, 10**26]))


@EXAMPLES
@given(amount=MINOR, platform_fee=MINOR, transfer_fee=MINOR, refund=st.booleans(), pending=st.booleans(),
       currency=st.sampled_from(["USD", "BDT", "JPY", "KWD"]),
       rate=st.sampled_from([None, Decimal("121.5"), Decimal("0.0000000001"), Decimal("1")]),
       expected=st.one_of(st.none(), st.integers(-10**6, 10**7)))
def test_a_statement_row_is_checked_and_counted_as_the_same_payment_typed_in_a_form(
        session: Session, amount: int, platform_fee: int, transfer_fee: int, refund: bool, pending: bool,
        currency: str, rate: Decimal | None, expected: int | None) -> None:
    """Rows skip writing their minor units out as text and reading them back, nothing else: the values
    (or the refusal) are those of the PaymentInput that the row used to become."""
    row = ImportRow(number=2, kind=RowKind.REFUND if refund else RowKind.PAYMENT, day=date(2026, 9, 3),
                    currency=currency, amount=amount, source="upwork", ref="r1", platform_fee=platform_fee,
                    transfer_fee=transfer_fee, pending=pending, platform="Upwork", note="n",
                    expected_net_home=expected)
    form = PaymentInput(
        paid_on=row.day, gross=from_minor(amount, currency), currency=currency,
        platform_fee=from_minor(platform_fee, currency), transfer_fee=from_minor(transfer_fee, currency),
        rate=None if currency == "BDT" else rate, kind="refund" if refund else "payment",
        status="pending" if pending else "cleared", platform="Upwork", source="upwork", external_ref="r1",
        note="n")

    def as_form() -> dict[str, object]:
        values = payment_values(session, form)
        if expected is not None and expected != values["net_home_minor"] and currency != "BDT":
            again = payment_values(session, form.model_copy(update={
                "rate": None, "received_home": from_minor(abs(expected), "BDT")}))
            values = again if again["net_home_minor"] == expected else values
        return {**values, "table": "payment"}

    assert outcome(row_values, session, row, rate, "BDT") == outcome(as_form)
